import type { RecordsDatabase } from '../../src/ports/records-database.port.js';
import type {
  ComponentRisk,
  ComponentRiskRepository,
} from '../../src/predictions/component-risk.repository.js';
import type { TrainedPredictor } from '../../src/predictions/failure-predictor.js';
import type {
  PredictionModelRecord,
  PredictionModelRepository,
} from '../../src/predictions/prediction-model.repository.js';
import { SqlComponentRiskRepository } from '../../src/predictions/sql-component-risk.repository.js';
import { SqlPredictionModelRepository } from '../../src/predictions/sql-prediction-model.repository.js';

const T0 = Date.UTC(2026, 2, 1);
const DAY = 86_400_000;

const record = (version: string, trainedAt: number): PredictionModelRecord => ({
  version,
  trainedAt,
  trainedAsOf: trainedAt,
  dataFrom: trainedAt - 400 * DAY,
  devices: 120,
  failures: 48,
  basis: 'condition-and-life',
  reasons: ['no board failure on record anywhere in the fleet: life model alone'],
  horizons: [7, 30],
  components: [{ component: 'fuser', failures: 48, conditionModel: true }],
  thresholds: [{ horizonDays: 7, fallback: 0.1, byComponent: { fuser: 0.35 } }],
  backtest: null,
  backtestReason: 'no model trained yet',
  trainSeconds: 1.5,
  modelBytes: 2048,
});
// what a model's JSON holds, in kind: nested objects, arrays of numbers, nulls
const model = (trainedAsOf: number): TrainedPredictor =>
  ({
    format: 'failure-predictor-v1',
    trainedAsOf,
    horizons: [7, 30],
    components: {
      fuser: { component: 'fuser', metrics: ['fuser.temp_c'], failures: 48, models: [null, null] },
    },
    norms: { 'M-1/fuser.temp_c': { mean: 182.5, range: 4.25, sd: 0.75 } },
  }) as unknown as TrainedPredictor;

const risk = (
  deviceId: string,
  component: string,
  p7: number,
  more: Partial<ComponentRisk> = {},
): ComponentRisk => ({
  deviceId,
  component,
  modelId: 'M-1',
  siteId: 'S-1',
  customerId: 'C-1',
  scoredAt: T0,
  modelVersion: 'v1',
  status: 'ok',
  basis: 'condition-and-life',
  risk: [
    { horizonDays: 7, probability: p7, alert: p7 >= 0.5 },
    { horizonDays: 30, probability: Math.min(1, p7 * 2), alert: false },
  ],
  alert: p7 >= 0.5,
  alertSince: p7 >= 0.5 ? T0 : null,
  alertHorizonDays: 7,
  threshold: 0.5,
  remainingDays: 30.5,
  remainingUsage: null,
  usageUnit: 'pages',
  evidence: ['fuser temperature −6 °C against its 30-day mean'],
  reasons: [],
  ...more,
});

