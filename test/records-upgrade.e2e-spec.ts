import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { openRegistryDatabase } from '../src/infrastructure/sqlite/legacy-registry-file.js';
import { KPI_OUTAGE_REPOSITORY, type KpiOutageRepository } from '../src/reliability/kpi-outage.repository.js';
import { KPI_STATE_REPOSITORY, type KpiStateRepository } from '../src/reliability/kpi-state.repository.js';
import { startPostgres, type Postgres } from './helpers/postgres.js';
import { tempDir } from './helpers/temp-dir.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * `fixtures/registry-v3.sqlite` was written by the last release before the records
 * database (commit a13980f), driven over HTTP and MQTT as a user would (see
 * fixtures/README.md). What a user sees after upgrading is read from that file.
 */
const FIXTURE = new URL('./fixtures/registry-v3.sqlite', import.meta.url).pathname;

interface Page<T> {
  data: T[];
}

/**
 * What the fixture holds once the last SQLite release has opened it (its schema brought up to
 * date: that release rebuilds the KPI ledger's state), read from a copy.
 */
function readFixture(file: string) {
  const dir = tempDir('fleet-fixture-');
  copyFileSync(file, join(dir.path, 'registry.sqlite'));
  const db = openRegistryDatabase(join(dir.path, 'registry.sqlite'));
  try {
    const docs = (table: string): unknown[] =>
      (db.prepare(`SELECT doc FROM ${table} ORDER BY id`).pluck().all() as string[]).map(
        (d) => JSON.parse(d) as unknown,
      );
    const registered = new Set(db.prepare('SELECT id FROM devices').pluck().all() as string[]);
    return {
      registry: {
        customers: docs('customers'),
        sites: docs('sites'),
        models: docs('models'),
        devices: docs('devices'),
      },
      devicesSeen: (
        db.prepare('SELECT * FROM devices_seen ORDER BY device_id').all() as Array<{
          device_id: string;
          first_seen: number;
          last_seen: number;
          online: number | null;
          status_changed_at: number | null;
          model: string | null;
          firmware: string | null;
          serial: string | null;
          reporting_interval_ms: number | null;
        }>
      ).map((r) => ({
        deviceId: r.device_id,
        firstSeen: r.first_seen,
        lastSeen: r.last_seen,
        online: r.online === null ? null : r.online === 1,
        statusChangedAt: r.status_changed_at,
        model: r.model,
        firmware: r.firmware,
        serial: r.serial,
        reportingIntervalMs: r.reporting_interval_ms,
        registered: registered.has(r.device_id),
      })),
      deadLetters: (
        db.prepare('SELECT * FROM dead_letters ORDER BY id DESC').all() as Array<Record<string, unknown>>
      ).map((r) => ({
        receivedAt: r.received_at,
        reason: r.reason,
        detail: r.detail,
        topic: r.topic,
        ...(r.device_id === null ? {} : { deviceId: r.device_id }),
        payload: r.payload,
        payloadBytes: r.payload_bytes,
      })),
      watermark: (db.prepare(`SELECT value FROM kpi_state WHERE key = 'watermark'`).pluck().get() ?? null) as
        string | null,
      kpiDevices: new Map(
        (
          db.prepare('SELECT * FROM kpi_devices').all() as Array<{
            device_id: string;
            scope_key: string;
            carry: string | null;
          }>
        ).map((r) => [r.device_id, { scopeKey: r.scope_key, carry: r.carry }]),
      ),
      kpiOutages: (
        db.prepare('SELECT * FROM kpi_outages ORDER BY device_id, start').all() as Array<{
          device_id: string;
          start: number;
          end_ts: number;
        }>
      ).map((r) => ({ deviceId: r.device_id, start: r.start, end: r.end_ts >= OPEN ? null : r.end_ts })),
      kpiDirty: new Map(
        (db.prepare('SELECT * FROM kpi_dirty').all() as Array<{ device_id: string; from_ts: number }>).map(
          (r) => [r.device_id, r.from_ts],
        ),
      ),
    };
  } finally {
    db.close();
    dir.remove();
  }
}

