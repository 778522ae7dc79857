import type { RecordsDatabase } from '../../src/ports/records-database.port.js';
import type { Customer, Device, EquipmentModel, Site } from '../../src/registry/registry-entities.js';
import type { RegistryRepository } from '../../src/registry/registry.repository.js';
import { SqlRegistryRepository } from '../../src/registry/sql-registry.repository.js';

const customer = (customerId: string, name = customerId): Customer => ({ customerId, name });
const site = (siteId: string, customerId: string): Site => ({ siteId, customerId, name: `Site ${siteId}` });
const model = (modelId: string): EquipmentModel => ({
  modelId,
  name: `Model ${modelId}`,
  kind: 'copier',
  usageUnit: 'pages',
  usageMetric: 'pages.total',
  ratedMonthlyDuty: 20000,
  components: [{ name: 'fuser', expectedLife: 300000 }],
});
const device = (deviceId: string, modelId: string, extra: Partial<Device> = {}): Device => ({
  deviceId,
  serial: `SN-${deviceId}`,
  modelId,
  installDate: '2025-01-01',
  contractType: 'warranty',
  registeredBy: 'api',
  ...extra,
});

/**
 * The behaviour every RegistryRepository must have. `records` gives an empty,
 * migrated records database (PGlite or PostgreSQL).
 */
