import type { TrainedPredictor } from './failure-predictor.js';
import type {
  ComponentRisk,
  ComponentRiskRepository,
  RiskRankingQuery,
  ScoringWatermark,
} from './component-risk.repository.js';
import type { PredictionModelRecord, PredictionModelRepository } from './prediction-model.repository.js';

/** Trained models in memory: for unit tests and until the records database holds them. */
export class InMemoryPredictionModelRepository implements PredictionModelRepository {
  private readonly records: Array<{ record: PredictionModelRecord; json: string }> = [];

  save(record: PredictionModelRecord, model: TrainedPredictor): Promise<void> {
    this.records.push({ record: structuredClone(record), json: JSON.stringify(model) });
    this.records.sort(
      (a, b) => a.record.trainedAt - b.record.trainedAt || cmp(a.record.version, b.record.version),
    );
    return Promise.resolve();
  }

  latest(): Promise<{ record: PredictionModelRecord; model: TrainedPredictor } | null> {
    const last = this.records[this.records.length - 1];
    return Promise.resolve(
      last
        ? { record: structuredClone(last.record), model: JSON.parse(last.json) as TrainedPredictor }
        : null,
    );
  }

  list(q: { limit: number; after?: string }): Promise<PredictionModelRecord[]> {
    const newest = [...this.records].reverse().map((r) => r.record);
    const from = q.after === undefined ? 0 : newest.findIndex((r) => r.version === q.after) + 1;
    return Promise.resolve(structuredClone(newest.slice(from, from + q.limit)));
  }

  get(version: string): Promise<PredictionModelRecord | null> {
    const r = this.records.find((x) => x.record.version === version);
    return Promise.resolve(r ? structuredClone(r.record) : null);
  }
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Current risk and scoring bookkeeping in memory: for unit tests and until the records database holds them. */
export class InMemoryComponentRiskRepository implements ComponentRiskRepository {
  private readonly rows = new Map<string, ComponentRisk>();
  private late = new Map<string, number>();
  private mark: ScoringWatermark | null = null;

  save(rows: readonly ComponentRisk[]): Promise<void> {
    for (const r of rows) this.rows.set(`${r.deviceId}\u0000${r.component}`, structuredClone(r));
    return Promise.resolve();
  }

  find(deviceIds?: readonly string[]): Promise<ComponentRisk[]> {
    const wanted = deviceIds ? new Set(deviceIds) : null;
    return Promise.resolve(
      [...this.rows.values()]
        .filter((r) => !wanted || wanted.has(r.deviceId))
        .sort((a, b) => cmp(a.deviceId, b.deviceId) || cmp(a.component, b.component))
        .map((r) => structuredClone(r)),
    );
  }

  rank(q: RiskRankingQuery): Promise<ComponentRisk[]> {
    const p = (r: ComponentRisk): number =>
      r.risk.find((x) => x.horizonDays === q.horizonDays)?.probability ?? -1;
    const order = (a: { p: number; deviceId: string; component: string }, b: typeof a): number =>
      b.p - a.p || cmp(a.deviceId, b.deviceId) || cmp(a.component, b.component);
    const after = q.after
      ? { p: q.after.probability, deviceId: q.after.deviceId, component: q.after.component }
      : null;
    return Promise.resolve(
      [...this.rows.values()]
        .filter(
          (r) =>
            p(r) >= 0 &&
            (q.modelId === undefined || r.modelId === q.modelId) &&
            (q.siteId === undefined || r.siteId === q.siteId) &&
            (q.customerId === undefined || r.customerId === q.customerId) &&
            (q.component === undefined || r.component === q.component) &&
            (q.alerting === undefined || r.alert === q.alerting),
        )
        .map((r) => ({ r, key: { p: p(r), deviceId: r.deviceId, component: r.component } }))
        .filter((x) => !after || order(after, x.key) < 0)
        .sort((a, b) => order(a.key, b.key))
        .slice(0, q.limit)
        .map((x) => structuredClone(x.r)),
    );
  }

  remove(keys: ReadonlyArray<{ deviceId: string; component?: string }>): Promise<void> {
    for (const k of keys)
      for (const [key, r] of this.rows)
        if (r.deviceId === k.deviceId && (k.component === undefined || r.component === k.component))
          this.rows.delete(key);
    return Promise.resolve();
  }

  markLate(marks: ReadonlyMap<string, number>): Promise<void> {
    for (const [id, ts] of marks) this.late.set(id, Math.min(ts, this.late.get(id) ?? Infinity));
    return Promise.resolve();
  }

  takeLate(): Promise<Map<string, number>> {
    const taken = this.late;
    this.late = new Map();
    return Promise.resolve(taken);
  }

  watermark(): Promise<ScoringWatermark | null> {
    return Promise.resolve(this.mark ? { ...this.mark } : null);
  }

  saveWatermark(w: ScoringWatermark): Promise<void> {
    this.mark = { ...w };
    return Promise.resolve();
  }
}
