import type { RecordsDatabase } from '../../src/ports/records-database.port.js';
import { SqlWorkOrderRepository } from '../../src/work-orders/sql-work-order.repository.js';
import { aWorkOrder } from '../../src/work-orders/work-order.factory.js';
import type { WorkOrderRepository } from '../../src/work-orders/work-order.repository.js';
import type { WorkOrder, WorkOrderChange } from '../../src/work-orders/work-order.js';

const created = (at: number, actor = 'test'): WorkOrderChange => ({ at, actor, type: 'created', to: 'new' });

/** The behaviour every WorkOrderRepository must have, on an empty, migrated records database. */
export function describeWorkOrderRepositoryContract(
  name: string,
  records: () => Promise<RecordsDatabase>,
  connect: () => Promise<RecordsDatabase>,
): void {
  describe(`WorkOrderRepository contract: ${name}`, () => {
    let db: RecordsDatabase;
    let repo: WorkOrderRepository;
    const order = async (over: Partial<WorkOrder> = {}): Promise<WorkOrder> =>
      aWorkOrder({ id: await repo.nextId(), ...over });

    beforeEach(async () => {
      db = await records();
      repo = new SqlWorkOrderRepository(db);
    });

    it('numbers orders upward', async () => {
      const a = await repo.nextId();
      const b = await repo.nextId();
      expect(a).toMatch(/^WO-\d{6,}$/);
      expect(Number(b.slice(3))).toBeGreaterThan(Number(a.slice(3)));
    });

    it('keeps an order as written, with its history in order', async () => {
      const o = await order({
        evidence: [
          {
            kind: 'fault',
            key: 'F-301',
            detail: 'F-301 x',
            firstAt: 1,
            lastAt: 2,
            count: 2,
            data: { severity: 'machine-down' },
          },
        ],
        commands: [
          {
            command: { action: 'replace-part', component: 'fuser', workOrderId: 'WO-1' },
            sentAt: null,
            confirmedAt: null,
          },
        ],
      });
      expect(await repo.insert(o, [created(5), { at: 5, actor: 'x', type: 'note', note: 'first' }])).toBe(
        true,
      );
      expect(await repo.get(o.id)).toEqual(o);
      expect(await repo.history(o.id)).toEqual([
        created(5),
        { at: 5, actor: 'x', type: 'note', note: 'first' },
      ]);
      expect(await repo.get('WO-999999')).toBeNull();
    });

    it('keeps free text with a NUL character (PostgreSQL refuses it in JSON), as U+FFFD', async () => {
      const o = await order({ title: 'jam\u0000 at the pickup' });
      expect(await repo.insert(o, [{ at: 1, actor: 'x', type: 'note', note: 'said: \u0000' }])).toBe(true);
      expect((await repo.get(o.id))?.title).toBe('jam\ufffd at the pickup');
      expect((await repo.history(o.id))[0].note).toBe('said: \ufffd');
    });

    it('refuses a second open order for the same device and part, and allows one once the first is closed', async () => {
      const first = await order({ deviceId: 'd1', component: 'fuser' });
      expect(await repo.insert(first, [created(1)])).toBe(true);
      expect(
        await repo.insert(await order({ deviceId: 'd1', component: 'fuser', kind: 'proactive' }), [
          created(2),
        ]),
      ).toBe(false);
      // another part, another device, a device-level order: all fine
      expect(await repo.insert(await order({ deviceId: 'd1', component: 'drum' }), [created(3)])).toBe(true);
      expect(await repo.insert(await order({ deviceId: 'd2', component: 'fuser' }), [created(3)])).toBe(true);
      expect(
        await repo.insert(await order({ deviceId: 'd1', component: null, kind: 'preventive' }), [created(3)]),
      ).toBe(true);
      expect(await repo.update({ ...first, status: 'closed', version: 2 }, 1, [])).toBe(true);
      expect(await repo.insert(await order({ deviceId: 'd1', component: 'fuser' }), [created(4)])).toBe(true);
      expect((await repo.openForDevice('d1')).map((o) => o.component ?? '-').sort()).toEqual([
        '-',
        'drum',
        'fuser',
      ]);
    });

    it('opens exactly one order when two writers race for the same device and part', async () => {
      const other = new SqlWorkOrderRepository(await connect());
      const results = await Promise.all(
        Array.from({ length: 6 }, async (_, i) => {
          const r = i % 2 ? repo : other;
          return r.insert(aWorkOrder({ id: await r.nextId(), deviceId: 'race', component: 'fuser' }), [
            created(i),
          ]);
        }),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await repo.openForDevice('race')).toHaveLength(1);
    });

    it('updates only the version it read, appending the changes', async () => {
      const o = await order();
      await repo.insert(o, [created(1)]);
      const next = { ...o, status: 'assigned' as const, assignee: 't1', version: 2 };
      const change: WorkOrderChange = {
        at: 2,
        actor: 'disp',
        type: 'transition',
        from: 'new',
        to: 'assigned',
      };
      expect(await repo.update(next, 1, [change])).toBe(true);
      // a writer that read version 1 too is refused, and leaves no history behind
      expect(
        await repo.update({ ...o, status: 'cancelled', version: 2 }, 1, [
          { at: 3, actor: 'late', type: 'note' },
        ]),
      ).toBe(false);
      expect(await repo.get(o.id)).toEqual(next);
      expect(await repo.history(o.id)).toEqual([created(1), change]);
    });

    it('lists newest first with every filter, and pages', async () => {
      const rows: WorkOrder[] = [];
      for (let i = 0; i < 6; i++)
        rows.push(
          await order({
            deviceId: `d${i % 2}`,
            component: `part${i}`,
            kind: i % 3 === 0 ? 'proactive' : 'corrective',
            status: i === 5 ? 'closed' : i === 4 ? 'assigned' : 'new',
            priority: i % 2 ? 'high' : 'low',
            customerId: i < 3 ? 'c1' : 'c2',
            siteId: i < 3 ? 's1' : 's2',
            assignee: i === 4 ? 'tech-1' : null,
            createdAt: 1000 + i,
          }),
        );
      for (const r of rows) await repo.insert(r, [created(r.createdAt)]);
      const ids = async (q: Parameters<WorkOrderRepository['list']>[0]) =>
        (await repo.list(q)).map((o) => o.createdAt - 1000);
      expect(await ids({ limit: 10 })).toEqual([5, 4, 3, 2, 1, 0]);
      expect(await ids({ limit: 10, deviceId: 'd0' })).toEqual([4, 2, 0]);
      expect(await ids({ limit: 10, kind: ['proactive'] })).toEqual([3, 0]);
      expect(await ids({ limit: 10, status: ['assigned', 'closed'] })).toEqual([5, 4]);
      expect(await ids({ limit: 10, priority: ['high'] })).toEqual([5, 3, 1]);
      expect(await ids({ limit: 10, customerId: 'c1' })).toEqual([2, 1, 0]);
      expect(await ids({ limit: 10, siteId: 's2' })).toEqual([5, 4, 3]);
      expect(await ids({ limit: 10, assignee: 'tech-1' })).toEqual([4]);
      expect(await ids({ limit: 10, component: 'part2' })).toEqual([2]);
      expect(await ids({ limit: 10, open: false })).toEqual([5]);
      expect(await ids({ limit: 10, createdFrom: 1002, createdTo: 1004 })).toEqual([3, 2]);
      const page1 = await repo.list({ limit: 4 });
      const last = page1[3];
      expect(await ids({ limit: 4, after: { createdAt: last.createdAt, id: last.id } })).toEqual([1, 0]);
    });

    it('walks open orders by id', async () => {
      const all: WorkOrder[] = [];
      for (let i = 0; i < 5; i++)
        all.push(await order({ deviceId: `d${i}`, status: i === 2 ? 'cancelled' : 'new' }));
      for (const o of all) await repo.insert(o, [created(1)]);
      const first = await repo.scanOpen(null, 2);
      const rest = await repo.scanOpen(first[1].id, 10);
      expect([...first, ...rest].map((o) => o.deviceId)).toEqual(['d0', 'd1', 'd3', 'd4']);
    });
  });
}
