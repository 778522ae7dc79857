import { createConnection, type Socket } from 'node:net';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { ApiKeyService } from '../src/api-keys/api-key.service.js';
import { deviceTopic, provisioningTopic } from '../src/contract/index.js';
import { DeviceIdentityService } from '../src/device-identity/device-identity.service.js';
import { provisionOverMqtt } from '../device-simulator/provisioning-client.js';
import { connectClient, eventually, startTestApp, type TestApp } from './helpers/test-app.js';

type Attempt = { client: MqttClient } | { refused: number };

/** Connects, or says with what CONNACK return code the broker refused. */
function attempt(url: string, options: IClientOptions): Promise<Attempt> {
  const client = mqtt.connect(url, { reconnectPeriod: 0, protocolVersion: 4, ...options });
  return new Promise((resolve) => {
    client.once('connect', () => resolve({ client }));
    client.once('error', (err: Error & { code?: number }) => {
      client.end(true);
      resolve({ refused: err.code ?? -1 });
    });
  });
}

async function granted(client: MqttClient, filter: string): Promise<number> {
  try {
    return (await client.subscribeAsync(filter, { qos: 1 }))[0].qos;
  } catch (err) {
    return (err as { packet?: { granted?: number[] } }).packet?.granted?.[0] ?? -1;
  }
}

function closed(client: MqttClient): Promise<void> {
  return new Promise((resolve) => client.once('close', () => resolve()));
}

/** A counter's value from the Prometheus text. */
async function counter(app: TestApp, name: string, label: string): Promise<number> {
  const text = (await app.get('/metrics')).text;
  const m = new RegExp(`^${name}\\{reason="${label}"\\} (\\d+)`, 'm').exec(text);
  return m ? Number(m[1]) : 0;
}

/** Waits for a refusal counter to grow past what it was. */
async function counted(app: TestApp, name: string, label: string, before: number): Promise<void> {
  await eventually(
    async () => ((await counter(app, name, label)) > before ? true : undefined),
    10_000,
    `${name}{${label}}`,
  );
}

const refusedTotal = 'fleet_mqtt_refused_total';
const httpFailures = 'fleet_http_auth_failures_total';

/**
 * The hostile tester's matrix (issue 15), against the real app: each attempt is
 * refused with the right MQTT return code or HTTP status, and counted.
 */
