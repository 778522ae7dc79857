import type { AlertCosts } from './alert-scoring.js';
import { backtest, type BacktestReport } from './backtest.js';
import { DEFAULT_PREDICTOR_OPTIONS, trainPredictor, type TrainedPredictor } from './failure-predictor.js';
import { DAY_MS, type FleetHistory } from './prediction-input.js';
import type { PredictorBasis } from './prediction-model.repository.js';

/**
 * One training as the training job runs it: the engine's `trainPredictor` on the
 * history before `asOf`, and a backtest of the same protocol on its last
 * `backtestDays` (trained before them, scored day by day over them) for the record.
 * Pure; runs in a worker thread in the service (prediction-training.worker.ts).
 */

export interface TrainingInput {
  history: FleetHistory;
  asOf: number;
  horizons: number[];
  costs: AlertCosts;
  backtestDays: number;
}

export interface TrainingOutput {
  model: TrainedPredictor;
  basis: PredictorBasis;
  reasons: string[];
  /** Failures (major, machine-down) in the training data, all components. */
  failures: number;
  backtest: BacktestReport | null;
  backtestReason: string | null;
  trainSeconds: number;
}

/** Days of data a backtest needs before its cut-off: the engine's warm-up, its hold-out, and a month to learn from. */
export const BACKTEST_MIN_DAYS_BEFORE_CUTOFF =
  DEFAULT_PREDICTOR_OPTIONS.warmupDays + DEFAULT_PREDICTOR_OPTIONS.holdoutDays + 30;

export function trainAndBacktest(input: TrainingInput): TrainingOutput {
  const t0 = performance.now();
  const model = trainPredictor(input.history, input.asOf, { horizons: input.horizons, costs: input.costs });
  const trainSeconds = (performance.now() - t0) / 1000;
  const components = Object.values(model.components);
  const failures = components.reduce((n, c) => n + c.failures, 0);
  let basis: PredictorBasis;
  const reasons: string[] = [];
  if (model.dataFrom === null) {
    basis = 'catalog-prior';
    reasons.push("no history yet: every life model is the catalog's expected life (the prior) alone");
  } else if (components.some((c) => c.models.some((m) => m !== null))) {
    basis = 'condition-and-life';
    for (const c of components) if (c.reason) reasons.push(`${c.reason}: life model alone`);
  } else {
    basis = 'life';
    reasons.push(
      `${failures} failure(s) on record: too few for a condition model of any component (${DEFAULT_PREDICTOR_OPTIONS.minFailures} each); life models fitted with the catalog's expected life as the prior`,
    );
  }

  const cutoff = input.asOf - input.backtestDays * DAY_MS;
  let report: BacktestReport | null = null;
  let backtestReason: string | null = null;
  if (model.dataFrom === null) backtestReason = 'no history to backtest on';
  else if (cutoff - model.dataFrom < BACKTEST_MIN_DAYS_BEFORE_CUTOFF * DAY_MS)
    backtestReason = `${Math.floor((input.asOf - model.dataFrom) / DAY_MS)} days of history: a backtest of the last ${input.backtestDays} days needs ${BACKTEST_MIN_DAYS_BEFORE_CUTOFF} before them`;
  else
    report = backtest(input.history, {
      cutoff,
      end: input.asOf,
      horizons: input.horizons,
      costs: input.costs,
    });
  return { model, basis, reasons, failures, backtest: report, backtestReason, trainSeconds };
}
