import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DomainEventBus } from '../events/domain-event-bus.js';
import type { PredictionAlert } from '../events/domain-events.js';
import { JobRunner } from '../infrastructure/jobs/job-runner.js';
import { TELEMETRY_STORE, type RiskPoint, type TelemetryStore } from '../ports/telemetry-store.port.js';
import { RegistryService } from '../registry/registry.service.js';
import { thresholdOf } from './alert-scoring.js';
import { alertTransition, type AlertState } from './alert-transitions.js';
import {
  COMPONENT_RISK_REPOSITORY,
  type ComponentRisk,
  type ComponentRiskRepository,
} from './component-risk.repository.js';
import { FailurePredictor, type ComponentPrediction, type DevicePrediction } from './failure-predictor.js';
import { FleetHistoryReader } from './fleet-history.reader.js';
import { predictionFleet, type PredictionDevice, type PredictionFleet } from './prediction-fleet.js';
import { dayStart } from './prediction-input.js';
import type { PredictionModelRecord } from './prediction-model.repository.js';
import { PredictionTrainingService } from './prediction-training.service.js';
import { PredictionsMetrics } from './predictions.metrics.js';
import { ScoringHistoryCache } from './scoring-history.cache.js';

/** Devices scored, saved and published together: the event loop gets a turn between batches. */
const BATCH = 250;

/** What a scoring run did. */
export interface ScoringRunSummary {
  /** The time scored at. */
  at: number;
  modelVersion: string;
  modelBasis: PredictionModelRecord['basis'];
  /** Devices in service, and those scored (new data, late data, none today yet, a new model). */
  devices: number;
  scoredDevices: number;
  scoredComponents: number;
  /** Alerts published as raised: new, and renewed (the horizon passed, the risk still high). */
  alertsRaised: number;
  alertsRenewed: number;
  alertsCleared: number;
  /** Components whose alert is raised after the run. */
  alerting: number;
  /** What was read from the time-series store, and what the cache holds. */
  read: { devicesLoaded: number; rows: number; events: number };
  held: { devices: number; rows: number; events: number };
  durationMs: number;
  phasesMs: { read: number; score: number; write: number };
}

interface Tracked extends AlertState {
  scoredAt: number;
  modelVersion: string;
}

/**
 * The scoring run (docs/predictions.md, "Scoring"): brings the history cache up to
 * now, scores the devices with new data (and every device once a UTC day, and all of
 * them after a new model) with the latest model, writes each component's risk to the
 * time-series store's `risk` series and to the records, and publishes
 * `prediction.alert-raised` / `prediction.alert-cleared` when a component's alert
 * changes or is renewed (alert-transitions.ts), once both are durable.
 */
@Injectable()
export class PredictionScoringService {
  private readonly logger = new Logger(PredictionScoringService.name);
  private readonly cache: ScoringHistoryCache;
  private predictor: { version: string; p: FailurePredictor } | null = null;
  /** Alert state and last scoring per device and component; null until read from the records. */
  private tracked: Map<string, Map<string, Tracked>> | null = null;
  private runs = 0;
  private lastRunBy: string | null = null;
  private running: Promise<ScoringRunSummary> | null = null;

  constructor(
    @Inject(TELEMETRY_STORE) private readonly store: TelemetryStore,
    private readonly registry: RegistryService,
    @Inject(COMPONENT_RISK_REPOSITORY) private readonly risks: ComponentRiskRepository,
    private readonly training: PredictionTrainingService,
    private readonly bus: DomainEventBus,
    private readonly jobs: JobRunner,
    private readonly metrics: PredictionsMetrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.cache = new ScoringHistoryCache(new FleetHistoryReader(store), {
      lookbackDays: config.predictions.lookbackDays,
      gaugeDays: config.predictions.gaugeDays,
    });
  }

  /** Scores at `now`; one run at a time (a call during a run waits for it, then runs). */
  async score(now: number): Promise<ScoringRunSummary> {
    while (this.running) await this.running.catch(() => undefined);
    this.running = this.run(now);
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }

