import { pbkdf2Sync } from 'node:crypto';
import type { MqttCredential, ProvisioningKey } from './device-identity.js';
import { emqxConfig, mosquittoDynamicSecurity, type BrokerConfigInput } from './broker-config.js';
import { MIN_KDF_ITERATIONS, hashSecret } from './secret-hash.js';

const NOW = Date.UTC(2026, 10, 22);

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

async function input(): Promise<BrokerConfigInput> {
  const key: ProvisioningKey = {
    id: 'pk-0a1b2c3d',
    name: 'line 3',
    secretHash: await hashSecret('pk-0a1b2c3d.secret', MIN_KDF_ITERATIONS),
    models: ['MFP-C300'],
    customerId: null,
    maxDevices: null,
    devicesProvisioned: 0,
    reprovision: false,
    expiresAt: null,
    revokedAt: null,
    createdAt: NOW,
    createdBy: 'test',
  };
  return {
    credentials: [
      credential({ id: 'dev-1', secretHash: await hashSecret('s1', MIN_KDF_ITERATIONS) }),
      credential({ id: 'dev-2', secretHash: await hashSecret('s2', MIN_KDF_ITERATIONS), enabled: false }),
      credential({ id: 'dev-cert' }),
      credential({
        id: 'gw-site',
        kind: 'gateway',
        devices: ['dev-7'],
        customerId: 'acme',
        secretHash: await hashSecret('sg', MIN_KDF_ITERATIONS),
      }),
    ],
    customerDevices: new Map([['gw-site', ['dev-8', 'dev-7']]]),
    provisioningKeys: [key, { ...key, id: 'pk-ffffffff', revokedAt: NOW - 1 }],
    service: { username: 'svc-fleet', secretHash: await hashSecret('svc-pass', MIN_KDF_ITERATIONS) },
    shareGroups: { ingest: 'fleet-ingest', provisioning: 'fleet-provisioning' },
    now: NOW,
  };
}

describe(mosquittoDynamicSecurity.name, () => {
  it('carries the stored PBKDF2 hashes as Mosquitto verifies them', async () => {
    const config = mosquittoDynamicSecurity(await input());
    const dev1 = config.clients.find((c) => c.username === 'dev-1')!;
    const recomputed = pbkdf2Sync('s1', Buffer.from(dev1.salt!, 'base64'), dev1.iterations!, 64, 'sha512');
    expect(recomputed.toString('base64')).toBe(dev1.password);
  });

  it('denies by default and gives each identity a role with literal topics only', async () => {
    const config = mosquittoDynamicSecurity(await input());
    expect(config.defaultACLAccess).toEqual({
      publishClientSend: false,
      publishClientReceive: false,
      subscribe: false,
      unsubscribe: true,
    });
    const role = config.roles.find((r) => r.rolename === 'device:dev-1')!;
    expect(role.acls.map((a) => `${a.acltype} ${a.topic}`)).toEqual([
      'publishClientSend fleet/v1/dev-1/telemetry',
      'publishClientSend fleet/v1/dev-1/events',
      'publishClientSend fleet/v1/dev-1/status',
      'subscribeLiteral fleet/v1/dev-1/commands',
      'publishClientReceive fleet/v1/dev-1/commands',
    ]);
    const topics = config.roles.flatMap((r) => r.acls.map((a) => a.topic));
    expect(topics.some((t) => t.includes('%'))).toBe(false);
  });

  it('pins devices and gateways to their client id, and marks disabled ones', async () => {
    const config = mosquittoDynamicSecurity(await input());
    const byName = new Map(config.clients.map((c) => [c.username, c]));
    expect(byName.get('dev-1')).toMatchObject({ clientid: 'dev-1' });
    expect(byName.get('dev-1')?.disabled).toBeUndefined();
    expect(byName.get('dev-2')).toMatchObject({ disabled: true });
    expect(byName.get('pk-ffffffff')).toMatchObject({ disabled: true });
    // certificate only: no password at all
    expect(byName.get('dev-cert')?.password).toBeUndefined();
  });

  it("lets a gateway publish for its own devices and its customer's", async () => {
    const config = mosquittoDynamicSecurity(await input());
    const sends = config.roles
      .find((r) => r.rolename === 'gateway:gw-site')!
      .acls.filter((a) => a.acltype === 'publishClientSend')
      .map((a) => a.topic);
    expect(sends).toEqual(expect.arrayContaining(['fleet/v1/dev-7/status', 'fleet/v1/dev-8/status']));
    expect(sends).toHaveLength(6);
  });
});

describe(emqxConfig.name, () => {
  it('exports hex hashes with text salts that EMQX recomputes the same way', async () => {
    const config = emqxConfig(await input());
    const dev1 = config.users.find((u) => u.user_id === 'dev-1')!;
    expect(pbkdf2Sync('s1', dev1.salt, config.iterations, 64, 'sha512').toString('hex')).toBe(
      dev1.password_hash,
    );
  });

  it('leaves out disabled and certificate-only identities, saying why', async () => {
    const config = emqxConfig(await input());
    expect(config.users.map((u) => u.user_id).sort()).toEqual([
      'dev-1',
      'gw-site',
      'pk-0a1b2c3d',
      'svc-fleet',
    ]);
    expect(config.skipped.map((s) => s.id).sort()).toEqual(['dev-2', 'dev-cert', 'pk-ffffffff']);
  });

  it('writes an ACL that ends in deny and never lets anyone subscribe to # or $SYS', async () => {
    const acl = emqxConfig(await input()).aclConf;
    const lines = acl.trim().split('\n');
    expect(lines[1]).toBe('{deny, all, subscribe, ["$SYS/#", {eq, "#"}]}.');
    expect(lines[lines.length - 1]).toBe('{deny, all}.');
    expect(acl).toContain('{allow, {username, "dev-1"}, subscribe, ["fleet/v1/dev-1/commands"]}.');
  });
});
