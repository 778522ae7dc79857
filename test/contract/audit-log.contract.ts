import type { AuditEntry } from '../../src/audit/audit-entry.js';
import type { AuditLogRepository } from '../../src/audit/audit-log.repository.js';
import { SqlAuditLogRepository } from '../../src/audit/sql-audit-log.repository.js';
import type { RecordsDatabase } from '../../src/ports/records-database.port.js';

const T0 = 1_800_000_000_000;

const entry = (i: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
  at: T0 + i,
  actor: i % 2 ? 'api-key:key-00000001' : 'cli:ops',
  actorName: i % 2 ? 'grafana' : null,
  role: 'admin',
  action: 'DELETE /api/v1/registry/devices/:id',
  target: `/api/v1/registry/devices/dev-${i}`,
  status: 204,
  source: '10.0.0.1',
  ...over,
});

/** The behaviour every AuditLogRepository must have, on an empty, migrated records database. */
export function describeAuditLogRepositoryContract(
  name: string,
  records: () => Promise<RecordsDatabase>,
): void {
  describe(`AuditLogRepository contract: ${name}`, () => {
    let repo: AuditLogRepository;
    beforeEach(async () => {
      repo = new SqlAuditLogRepository(await records());
    });

    it('keeps every entry as written, newest first, with increasing ids', async () => {
      await repo.append([
        entry(1),
        entry(2, { actorName: null, role: null, target: null, source: null, status: 403 }),
      ]);
      const got = await repo.list({ limit: 10 });
      expect(got.map(({ id: _id, ...rest }) => rest)).toEqual([
        entry(2, { actorName: null, role: null, target: null, source: null, status: 403 }),
        entry(1),
      ]);
      expect(got[0].id!).toBeGreaterThan(got[1].id!);
    });

    it('takes a batch in one call, and pages backwards from an id', async () => {
      await repo.append(Array.from({ length: 250 }, (_, i) => entry(i)));
      const seen: number[] = [];
      let before: number | undefined;
      for (;;) {
        const page = await repo.list({ limit: 100, before });
        seen.push(...page.map((e) => e.at - T0));
        if (page.length < 100) break;
        before = page[page.length - 1].id;
      }
      expect(seen).toEqual(Array.from({ length: 250 }, (_, i) => 249 - i));
    });

    it('filters by actor and by time, from inclusive and to exclusive', async () => {
      await repo.append(Array.from({ length: 10 }, (_, i) => entry(i)));
      expect((await repo.list({ actor: 'cli:ops', limit: 100 })).map((e) => e.at - T0)).toEqual([
        8, 6, 4, 2, 0,
      ]);
      expect((await repo.list({ from: T0 + 3, to: T0 + 6, limit: 100 })).map((e) => e.at - T0)).toEqual([
        5, 4, 3,
      ]);
    });
  });
}
