import type { RecordsDatabase } from '../../src/ports/records-database.port.js';
import type { PayLine } from '../../src/technicians/pay-statement.js';
import {
  SqlPayLineRepository,
  SqlTechnicianRepository,
} from '../../src/technicians/sql-technician.repository.js';
import { aTechnician, MONDAY } from '../../src/technicians/technician.factory.js';
import type { PayLineRepository, TechnicianRepository } from '../../src/technicians/technician.repository.js';
import type { TechnicianChange } from '../../src/technicians/technician.js';

const created = (at: number): TechnicianChange => ({ at, actor: 'test', type: 'created', to: 'candidate' });
// ids whose byte order differs from English order
const IDS = ['a10', 'B', 'a-1', '_z', 'A2'];

function aLine(over: Partial<PayLine> = {}): PayLine {
  return {
    orderId: 'WO-000001',
    technicianId: 'tech-1',
    completedAt: MONDAY,
    deviceId: 'dev-1',
    customerId: 'cust-1',
    kind: 'corrective',
    labourMinutes: 90,
    travelMinutes: 20,
    travelKm: 12,
    parts: [{ component: 'fuser', quantity: 1 }],
    rates: {
      currency: 'EUR',
      labourPerHour: 60,
      travelPerHour: 30,
      perKm: 0.5,
      perPartFitted: 0,
      perVisit: 0,
    },
    ...over,
  };
}

/** Technicians, requirements and pay lines, on an empty, migrated records database. */
export function describeTechnicianRepositoryContract(
  name: string,
  records: () => Promise<RecordsDatabase>,
  connect: () => Promise<RecordsDatabase>,
): void {
  describe(`TechnicianRepository contract: ${name}`, () => {
    let repo: TechnicianRepository;
    let pay: PayLineRepository;
    beforeEach(async () => {
      const db = await records();
      repo = new SqlTechnicianRepository(db);
      pay = new SqlPayLineRepository(db);
    });

    it('keeps a technician as written, refuses a second insert of the id, and keeps the history in order', async () => {
      const t = aTechnician({ technicianId: 'tech-1', name: 'Ada \u0000 Field' });
      expect(await repo.insert(t, created(1))).toBe(true);
      expect(await repo.insert({ ...t, name: 'other' }, created(2))).toBe(false);
      expect(await repo.get('tech-1')).toEqual({ ...t, name: 'Ada \ufffd Field' });
      expect(await repo.get('nobody')).toBeNull();
      const changes: TechnicianChange[] = [
        { at: 3, actor: 'hr', type: 'profile', note: 'first' },
        { at: 3, actor: 'hr', type: 'transition', from: 'active', to: 'suspended', note: 'second' },
      ];
      expect(await repo.update({ ...t, status: 'suspended', version: 2 }, 1, changes)).toBe(true);
      expect((await repo.history('tech-1')).map((c) => c.note ?? c.type)).toEqual([
        'created',
        'first',
        'second',
      ]);
    });

    it('updates only from the version it read (compare-and-set), also across connections', async () => {
      const t = aTechnician({ technicianId: 'tech-1', version: 1 });
      await repo.insert(t, created(1));
      const other = new SqlTechnicianRepository(await connect());
      const results = await Promise.all([
        repo.update({ ...t, name: 'one', version: 2 }, 1, []),
        other.update({ ...t, name: 'two', version: 2 }, 1, []),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await repo.update({ ...t, name: 'stale', version: 2 }, 1, [])).toBe(false);
      expect((await repo.get('tech-1'))!.version).toBe(2);
    });

    it('lists by id in byte order, pages, and filters by status and employment', async () => {
      for (const [i, id] of IDS.entries())
        await repo.insert(
          aTechnician({
            technicianId: id,
            status: i % 2 ? 'suspended' : 'active',
            employment: i === 0 ? 'freelancer' : 'employee',
          }),
          created(1),
        );
      const all = await repo.list({ limit: 10 });
      expect(all.map((t) => t.technicianId)).toEqual(['A2', 'B', '_z', 'a-1', 'a10']);
      const page = await repo.list({ limit: 2, after: 'B' });
      expect(page.map((t) => t.technicianId)).toEqual(['_z', 'a-1']);
      expect((await repo.list({ limit: 10, status: ['suspended'] })).map((t) => t.technicianId)).toEqual([
        'B',
        '_z',
      ]);
      expect((await repo.list({ limit: 10, employment: 'freelancer' })).map((t) => t.technicianId)).toEqual([
        'a10',
      ]);
      expect((await repo.inStatus(['active'])).map((t) => t.technicianId)).toEqual(['A2', 'a-1', 'a10']);
    });

    it('replaces every certification requirement at once', async () => {
      await repo.replaceRequirements([
        { requirementId: 'b', certification: 'f-gas', equipmentKinds: ['hvac'] },
        { requirementId: 'a', certification: 'mfp', modelIds: ['M1'] },
      ]);
      expect((await repo.requirements()).map((r) => r.requirementId)).toEqual(['a', 'b']);
      await repo.replaceRequirements([{ requirementId: 'c', certification: 'hv', components: ['psu'] }]);
      expect(await repo.requirements()).toEqual([
        { requirementId: 'c', certification: 'hv', components: ['psu'] },
      ]);
      await repo.replaceRequirements([]);
      expect(await repo.requirements()).toEqual([]);
    });

    it('keeps one pay line per order and completion, and reads a period half-open, oldest first', async () => {
      expect(await pay.add(aLine({ orderId: 'WO-2', completedAt: MONDAY + 10 }))).toBe(true);
      expect(await pay.add(aLine({ orderId: 'WO-1', completedAt: MONDAY }))).toBe(true);
      expect(await pay.add(aLine({ orderId: 'WO-1', completedAt: MONDAY }))).toBe(false);
      // a rework completed again is paid again
      expect(await pay.add(aLine({ orderId: 'WO-1', completedAt: MONDAY + 20 }))).toBe(true);
      expect(await pay.add(aLine({ orderId: 'WO-3', technicianId: 'tech-2', completedAt: MONDAY }))).toBe(
        true,
      );
      const lines = await pay.between('tech-1', MONDAY, MONDAY + 20);
      expect(lines.map((l) => [l.orderId, l.completedAt - MONDAY])).toEqual([
        ['WO-1', 0],
        ['WO-2', 10],
      ]);
      expect(lines[0]).toEqual(aLine({ orderId: 'WO-1', completedAt: MONDAY }));
    });
  });
}
