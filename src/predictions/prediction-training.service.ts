import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TELEMETRY_STORE, type TelemetryStore } from '../ports/telemetry-store.port.js';
import { RegistryService } from '../registry/registry.service.js';
import type { AlertThreshold } from './alert-scoring.js';
import type { TrainedPredictor } from './failure-predictor.js';
import { FleetHistoryReader } from './fleet-history.reader.js';
import { predictionFleet, type PredictionFleet } from './prediction-fleet.js';
import { readFleetHistory } from './fleet-history.js';
import { DAY_MS } from './prediction-input.js';
import {
  PREDICTION_MODEL_REPOSITORY,
  type PredictionModelRecord,
  type PredictionModelRepository,
} from './prediction-model.repository.js';
import { trainAndBacktest, type TrainingOutput } from './prediction-training.js';
import { PredictionsMetrics } from './predictions.metrics.js';
import { runTraining } from './training-runner.js';

/** What a training job run did. */
export interface TrainingRunSummary {
  trained: boolean;
  /** Why it trained (or why not). */
  reason: string;
  /** The model in use after the run; null when none is recorded yet. */
  version: string | null;
  basis: PredictionModelRecord['basis'] | null;
  devices: number;
  failures: number;
  trainSeconds: number;
  durationMs: number;
}

/**
 * Trains the failure-prediction model from the fleet's own history and records it:
 * when it is due (no model yet, the latest older than PREDICTION_RETRAIN_DAYS, or the
 * failures since it reached PREDICTION_RETRAIN_FAILURE_GROWTH of those it learnt from),
 * or when asked. With no history at all, the model is the catalog's prior alone.
 * docs/predictions.md, "Training".
 */
@Injectable()
export class PredictionTrainingService {
  private readonly logger = new Logger(PredictionTrainingService.name);
  private readonly reader: FleetHistoryReader;
  private running: Promise<TrainingRunSummary> | null = null;

  constructor(
    @Inject(TELEMETRY_STORE) private readonly store: TelemetryStore,
    private readonly registry: RegistryService,
    @Inject(PREDICTION_MODEL_REPOSITORY) private readonly models: PredictionModelRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: PredictionsMetrics,
  ) {
    this.reader = new FleetHistoryReader(store);
  }

  /** The training job's run: trains when due. */
  trainIfDue(now: number): Promise<TrainingRunSummary> {
    return this.once(async () => {
      const latest = await this.models.list({ limit: 1 });
      const due = await this.due(latest[0] ?? null, now);
      if (!due) {
        const r = latest[0];
        return {
          trained: false,
          reason: `not due: model ${r.version} trained on data to ${iso(r.trainedAsOf)}`,
          version: r.version,
          basis: r.basis,
          devices: r.devices,
          failures: r.failures,
          trainSeconds: 0,
          durationMs: 0,
        };
      }
      return this.trainNow(now, due);
    });
  }

  /** Trains now, whether due or not (an operator's request). */
  train(now: number, reason = 'asked for'): Promise<TrainingRunSummary> {
    return this.once(() => this.trainNow(now, reason));
  }

  /**
   * The model to score with: the latest recorded; before any, the catalog's prior
   * alone (a new install), recorded so the answers say what scored them.
   */
  async modelForScoring(now: number): Promise<{ record: PredictionModelRecord; model: TrainedPredictor }> {
    const latest = await this.models.latest();
    if (latest) return latest;
    await this.once(async () => {
      if (await this.models.latest()) return this.skipped();
      const fleet = await this.fleet(now);
      const out = trainAndBacktest({
        history: { models: [...fleet.models.values()], devices: [] },
        asOf: now,
        horizons: this.config.predictions.horizons,
        costs: this.costs(),
        backtestDays: this.config.predictions.backtestDays,
      });
      out.reasons = ['no model trained yet: ' + out.reasons.join('; ')];
      out.backtestReason = 'no model trained yet';
      await this.record(out, now, 0);
      return this.skipped();
    });
    return (await this.models.latest())!;
  }

  private skipped(): TrainingRunSummary {
    return {
      trained: false,
      reason: '',
      version: null,
      basis: null,
      devices: 0,
      failures: 0,
      trainSeconds: 0,
      durationMs: 0,
    };
  }

  /** One training at a time on this replica (the job's lease keeps it to one replica). */
  private async once(work: () => Promise<TrainingRunSummary>): Promise<TrainingRunSummary> {
    while (this.running) await this.running.catch(() => undefined);
    this.running = work();
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }

