import type { AlarmChange } from '../../src/alarms/alarm.js';
import { applyEdit } from '../../src/alarms/alarm-lifecycle.js';
import type { AlarmRepository, RaiseCommand } from '../../src/alarms/alarm.repository.js';
import { SqlAlarmRepository } from '../../src/alarms/sql-alarm.repository.js';
import type { RecordsDatabase } from '../../src/ports/records-database.port.js';

const T = Date.UTC(2026, 10, 1);
const raise = (over: Partial<RaiseCommand> = {}): RaiseCommand => ({
  kind: 'raise',
  deviceId: 'd1',
  type: 'fault:M-501',
  severity: 'major',
  at: T,
  message: 'Major fault: M-501',
  details: { code: 'M-501' },
  ...over,
});
const place = (id: string) => ({ id, customerId: 'c1', siteId: 's1' });

/** The behaviour every AlarmRepository must have, on an empty, migrated records database. */
export function describeAlarmRepositoryContract(
  name: string,
  records: () => Promise<RecordsDatabase>,
  connect: () => Promise<RecordsDatabase>,
): void {
  describe(`AlarmRepository contract: ${name}`, () => {
    let repo: AlarmRepository;
    beforeEach(async () => {
      repo = new SqlAlarmRepository(await records());
    });

    it('opens one active alarm per device and type: repeats count up, severity only goes up', async () => {
      const first = await repo.raise(raise(), place('a1'), T);
      expect(first.outcome).toBe('raised');
      expect(first.alarm).toMatchObject({
        id: 'a1',
        status: 'active',
        count: 1,
        customerId: 'c1',
        siteId: 's1',
      });
      const again = await repo.raise(raise({ at: T + 60_000, message: 'again' }), place('a2'), T + 60_000);
      expect(again).toMatchObject({
        outcome: 'repeated',
        alarm: { id: 'a1', count: 2, lastRaisedAt: T + 60_000, message: 'again' },
      });
      const lower = await repo.raise(raise({ at: T + 120_000, severity: 'minor' }), place('a3'), T + 120_000);
      expect(lower.alarm).toMatchObject({ id: 'a1', count: 3, severity: 'major' });
      const other = await repo.raise(raise({ type: 'device-offline' }), place('a4'), T);
      expect(other).toMatchObject({ outcome: 'raised', alarm: { id: 'a4' } });
      expect((await repo.history('a1')).map((h) => h.action)).toEqual(['raised']);
    });

    it('takes the acknowledgement back when an acknowledged alarm escalates', async () => {
      const { alarm } = await repo.raise(raise(), place('a1'), T);
      const acked = applyEdit(alarm, { kind: 'acknowledge' }, 'ann', T + 1);
      expect(await repo.update(acked.alarm, alarm.version, acked.change)).toBe(true);
      const up = await repo.raise(raise({ severity: 'critical', at: T + 2 }), place('a2'), T + 2);
      expect(up).toMatchObject({
        outcome: 'escalated',
        alarm: { severity: 'critical', acknowledged: false, acknowledgedBy: null },
      });
      expect((await repo.history('a1')).map((h) => h.action)).toEqual([
        'raised',
        'acknowledged',
        'escalated',
      ]);
    });

    it('clears the active alarm; the next raise opens a new one', async () => {
      await repo.raise(raise(), place('a1'), T);
      const cleared = await repo.clear('fault:M-501', ['d1', 'd2'], T + 5, 'fault cleared', T + 5);
      expect(cleared).toEqual([expect.objectContaining({ id: 'a1', status: 'cleared', clearedAt: T + 5 })]);
      expect(await repo.clear('fault:M-501', ['d1'], T + 6, 'again', T + 6)).toEqual([]);
      const next = await repo.raise(raise({ at: T + 10 }), place('a2'), T + 10);
      expect(next).toMatchObject({ outcome: 'raised', alarm: { id: 'a2', count: 1 } });
      const history: AlarmChange[] = await repo.history('a1');
      expect(history.map((h) => [h.action, h.note])).toEqual([
        ['raised', 'Major fault: M-501'],
        ['cleared', 'fault cleared'],
      ]);
    });

    it('clears alarms of a type gone quiet, and tells which devices have one active', async () => {
      await repo.raise(raise({ type: 'dead-letters', deviceId: 'd1', at: T }), place('a1'), T);
      await repo.raise(raise({ type: 'dead-letters', deviceId: 'd2', at: T + 100 }), place('a2'), T + 100);
      expect(await repo.activeDevices('dead-letters', ['d1', 'd2', 'd3'])).toEqual(new Set(['d1', 'd2']));
      expect((await repo.clearQuiet('dead-letters', T + 50, 'quiet', T + 200)).map((a) => a.id)).toEqual([
        'a1',
      ]);
      expect(await repo.activeDevices('dead-letters', ['d1', 'd2'])).toEqual(new Set(['d2']));
      expect(await repo.activeOf(['d1', 'd2', 'd2', 'd3'])).toEqual([
        { deviceId: 'd2', type: 'dead-letters' },
      ]);
    });

    it('writes an edit only at the version it was read (compare-and-set)', async () => {
      const { alarm } = await repo.raise(raise(), place('a1'), T);
      const a = applyEdit(alarm, { kind: 'assign', assignee: 'ann' }, 'lead', T + 1);
      const b = applyEdit(alarm, { kind: 'assign', assignee: 'bob' }, 'lead', T + 1);
      expect(await repo.update(a.alarm, alarm.version, a.change)).toBe(true);
      expect(await repo.update(b.alarm, alarm.version, b.change)).toBe(false);
      expect(await repo.get('a1')).toMatchObject({ assignee: 'ann', version: alarm.version + 1 });
    });

    it('lists most severe first, then latest, with filters and paging', async () => {
      const ids = ['a10', 'B', 'a-1', '_z', 'A2'];
      for (const [i, id] of ids.entries())
        await repo.raise(
          raise({ deviceId: `d${i}`, severity: i % 2 ? 'critical' : 'minor', at: T + (i % 3) }),
          place(id),
          T,
        );
      const all = await repo.list({ limit: 10 });
      const key = (a: { severity: string; lastRaisedAt: number; id: string }) => a;
      expect(all.map((a) => a.severity)).toEqual(['critical', 'critical', 'minor', 'minor', 'minor']);
      for (let i = 1; i < all.length; i++) {
        const [p, c] = [key(all[i - 1]), key(all[i])];
        if (p.severity === c.severity)
          expect(p.lastRaisedAt > c.lastRaisedAt || (p.lastRaisedAt === c.lastRaisedAt && p.id > c.id)).toBe(
            true,
          );
      }
      const paged = [];
      let after;
      for (;;) {
        const page = await repo.list({ limit: 2, after });
        paged.push(...page);
        if (page.length < 2) break;
        const last = page[page.length - 1];
        after = { rank: last.severity === 'critical' ? 4 : 2, lastRaisedAt: last.lastRaisedAt, id: last.id };
      }
      expect(paged.map((a) => a.id)).toEqual(all.map((a) => a.id));
      expect((await repo.list({ limit: 10, severity: 'critical' })).length).toBe(2);
      expect((await repo.list({ limit: 10, deviceId: 'd0' })).map((a) => a.id)).toEqual(['a10']);
      expect((await repo.list({ limit: 10, type: 'fault:' })).length).toBe(5);
      expect((await repo.list({ limit: 10, type: 'risk:' })).length).toBe(0);
    });

    it('counts active alarms by severity and site, and those waiting for an acknowledgement', async () => {
      await repo.raise(raise({ deviceId: 'd1', severity: 'critical' }), place('a1'), T);
      await repo.raise(
        raise({ deviceId: 'd2', severity: 'minor' }),
        { id: 'a2', customerId: 'c1', siteId: 's2' },
        T,
      );
      await repo.raise(raise({ deviceId: 'd3', severity: 'minor' }), place('a3'), T);
      await repo.clear('fault:M-501', ['d3'], T, 'gone', T);
      expect(await repo.counts()).toEqual({
        active: { critical: 1, major: 0, minor: 1, warning: 0 },
        unacknowledged: 2,
        clearedUnacknowledged: 1,
        bySite: expect.arrayContaining([
          { siteId: 's1', active: 1, worst: 'critical' },
          { siteId: 's2', active: 1, worst: 'minor' },
        ]) as unknown,
      });
    });

    it('lists the devices with active alarms, with the worst severity', async () => {
      await repo.raise(raise({ deviceId: 'd1', severity: 'minor' }), place('a1'), T);
      await repo.raise(
        raise({ deviceId: 'd1', type: 'device-offline', severity: 'critical' }),
        place('a2'),
        T,
      );
      await repo.raise(raise({ deviceId: 'd2', severity: 'minor' }), place('a3'), T);
      await repo.clear('fault:M-501', ['d2'], T, 'gone', T);
      expect(await repo.activeByDevice()).toEqual([{ deviceId: 'd1', active: 2, worst: 'critical' }]);
    });

    it('keeps one active alarm when replicas raise the same one at once', async () => {
      const other = new SqlAlarmRepository(await connect());
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? repo : other).raise(raise(), place(`a${i}`), T)),
      );
      expect(results.filter((r) => r.outcome === 'raised')).toHaveLength(1);
      const active = await repo.list({ limit: 10, status: 'active' });
      expect(active).toHaveLength(1);
      expect(active[0].count).toBe(10);
    });

    it('keeps notification rules', async () => {
      const rule = {
        id: 'nr-1',
        name: 'critical to ops',
        minSeverity: 'critical' as const,
        customerId: null,
        on: ['raised' as const],
        target: { kind: 'mqtt' as const, topic: 'alarms/{customerId}' },
        createdAt: T,
      };
      await repo.createRule(rule);
      expect(await repo.rules()).toEqual([rule]);
      expect(await repo.deleteRule('nr-1')).toBe(true);
      expect(await repo.deleteRule('nr-1')).toBe(false);
      expect(await repo.rules()).toEqual([]);
    });
  });
}
