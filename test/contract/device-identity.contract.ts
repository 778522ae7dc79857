import type { MqttCredential, ProvisioningKey } from '../../src/device-identity/device-identity.js';
import type { DeviceIdentityRepository } from '../../src/device-identity/device-identity.repository.js';
import { SqlDeviceIdentityRepository } from '../../src/device-identity/sql-device-identity.repository.js';
import type { RecordsDatabase } from '../../src/ports/records-database.port.js';

const T0 = 1_800_000_000_000;

const credential = (id: string, over: Partial<MqttCredential> = {}): MqttCredential => ({
  id,
  kind: 'device',
  secretHash: `pbkdf2-sha512$25000$c2FsdA==$${id}`,
  certificateFingerprint: null,
  enabled: true,
  devices: [],
  customerId: null,
  modelId: 'MFP-C300',
  issuedBy: 'test',
  createdAt: T0,
  updatedAt: T0,
  ...over,
});

const key = (over: Partial<ProvisioningKey> = {}): ProvisioningKey => ({
  id: 'pk-0a1b2c3d',
  name: 'line 3',
  secretHash: 'pbkdf2-sha512$25000$c2FsdA==$aGFzaA==',
  models: ['MFP-C300', 'DT-200'],
  customerId: null,
  maxDevices: null,
  devicesProvisioned: 0,
  reprovision: false,
  expiresAt: null,
  revokedAt: null,
  createdAt: T0,
  createdBy: 'test',
  ...over,
});

/**
 * The behaviour every DeviceIdentityRepository must have, on an empty, migrated
 * records database. `connect` gives more connections to it: replicas at once.
 */
