import type { RecordsDatabase } from '../../src/ports/records-database.port.js';
import type { MaintenancePlan, PlanProgress } from '../../src/work-orders/maintenance-plan.js';
import type { MaintenancePlanRepository } from '../../src/work-orders/maintenance-plan.repository.js';
import { SqlMaintenancePlanRepository } from '../../src/work-orders/sql-maintenance-plan.repository.js';
import { SqlDiagnosisKnowledgeRepository } from '../../src/work-orders/diagnosis/sql-diagnosis-knowledge.repository.js';

const plan = (planId: string, modelId: string, over: Partial<MaintenancePlan> = {}): MaintenancePlan => ({
  planId,
  modelId,
  name: `${modelId} PM`,
  everyDays: 90,
  everyUsage: 80_000,
  tasks: ['clean'],
  active: true,
  ...over,
});
const progress = (planId: string, deviceId: string, over: Partial<PlanProgress> = {}): PlanProgress => ({
  planId,
  deviceId,
  lastDoneAt: 1000,
  lastDoneUsage: 12_345.5,
  pulledForwardAt: null,
  ...over,
});

/** Maintenance plans and the diagnosis knowledge, on an empty, migrated records database. */
export function describeMaintenancePlanRepositoryContract(
  name: string,
  records: () => Promise<RecordsDatabase>,
): void {
  describe(`MaintenancePlanRepository contract: ${name}`, () => {
    let repo: MaintenancePlanRepository;
    beforeEach(async () => {
      repo = new SqlMaintenancePlanRepository(await records());
    });

    it('creates, replaces, lists by model and deletes plans with their progress', async () => {
      expect(await repo.upsertPlan(plan('b', 'M1'))).toBe(true);
      expect(await repo.upsertPlan(plan('a', 'M2', { everyMonths: 6 }))).toBe(true);
      expect(await repo.upsertPlan(plan('b', 'M1', { everyDays: 60 }))).toBe(false);
      expect(await repo.getPlan('b')).toEqual(plan('b', 'M1', { everyDays: 60 }));
      expect((await repo.listPlans()).map((p) => p.planId)).toEqual(['a', 'b']);
      expect((await repo.listPlans('M2')).map((p) => p.planId)).toEqual(['a']);
      await repo.saveProgress(progress('b', 'd1'));
      expect(await repo.deletePlan('b')).toBe(true);
      expect(await repo.deletePlan('b')).toBe(false);
      expect(await repo.getPlan('b')).toBeNull();
      expect(await repo.getProgress('b', 'd1')).toBeNull();
    });

    it("keeps each device's progress, replaced on save", async () => {
      await repo.upsertPlan(plan('p1', 'M1'));
      await repo.upsertPlan(plan('p2', 'M1'));
      await repo.saveProgress(progress('p1', 'd1'));
      await repo.saveProgress(progress('p2', 'd1', { lastDoneUsage: null }));
      await repo.saveProgress(progress('p1', 'd2'));
      await repo.saveProgress(progress('p1', 'd1', { lastDoneAt: 5000, pulledForwardAt: 4000 }));
      expect(await repo.getProgress('p1', 'd1')).toEqual(
        progress('p1', 'd1', { lastDoneAt: 5000, pulledForwardAt: 4000 }),
      );
      expect(await repo.progressOfDevice('d1')).toEqual([
        progress('p1', 'd1', { lastDoneAt: 5000, pulledForwardAt: 4000 }),
        progress('p2', 'd1', { lastDoneUsage: null }),
      ]);
      expect((await repo.progressOfPlan('p1')).map((p) => p.deviceId)).toEqual(['d1', 'd2']);
    });

    it('keeps one diagnosis knowledge, the latest', async () => {
      const k = new SqlDiagnosisKnowledgeRepository(await records());
      expect(await k.load()).toBeNull();
      const knowledge = {
        fixes: { fuser: 2.5 },
        ended: { 'code:F-301': { fuser: 2 } },
        replacements: 4,
        from: 1,
        to: 9,
      };
      await k.save(knowledge, 100);
      await k.save({ ...knowledge, replacements: 5 }, 200);
      expect(await k.load()).toEqual({ knowledge: { ...knowledge, replacements: 5 }, learnedAt: 200 });
    });
  });
}
