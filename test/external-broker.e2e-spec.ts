import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { provisionOverMqtt } from '../device-simulator/provisioning-client.js';
import { runBrokerConfig } from '../scripts/broker-config-cli.js';
import { loadConfig } from '../src/config/app-config.js';
import { deviceTopic } from '../src/contract/index.js';
import { newProvisioningKeyToken } from '../src/device-identity/provisioning-rules.js';
import { DYNSEC_PLUGIN, startMosquitto, type Mosquitto } from './helpers/mosquitto.js';
import { tempDir } from './helpers/temp-dir.js';
import { eventually, startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * Production with Mosquitto: the dynamic-security file npm run broker-config writes,
 * the service ingesting from it, and the service keeping it in step live
 * (MQTT_DYNSEC_SYNC): a device provisions itself through Mosquitto, connects there
 * with its new credentials, and is dropped there when disabled.
 */
describe('External Mosquitto kept in step with device identity', () => {
  const dir = tempDir('fleet-external-');
  const data = join(dir.path, 'data');
  const conf = join(dir.path, 'mosquitto');
  const provisioningKey = newProvisioningKeyToken().token;
  const env = {
    DATA_DIR: data,
    MQTT_USERNAME: 'svc-fleet',
    MQTT_PASSWORD: 'platform-secret-0123456789',
    PROVISIONING_BOOTSTRAP_KEY: provisioningKey,
    PROVISIONING_BOOTSTRAP_MODELS: 'MFP-C300',
  };
  let broker: Mosquitto;
  let app: TestApp;

  beforeAll(async () => {
    // the CLI first, as compose runs it: the records are created and migrated here
    const out: string[] = [];
    const status = await runBrokerConfig(
      ['--format', 'mosquitto', '--out', conf, '--sync'],
      loadConfig(env),
      {
        log: (l) => out.push(l),
        error: (l) => out.push(l),
      },
    );
    expect([status, out.join(' ')]).toEqual([0, expect.stringContaining('1 provisioning keys')]);
    // Mosquitto started as root runs as its own user: it reads the file, and writes it back on changes
    chmodSync(dir.path, 0o755);
    chmodSync(conf, 0o777);
    broker = await startMosquitto(
      [`plugin ${DYNSEC_PLUGIN}`, `plugin_opt_config_file ${join(conf, 'dynamic-security.json')}`],
      { anonymous: false },
    );
    app = await startTestApp({ ...env, MQTT_URL: broker.url, MQTT_DYNSEC_SYNC: 'true' }, data);
  }, 180_000);
  afterAll(async () => {
    await app?.stop();
    await broker?.stop();
    dir.remove();
  });

  it('provisions a device through Mosquitto, ingests what it then publishes there, and drops it when disabled', async () => {
    const answer = await provisionOverMqtt({
      url: broker.url,
      key: provisioningKey,
      clientId: 'prov-ext-1',
      request: { deviceId: 'ext-1', model: 'MFP-C300' },
    });
    expect(answer).toMatchObject({ status: 'accepted', username: 'ext-1' });
    const password = (answer as { password: string }).password;
    const device: MqttClient = await new Promise((resolve, reject) => {
      const c = mqtt.connect(broker.url, {
        clientId: 'ext-1',
        username: 'ext-1',
        password,
        reconnectPeriod: 0,
      });
      c.once('connect', () => resolve(c));
      c.once('error', reject);
    });
    await device.publishAsync(
      deviceTopic('ext-1', 'telemetry'),
      JSON.stringify({ ts: Date.now(), gauges: { 'fuser.temp_c': 181 } }),
      { qos: 1 },
    );
    await eventually(async () => {
      const r = await app.get<{ data: unknown[] }>('/api/v1/devices/ext-1/telemetry/fuser.temp_c');
      return r.status === 200 && r.body.data.length === 1 ? true : undefined;
    }, 20_000);
    // another device's topic: Mosquitto drops it (MQTT 3.1.1 has no refusal), ingest never sees it
    await device.publishAsync(
      deviceTopic('ext-2', 'telemetry'),
      JSON.stringify({ ts: Date.now(), gauges: { a: 1 } }),
      {
        qos: 1,
      },
    );

    const gone = new Promise<void>((resolve) => device.once('close', () => resolve()));
    expect((await app.request('PATCH', '/api/v1/credentials/ext-1', { enabled: false })).status).toBe(200);
    await gone;
    device.end(true);
    expect((await app.get('/api/v1/devices/ext-2')).status).toBe(404);
    expect((await app.get('/metrics')).text).toMatch(/fleet_broker_sync_failures_total 0/);
  });
});