/** The behaviour every prediction repository must have, on an empty, migrated records database. */
export function describePredictionRepositoryContract(
  name: string,
  records: () => Promise<RecordsDatabase>,
): void {
  describe(`PredictionModelRepository contract: ${name}`, () => {
    let repo: PredictionModelRepository;
    beforeEach(async () => {
      repo = new SqlPredictionModelRepository(await records());
    });

    it('has no model before the first, then the latest by training time with its JSON', async () => {
      expect(await repo.latest()).toBeNull();
      await repo.save(record('b', T0 + DAY), model(T0 + DAY));
      await repo.save(record('a', T0 + 2 * DAY), model(T0 + 2 * DAY));
      await repo.save(record('c', T0), model(T0));

      expect(await repo.latest()).toEqual({ record: record('a', T0 + 2 * DAY), model: model(T0 + 2 * DAY) });
      expect(await repo.get('c')).toEqual(record('c', T0));
      expect(await repo.get('zzz')).toBeNull();
    });

    it('lists models newest first, a page at a time', async () => {
      for (let i = 0; i < 5; i++) await repo.save(record(`v${i}`, T0 + i * DAY), model(T0));
      const first = await repo.list({ limit: 2 });
      const second = await repo.list({ limit: 2, after: first[1].version });
      const third = await repo.list({ limit: 2, after: second[1].version });

      expect([...first, ...second, ...third].map((r) => r.version)).toEqual(['v4', 'v3', 'v2', 'v1', 'v0']);
    });
  });

  describe(`ComponentRiskRepository contract: ${name}`, () => {
    let repo: ComponentRiskRepository;
    beforeEach(async () => {
      repo = new SqlComponentRiskRepository(await records());
    });

    it('keeps one row per device and component, found by device in byte order', async () => {
      // ids whose byte order differs from English order
      await repo.save([risk('a10', 'fuser', 0.1), risk('B', 'fuser', 0.2), risk('a-1', 'drum', 0.3)]);
      await repo.save([risk('_z', 'fuser', 0.4), risk('A2', 'fuser', 0.5), risk('B', 'fuser', 0.6)]);

      expect((await repo.find()).map((r) => [r.deviceId, r.component])).toEqual([
        ['A2', 'fuser'],
        ['B', 'fuser'],
        ['_z', 'fuser'],
        ['a-1', 'drum'],
        ['a10', 'fuser'],
      ]);
      expect(await repo.find(['B'])).toEqual([risk('B', 'fuser', 0.6)]);
      expect(await repo.find([])).toEqual([]);
    });

    it('ranks by the probability at a horizon, highest first, filtered, a page at a time through ties', async () => {
      await repo.save([
        risk('d1', 'fuser', 0.9, { siteId: 'S-2', customerId: 'C-2' }),
        risk('d1', 'drum', 0.3),
        risk('d2', 'fuser', 0.3),
        risk('d3', 'fuser', 0.3, { modelId: 'M-2' }),
        risk('d4', 'fuser', 0.05, { siteId: null, customerId: null }),
        // scored with other horizons: not in a 7-day ranking
        risk('d5', 'fuser', 0.99, { risk: [{ horizonDays: 14, probability: 0.99, alert: true }] }),
      ]);
      const pages: string[] = [];
      let after: { probability: number; deviceId: string; component: string } | undefined;
      for (;;) {
        const page = await repo.rank({ horizonDays: 7, limit: 2, after });
        pages.push(...page.map((r) => `${r.deviceId}/${r.component}`));
        if (page.length < 2) break;
        const last = page[page.length - 1];
        after = { probability: last.risk[0].probability, deviceId: last.deviceId, component: last.component };
      }

      expect(pages).toEqual(['d1/fuser', 'd1/drum', 'd2/fuser', 'd3/fuser', 'd4/fuser']);
      const ids = async (q: Partial<Parameters<ComponentRiskRepository['rank']>[0]>): Promise<string[]> =>
        (await repo.rank({ horizonDays: 7, limit: 10, ...q })).map((r) => `${r.deviceId}/${r.component}`);
      expect(await ids({ siteId: 'S-2' })).toEqual(['d1/fuser']);
      expect(await ids({ customerId: 'C-1', component: 'fuser' })).toEqual(['d2/fuser', 'd3/fuser']);
      expect(await ids({ modelId: 'M-2' })).toEqual(['d3/fuser']);
      expect(await ids({ alerting: true })).toEqual(['d1/fuser']);
      expect(await ids({ alerting: false, component: 'drum' })).toEqual(['d1/drum']);
      expect(await ids({ horizonDays: 14 })).toEqual(['d5/fuser']);
      // the 30-day ranking orders by its own probability
      expect((await repo.rank({ horizonDays: 30, limit: 1 }))[0].deviceId).toBe('d1');
    });

    it('removes devices, or some of their components', async () => {
      await repo.save([risk('d1', 'fuser', 0.1), risk('d1', 'drum', 0.1), risk('d2', 'fuser', 0.1)]);
      await repo.remove([{ deviceId: 'd2' }, { deviceId: 'd1', component: 'drum' }]);

      expect((await repo.find()).map((r) => `${r.deviceId}/${r.component}`)).toEqual(['d1/fuser']);
    });

    it('keeps the earliest late mark per device and clears the marks when taken', async () => {
      await repo.markLate(
        new Map([
          ['d1', 5000],
          ['d2', 7000],
        ]),
      );
      await repo.markLate(
        new Map([
          ['d1', 3000],
          ['d2', 9000],
          ['d3', 1],
        ]),
      );
      await repo.markLate(new Map());

      expect(await repo.takeLate()).toEqual(
        new Map([
          ['d1', 3000],
          ['d2', 7000],
          ['d3', 1],
        ]),
      );
      expect(await repo.takeLate()).toEqual(new Map());
    });

    it('has no watermark before the first run, then the last one saved', async () => {
      expect(await repo.watermark()).toBeNull();
      await repo.saveWatermark({ throughDay: T0, eventsThrough: T0 + 5, runBy: 'a#1' });
      await repo.saveWatermark({ throughDay: T0 + DAY, eventsThrough: T0 + DAY + 5, runBy: 'b#1' });

      expect(await repo.watermark()).toEqual({
        throughDay: T0 + DAY,
        eventsThrough: T0 + DAY + 5,
        runBy: 'b#1',
      });
    });
  });
}
