import type { ApiKey } from '../../src/api-keys/api-key.js';
import type { ApiKeyRepository } from '../../src/api-keys/api-key.repository.js';
import { SqlApiKeyRepository } from '../../src/api-keys/sql-api-key.repository.js';
import type { RecordsDatabase } from '../../src/ports/records-database.port.js';

const T0 = 1_800_000_000_000;

const apiKey = (id: string, over: Partial<ApiKey> = {}): ApiKey => ({
  id,
  name: `key ${id}`,
  role: 'viewer',
  digest: `digest-${id}`,
  prefix: 'fk_abcd',
  createdAt: T0,
  createdBy: 'test',
  expiresAt: null,
  revokedAt: null,
  lastUsedAt: null,
  ...over,
});

/** The behaviour every ApiKeyRepository must have, on an empty, migrated records database. */
export function describeApiKeyRepositoryContract(
  name: string,
  records: () => Promise<RecordsDatabase>,
): void {
  describe(`ApiKeyRepository contract: ${name}`, () => {
    let repo: ApiKeyRepository;
    beforeEach(async () => {
      repo = new SqlApiKeyRepository(await records());
    });

    it('finds a key by its digest and by its id, every field as stored', async () => {
      const k = apiKey('key-00000001', { role: 'operator', expiresAt: T0 + 1000 });
      expect(await repo.create(k)).toBe(true);
      expect(await repo.getByDigest('digest-key-00000001')).toEqual(k);
      expect(await repo.get('key-00000001')).toEqual(k);
      expect(await repo.getByDigest('digest-nobody')).toBeNull();
      expect(await repo.count()).toBe(1);
    });

    it('refuses a second key with the same id or the same digest', async () => {
      await repo.create(apiKey('key-00000001'));
      expect(await repo.create(apiKey('key-00000001', { digest: 'other' }))).toBe(false);
      expect(await repo.create(apiKey('key-00000002', { digest: 'digest-key-00000001' }))).toBe(false);
      expect(await repo.count()).toBe(1);
    });

    it('lists the newest first', async () => {
      await repo.create(apiKey('key-00000001', { createdAt: T0 }));
      await repo.create(apiKey('key-00000002', { createdAt: T0 + 2 }));
      await repo.create(apiKey('key-00000003', { createdAt: T0 + 1 }));
      expect((await repo.list()).map((k) => k.id)).toEqual(['key-00000002', 'key-00000003', 'key-00000001']);
    });

    it('rotates: the new digest finds the key, the old one nothing; a revoked key does not rotate', async () => {
      await repo.create(apiKey('key-00000001'));
      expect(await repo.replaceDigest('key-00000001', 'fresh', 'fk_new0')).toBe(true);
      expect(await repo.getByDigest('digest-key-00000001')).toBeNull();
      expect(await repo.getByDigest('fresh')).toMatchObject({ id: 'key-00000001', prefix: 'fk_new0' });
      await repo.revoke('key-00000001', T0 + 5);
      expect(await repo.replaceDigest('key-00000001', 'again', 'fk_agn0')).toBe(false);
      expect(await repo.replaceDigest('key-00000009', 'x', 'y')).toBe(false);
    });

    it('revokes once, keeping the first time, and records the last use', async () => {
      await repo.create(apiKey('key-00000001'));
      expect(await repo.revoke('key-00000001', T0 + 5)).toBe(true);
      expect(await repo.revoke('key-00000001', T0 + 9)).toBe(false);
      await repo.touch('key-00000001', T0 + 7);
      expect(await repo.get('key-00000001')).toMatchObject({ revokedAt: T0 + 5, lastUsedAt: T0 + 7 });
    });
  });
}