export function describeRegistryRepositoryContract(
  name: string,
  records: () => Promise<RecordsDatabase>,
): void {
  describe(`RegistryRepository contract: ${name}`, () => {
    let repo: RegistryRepository;
    beforeEach(async () => {
      repo = new SqlRegistryRepository(await records());
    });

    it('reads back a record as written, its fields in their order', async () => {
      const written = { name: 'Zeta GmbH', customerId: 'C1', country: 'DE' } as Customer;
      await repo.upsert('customers', [written]);
      const read = await repo.get('customers', 'C1');
      expect(JSON.stringify(read)).toBe(JSON.stringify(written));
      expect(await repo.get('customers', 'nobody')).toBeNull();
    });

    it('tells created, updated and unchanged apart, a record given twice in one batch counted in turn', async () => {
      expect(await repo.upsert('customers', [customer('C1'), customer('C2')])).toEqual([
        'created',
        'created',
      ]);
      expect(
        await repo.upsert('customers', [
          customer('C1'),
          customer('C2', 'renamed'),
          customer('C3'),
          customer('C3', 'again'),
          customer('C3', 'again'),
        ]),
      ).toEqual(['unchanged', 'updated', 'created', 'updated', 'unchanged']);
      expect(await repo.get('customers', 'C3')).toEqual(customer('C3', 'again'));
      expect(await repo.upsert('customers', [])).toEqual([]);
    });

    it('creates only when the id is free', async () => {
      expect(await repo.create('models', model('M1'))).toBe(true);
      expect(await repo.create('models', { ...model('M1'), name: 'other' })).toBe(false);
      expect((await repo.get('models', 'M1'))?.name).toBe('Model M1');
    });

    it('lists in byte order of the ids, paging with after, whatever the server locale', async () => {
      const ids = ['a10', 'B', 'a-1', '_z', 'A2'];
      await repo.upsert(
        'customers',
        ids.map((id) => customer(id)),
      );
      const page1 = await repo.list('customers', { limit: 3 });
      const page2 = await repo.list('customers', { limit: 3, after: page1[2].customerId });
      expect([...page1, ...page2].map((c) => c.customerId)).toEqual(['A2', 'B', '_z', 'a-1', 'a10']);
    });

    it('filters sites by customer, and devices by model, site and customer', async () => {
      await repo.upsert('customers', [customer('C1'), customer('C2')]);
      await repo.upsert('sites', [site('S1', 'C1'), site('S2', 'C2'), site('S3', 'C1')]);
      await repo.upsert('models', [model('M1'), model('M2')]);
      await repo.upsert('devices', [
        device('D1', 'M1', { siteId: 'S1' }),
        device('D2', 'M2', { siteId: 'S2' }),
        device('D3', 'M1', { siteId: 'S3' }),
        device('D4', 'M2'),
      ]);
      const ids = async (q: Parameters<RegistryRepository['list']>[1], entity: 'sites' | 'devices') =>
        (await repo.list(entity, q)).map((r) => ('deviceId' in r ? r.deviceId : r.siteId));
      expect(await ids({ limit: 10, filters: { customerId: 'C1' } }, 'sites')).toEqual(['S1', 'S3']);
      expect(await ids({ limit: 10, filters: { modelId: 'M2' } }, 'devices')).toEqual(['D2', 'D4']);
      expect(await ids({ limit: 10, filters: { siteId: 'S3' } }, 'devices')).toEqual(['D3']);
      expect(await ids({ limit: 10, filters: { customerId: 'C1' } }, 'devices')).toEqual(['D1', 'D3']);
      expect(await ids({ limit: 10, filters: { customerId: 'C1', modelId: 'M2' } }, 'devices')).toEqual([]);
      // a filter that does not apply to the entity is ignored
      expect(await ids({ limit: 10, filters: { modelId: 'M1' } }, 'sites')).toEqual(['S1', 'S2', 'S3']);
    });

    it('says which ids exist', async () => {
      await repo.upsert('models', [model('M1'), model('M2')]);
      expect(await repo.existing('models', ['M2', 'M9', 'M2'])).toEqual(new Set(['M2']));
      expect(await repo.existing('models', [])).toEqual(new Set());
    });

    it('counts who refers to a record, and refuses a reference to a record that does not exist', async () => {
      await repo.upsert('customers', [customer('C1')]);
      await repo.upsert('sites', [site('S1', 'C1'), site('S2', 'C1')]);
      await repo.upsert('models', [model('M1')]);
      await repo.upsert('devices', [device('D1', 'M1', { siteId: 'S1' }), device('D2', 'M1')]);
      expect(await repo.referencedBy('customers', 'C1')).toBe(2);
      expect(await repo.referencedBy('models', 'M1')).toBe(2);
      expect(await repo.referencedBy('sites', 'S2')).toBe(0);
      expect(await repo.referencedBy('devices', 'D1')).toBe(0);
      await expect(repo.upsert('sites', [site('S9', 'no-such-customer')])).rejects.toThrow();
      await expect(repo.delete('models', 'M1')).rejects.toThrow();
      expect(await repo.get('sites', 'S9')).toBeNull();
    });

    it('rolls a failed batch back whole', async () => {
      await repo.upsert('customers', [customer('C1')]);
      await expect(repo.upsert('sites', [site('S1', 'C1'), site('S2', 'missing')])).rejects.toThrow();
      expect(await repo.get('sites', 'S1')).toBeNull();
    });

    it('deletes', async () => {
      await repo.upsert('customers', [customer('C1')]);
      expect(await repo.delete('customers', 'C1')).toBe(true);
      expect(await repo.delete('customers', 'C1')).toBe(false);
      expect(await repo.get('customers', 'C1')).toBeNull();
    });

    it('gives every device with its model, site, customer and dates, by id', async () => {
      await repo.upsert('customers', [customer('C1')]);
      await repo.upsert('sites', [site('S1', 'C1')]);
      await repo.upsert('models', [model('M1')]);
      await repo.upsert('devices', [
        device('D2', 'M1', { removedDate: '2025-06-30' }),
        device('D1', 'M1', { siteId: 'S1', installDate: '2024-03-01T08:00:00Z' }),
      ]);
      expect(await repo.deviceScopes()).toEqual([
        {
          deviceId: 'D1',
          modelId: 'M1',
          siteId: 'S1',
          customerId: 'C1',
          installDate: '2024-03-01T08:00:00Z',
          removedDate: null,
        },
        {
          deviceId: 'D2',
          modelId: 'M1',
          siteId: null,
          customerId: null,
          installDate: '2025-01-01',
          removedDate: '2025-06-30',
        },
      ]);
    });

    it('moves a device to another site, its scope following', async () => {
      await repo.upsert('customers', [customer('C1'), customer('C2')]);
      await repo.upsert('sites', [site('S1', 'C1'), site('S2', 'C2')]);
      await repo.upsert('models', [model('M1')]);
      await repo.upsert('devices', [device('D1', 'M1', { siteId: 'S1' })]);
      expect(await repo.upsert('devices', [device('D1', 'M1', { siteId: 'S2' })])).toEqual(['updated']);
      expect((await repo.deviceScopes())[0]).toMatchObject({ siteId: 'S2', customerId: 'C2' });
      expect(await repo.referencedBy('sites', 'S1')).toBe(0);
    });
  });
}
