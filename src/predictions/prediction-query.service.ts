import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { checkLimit, decodeCursor, encodeCursor, parseRange } from '../common/http/query-params.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TELEMETRY_STORE, type RiskPoint, type TelemetryStore } from '../ports/telemetry-store.port.js';
import { RegistryService } from '../registry/registry.service.js';
import type { BacktestReport } from './backtest.js';
import {
  COMPONENT_RISK_REPOSITORY,
  type ComponentRisk,
  type ComponentRiskRepository,
} from './component-risk.repository.js';
import { modelInfoFrom } from './prediction-fleet.js';
import { DAY_MS } from './prediction-input.js';
import {
  PREDICTION_MODEL_REPOSITORY,
  type PredictionModelRecord,
  type PredictionModelRepository,
} from './prediction-model.repository.js';
import type {
  DevicePredictionDto,
  DevicePredictionQuery,
  ModelRecordDto,
  RiskRankingPageDto,
  RiskRankingQuery,
} from './predictions.dto.js';

type RankCursor = [number, string, string];
const isRankCursor = (v: unknown): v is RankCursor =>
  Array.isArray(v) &&
  v.length === 3 &&
  typeof v[0] === 'number' &&
  typeof v[1] === 'string' &&
  typeof v[2] === 'string';
const isString = (v: unknown): v is string => typeof v === 'string';

/** The risk history a device answer holds by default: the last 90 days. */
const DEFAULT_HISTORY_MS = 90 * DAY_MS;