  /** Why a training is due, or null. */
  private async due(latest: PredictionModelRecord | null, now: number): Promise<string | null> {
    if (!latest) return 'no model yet';
    if (latest.basis === 'catalog-prior' && latest.devices === 0) return 'only the catalog prior so far';
    const ageDays = (now - latest.trainedAsOf) / DAY_MS;
    if (ageDays >= this.config.predictions.retrainDays)
      return `the latest model is ${ageDays.toFixed(1)} days old`;
    if (now <= latest.trainedAsOf) return null;
    // failures since, scaled to the devices it was trained on (a sample of a large fleet)
    const fleet = await this.fleet(now);
    const since = await this.reader.events({ from: latest.trainedAsOf, to: now }, ['fault.raised']);
    let failures = 0;
    for (const d of fleet.devices) {
      const model = fleet.models.get(d.modelId);
      for (const e of since.get(d.deviceId) ?? []) {
        const severity = e.severity ?? model?.faultCodes?.find((f) => f.code === e.code)?.severity ?? 'minor';
        if (severity !== 'minor') failures++;
      }
    }
    const scaled =
      (failures * Math.min(latest.devices, fleet.devices.length)) / Math.max(1, fleet.devices.length);
    const share = scaled / Math.max(1, latest.failures);
    if (share >= this.config.predictions.retrainFailureGrowth)
      return `${failures} failures since the latest model (${(share * 100).toFixed(0)} % of the ${latest.failures} it learnt from)`;
    return null;
  }

  private async trainNow(now: number, reason: string): Promise<TrainingRunSummary> {
    const started = Date.now();
    const p = this.config.predictions;
    const from = now - p.trainingHistoryDays * DAY_MS;
    const { history, fleet } = await readFleetHistory(this.store, this.registry, {
      from,
      to: now,
      now,
      maxDevices: p.trainingMaxDevices,
    });
    const out = await runTraining({
      history,
      asOf: now,
      horizons: p.horizons,
      costs: this.costs(),
      backtestDays: p.backtestDays,
    });
    const record = await this.record(out, now, fleet.devices.length);
    const summary: TrainingRunSummary = {
      trained: true,
      reason,
      version: record.version,
      basis: record.basis,
      devices: record.devices,
      failures: record.failures,
      trainSeconds: out.trainSeconds,
      durationMs: Date.now() - started,
    };
    this.logger.log(summary, 'prediction model trained');
    return summary;
  }

  private async record(out: TrainingOutput, now: number, devices: number): Promise<PredictionModelRecord> {
    const json = JSON.stringify(out.model);
    const record: PredictionModelRecord = {
      version: `${iso(now)}-${randomBytes(3).toString('hex')}`,
      trainedAt: now,
      trainedAsOf: out.model.trainedAsOf,
      dataFrom: out.model.dataFrom,
      devices,
      failures: out.failures,
      basis: out.basis,
      reasons: out.reasons,
      horizons: out.model.horizons,
      components: Object.values(out.model.components).map((c) => ({
        component: c.component,
        failures: c.failures,
        conditionModel: c.models.some((m) => m !== null),
        ...(c.reason ? { reason: c.reason } : {}),
      })),
      thresholds: out.model.horizons.map((horizonDays, h) =>
        thresholdSummary(horizonDays, out.model.thresholds[h]),
      ),
      backtest: out.backtest,
      backtestReason: out.backtestReason,
      trainSeconds: out.trainSeconds,
      modelBytes: Buffer.byteLength(json),
    };
    await this.models.save(record, out.model);
    this.metrics.trainings.inc({ basis: record.basis });
    return record;
  }

  private costs(): { visit: number; missedFailure: number } {
    return { visit: 1, missedFailure: this.config.predictions.missedFailureCost };
  }

  private async fleet(now: number): Promise<PredictionFleet> {
    const [scopes, models] = await Promise.all([this.registry.deviceScopes(), this.registry.allModels()]);
    return predictionFleet(scopes, models.values(), now);
  }
}

const iso = (ms: number): string => new Date(ms).toISOString();

function thresholdSummary(
  horizonDays: number,
  t: AlertThreshold,
): PredictionModelRecord['thresholds'][number] {
  return typeof t === 'number'
    ? { horizonDays, fallback: t, byComponent: {} }
    : { horizonDays, fallback: t.fallback, byComponent: { ...t.byComponent } };
}