describe('Security: what a hostile client gets', () => {
  let app: TestApp;
  let wsUrl: string;
  const secrets: string[] = [];

  beforeAll(async () => {
    app = await startTestApp({ MQTT_CONNECT_TIMEOUT_MS: '300', MQTT_MAX_PACKET_BYTES: '65536' }, undefined, {
      captureLogs: true,
    });
    wsUrl = `ws://127.0.0.1:${app.brokerPorts!.ws}`;
    secrets.push(app.adminKey);
  });
  afterAll(async () => {
    await app?.stop();
  });

  describe('MQTT', () => {
    it.each<[string, 'tcp' | 'ws', IClientOptions, number, string]>([
      ['no credentials', 'tcp', { clientId: 'dev-anon' }, 4, 'no_credentials'],
      ['no credentials over WebSocket', 'ws', { clientId: 'dev-anon' }, 4, 'no_credentials'],
      [
        'a wrong secret',
        'tcp',
        { clientId: 'dev-known', username: 'dev-known', password: 'guess' },
        4,
        'bad_credentials',
      ],
      [
        'a wrong secret over WebSocket',
        'ws',
        { clientId: 'dev-known', username: 'dev-known', password: 'guess' },
        4,
        'bad_credentials',
      ],
      [
        'an unknown device',
        'tcp',
        { clientId: 'dev-nobody', username: 'dev-nobody', password: 'x' },
        4,
        'bad_credentials',
      ],
      [
        'a client id with +',
        'tcp',
        { clientId: 'dev+1', username: 'dev-known', password: 'x' },
        2,
        'invalid_client_id',
      ],
      [
        'a client id with #',
        'tcp',
        { clientId: '#', username: 'dev-known', password: 'x' },
        2,
        'invalid_client_id',
      ],
      [
        'a client id with /',
        'tcp',
        { clientId: 'fleet/v1', username: 'dev-known', password: 'x' },
        2,
        'invalid_client_id',
      ],
      [
        'a user name with +',
        'tcp',
        { clientId: 'dev-known', username: '+', password: 'x' },
        4,
        'invalid_username',
      ],
      [
        'a user name with #',
        'tcp',
        { clientId: 'dev-known', username: 'a#', password: 'x' },
        4,
        'invalid_username',
      ],
      [
        'a user name with /',
        'tcp',
        { clientId: 'dev-known', username: 'a/b', password: 'x' },
        4,
        'invalid_username',
      ],
      ['a gw- client id with no credentials', 'tcp', { clientId: 'gw-rogue' }, 4, 'no_credentials'],
      [
        'a svc- client id with a guessed password',
        'tcp',
        { clientId: 'svc-x', username: 'svc-platform', password: 'x' },
        4,
        'bad_credentials',
      ],
      [
        'self-registration with a made-up provisioning key',
        'tcp',
        { clientId: 'new-1', username: 'pk-00000000', password: 'pk-00000000.' + 'x'.repeat(43) },
        4,
        'bad_credentials',
      ],
    ])('refuses %s', async (_, transport, options, code, reason) => {
      await app.deviceSecret('dev-known');
      const before = await counter(app, refusedTotal, reason);
      const a = await attempt(transport === 'tcp' ? app.mqttUrl : wsUrl, options);
      expect(a).toEqual({ refused: code });
      await counted(app, refusedTotal, reason, before);
    });

    it("refuses a device using another device's credentials as client id", async () => {
      const password = await app.deviceSecret('dev-b');
      secrets.push(password);
      expect(await attempt(app.mqttUrl, { clientId: 'dev-a', username: 'dev-b', password })).toEqual({
        refused: 2,
      });
    });

    it('drops the live session of a disabled device at once, and refuses it after', async () => {
      const password = await app.deviceSecret('dev-off');
      secrets.push(password);
      const client = (await attempt(app.mqttUrl, { clientId: 'dev-off', username: 'dev-off', password })) as {
        client: MqttClient;
      };
      const gone = closed(client.client);
      const res = await app.request('PATCH', '/api/v1/credentials/dev-off', { enabled: false });
      expect(res.status).toBe(200);
      await gone;
      client.client.end(true);
      const before = await counter(app, refusedTotal, 'disabled');
      expect(await attempt(app.mqttUrl, { clientId: 'dev-off', username: 'dev-off', password })).toEqual({
        refused: 5,
      });
      await counted(app, refusedTotal, 'disabled', before);
    });

    it('drops the live session of a deleted device at once, and refuses it after', async () => {
      const password = await app.deviceSecret('dev-del');
      const client = (await attempt(app.mqttUrl, { clientId: 'dev-del', username: 'dev-del', password })) as {
        client: MqttClient;
      };
      const gone = closed(client.client);
      expect((await app.request('DELETE', '/api/v1/credentials/dev-del')).status).toBe(204);
      await gone;
      client.client.end(true);
      expect(await attempt(app.mqttUrl, { clientId: 'dev-del', username: 'dev-del', password })).toEqual({
        refused: 4,
      });
    });

    it('ends the session of a rotated secret, and only the new secret works', async () => {
      const old = await app.deviceSecret('dev-rot');
      const client = await connectClient(app.mqttUrl, 'dev-rot', { username: 'dev-rot', password: old });
      const gone = closed(client);
      const res = await app.request<{ password: string }>('POST', '/api/v1/credentials/dev-rot/rotate');
      await gone;
      client.end(true);
      expect(await attempt(app.mqttUrl, { clientId: 'dev-rot', username: 'dev-rot', password: old })).toEqual(
        {
          refused: 4,
        },
      );
      const fresh = await connectClient(app.mqttUrl, 'dev-rot', {
        username: 'dev-rot',
        password: res.body.password,
      });
      await fresh.endAsync();
    });

    it("refuses subscriptions to #, $SYS/# and other devices' commands with SUBACK 0x80", async () => {
      const device = await connectClient(app.mqttUrl, 'dev-sub');
      const before = await counter(app, refusedTotal, 'subscribe_denied');
      for (const filter of [
        '#',
        '$SYS/#',
        'fleet/#',
        'fleet/v1/+/commands',
        'fleet/v1/dev-a/commands',
        '+/v1/dev-sub/commands',
      ])
        expect([filter, await granted(device, filter)]).toEqual([filter, 128]);
      expect(await granted(device, 'fleet/v1/dev-sub/commands')).toBe(1);
      await counted(app, refusedTotal, 'subscribe_denied', before + 5);
      await device.endAsync();
    });

    it.each([
      ["another device's telemetry", deviceTopic('dev-victim', 'telemetry'), '{"ts":1,"gauges":{"a":1}}'],
      [
        'a spoofed offline status of another device',
        deviceTopic('dev-victim', 'status'),
        '{"state":"offline"}',
      ],
      [
        'a machine-down fault for another device',
        deviceTopic('dev-victim', 'events'),
        '{"ts":1,"type":"fault.raised","code":"X","severity":"machine-down"}',
      ],
      ['a command to another device', deviceTopic('dev-victim', 'commands'), '{"action":"pm-visit"}'],
      ['a command to itself', deviceTopic('dev-pub', 'commands'), '{"action":"pm-visit"}'],
      ['anything outside its topics', 'elsewhere/x', '{}'],
    ])('closes the connection of a device publishing %s, and dead-letters it', async (_, topic, payload) => {
      const device = await connectClient(app.mqttUrl, 'dev-pub');
      const before = await counter(app, refusedTotal, 'publish_denied');
      const gone = closed(device);
      device.publish(topic, payload, { qos: 1, retain: true });
      await gone;
      device.end(true);
      await counted(app, refusedTotal, 'publish_denied', before);
    });

    it('keeps a device online when another publishes its offline status', async () => {
      const victim = await connectClient(app.mqttUrl, 'dev-victim');
      await victim.publishAsync(
        deviceTopic('dev-victim', 'status'),
        JSON.stringify({ ts: Date.now(), state: 'online', model: 'MFP-C300' }),
        { qos: 1, retain: true },
      );
      await eventually(async () =>
        (await app.get<{ online: boolean }>('/api/v1/devices/dev-victim')).body.online ? true : undefined,
      );
      const attacker = await connectClient(app.mqttUrl, 'dev-attacker');
      const gone = closed(attacker);
      attacker.publish(deviceTopic('dev-victim', 'status'), '{"state":"offline"}', { qos: 1, retain: true });
      await gone;
      attacker.end(true);
      const letter = await eventually(async () => {
        const r = await app.get<{ data: Array<{ reason: string; detail: string }> }>(
          '/api/v1/dead-letters?deviceId=dev-victim',
        );
        return r.body.data.find((d) => d.detail.includes('dev-attacker'));
      });
      expect(letter.reason).toBe('device_mismatch');
      expect((await app.get<{ online: boolean }>('/api/v1/devices/dev-victim')).body.online).toBe(true);
      await victim.endAsync();
    });

    it('refuses a takeover of a live client id by another identity, and keeps the holder connected', async () => {
      const holder = await connectClient(app.mqttUrl, 'dev-holder');
      const { secret: key } = await app.app
        .get(DeviceIdentityService)
        .createProvisioningKey({ name: 'takeover test', models: ['MFP-C300'] }, 'test');
      secrets.push(key);
      const before = await counter(app, refusedTotal, 'client_id_in_use');
      // a provisioning session may pick its client id: not one another identity holds
      const a = await attempt(app.mqttUrl, {
        clientId: 'dev-holder',
        username: key.split('.')[0],
        password: key,
      });
      expect(a).toEqual({ refused: 2 });
      await counted(app, refusedTotal, 'client_id_in_use', before);
      expect(holder.connected).toBe(true);
      await holder.publishAsync(
        deviceTopic('dev-holder', 'telemetry'),
        JSON.stringify({ ts: Date.now(), gauges: { a: 1 } }),
        { qos: 1 },
      );
      await holder.endAsync();
    });

    it('lets a gateway publish for its devices only', async () => {
      const gateway = await connectClient(app.mqttUrl, 'gw-site', { devices: ['dev-g1'] });
      await gateway.publishAsync(
        deviceTopic('dev-g1', 'telemetry'),
        JSON.stringify({ ts: Date.now(), gauges: { a: 1 } }),
        { qos: 1 },
      );
      const gone = closed(gateway);
      gateway.publish(
        deviceTopic('dev-g2', 'events'),
        '{"ts":1,"type":"fault.raised","code":"X","severity":"machine-down"}',
        { qos: 1 },
      );
      await gone;
      gateway.end(true);
      expect(
        await granted(
          await connectClient(app.mqttUrl, 'gw-site', { devices: ['dev-g1'] }),
          'fleet/v1/+/commands',
        ),
      ).toBe(128);
    });

    it("lets a customer's gateway publish for that customer's devices, as the registry says", async () => {
      const reg = (c: string, b: unknown) => app.request('POST', `/api/v1/registry/${c}`, b);
      expect((await reg('customers', { customerId: 'acme', name: 'ACME' })).status).toBe(201);
      expect((await reg('customers', { customerId: 'other', name: 'Other' })).status).toBe(201);
      await reg('sites', { siteId: 'acme-hq', customerId: 'acme', name: 'HQ' });
      await reg('sites', { siteId: 'other-hq', customerId: 'other', name: 'HQ' });
      await reg('models', {
        modelId: 'M-1',
        name: 'M',
        kind: 'copier',
        usageUnit: 'pages',
        ratedMonthlyDuty: 1000,
      });
      const device = { serial: 'S', modelId: 'M-1', installDate: '2025-01-01', contractType: 'full-service' };
      await reg('devices', { ...device, deviceId: 'acme-1', siteId: 'acme-hq' });
      await reg('devices', { ...device, deviceId: 'other-1', siteId: 'other-hq' });
      const password = await app.gatewaySecret('gw-acme', [], 'acme');
      const gateway = await connectClient(app.mqttUrl, 'gw-acme', { username: 'gw-acme', password });
      expect(await granted(gateway, deviceTopic('acme-1', 'commands'))).toBe(1);
      expect(await granted(gateway, deviceTopic('other-1', 'commands'))).toBe(128);
      await gateway.publishAsync(
        deviceTopic('acme-1', 'telemetry'),
        JSON.stringify({ ts: Date.now(), gauges: { a: 1 } }),
        { qos: 1 },
      );
      const gone = closed(gateway);
      gateway.publish(
        deviceTopic('other-1', 'telemetry'),
        JSON.stringify({ ts: Date.now(), gauges: { a: 1 } }),
        { qos: 1 },
      );
      await gone;
      gateway.end(true);
    });

    it('refuses an oversize packet at the broker, before its body is read', async () => {
      const device = await connectClient(app.mqttUrl, 'dev-big');
      const before = await counter(app, refusedTotal, 'packet_too_large');
      const gone = closed(device);
      device.publish(deviceTopic('dev-big', 'telemetry'), Buffer.alloc(70_000, 0x61), { qos: 0 });
      await gone;
      device.end(true);
      await counted(app, refusedTotal, 'packet_too_large', before);
    });

    it('closes a socket announcing a 250 MB packet as soon as its header arrives', async () => {
      const before = await counter(app, refusedTotal, 'packet_too_large');
      const { port } = new URL(app.mqttUrl);
      const socket: Socket = createConnection({ host: '127.0.0.1', port: Number(port) });
      const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      socket.on('error', () => undefined);
      // a PUBLISH header announcing 250,000,000 bytes, and not one byte of them
      socket.write(Buffer.from([0x30, 0x80, 0xe5, 0x9a, 0x77]));
      await ended;
      await counted(app, refusedTotal, 'packet_too_large', before);
    });

    it.each(['tcp', 'ws'])('closes a %s socket that never sends CONNECT', async (transport) => {
      const before = await counter(app, refusedTotal, 'connect_timeout');
      const port = transport === 'tcp' ? Number(new URL(app.mqttUrl).port) : app.brokerPorts!.ws!;
      const socket = createConnection({ host: '127.0.0.1', port });
      socket.on('error', () => undefined);
      await new Promise<void>((resolve) => socket.once('close', () => resolve()));
      await counted(app, refusedTotal, 'connect_timeout', before);
    });

    it('provisions a new device over MQTT with a provisioning key, and the device then connects as itself', async () => {
      const { secret: key } = await app.app
        .get(DeviceIdentityService)
        .createProvisioningKey({ name: 'line 3', models: ['MFP-C300'], maxDevices: 1 }, 'test');
      secrets.push(key);
      const answer = await provisionOverMqtt({
        url: app.mqttUrl,
        key,
        clientId: 'prov-new-1',
        request: { deviceId: 'new-1', model: 'MFP-C300', serial: 'SN1' },
      });
      expect(answer).toMatchObject({ status: 'accepted', deviceId: 'new-1', username: 'new-1' });
      const password = (answer as { password: string }).password;
      secrets.push(password);
      const device = await connectClient(app.mqttUrl, 'new-1', { username: 'new-1', password });
      await device.endAsync();
      // the same key again: it provisioned all it may
      const again = await provisionOverMqtt({
        url: app.mqttUrl,
        key,
        clientId: 'prov-new-2',
        request: { deviceId: 'new-2', model: 'MFP-C300' },
      });
      expect(again).toMatchObject({ status: 'rejected', reason: 'key_exhausted' });
    });

    it("lets a provisioning session neither ask under another key nor read another's answer", async () => {
      const { secret: key } = await app.app
        .get(DeviceIdentityService)
        .createProvisioningKey({ name: 'line 4', models: ['MFP-C300'] }, 'test');
      const keyId = key.split('.')[0];
      const session = await connectClient(app.mqttUrl, 'prov-x', { username: keyId, password: key });
      expect(await granted(session, provisioningTopic(keyId, 'prov-y', 'response'))).toBe(128);
      expect(await granted(session, 'provisioning/v1/+/+/response')).toBe(128);
      const gone = closed(session);
      session.publish(provisioningTopic('pk-00000000', 'prov-x', 'request'), '{}', { qos: 1 });
      await gone;
      session.end(true);
    });
  });

  describe('HTTP', () => {
    it.each([
      ['no key', {}, 'missing_key'],
      ['a wrong key', { authorization: 'Bearer fk_' + 'A'.repeat(43) }, 'invalid_key'],
      ['a malformed header', { authorization: 'Basic YWRtaW46YWRtaW4=' }, 'missing_key'],
    ])('answers %s with 401 and says how to authenticate', async (_, headers, reason) => {
      const before = await counter(app, httpFailures, reason);
      const res = await app.request('DELETE', '/api/v1/registry/devices/dev-x', undefined, {
        authorization: '',
        ...headers,
      });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(res.body).toMatchObject({ error: 'unauthenticated' });
      expect(await counter(app, httpFailures, reason)).toBe(before + 1);
    });

    it('refuses a revoked key and an expired key with 401', async () => {
      const keys = app.app.get(ApiKeyService);
      const revoked = await app.apiKey('admin');
      const id = (await keys.list()).find((k) => revoked.startsWith(k.prefix) && k.revokedAt === null)!.id;
      expect((await app.request('DELETE', `/api/v1/api-keys/${id}`)).status).toBe(204);
      const past = Date.now() - 60_000;
      const expired = (
        await keys.create({ name: 'short-lived', role: 'admin', expiresAt: past + 1000 }, 'test', past)
      ).key;
      for (const [key, reason] of [
        [revoked, 'revoked_key'],
        [expired, 'expired_key'],
      ]) {
        const before = await counter(app, httpFailures, reason);
        const res = await app.get('/api/v1/devices', { authorization: `Bearer ${key}` });
        expect([reason, res.status]).toEqual([reason, 401]);
        expect(await counter(app, httpFailures, reason)).toBe(before + 1);
      }
    });

    it('takes a key from the Authorization header only, never from the URL', async () => {
      const res = await app.get(`/api/v1/devices?apiKey=${app.adminKey}&access_token=${app.adminKey}`, {
        authorization: '',
      });
      expect(res.status).toBe(401);
    });

    // 'allowed': past the guard (whatever the route then says of the request), 403: refused for the role
    it.each<
      [string, 'viewer' | 'analyst' | 'operator' | 'provisioner' | 'admin', string, string, 'allowed' | 403]
    >([
      ['a viewer reads devices', 'viewer', 'GET', '/api/v1/devices', 'allowed'],
      ['a viewer reads work orders', 'viewer', 'GET', '/api/v1/work-orders', 'allowed'],
      ['a viewer deletes a registry device', 'viewer', 'DELETE', '/api/v1/registry/devices/acme-1', 403],
      ['a viewer imports the registry', 'viewer', 'POST', '/api/v1/registry/devices/import', 403],
      ['a viewer refreshes KPIs', 'viewer', 'POST', '/api/v1/kpis/refresh', 403],
      ['a viewer moves a work order', 'viewer', 'POST', '/api/v1/work-orders/WO-1/transitions', 403],
      ['a viewer reads the audit log', 'viewer', 'GET', '/api/v1/audit', 403],
      ['an analyst refreshes KPIs', 'analyst', 'POST', '/api/v1/kpis/refresh', 'allowed'],
      ['an analyst imports history', 'analyst', 'POST', '/api/v1/history/import', 'allowed'],
      ['a viewer reads the failure-risk ranking', 'viewer', 'GET', '/api/v1/predictions/risk', 'allowed'],
      ['a viewer scores failure risk', 'viewer', 'POST', '/api/v1/predictions/score', 403],
      ['an operator trains the prediction model', 'operator', 'POST', '/api/v1/predictions/train', 403],
      ['an analyst scores failure risk', 'analyst', 'POST', '/api/v1/predictions/score', 'allowed'],
      ['an analyst deletes a customer', 'analyst', 'DELETE', '/api/v1/registry/customers/acme', 403],
      ['an analyst moves a work order', 'analyst', 'POST', '/api/v1/work-orders/WO-1/transitions', 403],
      [
        'an operator moves a work order',
        'operator',
        'POST',
        '/api/v1/work-orders/WO-1/transitions',
        'allowed',
      ],
      ['an operator notes on a work order', 'operator', 'POST', '/api/v1/work-orders/WO-1/notes', 'allowed'],
      ['an operator creates an API key', 'operator', 'POST', '/api/v1/api-keys', 403],
      ['an operator lists API keys', 'operator', 'GET', '/api/v1/api-keys', 403],
      ['an operator disables a device', 'operator', 'PATCH', '/api/v1/credentials/dev-known', 403],
      ['an operator creates a provisioning key', 'operator', 'POST', '/api/v1/provisioning-keys', 403],
      ['an operator subscribes a webhook', 'operator', 'POST', '/api/v1/webhooks/subscriptions', 403],
      ['an operator refreshes KPIs', 'operator', 'POST', '/api/v1/kpis/refresh', 403],
      ['a viewer moves a signal', 'viewer', 'POST', '/api/v1/signals/sig-1/transitions', 403],
      ['an operator moves a signal', 'operator', 'POST', '/api/v1/signals/sig-1/transitions', 'allowed'],
      ["an operator takes a customer's request", 'operator', 'POST', '/api/v1/signals/requests', 'allowed'],
      ['an analyst takes a customer request', 'analyst', 'POST', '/api/v1/signals/requests', 403],
      ['an operator runs the signal rules', 'operator', 'POST', '/api/v1/signals/evaluate', 403],
      ['an analyst runs the signal rules', 'analyst', 'POST', '/api/v1/signals/evaluate', 'allowed'],
      ['a provisioner reads fleet data', 'provisioner', 'GET', '/api/v1/devices', 403],
      ['a provisioner lists credentials', 'provisioner', 'GET', '/api/v1/credentials', 'allowed'],
      ['a provisioner deletes credentials', 'provisioner', 'DELETE', '/api/v1/credentials/dev-known', 403],
      ['an admin lists API keys', 'admin', 'GET', '/api/v1/api-keys', 'allowed'],
      ['a viewer reads alarms', 'viewer', 'GET', '/api/v1/alarms', 'allowed'],
      ['a viewer reads the fleet overview', 'viewer', 'GET', '/api/v1/fleet/overview', 'allowed'],
      ['a viewer acknowledges an alarm', 'viewer', 'POST', '/api/v1/alarms/al-1/acknowledge', 403],
      ['an analyst clears an alarm', 'analyst', 'POST', '/api/v1/alarms/al-1/clear', 403],
      ['an operator acknowledges an alarm', 'operator', 'POST', '/api/v1/alarms/al-1/acknowledge', 'allowed'],
      ['an operator clears an alarm', 'operator', 'POST', '/api/v1/alarms/al-1/clear', 'allowed'],
      ['an operator assigns an alarm', 'operator', 'PUT', '/api/v1/alarms/al-1/assignee', 'allowed'],
      ['an operator comments on an alarm', 'operator', 'POST', '/api/v1/alarms/al-1/comments', 'allowed'],
      [
        'an operator links an alarm to an order',
        'operator',
        'PUT',
        '/api/v1/alarms/al-1/work-order',
        'allowed',
      ],
      [
        'an operator adds an alarm notification rule',
        'operator',
        'POST',
        '/api/v1/alarm-notification-rules',
        403,
      ],
      [
        'an operator removes an alarm notification rule',
        'operator',
        'DELETE',
        '/api/v1/alarm-notification-rules/nr-1',
        403,
      ],
      [
        'an admin adds an alarm notification rule',
        'admin',
        'POST',
        '/api/v1/alarm-notification-rules',
        'allowed',
      ],
      ['a provisioner opens the console session', 'provisioner', 'GET', '/api/v1/console/session', 403],
      ['a viewer reads technicians', 'viewer', 'GET', '/api/v1/technicians', 'allowed'],
      ['a viewer reads a pay statement', 'viewer', 'GET', '/api/v1/technicians/t-1/pay?from=0&to=1', 403],
      ['an operator hires a technician', 'operator', 'POST', '/api/v1/technicians', 403],
      ['an operator moves a technician', 'operator', 'POST', '/api/v1/technicians/t-1/transitions', 403],
      ['an operator reports a position', 'operator', 'POST', '/api/v1/technicians/t-1/position', 'allowed'],
      ['an operator sets certification needs', 'operator', 'PUT', '/api/v1/certification-requirements', 403],
      ['a viewer dispatches an order', 'viewer', 'POST', '/api/v1/dispatch/orders/WO-1', 403],
      ['an operator dispatches an order', 'operator', 'POST', '/api/v1/dispatch/orders/WO-1', 'allowed'],
      [
        'an operator accepts a proposal',
        'operator',
        'POST',
        '/api/v1/dispatch/orders/WO-1/accept',
        'allowed',
      ],
      ['a viewer reissues a feedback link', 'viewer', 'POST', '/api/v1/feedback/requests/FB-1/reissue', 403],
      [
        'an operator reissues a feedback link',
        'operator',
        'POST',
        '/api/v1/feedback/requests/FB-1/reissue',
        'allowed',
      ],
      [
        'an admin reads a pay statement',
        'admin',
        'GET',
        '/api/v1/technicians/t-1/pay?from=0&to=1',
        'allowed',
      ],
    ])('%s: %s', async (_, role, method, path, expected) => {
      const before = await counter(app, httpFailures, 'forbidden');
      const res = await app.as(role).request(method, path, method === 'GET' ? undefined : {});
      if (expected === 'allowed') {
        expect([path, res.status]).not.toEqual([path, 401]);
        expect([path, res.status]).not.toEqual([path, 403]);
      } else {
        expect(res.status).toBe(403);
        expect(res.body).toMatchObject({ error: 'forbidden' });
        expect(await counter(app, httpFailures, 'forbidden')).toBe(before + 1);
      }
    });

    it('guards every route in the OpenAPI document, save the ones meant to be open', async () => {
      const doc = (await app.get<{ paths: Record<string, Record<string, unknown>> }>('/docs/openapi.json'))
        .body;
      // feedback links: the customer's single-use token is the credential
      const open = [/^\/health/, /^\/metrics$/, /^\/api\/v1\/feedback\/links\//];
      const unguarded: string[] = [];
      let checked = 0;
      for (const [path, item] of Object.entries(doc.paths)) {
        for (const method of Object.keys(item)) {
          const url = path.replace(/\{[^}]+\}/g, 'x');
          const res = await app.request(method.toUpperCase(), url, undefined, { authorization: '' });
          checked++;
          // open: health and metrics by configuration, feedback links; everything else answers 401 without a key
          const guarded = res.status === 401;
          if (guarded === open.some((re) => re.test(path)))
            unguarded.push(`${method.toUpperCase()} ${path} → ${res.status}`);
        }
      }
      expect(checked).toBeGreaterThan(20);
      expect(unguarded).toEqual([]);
    });

    it("declares the security schemes and each operation's role in the OpenAPI document", async () => {
      const doc = (
        await app.get<{
          components: { securitySchemes: Record<string, { scheme: string }> };
          security: unknown[];
          paths: Record<string, Record<string, { 'x-required-role'?: string; security?: unknown[] }>>;
        }>('/docs/openapi.json')
      ).body;
      expect(doc.components.securitySchemes['api-key']).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(doc.security).toEqual([{ 'api-key': [] }]);
      expect(doc.paths['/api/v1/registry/devices/{id}'].delete['x-required-role']).toBe('admin');
      expect(doc.paths['/api/v1/devices'].get['x-required-role']).toBe('viewer');
      expect(doc.paths['/api/v1/api-keys'].get['x-required-role']).toBe('admin');
      expect(doc.paths['/health/live'].get.security).toEqual([]);
    });

    it('provisions over HTTP with a provisioning key, and refuses self-registration without one', async () => {
      const { secret: key } = await app.app
        .get(DeviceIdentityService)
        .createProvisioningKey({ name: 'http line', customerId: 'acme' }, 'test');
      const body = { deviceId: 'http-1', model: 'MFP-C300' };
      const none = await app.request('POST', '/api/v1/provisioning', body, { authorization: '' });
      expect(none.status).toBe(401);
      const apiKey = await app.request('POST', '/api/v1/provisioning', body);
      expect(apiKey.status).toBe(401);
      const wrong = await app.request('POST', '/api/v1/provisioning', body, {
        authorization: `Bearer ${key.slice(0, -4)}AAAA`,
      });
      expect(wrong.status).toBe(401);
      const ok = await app.request<{ status: string; password: string }>(
        'POST',
        '/api/v1/provisioning',
        body,
        {
          authorization: `Bearer ${key}`,
        },
      );
      expect(ok.status).toBe(201);
      expect(ok.headers.get('cache-control')).toBe('no-store');
      secrets.push(ok.body.password);
      const twice = await app.request('POST', '/api/v1/provisioning', body, {
        authorization: `Bearer ${key}`,
      });
      expect(twice.status).toBe(409);
      const device = await connectClient(app.mqttUrl, 'http-1', {
        username: 'http-1',
        password: ok.body.password,
      });
      await device.endAsync();
      // the device belongs to the key's customer: that customer's gateway may speak for it
      expect((await app.get<{ customerId: string }>('/api/v1/credentials/http-1')).body.customerId).toBe(
        'acme',
      );
    });

    it('keeps an audit log of every write: who, what, when, outcome', async () => {
      const viewer = await app.apiKey('viewer');
      const since = Date.now();
      await app.request('POST', '/api/v1/credentials/devices', { deviceId: 'dev-audited' });
      await app.request('DELETE', '/api/v1/registry/devices/nobody', undefined, {
        authorization: `Bearer ${viewer}`,
      });
      const entries = await eventually(async () => {
        const r = await app.get<{
          data: Array<{
            actor: string;
            role: string;
            action: string;
            status: number;
            at: number;
            target: string;
          }>;
        }>(`/api/v1/audit?from=${since}`);
        return r.body.data.length >= 2 ? r.body.data : undefined;
      });
      expect(entries).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ role: 'admin', action: 'POST /api/v1/credentials/devices', status: 201 }),
          expect.objectContaining({
            role: 'viewer',
            action: 'DELETE /api/v1/registry/devices/:id',
            status: 403,
          }),
        ]),
      );
      for (const e of entries) {
        expect(e.actor).toMatch(/^api-key:key-[0-9a-f]{8}$/);
        expect(e.at).toBeGreaterThanOrEqual(since);
      }
    });
  });

  describe('what never leaks', () => {
    it('keeps keys and secrets out of logs, CSV exports and answers that list records', async () => {
      // a request carrying a key and a cookie, logged at info
      await app.get('/api/v1/devices', { cookie: `session=${app.adminKey}` });
      const exports = [
        (await app.get('/api/v1/dead-letters?format=csv&limit=1000')).text,
        (await app.get('/api/v1/audit?format=csv&limit=1000')).text,
        (await app.get('/api/v1/api-keys')).text,
        (await app.get('/api/v1/provisioning-keys')).text,
        (await app.get('/api/v1/credentials?limit=1000')).text,
      ];
      const logs = app.logs.join('\n');
      for (const secret of secrets) {
        expect(logs).not.toContain(secret);
        for (const text of exports) expect(text).not.toContain(secret);
      }
      for (const text of exports) expect(text).not.toMatch(/pbkdf2-sha512|"digest"|secretHash/);
    });
  });
});

