import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { newApiKeyToken } from '../src/api-keys/api-key.js';
import { deviceTopic } from '../src/contract/index.js';
import { buildService, startService, whenReady as ready } from './helpers/built-service.js';
import { freePort, startMosquitto, type Mosquitto } from './helpers/mosquitto.js';
import { tempDir } from './helpers/temp-dir.js';
import { connectClient, eventually } from './helpers/test-app.js';

const T0 = Date.UTC(2026, 10, 1);
const TOTAL = 3000;
const KILL_AT = 1000;
/** The API key the service is started with (API_ADMIN_KEY). */
const ADMIN_KEY = newApiKeyToken().token;

describe('A kill -9 of the service loses no acknowledged message (external broker, persistent session)', () => {
  let mosquitto: Mosquitto;
  const data = tempDir('fleet-kill-');
  let service: ChildProcess | null = null;

  beforeAll(async () => {
    // the service runs from dist/: build it as `npm start` does
    buildService();
    // room for what arrives while the service is down, and a real in-flight window
    mosquitto = await startMosquitto(['max_queued_messages 100000', 'max_inflight_messages 100']);
  }, 180_000);
  afterAll(async () => {
    service?.kill('SIGKILL');
    await mosquitto.stop();
    data.remove();
  });

  it('stores every message a device published, across a kill -9 and a restart', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = {
      MQTT_URL: mosquitto.url,
      MQTT_CLIENT_ID: 'svc-ingest-kill-test',
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: String(port),
      DATA_DIR: join(data.path, 'data'),
      LOG_LEVEL: 'error',
      KPI_REFRESH_INTERVAL_MS: '0',
      API_ADMIN_KEY: ADMIN_KEY,
    };
    service = startService(env);
    await ready(url);

    const device = await connectClient(mosquitto.url, 'kill-dev');
    const publish = (i: number): Promise<unknown> =>
      device.publishAsync(
        deviceTopic('kill-dev', 'telemetry'),
        JSON.stringify({ ts: T0 + i * 1000, counters: { 'pages.total': i } }),
        { qos: 1 },
      );
    for (let i = 0; i < KILL_AT; i++) await publish(i);
    // mid-stream: some of these are still in the write buffer, unacknowledged
    const killed = new Promise((r) => service!.once('exit', r));
    service.kill('SIGKILL');
    await killed;
    for (let i = KILL_AT; i < TOTAL; i++) await publish(i);
    await device.endAsync();

    service = startService(env);
    await ready(url);
    const stored = await eventually(
      async () => {
        const res = await fetch(
          `${url}/api/v1/devices/kill-dev/telemetry/pages.total?from=${T0}&to=${T0 + TOTAL * 1000}&limit=10000`,
          { headers: { authorization: `Bearer ${ADMIN_KEY}` } },
        );
        const body = (await res.json()) as { data: Array<{ value: number }> };
        return body.data.length === TOTAL ? body.data : undefined;
      },
      30_000,
      `all ${TOTAL} messages stored`,
    );
    expect(stored.map((p) => p.value)).toEqual(Array.from({ length: TOTAL }, (_, i) => i));
  }, 120_000);
});
