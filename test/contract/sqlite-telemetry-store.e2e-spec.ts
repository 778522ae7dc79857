import { join } from 'node:path';
import { SqliteTelemetryStore } from '../../src/infrastructure/sqlite/sqlite-telemetry.store.js';
import { tempDir } from '../helpers/temp-dir.js';
import { describeTelemetryStoreContract } from './telemetry-store.contract.js';

const dir = tempDir();
afterAll(() => dir.remove());
let n = 0;

describeTelemetryStoreContract('SQLite', () =>
  Promise.resolve(new SqliteTelemetryStore(join(dir.path, `ts-${n++}.sqlite`))),
);