/** What the predictions API answers: rankings, a device's components, the model catalogue. */
@Injectable()
export class PredictionQueryService {
  constructor(
    @Inject(COMPONENT_RISK_REPOSITORY) private readonly risks: ComponentRiskRepository,
    @Inject(PREDICTION_MODEL_REPOSITORY) private readonly models: PredictionModelRepository,
    @Inject(TELEMETRY_STORE) private readonly store: TelemetryStore,
    private readonly registry: RegistryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async ranking(q: Omit<RiskRankingQuery, 'format'>): Promise<RiskRankingPageDto> {
    const horizons = this.config.predictions.horizons;
    const horizonDays = q.horizon ?? this.config.predictions.alertHorizonDays;
    if (!horizons.includes(horizonDays))
      throw new DomainError(
        ErrorCode.InvalidArgument,
        `horizon must be one of the configured horizons (${horizons.join(', ')} days), got ${horizonDays}`,
      );
    const limit = checkLimit(q.limit, 100, this.config.apiMaxPoints);
    const after = decodeCursor(q.cursor, isRankCursor);
    const rows = await this.risks.rank({
      horizonDays,
      modelId: q.modelId,
      siteId: q.siteId,
      customerId: q.customerId,
      component: q.component,
      alerting: q.alerting,
      limit,
      after: after ? { probability: after[0], deviceId: after[1], component: after[2] } : undefined,
    });
    const data = rows.map((r) => {
      const at = r.risk.find((x) => x.horizonDays === horizonDays)!;
      return {
        deviceId: r.deviceId,
        component: r.component,
        modelId: r.modelId,
        siteId: r.siteId,
        customerId: r.customerId,
        horizonDays,
        probability: at.probability,
        alert: r.alert,
        alertSince: r.alertSince,
        status: r.status,
        basis: r.basis,
        remainingDays: r.remainingDays,
        remainingUsage: r.remainingUsage,
        usageUnit: r.usageUnit,
        evidence: r.evidence,
        scoredAt: r.scoredAt,
        modelVersion: r.modelVersion,
      };
    });
    const last = data[data.length - 1];
    return {
      data,
      nextCursor:
        data.length === limit && last
          ? encodeCursor([last.probability, last.deviceId, last.component])
          : null,
    };
  }

  /**
   * A registered device's components: risk, remaining life, evidence and reasons as last
   * scored, and the risk series over [from, to) (default: the 90 days before now). A
   * component the job has not scored yet, or cannot predict, says so with the reason.
   */
  async device(deviceId: string, q: DevicePredictionQuery, now = Date.now()): Promise<DevicePredictionDto> {
    const device = await this.registry.get('devices', deviceId);
    const model = await this.registry.get('models', device.modelId);
    const window = parseRange(q.from, q.to ?? String(now), now);
    if (q.from === undefined) window.from = window.to - DEFAULT_HISTORY_MS;
    if (window.from >= window.to) throw new DomainError(ErrorCode.InvalidArgument, 'from must be before to');
    const rows = new Map((await this.risks.find([deviceId])).map((r) => [r.component, r]));
    const wanted = q.component === undefined ? undefined : [q.component];
    if (q.component !== undefined && !model.components.some((c) => c.name === q.component))
      throw new DomainError(ErrorCode.NotFound, `model ${model.modelId} has no component ${q.component}`);
    const history = await this.store.queryRisk({ deviceId, components: wanted, ...window });
    const byComponent = new Map<string, RiskPoint[]>();
    for (const p of history) byComponent.set(p.component, [...(byComponent.get(p.component) ?? []), p]);
    const notPredicted = modelInfoFrom(model, 1).notPredicted;
    const interval = this.config.predictions.scoringIntervalMs;
    const components = model.components
      .filter((c) => q.component === undefined || c.name === q.component)
      .map((c) => {
        const series = (byComponent.get(c.name) ?? []).map((p) => ({
          ts: p.ts,
          probabilities: p.probabilities,
          alert: p.alert,
          remainingDays: p.remainingDays,
        }));
        const r = rows.get(c.name);
        if (r) return { ...componentOf(r), history: series };
        const why = notPredicted.get(c.name);
        return {
          component: c.name,
          status: why ? ('not-predicted' as const) : ('not-scored' as const),
          basis: null,
          risk: [],
          alert: false,
          alertSince: null,
          alertHorizonDays: null,
          threshold: null,
          remainingDays: null,
          remainingUsage: null,
          usageUnit: model.usageUnit,
          evidence: [],
          reasons: [
            why ??
              (interval > 0
                ? `not scored yet: scoring runs every ${Math.round(interval / 60_000)} min (POST /api/v1/predictions/score runs it now)`
                : 'not scored yet: scoring is not scheduled (PREDICTION_SCORING_INTERVAL_MS=0); POST /api/v1/predictions/score runs it'),
          ],
          scoredAt: null,
          history: series,
        };
      });
    const scored = [...rows.values()];
    return {
      deviceId,
      modelId: device.modelId,
      modelVersion: scored.length
        ? scored.reduce((a, b) => (b.scoredAt > a.scoredAt ? b : a)).modelVersion
        : null,
      window,
      components,
    };
  }

  async listModels(q: {
    limit?: number;
    cursor?: string;
  }): Promise<{ data: ModelRecordDto[]; nextCursor: string | null }> {
    const limit = checkLimit(q.limit, 20, 100);
    const after = decodeCursor(q.cursor, isString);
    const data = (await this.models.list({ limit, after })).map(modelDto);
    return {
      data,
      nextCursor: data.length === limit ? encodeCursor(data[data.length - 1].version) : null,
    };
  }

  async model(version: string): Promise<ModelRecordDto> {
    const r = await this.models.get(version);
    if (!r) throw new DomainError(ErrorCode.NotFound, `no prediction model ${version}`);
    return modelDto(r);
  }
}

function componentOf(r: ComponentRisk): Omit<DevicePredictionDto['components'][number], 'history'> {
  return {
    component: r.component,
    status: r.status,
    basis: r.basis,
    risk: r.risk,
    alert: r.alert,
    alertSince: r.alertSince,
    alertHorizonDays: r.alertHorizonDays,
    threshold: r.threshold,
    remainingDays: r.remainingDays,
    remainingUsage: r.remainingUsage,
    usageUnit: r.usageUnit,
    evidence: r.evidence,
    reasons: r.reasons,
    scoredAt: r.scoredAt,
  };
}

const finiteOrNull = (x: number | null | undefined): number | null =>
  x === null || x === undefined || !Number.isFinite(x) ? null : x;

function backtestDto(b: BacktestReport | null): ModelRecordDto['backtest'] {
  if (!b) return null;
  return {
    cutoff: b.cutoff,
    end: b.end,
    devices: b.devices,
    testFailures: b.testFailures,
    methods: b.methods.map((m) => ({
      method: m.method,
      label: m.label,
      horizons: m.horizons.map((h) => ({
        horizonDays: h.horizonDays,
        threshold: finiteOrNull(h.threshold),
        alerts: h.alerts,
        failures: h.failures,
        precision: finiteOrNull(h.precision),
        recall: finiteOrNull(h.recall),
        f1: finiteOrNull(h.f1),
        prAuc: finiteOrNull(h.prAuc),
        brier: finiteOrNull(h.brier),
        leadHoursMedian: finiteOrNull(h.leadHoursMedian),
        leadHoursP10: finiteOrNull(h.leadHoursP10),
        falseAlertsPer100DeviceMonths: finiteOrNull(h.falseAlertsPer100DeviceMonths),
      })),
    })),
  };
}

function modelDto(r: PredictionModelRecord): ModelRecordDto {
  return {
    version: r.version,
    trainedAt: r.trainedAt,
    trainedAsOf: r.trainedAsOf,
    dataFrom: r.dataFrom,
    devices: r.devices,
    failures: r.failures,
    basis: r.basis,
    reasons: r.reasons,
    horizons: r.horizons,
    components: r.components,
    thresholds: r.thresholds,
    backtest: backtestDto(r.backtest),
    backtestReason: r.backtestReason,
    trainSeconds: r.trainSeconds,
    modelBytes: r.modelBytes,
  };
}