describe('Security: failed authentications are slowed down', () => {
  it('holds wrong keys from one address behind each other, answers the excess 429, and never holds a good key', async () => {
    // each failure held 1 s; a queue longer than 1 s is answered at once with 429
    const app = await startTestApp({ AUTH_FAILURE_DELAY_MS: '1000', AUTH_FAILURE_MAX_DELAY_MS: '1000' });
    try {
      const wrong = { authorization: 'Bearer fk_' + 'B'.repeat(43) };
      const answers = await Promise.all(Array.from({ length: 10 }, () => app.get('/api/v1/devices', wrong)));
      const statuses = answers.map((a) => a.status);
      // the first guess waits its second; guesses sent with it wait behind it, or are turned away
      expect(statuses).toContain(401);
      expect(statuses).toContain(429);
      expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
      const tooMany = answers.find((a) => a.status === 429)!;
      expect(Number(tooMany.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(tooMany.body).toMatchObject({ error: 'too_many_requests' });
      expect((await app.get('/api/v1/devices')).status).toBe(200);
      const metrics = (await app.get('/metrics')).text;
      const count = (reason: string): number =>
        Number(
          new RegExp(`fleet_http_auth_failures_total\\{reason="${reason}"\\} (\\d+)`).exec(metrics)?.[1],
        );
      expect(count('too_many_failures')).toBe(statuses.filter((s) => s === 429).length);
      expect(count('invalid_key')).toBe(statuses.filter((s) => s === 401).length);
    } finally {
      await app.stop();
    }
  });
});

describe('Security: health and metrics closed by configuration', () => {
  it('answers /health and /metrics 401 without a key when API_PUBLIC_HEALTH and API_PUBLIC_METRICS are false, and serves a viewer', async () => {
    const app = await startTestApp({ API_PUBLIC_HEALTH: 'false', API_PUBLIC_METRICS: 'false' });
    try {
      for (const path of ['/health/live', '/health/ready', '/metrics']) {
        expect([path, (await app.get(path, { authorization: '' })).status]).toEqual([path, 401]);
        expect([path, (await app.as('viewer').get(path)).status]).toEqual([path, 200]);
      }
      // and the document no longer calls them open
      const doc = (
        await app.get<{ paths: Record<string, { get: { security?: unknown[] } }> }>('/docs/openapi.json')
      ).body;
      expect(doc.paths['/health/ready'].get.security).not.toEqual([]);
    } finally {
      await app.stop();
    }
  });
});
