import type { BacktestReport } from './backtest.js';
import type { TrainedPredictor } from './failure-predictor.js';

/** What scored: condition trees with the life model, the life model fitted on the fleet, or the catalog's prior alone. */
export const PREDICTOR_BASES = ['condition-and-life', 'life', 'catalog-prior'] as const;
export type PredictorBasis = (typeof PREDICTOR_BASES)[number];

/** A trained predictor as recorded: when, on which data, how it did in its backtest. */
export interface PredictionModelRecord {
  /** Unique, sortable by training time: `2026-03-02T00:00:00.000Z-1a2b3c`. */
  version: string;
  /** When the training ran (the job's time). */
  trainedAt: number;
  /** The data before this was used. */
  trainedAsOf: number;
  /** Earliest data seen; null without any. */
  dataFrom: number | null;
  devices: number;
  /** Failures (major, machine-down) in the training data. */
  failures: number;
  basis: PredictorBasis;
  /** Why the basis is what it is (too little history, components without a condition model). */
  reasons: string[];
  horizons: number[];
  components: Array<{ component: string; failures: number; conditionModel: boolean; reason?: string }>;
  /** The alert threshold per horizon (a fallback and, where the hold-out had enough failures, per component). */
  thresholds: Array<{ horizonDays: number; fallback: number; byComponent: Record<string, number> }>;
  /** The backtest run on the training data (trained up to `asOf − backtest days`); null with the reason when too short. */
  backtest: BacktestReport | null;
  backtestReason: string | null;
  trainSeconds: number;
  /** Size of the model's JSON. */
  modelBytes: number;
}

export interface PredictionModelRepository {
  /** Records a model with its JSON. */
  save(record: PredictionModelRecord, model: TrainedPredictor): Promise<void>;
  /** The latest recorded model (by training time) with its JSON; null before the first. */
  latest(): Promise<{ record: PredictionModelRecord; model: TrainedPredictor } | null>;
  /** Records newest first, without the JSON; after: a version (paging). */
  list(query: { limit: number; after?: string }): Promise<PredictionModelRecord[]>;
  get(version: string): Promise<PredictionModelRecord | null>;
}

export const PREDICTION_MODEL_REPOSITORY = Symbol('PredictionModelRepository');
