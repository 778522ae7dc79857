import type { RecordsDatabase } from '../../src/ports/records-database.port.js';
import type {
  KpiRefreshJob,
  KpiRefreshJobRepository,
} from '../../src/reliability/kpi-refresh-job.repository.js';
import { SqlKpiRefreshJobRepository } from '../../src/reliability/sql-kpi-refresh-job.repository.js';

const job = (jobId: string, requestedAt: number, over: Partial<KpiRefreshJob> = {}): KpiRefreshJob => ({
  jobId,
  status: 'running',
  rebuild: false,
  requestedAt,
  finishedAt: null,
  summary: null,
  error: null,
  ...over,
});

/** The behaviour every KpiRefreshJobRepository must have, on an empty, migrated records database. */
export function describeKpiRefreshJobRepositoryContract(
  name: string,
  records: () => Promise<RecordsDatabase>,
  connect: () => Promise<RecordsDatabase>,
): void {
  describe(`KpiRefreshJobRepository contract: ${name}`, () => {
    it('answers a job saved through another connection (a poll on another replica), as last saved', async () => {
      const writer: KpiRefreshJobRepository = new SqlKpiRefreshJobRepository(await records());
      const reader: KpiRefreshJobRepository = new SqlKpiRefreshJobRepository(await connect());
      await writer.save(job('j-1', 1000));
      expect(await reader.get('j-1')).toEqual(job('j-1', 1000));
      await writer.save(job('j-1', 1000, { status: 'failed', finishedAt: 2000, error: 'store down' }));
      expect(await reader.get('j-1')).toEqual(
        job('j-1', 1000, { status: 'failed', finishedAt: 2000, error: 'store down' }),
      );
      expect(await reader.get('j-2')).toBeNull();
    });

    it('keeps the newest jobs only', async () => {
      const repo = new SqlKpiRefreshJobRepository(await records(), 2);
      for (const [id, at] of [
        ['old', 1],
        ['mid', 2],
        ['new', 3],
      ] as const)
        await repo.save(job(id, at));
      expect(await repo.get('old')).toBeNull();
      expect((await repo.get('mid'))?.jobId).toBe('mid');
      expect((await repo.get('new'))?.jobId).toBe('new');
    });
  });
}
