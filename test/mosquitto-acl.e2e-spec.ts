import { execFile } from 'node:child_process';
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import mqtt, { type MqttClient } from 'mqtt';
import { deviceTopic, provisioningTopic } from '../src/contract/index.js';
import { mosquittoDynamicSecurity } from '../src/device-identity/broker-config.js';
import type { MqttCredential, ProvisioningKey } from '../src/device-identity/device-identity.js';
import { hashSecret } from '../src/device-identity/secret-hash.js';
import { DYNSEC_PLUGIN, startMosquitto, type Mosquitto } from './helpers/mosquitto.js';
import { eventually } from './helpers/test-app.js';

const run = promisify(execFile);
const NOW = Date.now();

const credential = (over: Partial<MqttCredential>): MqttCredential => ({
  id: 'dev-1',
  kind: 'device',
  secretHash: null,
  certificateFingerprint: null,
  enabled: true,
  devices: [],
  customerId: null,
  modelId: null,
  issuedBy: 'test',
  createdAt: NOW,
  updatedAt: NOW,
  ...over,
});

type Attempt = { client: MqttClient } | { refused: number };

/** Connects, or says with what CONNACK return code the broker refused. */
function attempt(url: string, clientId: string, username?: string, password?: string): Promise<Attempt> {
  const client = mqtt.connect(url, { clientId, username, password, reconnectPeriod: 0, protocolVersion: 4 });
  return new Promise((resolve) => {
    client.once('connect', () => resolve({ client }));
    client.once('error', (err: Error & { code?: number }) => {
      client.end(true);
      resolve({ refused: err.code ?? -1 });
    });
  });
}

async function connect(
  url: string,
  clientId: string,
  username: string,
  password: string,
): Promise<MqttClient> {
  const a = await attempt(url, clientId, username, password);
  if ('refused' in a) throw new Error(`${username} refused with ${a.refused}`);
  return a.client;
}

async function granted(client: MqttClient, filter: string): Promise<number> {
  try {
    return (await client.subscribeAsync(filter, { qos: 1 }))[0].qos;
  } catch (err) {
    return (err as { packet?: { granted?: number[] } }).packet?.granted?.[0] ?? -1;
  }
}

/**
 * The generated dynamic-security file on Debian's Mosquitto 2.0: the same hostile
 * matrix as the embedded broker, as far as Mosquitto can enforce it.
 */
