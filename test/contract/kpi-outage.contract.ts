import type { RecordsDatabase } from '../../src/ports/records-database.port.js';
import type { KpiOutageRepository } from '../../src/reliability/kpi-outage.repository.js';
import { SqlKpiOutageRepository } from '../../src/reliability/sql-kpi-outage.repository.js';

/** The behaviour every KpiOutageRepository must have, on an empty, migrated records database. */
export function describeKpiOutageRepositoryContract(
  name: string,
  records: () => Promise<RecordsDatabase>,
): void {
  describe(`KpiOutageRepository contract: ${name}`, () => {
    let repo: KpiOutageRepository;
    const all = { from: 0, to: 9e15 };
    beforeEach(async () => {
      repo = new SqlKpiOutageRepository(await records());
    });

    it('keeps the outages before a time, cuts the one running past it, and replaces those after', async () => {
      await repo.replaceFrom([
        {
          deviceId: 'd1',
          from: 0,
          outages: [
            { start: 100, end: 200 },
            { start: 300, end: 600 },
            { start: 700, end: null },
          ],
        },
        { deviceId: 'd2', from: 0, outages: [{ start: 150, end: 250 }] },
      ]);
      await repo.replaceFrom([{ deviceId: 'd1', from: 400, outages: [{ start: 450, end: 500 }] }]);
      expect(await repo.overlapping(all)).toEqual([
        { deviceId: 'd1', start: 100, end: 200 },
        { deviceId: 'd1', start: 300, end: 400 },
        { deviceId: 'd1', start: 450, end: 500 },
        { deviceId: 'd2', start: 150, end: 250 },
      ]);
      await repo.replaceFrom([]);
    });

    it('gives the outages overlapping a window, of some devices or all, an open one to the end', async () => {
      await repo.replaceFrom([
        { deviceId: 'd1', from: 0, outages: [{ start: 100, end: 200 }] },
        { deviceId: 'd2', from: 0, outages: [{ start: 300, end: null }] },
        { deviceId: 'd3', from: 0, outages: [{ start: 50, end: 120 }] },
      ]);
      expect(await repo.overlapping({ from: 200, to: 1000 })).toEqual([
        { deviceId: 'd2', start: 300, end: null },
      ]);
      expect(await repo.overlapping({ from: 110, to: 301, deviceIds: ['d1', 'd2'] })).toEqual([
        { deviceId: 'd1', start: 100, end: 200 },
        { deviceId: 'd2', start: 300, end: null },
      ]);
      expect(await repo.overlapping({ from: 0, to: 1000, deviceIds: [] })).toEqual([]);
    });

    it('applies changes of one device given twice in one call in their order', async () => {
      await repo.replaceFrom([
        { deviceId: 'd1', from: 0, outages: [{ start: 100, end: 900 }] },
        { deviceId: 'd1', from: 500, outages: [{ start: 600, end: 700 }] },
      ]);
      expect(await repo.overlapping(all)).toEqual([
        { deviceId: 'd1', start: 100, end: 500 },
        { deviceId: 'd1', start: 600, end: 700 },
      ]);
    });

    it('forgets every outage on clear', async () => {
      await repo.replaceFrom([{ deviceId: 'd1', from: 0, outages: [{ start: 1, end: 2 }] }]);
      await repo.clear();
      expect(await repo.overlapping(all)).toEqual([]);
    });
  });
}
