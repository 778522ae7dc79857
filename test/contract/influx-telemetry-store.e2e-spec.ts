import { join } from 'node:path';
import { InfluxTelemetryStore } from '../../src/infrastructure/influxdb/influx-telemetry.store.js';
import { influxV1Config, quietObserver } from '../helpers/influx-config.js';
import { startInfluxd, type Influxd } from '../helpers/influxdb.js';
import { tempDir } from '../helpers/temp-dir.js';
import { describeTelemetryStoreContract } from './telemetry-store.contract.js';

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
