import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { deviceTopic } from '../src/contract/index.js';
import { DeviceIdentityService } from '../src/device-identity/device-identity.service.js';
import { tempDir } from './helpers/temp-dir.js';
import { connectClient, eventually, startTestApp, type TestApp } from './helpers/test-app.js';

const MAKE_CERTS = new URL('../deploy/tls/make-certs.sh', import.meta.url).pathname;

function makeCerts(dir: string, ...args: string[]): void {
  execFileSync('sh', [MAKE_CERTS, dir, ...args]);
}

/** GET over HTTPS, trusting `ca`. */
function httpsGet(url: string, ca: Buffer, key: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca, headers: { authorization: `Bearer ${key}` } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function attempt(
  url: string,
  options: IClientOptions,
): Promise<{ client: MqttClient } | { refused: number }> {
  const client = mqtt.connect(url, { reconnectPeriod: 0, protocolVersion: 4, ...options });
  return new Promise((resolve) => {
    client.once('connect', () => resolve({ client }));
    client.once('error', (err: Error & { code?: number }) => {
      client.end(true);
      resolve({ refused: err.code ?? -1 });
    });
  });
}

/**
 * TLS with the certificates deploy/tls/make-certs.sh makes (as the compose stack
 * does): HTTPS, MQTT over TLS and secure WebSocket, device client certificates, and
 * no plain MQTT listener at all.
 */
describe('TLS', () => {
  const dir = tempDir('fleet-tls-');
  const certs = join(dir.path, 'certs');
  const rogue = join(dir.path, 'rogue');
  let app: TestApp;
  let ca: Buffer;
  const file = (d: string, name: string): Buffer => readFileSync(join(d, name));

  beforeAll(async () => {
    makeCerts(certs, 'localhost');
    makeCerts(certs, '--device', 'dev-cert');
    makeCerts(certs, '--device', 'dev-unknown');
    makeCerts(certs, '--device', 'dev-pinned');
    makeCerts(rogue, 'localhost');
    makeCerts(rogue, '--device', 'dev-cert');
    ca = file(certs, 'ca.crt');
    app = await startTestApp({
      TLS_CERT_FILE: join(certs, 'server.crt'),
      TLS_KEY_FILE: join(certs, 'server.key'),
      TLS_CLIENT_CA_FILE: join(certs, 'ca.crt'),
      MQTT_PORT: '-1',
      MQTT_WS_PORT: '-1',
      MQTT_TLS_PORT: '0',
      MQTT_WSS_PORT: '0',
    });
    const identities = app.app.get(DeviceIdentityService);
    await identities.issueDeviceCredential({ deviceId: 'dev-cert', certificateOnly: true }, 'test');
    await identities.issueDeviceCredential(
      { deviceId: 'dev-pinned', certificateOnly: true, certificateFingerprint: 'ab'.repeat(32) },
      'test',
    );
  });
  afterAll(async () => {
    await app?.stop();
    dir.remove();
  });

  const mqtts = (): string => `mqtts://127.0.0.1:${app.brokerPorts!.tls}`;
  const telemetry = async (deviceId: string, value: number): Promise<void> => {
    await eventually(async () => {
      const r = await httpsGet(
        `${app.httpUrl}/api/v1/devices/${deviceId}/telemetry/tls.check?from=0`,
        ca,
        app.adminKey,
      );
      return r.status === 200 &&
        (JSON.parse(r.body) as { data: Array<{ value: number }> }).data.some((p) => p.value === value)
        ? true
        : undefined;
    });
  };

  it('serves the API over HTTPS only', async () => {
    expect(app.httpUrl).toMatch(/^https:/);
    const res = await httpsGet(`${app.httpUrl}/api/v1/devices`, ca, app.adminKey);
    expect(res.status).toBe(200);
    await expect(fetch(app.httpUrl.replace('https:', 'http:') + '/health/live')).rejects.toThrow();
  });

  it('has no plain MQTT listener, and ingests what arrives over TLS', async () => {
    expect(app.brokerPorts).toMatchObject({ mqtt: null, ws: null });
    const device = await connectClient(mqtts(), 'dev-pw', { ca });
    await device.publishAsync(
      deviceTopic('dev-pw', 'telemetry'),
      JSON.stringify({ ts: Date.now(), gauges: { 'tls.check': 1 } }),
      { qos: 1 },
    );
    await device.endAsync();
    await telemetry('dev-pw', 1);
  });

  it('takes MQTT over secure WebSocket', async () => {
    const device = await connectClient(`wss://127.0.0.1:${app.brokerPorts!.wss}`, 'dev-wss', { ca });
    await device.publishAsync(
      deviceTopic('dev-wss', 'telemetry'),
      JSON.stringify({ ts: Date.now(), gauges: { 'tls.check': 2 } }),
      { qos: 1 },
    );
    await device.endAsync();
    await telemetry('dev-wss', 2);
  });

  it('lets a device in by its client certificate alone: CN and SAN name it', async () => {
    const a = await attempt(mqtts(), {
      clientId: 'dev-cert',
      ca,
      cert: file(join(certs, 'devices'), 'dev-cert.crt'),
      key: file(join(certs, 'devices'), 'dev-cert.key'),
    });
    expect('client' in a).toBe(true);
    const device = (a as { client: MqttClient }).client;
    await device.publishAsync(
      deviceTopic('dev-cert', 'telemetry'),
      JSON.stringify({ ts: Date.now(), gauges: { 'tls.check': 3 } }),
      { qos: 1 },
    );
    await device.endAsync();
    await telemetry('dev-cert', 3);
  });

  it.each([
    ['signed by another CA', 'rogue', 'dev-cert', 'dev-cert'],
    ['of a device without credentials', 'certs', 'dev-unknown', 'dev-unknown'],
    ['that is not the one pinned for the device', 'certs', 'dev-pinned', 'dev-pinned'],
    ["used with another device's client id", 'certs', 'dev-cert', 'dev-other'],
  ])('refuses a client certificate %s', async (_, which, name, clientId) => {
    const from = join(which === 'rogue' ? rogue : certs, 'devices');
    const a = await attempt(mqtts(), {
      clientId,
      ca,
      cert: file(from, `${name}.crt`),
      key: file(from, `${name}.key`),
    });
    expect(a).toEqual({ refused: clientId === name ? 5 : 2 });
  });

  it('refuses a client certificate for one device used with the user name of another', async () => {
    await app.deviceSecret('dev-victim');
    const from = join(certs, 'devices');
    const a = await attempt(mqtts(), {
      clientId: 'dev-victim',
      username: 'dev-victim',
      ca,
      cert: file(from, 'dev-cert.crt'),
      key: file(from, 'dev-cert.key'),
    });
    expect(a).toEqual({ refused: 5 });
  });
});
