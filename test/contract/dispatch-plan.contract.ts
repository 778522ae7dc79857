import type { DispatchPlanRepository, StoredPlan } from '../../src/dispatch/dispatch-plan.repository.js';
import { aVisit } from '../../src/dispatch/dispatch.factory.js';
import { SqlDispatchPlanRepository } from '../../src/dispatch/sql-dispatch-plan.repository.js';
import type { RecordsDatabase } from '../../src/ports/records-database.port.js';

function aPlan(
  technicianId: string,
  day: string,
  orderIds: string[],
  over: Partial<StoredPlan> = {},
): StoredPlan {
  return {
    technicianId,
    day,
    shiftStart: 0,
    shiftEnd: 1,
    start: { lat: 45, lon: 4, at: 0, from: 'home base' },
    done: [],
    stops: [],
    travelKm: 0,
    lateMin: 0,
    endsAt: 0,
    version: 1,
    updatedAt: 0,
    visits: orderIds.map((orderId) => aVisit({ orderId })),
    ...over,
  };
}

/** Day plans and dispatch decisions, on an empty, migrated records database. */
export function describeDispatchPlanRepositoryContract(
  name: string,
  records: () => Promise<RecordsDatabase>,
  connect: () => Promise<RecordsDatabase>,
): void {
  describe(`DispatchPlanRepository contract: ${name}`, () => {
    let repo: DispatchPlanRepository;
    beforeEach(async () => {
      repo = new SqlDispatchPlanRepository(await records());
    });

    it('creates a plan once and updates it only from the version it read, also across connections', async () => {
      const p = aPlan('t1', '2026-03-02', ['WO-1']);
      expect(await repo.save(p, 0)).toBe(true);
      expect(await repo.save(p, 0)).toBe(false);
      expect(await repo.get('t1', '2026-03-02')).toEqual(p);
      const other = new SqlDispatchPlanRepository(await connect());
      const next = { ...p, version: 2 };
      const results = await Promise.all([
        repo.save({ ...next, visits: [aVisit({ orderId: 'WO-2' })] }, 1),
        other.save({ ...next, visits: [aVisit({ orderId: 'WO-3' })] }, 1),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await repo.get('t1', '2026-03-02'))!.version).toBe(2);
      expect(await repo.get('t1', '2026-03-03')).toBeNull();
    });

    it('finds plans by technicians and days, by day, and by an order planned or done', async () => {
      await repo.save(aPlan('t2', '2026-03-02', ['WO-1', 'WO-2']), 0);
      await repo.save(aPlan('t1', '2026-03-02', ['WO-3'], { done: ['WO-1'] }), 0);
      await repo.save(aPlan('t1', '2026-03-03', []), 0);
      await repo.save(aPlan('t3', '2026-03-02', ['WO-4']), 0);
      const key = (ps: StoredPlan[]): string[] => ps.map((p) => `${p.technicianId}/${p.day}`);
      expect(key(await repo.plansOf(['t1', 't2'], ['2026-03-02', '2026-03-03']))).toEqual([
        't1/2026-03-02',
        't1/2026-03-03',
        't2/2026-03-02',
      ]);
      expect(key(await repo.plansOf([], ['2026-03-02']))).toEqual([]);
      expect(key(await repo.plansOn('2026-03-02'))).toEqual([
        't1/2026-03-02',
        't2/2026-03-02',
        't3/2026-03-02',
      ]);
      expect(key(await repo.containing('WO-1'))).toEqual(['t1/2026-03-02', 't2/2026-03-02']);
      expect(key(await repo.containing('WO-9'))).toEqual([]);
    });

    it('keeps the last decision about an order, never replaced by an older one', async () => {
      await repo.saveDecision({ orderId: 'WO-1', outcome: 'proposed', at: 20, detail: { n: 1 }, key: 'a,b' });
      await repo.saveDecision({ orderId: 'WO-1', outcome: 'unassignable', at: 10, detail: {}, key: '' });
      expect(await repo.decision('WO-1')).toEqual({
        orderId: 'WO-1',
        outcome: 'proposed',
        at: 20,
        detail: { n: 1 },
        key: 'a,b',
      });
      await repo.saveDecision({ orderId: 'WO-1', outcome: 'assigned', at: 30, detail: {}, key: 'a' });
      expect((await repo.decision('WO-1'))!.outcome).toBe('assigned');
      expect(await repo.decision('WO-2')).toBeNull();
    });
  });
}