export function describeDeviceIdentityRepositoryContract(
  name: string,
  records: () => Promise<RecordsDatabase>,
  connect: () => Promise<RecordsDatabase>,
): void {
  describe(`DeviceIdentityRepository contract: ${name}`, () => {
    let repo: DeviceIdentityRepository;
    beforeEach(async () => {
      repo = new SqlDeviceIdentityRepository(await records());
    });

    it('stores a credential as given, every field, and refuses a second with the same id', async () => {
      const gateway = credential('gw-site', {
        kind: 'gateway',
        devices: ['dev-1', 'dev-2'],
        customerId: 'acme',
        modelId: null,
        certificateFingerprint: 'ab'.repeat(32),
      });
      expect(await repo.createCredential(gateway)).toBe(true);
      expect(await repo.getCredential('gw-site')).toEqual(gateway);
      expect(await repo.createCredential({ ...gateway, devices: [] })).toBe(false);
      expect(await repo.getCredential('gw-site')).toEqual(gateway);
      const certOnly = credential('dev-cert', { secretHash: null });
      await repo.createCredential(certOnly);
      expect(await repo.getCredential('dev-cert')).toEqual(certOnly);
      expect(await repo.getCredential('nobody')).toBeNull();
    });

    it('replaces and deletes a credential, and says when there was none', async () => {
      await repo.createCredential(credential('dev-1'));
      const changed = credential('dev-1', { enabled: false, secretHash: 'x', updatedAt: T0 + 1 });
      expect(await repo.updateCredential(changed)).toBe(true);
      expect(await repo.getCredential('dev-1')).toEqual(changed);
      expect(await repo.updateCredential(credential('dev-9'))).toBe(false);
      expect(await repo.deleteCredential('dev-1')).toBe(true);
      expect(await repo.deleteCredential('dev-1')).toBe(false);
      expect(await repo.getCredential('dev-1')).toBeNull();
    });

    it('lists by id in byte order, page by page, by kind', async () => {
      const ids = ['a10', 'B', 'a-1', 'A2', 'gw-x', 'a2'];
      for (const id of ids)
        await repo.createCredential(credential(id, id.startsWith('gw-') ? { kind: 'gateway' } : {}));
      const seen: string[] = [];
      let after: string | undefined;
      do {
        const page = await repo.listCredentials({ kind: 'device', after, limit: 2 });
        seen.push(...page.items.map((c) => c.id));
        after = page.next ?? undefined;
      } while (after);
      expect(seen).toEqual(['A2', 'B', 'a-1', 'a10', 'a2']);
      expect((await repo.listCredentials({ kind: 'gateway', limit: 10 })).items.map((c) => c.id)).toEqual([
        'gw-x',
      ]);
      expect((await repo.listCredentials({ limit: 10 })).items).toHaveLength(6);
    });

    it('keeps provisioning keys, replaces one by id, and revokes it once', async () => {
      await repo.putProvisioningKey(key());
      await repo.putProvisioningKey(
        key({ id: 'pk-ffffffff', models: null, customerId: 'acme', createdAt: T0 + 1 }),
      );
      expect(await repo.getProvisioningKey('pk-0a1b2c3d')).toEqual(key());
      await repo.putProvisioningKey(key({ name: 'line 3b', maxDevices: 5 }));
      expect(await repo.getProvisioningKey('pk-0a1b2c3d')).toMatchObject({ name: 'line 3b', maxDevices: 5 });
      expect((await repo.listProvisioningKeys()).map((k) => k.id)).toEqual(['pk-ffffffff', 'pk-0a1b2c3d']);
      expect(await repo.revokeProvisioningKey('pk-0a1b2c3d', T0 + 10)).toBe(true);
      expect(await repo.revokeProvisioningKey('pk-0a1b2c3d', T0 + 20)).toBe(true);
      expect((await repo.getProvisioningKey('pk-0a1b2c3d'))?.revokedAt).toBe(T0 + 10);
      expect(await repo.revokeProvisioningKey('pk-00000000', T0)).toBe(false);
    });

    it('provisions: takes a slot and stores the credential together, until the key has none left', async () => {
      await repo.putProvisioningKey(key({ maxDevices: 2 }));
      expect(await repo.provision('pk-0a1b2c3d', credential('dev-1'), false, T0)).toBe('ok');
      expect(await repo.provision('pk-0a1b2c3d', credential('dev-2'), false, T0)).toBe('ok');
      expect(await repo.provision('pk-0a1b2c3d', credential('dev-3'), false, T0)).toBe('key_exhausted');
      expect(await repo.getCredential('dev-3')).toBeNull();
      expect((await repo.getProvisioningKey('pk-0a1b2c3d'))?.devicesProvisioned).toBe(2);
    });

    it('provisions nothing, and takes no slot, for a device that has credentials', async () => {
      await repo.putProvisioningKey(key({ maxDevices: 1 }));
      await repo.createCredential(credential('dev-1', { issuedBy: 'cli' }));
      expect(await repo.provision('pk-0a1b2c3d', credential('dev-1'), false, T0)).toBe('device_exists');
      expect((await repo.getProvisioningKey('pk-0a1b2c3d'))?.devicesProvisioned).toBe(0);
      expect((await repo.getCredential('dev-1'))?.issuedBy).toBe('cli');
    });

    it('provisions again only a device the same key provisioned, without taking a slot', async () => {
      await repo.putProvisioningKey(key({ maxDevices: 1, reprovision: true }));
      const mine = credential('dev-1', { issuedBy: 'provisioning-key:pk-0a1b2c3d' });
      expect(await repo.provision('pk-0a1b2c3d', mine, false, T0)).toBe('ok');
      const again = { ...mine, secretHash: 'new', updatedAt: T0 + 5 };
      expect(await repo.provision('pk-0a1b2c3d', again, true, T0 + 5)).toBe('ok');
      expect(await repo.getCredential('dev-1')).toMatchObject({
        secretHash: 'new',
        updatedAt: T0 + 5,
        createdAt: T0,
      });
      expect((await repo.getProvisioningKey('pk-0a1b2c3d'))?.devicesProvisioned).toBe(1);
      await repo.createCredential(credential('dev-2', { issuedBy: 'cli' }));
      const theirs = credential('dev-2', { issuedBy: 'provisioning-key:pk-0a1b2c3d' });
      expect(await repo.provision('pk-0a1b2c3d', theirs, true, T0)).toBe('device_exists');
    });

    it('provisions nothing with a revoked, expired or unknown key', async () => {
      await repo.putProvisioningKey(key({ revokedAt: T0 - 1 }));
      await repo.putProvisioningKey(key({ id: 'pk-00000001', expiresAt: T0 }));
      expect(await repo.provision('pk-0a1b2c3d', credential('dev-1'), false, T0)).toBe('key_invalid');
      expect(await repo.provision('pk-00000001', credential('dev-1'), false, T0)).toBe('key_invalid');
      expect(await repo.provision('pk-00000002', credential('dev-1'), false, T0)).toBe('key_invalid');
      expect(await repo.getCredential('dev-1')).toBeNull();
    });

    it('gives the last slot to exactly one of two replicas asking at once', async () => {
      await repo.putProvisioningKey(key({ maxDevices: 1 }));
      const other = new SqlDeviceIdentityRepository(await connect());
      const outcomes = await Promise.all([
        repo.provision('pk-0a1b2c3d', credential('dev-a'), false, T0),
        other.provision('pk-0a1b2c3d', credential('dev-b'), false, T0),
      ]);
      expect(outcomes.sort()).toEqual(['key_exhausted', 'ok']);
      expect((await repo.getProvisioningKey('pk-0a1b2c3d'))?.devicesProvisioned).toBe(1);
    });

    it('gives a device id to exactly one of two keys provisioning it at once', async () => {
      await repo.putProvisioningKey(key());
      await repo.putProvisioningKey(key({ id: 'pk-00000001' }));
      const other = new SqlDeviceIdentityRepository(await connect());
      const outcomes = await Promise.all([
        repo.provision('pk-0a1b2c3d', credential('dev-a'), false, T0),
        other.provision('pk-00000001', credential('dev-a'), false, T0),
      ]);
      expect(outcomes.sort()).toEqual(['device_exists', 'ok']);
      const slots = [
        (await repo.getProvisioningKey('pk-0a1b2c3d'))!.devicesProvisioned,
        (await repo.getProvisioningKey('pk-00000001'))!.devicesProvisioned,
      ];
      // the loser's slot went back with its rolled-back transaction
      expect(slots.sort()).toEqual([0, 1]);
    });
  });
}