  private async run(now: number): Promise<ScoringRunSummary> {
    const started = Date.now();
    let lap = started;
    const mark = (): number => {
      const t = Date.now() - lap;
      lap = Date.now();
      return t;
    };
    const { record, model } = await this.training.modelForScoring(now);
    if (this.predictor?.version !== record.version)
      this.predictor = { version: record.version, p: FailurePredictor.fromJSON(model) };
    const predictor = this.predictor.p;
    this.metrics.modelTrainedAsOf.set(record.trainedAsOf / 1000);

    // another replica ran since this one last did: what it read and took is not in this cache
    const watermark = await this.risks.watermark();
    if (watermark?.runBy !== this.lastRunBy) {
      this.cache.clear();
      this.tracked = null;
    }
    const runBy = `${this.jobs.holderId}#${++this.runs}`;
    const late = await this.risks.takeLate();
    // saved before reading: what is stored from now on for earlier times is marked late
    await this.risks.saveWatermark({ throughDay: dayStart(now), eventsThrough: now, runBy });
    this.lastRunBy = runBy;

    try {
      const [scopes, models] = await Promise.all([this.registry.deviceScopes(), this.registry.allModels()]);
      const fleet = predictionFleet(scopes, models.values(), now, (m) => this.cache.typicalDailyUsage(m));
      const refresh = await this.cache.refresh(fleet.devices, fleet.models, now, late);
      const tracked = await this.trackedState();
      const readMs = mark();

      const today = dayStart(now);
      const due = fleet.devices.filter((d) => {
        const seen = tracked.get(d.deviceId);
        if (refresh.changed.has(d.deviceId) || !seen || !seen.size) return true;
        for (const t of seen.values())
          if (t.scoredAt < today || t.scoredAt > now || t.modelVersion !== record.version) return true;
        return false;
      });
      const horizons = predictor.horizons;
      const h = alertHorizonIndex(horizons, this.config.predictions.alertHorizonDays);
      const summary: ScoringRunSummary = {
        at: now,
        modelVersion: record.version,
        modelBasis: record.basis,
        devices: fleet.devices.length,
        scoredDevices: 0,
        scoredComponents: 0,
        alertsRaised: 0,
        alertsRenewed: 0,
        alertsCleared: 0,
        alerting: 0,
        read: { devicesLoaded: refresh.loaded, rows: refresh.rows, events: refresh.events },
        held: this.cache.size(),
        durationMs: 0,
        phasesMs: { read: readMs, score: 0, write: 0 },
      };
      for (let i = 0; i < due.length; i += BATCH) {
        const batch = due.slice(i, i + BATCH);
        const rows: ComponentRisk[] = [];
        const points: RiskPoint[] = [];
        const raised: PredictionAlert[] = [];
        const cleared: PredictionAlert[] = [];
        for (const d of batch) {
          const history = this.cache.history(d.deviceId);
          const model = fleet.models.get(d.modelId);
          if (!history || !model) continue;
          const p = predictor.scoreDevice(history, model, now);
          summary.scoredDevices++;
          const seen = tracked.get(d.deviceId) ?? new Map<string, Tracked>();
          tracked.set(d.deviceId, seen);
          for (const c of p.components) {
            const threshold = thresholdOf(predictor.trained.thresholds[h], c.component);
            const change = alertTransition(seen.get(c.component), c, h, now, history.events, c.component);
            seen.set(c.component, { ...change.state, scoredAt: now, modelVersion: record.version });
            rows.push(
              riskRow(d, p, c, change.state, horizons[h], threshold, model.usageUnit, record.version),
            );
            points.push(riskPoint(d.deviceId, c, now, change.state.alert));
            if (change.kind === 'raised' || change.kind === 'renewed')
              raised.push({
                ...alertOf(d.deviceId, c, now, h, threshold, c.evidence, record.version),
                raisedSince: change.state.since ?? now,
              });
            if (change.kind === 'renewed') summary.alertsRenewed++;
            if (change.kind === 'cleared')
              cleared.push(
                alertOf(
                  d.deviceId,
                  c,
                  now,
                  h,
                  threshold,
                  [
                    change.replacedAt !== null
                      ? `part replaced on ${new Date(change.replacedAt).toISOString().slice(0, 10)}`
                      : `risk fell below the threshold (${pct(threshold)} in ${horizons[h]} days)`,
                    ...c.evidence,
                  ],
                  record.version,
                ),
              );
          }
        }
        summary.phasesMs.score += mark();
        await this.risks.save(rows);
        await this.store.writeRisk(points);
        summary.phasesMs.write += mark();
        // durable first, then told
        for (const a of raised) this.bus.publish('prediction.alert-raised', a);
        for (const a of cleared) this.bus.publish('prediction.alert-cleared', a);
        summary.scoredComponents += rows.length;
        summary.alertsRaised += raised.length;
        summary.alertsCleared += cleared.length;
        this.metrics.alerts.inc({ transition: 'raised' }, raised.length);
        this.metrics.alerts.inc({ transition: 'cleared' }, cleared.length);
        await yieldToLoop();
      }
      await this.forgetGone(fleet, tracked);
      summary.phasesMs.write += mark();
      for (const seen of tracked.values()) for (const t of seen.values()) if (t.alert) summary.alerting++;
      summary.held = this.cache.size();
      summary.durationMs = Date.now() - started;
      this.metrics.scoredComponents.inc(summary.scoredComponents);
      this.metrics.alerting.set(summary.alerting);
      this.metrics.cacheDevices.set(summary.held.devices);
      this.metrics.cacheRows.set(summary.held.rows + summary.held.events);
      this.logger.log({ ...summary, phasesMs: summary.phasesMs }, 'failure risk scored');
      return summary;
    } catch (err) {
      // what this run read is not trusted: the next one reads everything again
      this.cache.clear();
      this.tracked = null;
      this.lastRunBy = null;
      await this.risks.markLate(late).catch(() => undefined);
      throw err;
    }
  }

