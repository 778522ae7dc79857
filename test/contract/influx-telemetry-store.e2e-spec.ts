import { join } from 'node:path';
import type { InfluxConfig } from '../../src/config/app-config.js';
import {
  InfluxTelemetryStore,
  type InfluxStoreObserver,
} from '../../src/infrastructure/influxdb/influx-telemetry.store.js';
import { startInfluxd, type Influxd } from '../helpers/influxdb.js';
import { tempDir } from '../helpers/temp-dir.js';
import { describeTelemetryStoreContract } from './telemetry-store.contract.js';

export const quietObserver: InfluxStoreObserver = {
  quarantined: () => undefined,
  spoolChanged: () => undefined,
  replayed: () => undefined,
  unavailable: () => undefined,
  recovered: () => undefined,
  spoolFull: () => undefined,
};

export function influxV1Config(url: string, database: string): InfluxConfig {
  return {
    url,
    api: 'v1',
    token: '',
    org: '',
    bucket: database,
    database,
    retentionPolicy: '',
    username: '',
    password: '',
    timeoutMs: 5000,
    batchLines: 5000,
    spoolMaxBytes: 64 * 1024 * 1024,
  };
}

let influxd: Influxd;
const dir = tempDir('influx-contract-');
beforeAll(async () => {
  influxd = await startInfluxd();
}, 60_000);
afterAll(async () => {
  await influxd.remove();
  dir.remove();
});
let n = 0;

// a fresh database per test: the contract wants an empty store each time
describeTelemetryStoreContract('InfluxDB 1.x (v1 API)', async () => {
  const db = `contract_${n++}`;
  const store = new InfluxTelemetryStore(
    influxV1Config(influxd.url, db),
    join(dir.path, `spool-${db}`),
    quietObserver,
  );
  await store.start();
  return store;
});