describe('Mosquitto with the generated dynamic-security configuration', () => {
  let broker: Mosquitto;
  const secrets = {
    dev1: 's1-' + randomBytes(8).toString('hex'),
    dev2: 's2',
    gw: 'sg',
    svc: 'svc-pass',
    off: 'so',
  };
  const keyToken = `pk-0a1b2c3d.${randomBytes(32).toString('base64url')}`;
  const admin = { user: 'dynsec-admin', password: randomBytes(12).toString('hex') };
  let svc: MqttClient;
  const seen: string[] = [];

  beforeAll(async () => {
    const key: ProvisioningKey = {
      id: 'pk-0a1b2c3d',
      name: 'line 3',
      secretHash: await hashSecret(keyToken),
      models: null,
      customerId: 'acme',
      maxDevices: null,
      devicesProvisioned: 0,
      reprovision: false,
      expiresAt: null,
      revokedAt: null,
      createdAt: NOW,
      createdBy: 'test',
    };
    const config = mosquittoDynamicSecurity({
      credentials: [
        credential({ id: 'dev-1', secretHash: await hashSecret(secrets.dev1) }),
        credential({ id: 'dev-2', secretHash: await hashSecret(secrets.dev2) }),
        credential({ id: 'dev-off', secretHash: await hashSecret(secrets.off), enabled: false }),
        credential({
          id: 'gw-site',
          kind: 'gateway',
          devices: ['dev-7'],
          secretHash: await hashSecret(secrets.gw),
        }),
      ],
      customerDevices: new Map(),
      provisioningKeys: [key],
      service: { username: 'svc-fleet', secretHash: await hashSecret(secrets.svc) },
      shareGroups: { ingest: 'fleet-ingest', provisioning: 'fleet-provisioning' },
      now: NOW,
    });
    // what an operator adds by hand: an admin for live changes (mosquitto_ctrl)
    const salt = randomBytes(12);
    config.clients.push({
      username: admin.user,
      password: pbkdf2Sync(admin.password, salt, 101, 64, 'sha512').toString('base64'),
      salt: salt.toString('base64'),
      iterations: 101,
      roles: [{ rolename: 'dynsec-admin' }],
    });
    config.roles.push({
      rolename: 'dynsec-admin',
      acls: [
        { acltype: 'publishClientSend', topic: '$CONTROL/dynamic-security/#', allow: true },
        { acltype: 'publishClientReceive', topic: '$CONTROL/dynamic-security/#', allow: true },
        { acltype: 'subscribePattern', topic: '$CONTROL/dynamic-security/#', allow: true },
      ],
    });
    broker = await startMosquitto(
      [
        `plugin ${DYNSEC_PLUGIN}`,
        'plugin_opt_config_file %dir%/dynamic-security.json',
        'max_packet_size 65536',
      ],
      { anonymous: false, files: { 'dynamic-security.json': JSON.stringify(config) } },
    );
    svc = await connect(broker.url, 'svc-fleet-1', 'svc-fleet', secrets.svc);
    svc.on('message', (topic, payload) => seen.push(`${topic} ${payload.toString()}`));
    expect(await granted(svc, '$share/fleet-ingest/fleet/#')).toBe(1);
    expect(await granted(svc, 'provisioning/v1/+/+/request')).toBe(1);
  });

  afterAll(async () => {
    await svc?.endAsync();
    await broker?.stop();
  });

  it.each<[string, string, string | undefined, string | undefined]>([
    ['no credentials', 'dev-1', undefined, undefined],
    ['a wrong secret', 'dev-1', 'dev-1', 'wrong'],
    ['a disabled device', 'dev-off', 'dev-off', 'so'],
    ['an unknown device', 'dev-9', 'dev-9', 'x'],
    ["another device's client id", 'dev-2', 'dev-1', 's1'],
    ['a wrong provisioning key', 'x', 'pk-0a1b2c3d', 'pk-0a1b2c3d.wrong'],
  ])('refuses %s with CONNACK 5', async (_, clientId, username, password) => {
    const a = await attempt(broker.url, clientId, username, password === 's1' ? secrets.dev1 : password);
    expect(a).toEqual({ refused: 5 });
  });

  it('lets a device publish on its own topics only, and refuses every other subscription', async () => {
    const dev1 = await connect(broker.url, 'dev-1', 'dev-1', secrets.dev1);
    for (const filter of ['#', '$SYS/#', 'fleet/#', 'fleet/v1/+/commands', 'fleet/v1/dev-2/commands'])
      expect([filter, await granted(dev1, filter)]).toEqual([filter, 128]);
    expect(await granted(dev1, 'fleet/v1/dev-1/commands')).toBe(1);
    // spoofed status of another device, commands to another device, then its own telemetry
    await dev1.publishAsync(deviceTopic('dev-2', 'status'), '{"state":"offline"}', { qos: 1, retain: true });
    await dev1.publishAsync(deviceTopic('dev-2', 'commands'), 'forged', { qos: 1 });
    await dev1.publishAsync(deviceTopic('dev-1', 'telemetry'), 'mine', { qos: 1 });
    await eventually(() => (seen.includes('fleet/v1/dev-1/telemetry mine') ? true : undefined));
    expect(seen.filter((s) => s.includes('dev-2'))).toEqual([]);
    await dev1.endAsync();
  });

  it('delivers a device only its own commands, sent by the platform', async () => {
    const dev2 = await connect(broker.url, 'dev-2', 'dev-2', secrets.dev2);
    const got: string[] = [];
    dev2.on('message', (topic, payload) => got.push(`${topic} ${payload.toString()}`));
    expect(await granted(dev2, 'fleet/v1/dev-2/commands')).toBe(1);
    await svc.publishAsync(deviceTopic('dev-2', 'commands'), 'pm-visit', { qos: 1 });
    await eventually(() => (got.length ? true : undefined));
    expect(got).toEqual(['fleet/v1/dev-2/commands pm-visit']);
    await dev2.endAsync();
  });

  it('lets a gateway publish for its devices only', async () => {
    const gw = await connect(broker.url, 'gw-site', 'gw-site', secrets.gw);
    await gw.publishAsync(deviceTopic('dev-8', 'events'), 'not-mine', { qos: 1 });
    await gw.publishAsync(deviceTopic('dev-7', 'events'), 'mine', { qos: 1 });
    await eventually(() => (seen.includes('fleet/v1/dev-7/events mine') ? true : undefined));
    expect(seen.some((s) => s.includes('not-mine'))).toBe(false);
    await gw.endAsync();
  });

  it('lets a provisioning key ask under its own key only', async () => {
    const prov = await connect(broker.url, 'new-dev', 'pk-0a1b2c3d', keyToken);
    expect(await granted(prov, provisioningTopic('pk-0a1b2c3d', 'new-dev', 'response'))).toBe(1);
    expect(await granted(prov, 'fleet/#')).toBe(128);
    await prov.publishAsync(provisioningTopic('pk-ffffffff', 'new-dev', 'request'), 'other key', { qos: 1 });
    await prov.publishAsync(provisioningTopic('pk-0a1b2c3d', 'new-dev', 'request'), 'own key', { qos: 1 });
    await eventually(() => (seen.some((s) => s.endsWith('own key')) ? true : undefined));
    expect(seen.some((s) => s.endsWith('other key'))).toBe(false);
    await prov.endAsync();
  });

  it('drops a live session at once when the device is disabled with mosquitto_ctrl', async () => {
    const dev1 = await connect(broker.url, 'dev-1', 'dev-1', secrets.dev1);
    const closed = new Promise<void>((resolve) => dev1.once('close', () => resolve()));
    const ctrl = ['-h', '127.0.0.1', '-p', String(broker.port), '-u', admin.user, '-P', admin.password];
    await run('mosquitto_ctrl', [...ctrl, 'dynsec', 'disableClient', 'dev-1']);
    await closed;
    expect(await attempt(broker.url, 'dev-1', 'dev-1', secrets.dev1)).toEqual({ refused: 5 });
    dev1.end(true);
  });

  it('closes a connection whose packet is over max_packet_size', async () => {
    const dev2 = await connect(broker.url, 'dev-2', 'dev-2', secrets.dev2);
    const closed = new Promise<void>((resolve) => dev2.once('close', () => resolve()));
    dev2.publish(deviceTopic('dev-2', 'telemetry'), Buffer.alloc(70_000, 0x61), { qos: 0 });
    await closed;
    dev2.end(true);
  });
});
