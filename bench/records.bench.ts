import { join } from 'node:path';
import type { AppConfig } from '../src/config/app-config.js';
import { MetricsService } from '../src/infrastructure/metrics/metrics.service.js';
import { RegistryMetrics } from '../src/registry/registry.metrics.js';
import { PgliteRecordsDatabase } from '../src/infrastructure/records/pglite-records.database.js';
import { PostgresRecordsDatabase } from '../src/infrastructure/records/postgres-records.database.js';
import { applyMigrations } from '../src/infrastructure/records/records-migrator.js';
import { openRegistryDatabase } from '../src/infrastructure/sqlite/legacy-registry-file.js';
import type { RecordsDatabase } from '../src/ports/records-database.port.js';
import { REGISTRY_MIGRATIONS } from '../src/registry/registry.migrations.js';
import type { RegistryRepository } from '../src/registry/registry.repository.js';
import { RegistryService } from '../src/registry/registry.service.js';
import { SqlRegistryRepository } from '../src/registry/sql-registry.repository.js';
import type { KpiDeviceState, KpiStateRepository } from '../src/reliability/kpi-state.repository.js';
import { RELIABILITY_MIGRATIONS } from '../src/reliability/reliability.migrations.js';
import { SqlKpiStateRepository } from '../src/reliability/sql-kpi-state.repository.js';
import { startPostgres } from '../test/helpers/postgres.js';
import { tempDir } from '../test/helpers/temp-dir.js';
import { SqliteKpiStateRepository } from './baseline/sqlite-kpi-state.repository.js';
import { SqliteRegistryRepository } from './baseline/sqlite-registry.repository.js';

export interface RecordsFigures {
  name: string;
  /** Opening the store the first time (PGlite: initdb; PostgreSQL: connecting and creating the tables), and again. */
  firstOpenMs: number;
  reopenMs: number;
  /** Devices (with 100 customers, 1,000 sites, 1 model) through RegistryService.importJson. */
  importSeconds: number;
  devicesPerSecond: number;
  /** The same import again: every record unchanged. */
  reimportSeconds: number;
  /** RegistryRepository.create, one device a statement (autocommit): the cost of a statement. */
  singleCreateMs: number;
  /** KpiStateRepository.saveRun with every device's state. */
  saveRunMs: number;
  /** markDirty of 1,000 devices, as ingest does for late data. */
  markDirtyMs: number;
  deviceStatesMs: number;
  /** RSS grown by opening and using the store. */
  rssGrowthMb: number;
}

interface Store {
  registry: RegistryRepository;
  kpi: KpiStateRepository;
  close(): Promise<void>;
}

interface Backend {
  name: string;
  /** Not timed: starting a server. */
  prepare(): Promise<void>;
  open(): Promise<Store>;
  remove(): Promise<void>;
}

const CONFIG = { apiMaxPoints: 10_000, registry: { registerFromBirth: false } } as AppConfig;
const MIGRATIONS = [REGISTRY_MIGRATIONS, RELIABILITY_MIGRATIONS];

function sqlStore(db: RecordsDatabase): Store {
  return {
    registry: new SqlRegistryRepository(db),
    kpi: new SqlKpiStateRepository(db),
    close: () => db.close(),
  };
}

