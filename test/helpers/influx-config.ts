import type { InfluxConfig } from '../../src/config/app-config.js';
import type { InfluxStoreObserver } from '../../src/infrastructure/influxdb/influx-telemetry.store.js';

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
