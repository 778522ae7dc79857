import type { RecordsDatabase } from '../../src/ports/records-database.port.js';
import type { Signal } from '../../src/signals/signal.js';
import { aSignal, anEvidence } from '../../src/signals/signal.factory.js';
import type { SignalRepository } from '../../src/signals/signal.repository.js';
import { SqlSignalRepository } from '../../src/signals/sql-signal.repository.js';

const T0 = 1_800_000_000_000;

/** A signal of `customerId` for `offer`; other fields from the factory. */
function signal(id: string, over: Partial<Signal> = {}): Signal {
  return aSignal({ id, raisedAt: T0, updatedAt: T0, version: 0, ...over });
}
const training = { kind: 'user-training' as const, productId: null, description: 'Training' };

/**
 * The behaviour every SignalRepository must have, on an empty, migrated records
 * database. `connect` gives more connections to that database: several replicas.
 */
export function describeSignalRepositoryContract(
  name: string,
  records: () => Promise<RecordsDatabase>,
  connect: () => Promise<RecordsDatabase>,
): void {
  describe(`SignalRepository contract: ${name}`, () => {
    let repo: SignalRepository;
    beforeEach(async () => {
      repo = new SqlSignalRepository(await records());
    });

    it('keeps a signal whole, as version 1, with its evidence, figures and history', async () => {
      const s = signal('sig-1', {
        evidence: [
          anEvidence({ figures: { months: ['2026-01'], usage: [1, null], note: 'x\u0000y', ok: true } }),
        ],
      });
      expect(await repo.insert([s])).toEqual([{ ...s, version: 1 }]);
      expect(await repo.get('sig-1')).toEqual({ ...s, version: 1 });
      expect(await repo.get('sig-2')).toBeNull();
    });

    it('refuses a second active signal for a customer and offer, but not for another offer or customer', async () => {
      await repo.insert([signal('a')]);
      const inserted = await repo.insert([
        signal('b'),
        signal('c', { offer: training, offerKey: 'user-training' }),
        signal('d', { customerId: 'cust-2' }),
      ]);
      expect(inserted.map((s) => s.id)).toEqual(['c', 'd']);
      // closed, it no longer blocks a new one
      await repo.update([{ ...(await repo.get('a'))!, status: 'dismissed', closedAt: T0 + 1 }]);
      expect((await repo.insert([signal('b')])).map((s) => s.id)).toEqual(['b']);
    });

    it('writes an update only over the version it read, and bumps it', async () => {
      await repo.insert([signal('a')]);
      const read = (await repo.get('a'))!;
      const [written] = await repo.update([{ ...read, status: 'acknowledged' }]);
      expect(written.version).toBe(2);
      expect(await repo.update([{ ...read, status: 'dismissed' }])).toEqual([]);
      expect(await repo.get('a')).toMatchObject({ status: 'acknowledged', version: 2 });
    });

    it('lets one of two replicas win a race to update the same signal', async () => {
      const other = new SqlSignalRepository(await connect());
      await repo.insert([signal('a')]);
      const read = (await repo.get('a'))!;
      const results = await Promise.all([
        repo.update([{ ...read, status: 'acknowledged' }]),
        other.update([{ ...read, status: 'offered' }]),
      ]);
      expect(results.map((r) => r.length).sort()).toEqual([0, 1]);
    });

    it('lists newest first, filtered, paged by raise time and id (byte order)', async () => {
      const ids = ['a10', 'B', 'a-1', '_z', 'A2'];
      await repo.insert(
        ids.map((id, i) =>
          signal(id, {
            customerId: `c${i}`,
            raisedAt: T0 + (i % 2) * 1000,
            deviceIds: i === 2 ? ['dev-1', 'dev-7'] : ['dev-1'],
            rules: i === 4 ? ['overuse', 'capacity'] : ['overuse'],
            siteId: i === 0 ? 'site-9' : 'site-1',
          }),
        ),
      );
      const all: string[] = [];
      let before: { raisedAt: number; id: string } | undefined;
      for (;;) {
        const page = await repo.list({ limit: 2, before });
        all.push(...page.map((s) => s.id));
        if (page.length < 2) break;
        const last = page[page.length - 1];
        before = { raisedAt: last.raisedAt, id: last.id };
      }
      // raised at T0 + 1000: B, _z; at T0: a10, a-1, A2 — ids descending in byte order
      expect(all).toEqual(['_z', 'B', 'a10', 'a-1', 'A2']);
      expect((await repo.list({ limit: 10, deviceId: 'dev-7' })).map((s) => s.id)).toEqual(['a-1']);
      expect((await repo.list({ limit: 10, rule: 'capacity' })).map((s) => s.id)).toEqual(['A2']);
      expect((await repo.list({ limit: 10, siteId: 'site-9' })).map((s) => s.id)).toEqual(['a10']);
      expect((await repo.list({ limit: 10, customerId: 'c1' })).map((s) => s.id)).toEqual(['B']);
      expect(await repo.list({ limit: 10, statuses: ['won', 'lost'] })).toEqual([]);
      expect(await repo.list({ limit: 10, offer: 'user-training' })).toEqual([]);
      expect((await repo.list({ limit: 10, kind: 'observed', statuses: ['open'] })).length).toBe(5);
    });

    it("gives a customer's active signals and the last closed one per offer", async () => {
      await repo.insert([
        signal('old', { status: 'dismissed', closedAt: T0 }),
        signal('newer', { status: 'lost', closedAt: T0 + 5 }),
        signal('act', { offer: training, offerKey: 'user-training' }),
        signal('other', { customerId: 'cust-2' }),
      ]);
      const { active, lastClosed } = await repo.forCustomers(['cust-1']);
      expect(active.map((s) => s.id)).toEqual(['act']);
      expect(lastClosed.map((s) => s.id)).toEqual(['newer']);
      expect(await repo.forCustomers([])).toEqual({ active: [], lastClosed: [] });
    });

    it('rolls signals up per customer, by active value, paged', async () => {
      await repo.insert([
        signal('a', { estimatedValue: 1_000 }),
        signal('b', { estimatedValue: 500, offer: training, offerKey: 'user-training' }),
        signal('c', { estimatedValue: 9_000, status: 'won', closedAt: T0 + 9 }),
        signal('d', { customerId: 'cust-2', estimatedValue: 4_000 }),
        signal('e', { customerId: 'cust-3', estimatedValue: 1_500, raisedAt: T0 + 7 }),
      ]);
      const first = await repo.rollups({ limit: 2 });
      expect(first.map((r) => [r.customerId, r.activeValue])).toEqual([
        ['cust-2', 4_000],
        ['cust-1', 1_500],
      ]);
      expect(first[1]).toEqual({
        customerId: 'cust-1',
        byStatus: { open: 2, acknowledged: 0, offered: 0, won: 1, lost: 0, dismissed: 0 },
        active: 2,
        activeValue: 1_500,
        wonValue: 9_000,
        lastRaisedAt: T0,
      });
      const next = await repo.rollups({ limit: 2, after: { activeValue: 1_500, customerId: 'cust-1' } });
      expect(next.map((r) => r.customerId)).toEqual(['cust-3']);
      expect(await repo.rollup('cust-3')).toMatchObject({ active: 1, lastRaisedAt: T0 + 7 });
      expect(await repo.rollup('nobody')).toMatchObject({ active: 0, activeValue: 0, lastRaisedAt: null });
    });

    it('counts outcomes for every rule that gave evidence', async () => {
      await repo.insert([
        signal('a', { rules: ['overuse', 'capacity'], status: 'won', closedAt: T0 }),
        signal('b', { rules: ['overuse'], status: 'lost', closedAt: T0, customerId: 'c2' }),
        signal('c', { rules: ['misuse'], offer: training, offerKey: 'user-training' }),
      ]);
      const outcomes = await repo.outcomesByRule();
      expect(outcomes.map((o) => o.rule)).toEqual(['capacity', 'misuse', 'overuse']);
      expect(outcomes[2].byStatus).toEqual({
        open: 0,
        acknowledged: 0,
        offered: 0,
        won: 1,
        lost: 1,
        dismissed: 0,
      });
      expect(outcomes[1].byStatus.open).toBe(1);
    });

    it('keeps dirty marks until cleared, and keeps a mark renewed after it was read', async () => {
      await repo.markDirty(
        new Map([
          ['b', T0],
          ['a', T0 + 1],
        ]),
      );
      await repo.markDirty(new Map([['b', T0 - 5]]));
      const read = await repo.dirtyDevices(10);
      expect([...read]).toEqual([
        ['b', T0],
        ['a', T0 + 1],
      ]);
      await repo.markDirty(new Map([['a', T0 + 50]]));
      await repo.clearDirty(read);
      expect([...(await repo.dirtyDevices(10))]).toEqual([['a', T0 + 50]]);
      expect((await repo.dirtyDevices(0)).size).toBe(0);
    });

    it('remembers the last full sweep', async () => {
      expect(await repo.lastFullSweep()).toBeNull();
      await repo.setLastFullSweep(T0);
      await repo.setLastFullSweep(T0 + 1);
      expect(await repo.lastFullSweep()).toBe(T0 + 1);
    });
  });
}
