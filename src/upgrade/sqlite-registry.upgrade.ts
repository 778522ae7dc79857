import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { DeadLetterRepository } from '../dead-letters/dead-letter.repository.js';
import type { DeviceRepository } from '../devices/device.repository.js';
import {
  LegacyRegistryFile,
  type LegacyRegistryTable,
} from '../infrastructure/sqlite/legacy-registry-file.js';
import type { DeadLetterReason } from '../ports/records.js';
import type { RecordsDatabase } from '../ports/records-database.port.js';
import type { RegistryRecords } from '../registry/registry-entities.js';
import type { RegistryRepository } from '../registry/registry.repository.js';
import type { Outage } from '../reliability/kpi-ledger.js';
import type { KpiOutageRepository } from '../reliability/kpi-outage.repository.js';
import type { KpiDeviceState, KpiStateRepository } from '../reliability/kpi-state.repository.js';

const BATCH = 1000;
/** Parents first: the registry's foreign keys hold at every step. */
const TABLES: LegacyRegistryTable[] = ['customers', 'sites', 'models', 'devices'];

export interface UpgradeReport {
  /** The old file, renamed. */
  keptAs: string;
  registry: Record<LegacyRegistryTable, number>;
  devicesSeen: number;
  deadLetters: number;
  /**
   * False when the file had none (a file older than the hourly KPI ledger: the ledger is rebuilt) or
   * the records database had some already (another replica's): only the dirty marks were added.
   */
  kpiState: boolean;
}

export interface UpgradeRepositories {
  db: RecordsDatabase;
  registry: RegistryRepository;
  devices: DeviceRepository;
  deadLetters: DeadLetterRepository;
  kpiState: KpiStateRepository;
  kpiOutages: KpiOutageRepository;
}

/**
 * Upgrade from the releases that kept records in `DATA_DIR/registry.sqlite`: copies
 * the registry, devices seen, dead letters and KPI state into the records database
 * through the features' repositories, in one transaction, then renames the file
 * (`registry.sqlite.imported`) so it is kept but not imported again. Records there
 * already (another replica's import, on a shared PostgreSQL) are merged with:
 * registry records are replaced by the file's, devices seen keep the earliest first
 * and latest last sighting, dead letters are added.
 */
export async function upgradeFromSqliteRegistry(
  dataDir: string,
  r: UpgradeRepositories,
): Promise<UpgradeReport | null> {
  const file = LegacyRegistryFile.open(join(dataDir, 'registry.sqlite'));
  if (!file) return null;
  try {
    const counts = await r.db.transaction(() => copy(file, r));
    const keptAs = file.retire();
    const report = { keptAs, ...counts };
    new Logger('Upgrade').log(report, 'records copied from registry.sqlite into the records database');
    return report;
  } finally {
    file.close();
  }
}

async function copy(
  file: LegacyRegistryFile,
  r: UpgradeRepositories,
): Promise<Omit<UpgradeReport, 'keptAs'>> {
  const registry = { customers: 0, sites: 0, models: 0, devices: 0 };
  for (const table of TABLES) {
    for (const docs of batches(file.documents(table))) {
      await r.registry.upsert(
        table,
        docs.map((d) => JSON.parse(d) as RegistryRecords[typeof table]),
      );
      registry[table] += docs.length;
    }
  }

  let devicesSeen = 0;
  for (const rows of batches(file.devicesSeen())) {
    await r.devices.restore(
      rows.map((d) => ({
        deviceId: d.device_id,
        firstSeen: d.first_seen,
        lastSeen: d.last_seen,
        online: d.online === null ? null : d.online === 1,
        statusChangedAt: d.status_changed_at,
        model: d.model,
        firmware: d.firmware,
        serial: d.serial,
        reportingIntervalMs: d.reporting_interval_ms,
      })),
    );
    devicesSeen += rows.length;
  }

  let deadLetters = 0;
  for (const rows of batches(file.deadLetters())) {
    await r.deadLetters.add(
      rows.map((d) => ({
        receivedAt: d.received_at,
        reason: d.reason as DeadLetterReason,
        detail: d.detail,
        topic: d.topic,
        ...(d.device_id === null ? {} : { deviceId: d.device_id }),
        payload: d.payload,
        payloadBytes: d.payload_bytes,
      })),
    );
    deadLetters += rows.length;
  }

  const watermark = file.kpiWatermark();
  const kpiState = watermark !== null && (await r.kpiState.watermark()) === null;
  if (kpiState) {
    const states = new Map<string, KpiDeviceState>(
      file.kpiDevices().map((d) => [d.device_id, { scopeKey: d.scope_key, carry: d.carry }]),
    );
    await r.kpiState.saveRun(watermark, states);
    const outages = new Map<string, Outage[]>();
    for (const o of file.kpiOutages())
      outages.set(o.deviceId, [...(outages.get(o.deviceId) ?? []), { start: o.start, end: o.end }]);
    await r.kpiOutages.replaceFrom(
      [...outages].map(([deviceId, list]) => ({ deviceId, from: 0, outages: list })),
    );
  }
  await r.kpiState.markDirty(new Map(file.kpiDirty().map((d) => [d.device_id, d.from_ts])));
  return { registry, devicesSeen, deadLetters, kpiState };
}

function* batches<T>(rows: Iterable<T>): Generator<T[]> {
  let batch: T[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}
