import { SqlFeedbackRepository } from '../../src/feedback/sql-feedback.repository.js';
import type { FeedbackRepository } from '../../src/feedback/feedback.repository.js';
import type { FeedbackRequest } from '../../src/feedback/feedback.js';
import type { RecordsDatabase } from '../../src/ports/records-database.port.js';

const T0 = Date.UTC(2026, 2, 2);

function aRequest(over: Partial<FeedbackRequest> = {}): FeedbackRequest {
  return {
    requestId: 'FB-000001',
    orderId: 'WO-000001',
    deviceId: 'dev-1',
    customerId: 'cust-1',
    siteId: 'site-1',
    technicianId: 'tech-1',
    visitAt: T0,
    createdAt: T0,
    expiresAt: T0 + 1000,
    rating: null,
    comment: null,
    answeredAt: null,
    tokenVersion: 1,
    ...over,
  };
}

/** Feedback requests, answers, totals and loyalty marks, on an empty, migrated records database. */
export function describeFeedbackRepositoryContract(
  name: string,
  records: () => Promise<RecordsDatabase>,
  connect: () => Promise<RecordsDatabase>,
): void {
  describe(`FeedbackRepository contract: ${name}`, () => {
    let repo: FeedbackRepository;
    beforeEach(async () => {
      repo = new SqlFeedbackRepository(await records());
    });

    it('keeps one request per visit, found by id and by token hash', async () => {
      const id = await repo.nextId();
      expect(id).toMatch(/^FB-\d{6,}$/);
      const r = aRequest({ requestId: id });
      expect(await repo.insert(r, 'h1')).toBe(true);
      expect(await repo.insert({ ...r, requestId: await repo.nextId() }, 'h2')).toBe(false);
      expect(await repo.get(id)).toEqual(r);
      expect(await repo.byTokenHash('h1')).toEqual(r);
      expect(await repo.byTokenHash('h2')).toBeNull();
    });

    it('takes an answer once: a token used twice, or by two connections at once, is refused the second time', async () => {
      await repo.insert(aRequest(), 'h1');
      const other = new SqlFeedbackRepository(await connect());
      const [a, b] = await Promise.all([
        repo.answer('h1', 5, 'good', T0 + 10),
        other.answer('h1', 1, null, T0 + 11),
      ]);
      expect([a, b].filter((x) => x !== null)).toHaveLength(1);
      expect(await repo.answer('h1', 3, null, T0 + 12)).toBeNull();
      const kept = (await repo.get('FB-000001'))!;
      expect(kept.answeredAt).not.toBeNull();
      expect([5, 1]).toContain(kept.rating);
    });

    it('refuses an expired token, and a reissued link replaces the old one', async () => {
      await repo.insert(aRequest(), 'h1');
      expect(await repo.answer('h1', 4, null, T0 + 1000)).toBeNull();
      const again = await repo.reissue('FB-000001', 'h2', T0 + 5000);
      expect(again).toMatchObject({ tokenVersion: 2, expiresAt: T0 + 5000 });
      expect(await repo.answer('h1', 4, null, T0 + 1001)).toBeNull();
      expect(await repo.answer('h2', 4, 'late but fine', T0 + 1001)).toMatchObject({
        rating: 4,
        comment: 'late but fine',
        answeredAt: T0 + 1001,
      });
      expect(await repo.reissue('FB-000001', 'h3', T0 + 9000)).toBeNull();
    });

    it('sums ratings by technician and by technician and customer, and lists customers rated or visited', async () => {
      const rows: Array<[string, string, string | null, number | null]> = [
        ['WO-1', 'tech-1', 'cust-1', 5],
        ['WO-2', 'tech-1', 'cust-2', 2],
        ['WO-3', 'tech-2', 'cust-1', 4],
        ['WO-4', 'tech-2', 'cust-3', null],
      ];
      for (const [i, [orderId, technicianId, customerId, rating]] of rows.entries()) {
        await repo.insert(
          aRequest({ requestId: `FB-00000${i + 1}`, orderId, technicianId, customerId }),
          `h${i}`,
        );
        if (rating !== null) await repo.answer(`h${i}`, rating, null, T0 + i);
      }
      expect(await repo.technicianTotals()).toEqual(
        new Map([
          ['tech-1', { sum: 7, count: 2 }],
          ['tech-2', { sum: 4, count: 1 }],
        ]),
      );
      const byCustomer = await repo.technicianCustomerTotals();
      expect(byCustomer.get('tech-1')).toEqual(
        new Map([
          ['cust-1', { sum: 5, count: 1 }],
          ['cust-2', { sum: 2, count: 1 }],
        ]),
      );
      expect((await repo.customerRatings('cust-1', T0)).map((r) => [r.rating, r.technicianId])).toEqual([
        [5, 'tech-1'],
        [4, 'tech-2'],
      ]);
      expect(await repo.activeCustomers(T0)).toEqual(['cust-1', 'cust-2', 'cust-3']);
      const page = await repo.list({ now: T0, limit: 2, status: 'answered' });
      expect(page.map((r) => r.requestId)).toEqual(['FB-000003', 'FB-000002']);
    });

    it('keeps the last loyalty risk, never overwritten by an older computation', async () => {
      await repo.saveRisk('cust-1', 0.5, 'medium', 20);
      await repo.saveRisk('cust-1', 0.1, 'low', 10);
      expect(await repo.lastRisk('cust-1')).toEqual({ score: 0.5, band: 'medium', at: 20 });
      expect(await repo.lastRisk('cust-2')).toBeNull();
    });
  });
}
