import type { JobLeaseRepository } from '../../src/infrastructure/jobs/job-lease.repository.js';
import { SqlJobLeaseRepository } from '../../src/infrastructure/jobs/sql-job-lease.repository.js';
import type { RecordsDatabase } from '../../src/ports/records-database.port.js';

const TTL = 30_000;
const T0 = 1_800_000_000_000;

/**
 * The behaviour every JobLeaseRepository must have, on an empty, migrated records
 * database. `connect` gives more connections to that database: several replicas.
 */
export function describeJobLeaseRepositoryContract(
  name: string,
  records: () => Promise<RecordsDatabase>,
  connect: () => Promise<RecordsDatabase>,
): void {
  describe(`JobLeaseRepository contract: ${name}`, () => {
    let leases: JobLeaseRepository;
    beforeEach(async () => {
      leases = new SqlJobLeaseRepository(await records());
    });

    it('gives a free lease to the first holder and refuses it to others until it expires', async () => {
      expect(await leases.holder('kpi', T0)).toBeNull();
      expect(await leases.acquire('kpi', 'a', T0, TTL)).toBe(true);
      expect(await leases.acquire('kpi', 'b', T0 + 1, TTL)).toBe(false);
      expect(await leases.holder('kpi', T0 + TTL - 1)).toBe('a');
      expect(await leases.holder('kpi', T0 + TTL)).toBeNull();
      expect(await leases.acquire('kpi', 'b', T0 + TTL, TTL)).toBe(true);
      expect(await leases.holder('kpi', T0 + TTL)).toBe('b');
    });

    it('renews the lease of its holder, so it does not expire while renewed', async () => {
      expect(await leases.acquire('kpi', 'a', T0, TTL)).toBe(true);
      expect(await leases.acquire('kpi', 'a', T0 + 20_000, TTL)).toBe(true);
      expect(await leases.acquire('kpi', 'b', T0 + TTL + 1, TTL)).toBe(false);
      expect(await leases.holder('kpi', T0 + TTL + 1)).toBe('a');
    });

    it('does not give an expired holder its lease back once another has taken it', async () => {
      await leases.acquire('kpi', 'a', T0, TTL);
      await leases.acquire('kpi', 'b', T0 + TTL, TTL);
      expect(await leases.acquire('kpi', 'a', T0 + TTL + 1, TTL)).toBe(false);
      expect(await leases.holder('kpi', T0 + TTL + 1)).toBe('b');
    });

    it('frees the lease when its holder releases it, and only then', async () => {
      await leases.acquire('kpi', 'a', T0, TTL);
      await leases.release('kpi', 'b');
      expect(await leases.holder('kpi', T0)).toBe('a');
      await leases.release('kpi', 'a');
      expect(await leases.holder('kpi', T0)).toBeNull();
      expect(await leases.acquire('kpi', 'b', T0 + 1, TTL)).toBe(true);
    });

    it('keeps the leases of different jobs apart', async () => {
      expect(await leases.acquire('kpi', 'a', T0, TTL)).toBe(true);
      expect(await leases.acquire('scoring', 'b', T0, TTL)).toBe(true);
      expect(await leases.holder('kpi', T0)).toBe('a');
      expect(await leases.holder('scoring', T0)).toBe('b');
    });

    it('gives a lease to exactly one of several replicas racing for it, round after round', async () => {
      const replicas = await Promise.all(
        Array.from({ length: 6 }, async () => new SqlJobLeaseRepository(await connect())),
      );
      for (let round = 0; round < 20; round++) {
        // each round starts when the previous lease has expired
        const now = T0 + round * TTL;
        const won = await Promise.all(replicas.map((r, i) => r.acquire('kpi', `replica-${i}`, now, TTL)));
        expect(won.filter(Boolean)).toHaveLength(1);
        expect(await leases.holder('kpi', now)).toBe(`replica-${won.indexOf(true)}`);
      }
    });
  });
}