  private async trackedState(): Promise<Map<string, Map<string, Tracked>>> {
    if (this.tracked) return this.tracked;
    const tracked = new Map<string, Map<string, Tracked>>();
    for (const r of await this.risks.find()) {
      const seen = tracked.get(r.deviceId) ?? new Map<string, Tracked>();
      seen.set(r.component, {
        alert: r.alert,
        since: r.alertSince,
        lastRaised: r.alertLastRaised ?? r.alertSince,
        scoredAt: r.scoredAt,
        modelVersion: r.modelVersion,
      });
      tracked.set(r.deviceId, seen);
    }
    this.tracked = tracked;
    return tracked;
  }

  /** Rows of devices out of service, and of components their model no longer lists, go. */
  private async forgetGone(
    fleet: PredictionFleet,
    tracked: Map<string, Map<string, Tracked>>,
  ): Promise<void> {
    const inService = new Map(fleet.devices.map((d) => [d.deviceId, d]));
    const gone: Array<{ deviceId: string; component?: string }> = [];
    for (const [deviceId, seen] of tracked) {
      const d = inService.get(deviceId);
      const model = d ? fleet.models.get(d.modelId) : undefined;
      if (!d || !model) {
        gone.push({ deviceId });
        tracked.delete(deviceId);
        continue;
      }
      const names = new Set(model.components.map((c) => c.name));
      for (const component of [...seen.keys()])
        if (!names.has(component)) {
          gone.push({ deviceId, component });
          seen.delete(component);
        }
    }
    if (gone.length) await this.risks.remove(gone);
  }
}

/** The index of the alert horizon among the model's (the nearest, if the model was trained with others). */
export function alertHorizonIndex(horizons: readonly number[], alertDays: number): number {
  let best = 0;
  horizons.forEach((h, i) => {
    if (Math.abs(h - alertDays) < Math.abs(horizons[best] - alertDays)) best = i;
  });
  return best;
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);
const pct = (p: number): string => `${(100 * p).toFixed(p < 0.1 ? 1 : 0)} %`;

function riskRow(
  d: PredictionDevice,
  p: DevicePrediction,
  c: ComponentPrediction,
  state: AlertState,
  alertHorizonDays: number,
  threshold: number,
  usageUnit: 'pages' | 'hours',
  version: string,
): ComponentRisk {
  return {
    deviceId: d.deviceId,
    component: c.component,
    modelId: d.modelId,
    siteId: d.siteId,
    customerId: d.customerId,
    scoredAt: p.at,
    modelVersion: version,
    status: c.status,
    basis: c.basis,
    risk: c.risk.map((r) => ({ horizonDays: r.horizonDays, probability: r.probability, alert: r.alert })),
    alert: state.alert,
    alertSince: state.since,
    alertLastRaised: state.lastRaised,
    alertHorizonDays,
    threshold,
    remainingDays: finite(c.remainingLife.days),
    remainingUsage: finite(c.remainingLife.usage),
    usageUnit,
    evidence: c.evidence,
    reasons: [...c.reasons, ...p.reasons],
  };
}

function riskPoint(deviceId: string, c: ComponentPrediction, at: number, alert: boolean): RiskPoint {
  return {
    deviceId,
    component: c.component,
    ts: at,
    probabilities: c.risk.map((r) => ({ horizonDays: r.horizonDays, probability: r.probability })),
    remainingDays: finite(c.remainingLife.days),
    remainingUsage: finite(c.remainingLife.usage),
    alert,
  };
}

function alertOf(
  deviceId: string,
  c: ComponentPrediction,
  at: number,
  h: number,
  threshold: number,
  evidence: string[],
  version: string,
): PredictionAlert {
  return {
    deviceId,
    component: c.component,
    ts: at,
    horizonDays: c.risk[h].horizonDays,
    probability: c.risk[h].probability,
    threshold,
    remainingDays: finite(c.remainingLife.days),
    remainingUsage: finite(c.remainingLife.usage),
    evidence,
    modelVersion: version,
  };
}