const OPEN = 8_640_000_000_000_000;

/**
 * The hourly KPI ledger's state, as its SQLite release kept it beside the fixture's records
 * (the fixture predates it: opening the file clears the old ledger's state).
 */
function addHourlyLedgerState(file: string): void {
  const db = openRegistryDatabase(file);
  try {
    db.exec(`INSERT INTO kpi_state VALUES ('watermark', '1795618015268');
      INSERT INTO kpi_devices VALUES ('dev-1', '["MFP-C300","S-BER"]', '{"open":null,"usage":120000}');
      INSERT INTO kpi_devices VALUES ('dev-2', '["MFP-C300","S-HAM"]', NULL);
      INSERT INTO kpi_outages VALUES ('dev-1', 1795359600000, 1795363200000);
      INSERT INTO kpi_outages VALUES ('dev-2', 1795445214333, ${OPEN});`);
  } finally {
    db.close();
  }
}

let postgres: Postgres;
beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterAll(() => postgres.remove());

const backends: Array<[string, () => Promise<Record<string, string>>]> = [
  ['PGlite (embedded)', () => Promise.resolve({})],
  ['PostgreSQL', async () => ({ DATABASE_URL: await postgres.createDatabase('upgrade') })],
];

describe.each(backends)('Upgrade from registry.sqlite to the records database on %s', (_name, env) => {
  it('keeps every registry record, device seen, dead letter and the KPI state; the old file kept renamed, read once', async () => {
    const dir = tempDir('fleet-upgrade-');
    const file = join(dir.path, 'registry.sqlite');
    copyFileSync(FIXTURE, file);
    addHourlyLedgerState(file);
    const expected = readFixture(file);
    const settings = { ...(await env()), KPI_REFRESH_INTERVAL_MS: '0' };
    let app: TestApp | null = await startTestApp(settings, dir.path);
    try {
      for (const entity of ['customers', 'sites', 'models', 'devices'] as const) {
        const res = await app.get<Page<unknown>>(`/api/v1/registry/${entity}`);
        expect(res.body.data).toEqual(expected.registry[entity]);
      }
      expect((await app.get<Page<unknown>>('/api/v1/devices')).body.data).toEqual(expected.devicesSeen);
      const letters = (await app.get<Page<Record<string, unknown>>>('/api/v1/dead-letters')).body.data;
      expect(letters.map(({ id: _id, ...rest }) => rest)).toEqual(expected.deadLetters);
      const kpi = app.app.get<KpiStateRepository>(KPI_STATE_REPOSITORY);
      expect(await kpi.watermark()).toBe(Number(expected.watermark));
      expect(expected.kpiDevices.size).toBe(2);
      expect(await kpi.deviceStates()).toEqual(expected.kpiDevices);
      expect(await kpi.takeDirty()).toEqual(expected.kpiDirty);
      const outages = app.app.get<KpiOutageRepository>(KPI_OUTAGE_REPOSITORY);
      expect(await outages.overlapping({ from: 0, to: OPEN })).toEqual(expected.kpiOutages);
      expect(expected.kpiOutages).toHaveLength(2);
      await kpi.markDirty(expected.kpiDirty);

      expect(existsSync(join(dir.path, 'registry.sqlite'))).toBe(false);
      expect(existsSync(join(dir.path, 'registry.sqlite.imported'))).toBe(true);

      // a restart finds nothing to import: nothing counted twice
      await app.stop();
      app = await startTestApp(settings, dir.path);
      const again = (await app.get<Page<unknown>>('/api/v1/dead-letters')).body.data;
      expect(again).toHaveLength(expected.deadLetters.length);
      expect((await app.get<Page<unknown>>('/api/v1/registry/devices')).body.data).toEqual(
        expected.registry.devices,
      );
    } finally {
      await app?.stop();
      dir.remove();
    }
  });
});