function backends(): Backend[] {
  const dir = tempDir('fleet-bench-records-');
  let postgres: Awaited<ReturnType<typeof startPostgres>> | null = null;
  let url = '';
  return [
    {
      name: 'better-sqlite3 (the old registry)',
      prepare: () => Promise.resolve(),
      open: () => {
        const db = openRegistryDatabase(join(dir.path, 'registry.sqlite'));
        return Promise.resolve({
          registry: new SqliteRegistryRepository(db),
          kpi: new SqliteKpiStateRepository(db),
          close: () => {
            db.close();
            return Promise.resolve();
          },
        });
      },
      remove: () => Promise.resolve(),
    },
    {
      name: 'PGlite (embedded default)',
      prepare: () => Promise.resolve(),
      open: async () => {
        const db = await PgliteRecordsDatabase.open(join(dir.path, 'records'));
        await applyMigrations(db, MIGRATIONS);
        return sqlStore(db);
      },
      remove: () => Promise.resolve(dir.remove()),
    },
    {
      name: 'PostgreSQL 15 (Debian, fsync on)',
      prepare: async () => {
        postgres = await startPostgres({ durable: true });
        url = await postgres.createDatabase('bench');
      },
      open: async () => {
        const db = await PostgresRecordsDatabase.connect(url, 10);
        await applyMigrations(db, MIGRATIONS);
        return sqlStore(db);
      },
      remove: async () => {
        await postgres?.remove();
      },
    },
  ];
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

async function measure(backend: Backend, devices: number): Promise<RecordsFigures> {
  await backend.prepare();
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const [first, firstOpenMs] = await timed(() => backend.open());
  await first.close();
  const [store, reopenMs] = await timed(() => backend.open());
  const service = new RegistryService(store.registry, CONFIG, new RegistryMetrics(new MetricsService()));
  await service.importJson(
    'customers',
    Array.from({ length: 100 }, (_, i) => ({ customerId: `C${i}`, name: `Customer ${i}` })),
  );
  await service.importJson(
    'sites',
    Array.from({ length: 1000 }, (_, i) => ({
      siteId: `S${i}`,
      customerId: `C${i % 100}`,
      name: `Site ${i}`,
    })),
  );
  await service.importJson('models', [
    {
      modelId: 'MFP-C300',
      name: 'Office multifunction',
      kind: 'copier',
      usageUnit: 'pages',
      ratedMonthlyDuty: 20000,
      components: [{ name: 'fuser', expectedLife: 300000 }],
    },
  ]);
  const rows = Array.from({ length: devices }, (_, i) => ({
    deviceId: `dev-${String(i).padStart(6, '0')}`,
    serial: `SN-${i}`,
    modelId: 'MFP-C300',
    siteId: `S${i % 1000}`,
    installDate: '2024-01-15',
    contractType: 'full-service',
  }));
  const [report, importMs] = await timed(() => service.importJson('devices', rows));
  if (report.created !== devices) throw new Error(`imported ${report.created} of ${devices}`);
  const [again, reimportMs] = await timed(() => service.importJson('devices', rows));
  if (again.unchanged !== devices) throw new Error(`re-import changed ${devices - again.unchanged}`);

  const singles = 2000;
  const [, singlesMs] = await timed(async () => {
    for (let i = 0; i < singles; i++)
      await store.registry.create('devices', {
        deviceId: `one-${i}`,
        serial: `SN-one-${i}`,
        modelId: 'MFP-C300',
        installDate: '2024-01-15',
        contractType: 'full-service',
        registeredBy: 'api',
      });
  });

  const states = new Map<string, KpiDeviceState>(
    rows.map((r, i) => [
      r.deviceId,
      { scopeKey: `["MFP-C300","S${i % 1000}"]`, carry: i % 10 ? null : `{"open":${i}}` },
    ]),
  );
  let saveRunMs = 0;
  for (let run = 0; run < 3; run++) saveRunMs += (await timed(() => store.kpi.saveRun(run, states)))[1] / 3;
  let markDirtyMs = 0;
  for (let call = 0; call < 50; call++) {
    const marks = new Map(rows.slice(call * 1000, call * 1000 + 1000).map((r) => [r.deviceId, call]));
    markDirtyMs += (await timed(() => store.kpi.markDirty(marks)))[1] / 50;
  }
  const [read, deviceStatesMs] = await timed(() => store.kpi.deviceStates());
  if (read.size !== devices) throw new Error(`read ${read.size} states of ${devices}`);
  const rssGrowthMb = (process.memoryUsage().rss - rssBefore) / 1e6;
  await store.close();
  await backend.remove();
  return {
    name: backend.name,
    firstOpenMs,
    reopenMs,
    importSeconds: importMs / 1000,
    devicesPerSecond: devices / (importMs / 1000),
    reimportSeconds: reimportMs / 1000,
    singleCreateMs: singlesMs / singles,
    saveRunMs,
    markDirtyMs,
    deviceStatesMs,
    rssGrowthMb,
  };
}

/** The records stores compared on the registry import and KPI-state writes, in one run. */
export async function recordsBench(devices: number): Promise<RecordsFigures[]> {
  const figures: RecordsFigures[] = [];
  for (const backend of backends()) figures.push(await measure(backend, devices));
  return figures;
}
