import type { RecordsDatabase } from '../../src/ports/records-database.port.js';
import type { KpiStateRepository } from '../../src/reliability/kpi-state.repository.js';
import { SqlKpiStateRepository } from '../../src/reliability/sql-kpi-state.repository.js';

/** The behaviour every KpiStateRepository must have, on an empty, migrated records database. */
export function describeKpiStateRepositoryContract(
  name: string,
  records: () => Promise<RecordsDatabase>,
): void {
  describe(`KpiStateRepository contract: ${name}`, () => {
    let repo: KpiStateRepository;
    beforeEach(async () => {
      repo = new SqlKpiStateRepository(await records());
    });

    it('keeps the earliest dirty mark per device and clears the marks when taken', async () => {
      await repo.markDirty(
        new Map([
          ['d1', 5000],
          ['d2', 7000],
        ]),
      );
      await repo.markDirty(
        new Map([
          ['d1', 3000],
          ['d2', 9000],
          ['d3', 1],
        ]),
      );
      await repo.markDirty(new Map());
      expect(await repo.takeDirty()).toEqual(
        new Map([
          ['d1', 3000],
          ['d2', 7000],
          ['d3', 1],
        ]),
      );
      expect(await repo.takeDirty()).toEqual(new Map());
    });

    it('has no watermark before the first run, then the last saved one with every device state', async () => {
      expect(await repo.watermark()).toBeNull();
      expect(await repo.deviceStates()).toEqual(new Map());
      await repo.saveRun(
        1_700_000_000_000,
        new Map([
          ['d1', { scopeKey: 'k1', carry: null }],
          ['d2', { scopeKey: 'k2', carry: '{"open":1699999000000}' }],
        ]),
      );
      await repo.saveRun(1_700_086_400_000, new Map([['d2', { scopeKey: 'k2b', carry: null }]]));
      expect(await repo.watermark()).toBe(1_700_086_400_000);
      expect(await repo.deviceStates()).toEqual(new Map([['d2', { scopeKey: 'k2b', carry: null }]]));
    });

    it('saves the states of a large fleet in one run', async () => {
      const states = new Map(
        Array.from({ length: 25_000 }, (_, i) => [
          `d${i}`,
          { scopeKey: `k${i % 7}`, carry: i % 3 ? null : `{"n":${i}}` },
        ]),
      );
      await repo.saveRun(1, states);
      expect(await repo.deviceStates()).toEqual(states);
    });

    it('forgets everything on reset', async () => {
      await repo.saveRun(10, new Map([['d1', { scopeKey: 'k', carry: null }]]));
      await repo.markDirty(new Map([['d1', 1]]));
      await repo.reset();
      expect(await repo.watermark()).toBeNull();
      expect(await repo.deviceStates()).toEqual(new Map());
      expect(await repo.takeDirty()).toEqual(new Map());
    });
  });
}
