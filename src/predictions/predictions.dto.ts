import { Type, type Static } from '@sinclair/typebox';
import {
  EpochMs,
  FormatQuery,
  Nullable,
  Page,
  PageQuery,
  RangeQuery,
  StringEnum,
} from '../common/http/api-schemas.js';
import { named } from '../common/http/openapi-schemas.js';
import { DeviceId } from '../devices/devices.dto.js';
import { PREDICTOR_BASES } from './prediction-model.repository.js';

/** Shapes only: defaults and rules (a horizon the model knows, ranges) are the query service's. */

const ComponentName = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'A component of a model: `fuser`.',
});

export const RiskRankingQuery = Type.Object(
  {
    horizon: Type.Optional(
      Type.Integer({
        minimum: 1,
        description:
          'Rank by the probability of failure within this many days; default PREDICTION_ALERT_HORIZON_DAYS.',
      }),
    ),
    modelId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    customerId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    siteId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    component: Type.Optional(ComponentName),
    alerting: Type.Optional(
      Type.Boolean({ description: 'true: only components whose alert is raised; false: only the others.' }),
    ),
    ...PageQuery,
    ...FormatQuery,
  },
  { additionalProperties: false },
);
export type RiskRankingQuery = Static<typeof RiskRankingQuery>;

const COMPONENT_STATUSES = ['ok', 'failed', 'no-history'] as const;
const BASES = ['condition-and-life', 'life'] as const;

const HorizonRisk = Type.Object(
  {
    horizonDays: Type.Integer(),
    probability: Type.Number({ minimum: 0, maximum: 1 }),
    alert: Type.Boolean({ description: "At or above this horizon's threshold." }),
  },
  { additionalProperties: false },
);

const remaining = {
  remainingDays: Nullable(
    Type.Number({ description: 'Median remaining life in days; null when it cannot be told.' }),
  ),
  remainingUsage: Nullable(
    Type.Number({ description: 'Median remaining life in the usage unit; null without a usage rate.' }),
  ),
  usageUnit: StringEnum(['pages', 'hours'] as const),
};

export const RiskRankingRowSchema = named(
  'RiskRankingRow',
  Type.Object(
    {
      deviceId: DeviceId,
      component: Type.String(),
      modelId: Type.String(),
      siteId: Nullable(Type.String()),
      customerId: Nullable(Type.String()),
      horizonDays: Type.Integer({ description: 'The horizon ranked by.' }),
      probability: Type.Number({ minimum: 0, maximum: 1, description: 'Of failure within horizonDays.' }),
      alert: Type.Boolean({ description: 'The alert is raised (at the alert horizon).' }),
      alertSince: Nullable(EpochMs('When the alert was raised.')),
      status: StringEnum(COMPONENT_STATUSES),
      basis: StringEnum(BASES),
      ...remaining,
      evidence: Type.Array(Type.String(), { description: 'Why, what raised the risk most first.' }),
      scoredAt: EpochMs(),
      modelVersion: Type.String(),
    },
    { additionalProperties: false },
  ),
);
export const RiskRankingPage = Page('RiskRankingPage', RiskRankingRowSchema);
export type RiskRankingPageDto = Static<typeof RiskRankingPage>;

export const RISK_CSV_COLUMNS = [
  'deviceId',
  'component',
  'modelId',
  'siteId',
  'customerId',
  'horizonDays',
  'probability',
  'alert',
  'remainingDays',
  'remainingUsage',
  'usageUnit',
  'status',
  'basis',
  'evidence',
  'scoredAt',
  'modelVersion',
] as const;

/** CSV: the evidence as one cell, its sentences separated by ` | `. */
export function riskCsvRows(page: RiskRankingPageDto): object[] {
  return page.data.map((r) => ({
    ...r,
    evidence: r.evidence.join(' | '),
    scoredAt: new Date(r.scoredAt).toISOString(),
  }));
}

export const DevicePredictionQuery = Type.Object(
  {
    ...RangeQuery,
    component: Type.Optional(ComponentName),
  },
  { additionalProperties: false },
);
export type DevicePredictionQuery = Static<typeof DevicePredictionQuery>;

const RiskHistoryPoint = Type.Object(
  {
    ts: EpochMs('Scoring time.'),
    probabilities: Type.Array(
      Type.Object(
        { horizonDays: Type.Integer(), probability: Type.Number() },
        { additionalProperties: false },
      ),
    ),
    alert: Type.Boolean(),
    remainingDays: Nullable(Type.Number()),
  },
  { additionalProperties: false },
);

export const ComponentPredictionSchema = named(
  'ComponentPrediction',
  Type.Object(
    {
      component: Type.String(),
      status: StringEnum([...COMPONENT_STATUSES, 'not-scored', 'not-predicted'] as const, {
        description:
          'ok; failed (awaiting repair: no forecast); no-history (life model alone); not-scored (not yet); not-predicted (the registry lacks what the model needs: reasons)',
      }),
      basis: Nullable(StringEnum(BASES)),
      risk: Type.Array(HorizonRisk),
      alert: Type.Boolean(),
      alertSince: Nullable(EpochMs()),
      alertHorizonDays: Nullable(Type.Integer()),
      threshold: Nullable(Type.Number({ description: 'At the alert horizon.' })),
      ...remaining,
      evidence: Type.Array(Type.String()),
      reasons: Type.Array(Type.String(), { description: 'Why the answer is what it is.' }),
      scoredAt: Nullable(EpochMs()),
      history: Type.Array(RiskHistoryPoint, {
        description: 'The risk series over [from, to), oldest first.',
      }),
    },
    { additionalProperties: false },
  ),
);

export const DevicePredictionSchema = named(
  'DevicePrediction',
  Type.Object(
    {
      deviceId: DeviceId,
      modelId: Type.String(),
      modelVersion: Nullable(Type.String({ description: 'The model that scored it last.' })),
      window: Type.Object({ from: EpochMs(), to: EpochMs() }, { description: 'Of the history, [from, to).' }),
      components: Type.Array(ComponentPredictionSchema),
    },
    { additionalProperties: false },
  ),
);
export type DevicePredictionDto = Static<typeof DevicePredictionSchema>;

const nullableNumber = Nullable(Type.Number());

const BacktestFigures = Type.Object(
  {
    horizonDays: Type.Integer(),
    threshold: Nullable(Type.Number({ description: 'null: no threshold (never alerts).' })),
    alerts: Type.Integer(),
    failures: Type.Integer(),
    precision: nullableNumber,
    recall: nullableNumber,
    f1: nullableNumber,
    prAuc: nullableNumber,
    brier: nullableNumber,
    leadHoursMedian: nullableNumber,
    leadHoursP10: nullableNumber,
    falseAlertsPer100DeviceMonths: nullableNumber,
  },
  { additionalProperties: false },
);

export const ModelRecordSchema = named(
  'PredictionModel',
  Type.Object(
    {
      version: Type.String(),
      trainedAt: EpochMs('When the training ran.'),
      trainedAsOf: EpochMs('Data before this was used.'),
      dataFrom: Nullable(EpochMs('Earliest data seen.')),
      devices: Type.Integer(),
      failures: Type.Integer({ description: 'Failures (major, machine-down) in the training data.' }),
      basis: StringEnum(PREDICTOR_BASES),
      reasons: Type.Array(Type.String()),
      horizons: Type.Array(Type.Integer()),
      components: Type.Array(
        Type.Object(
          {
            component: Type.String(),
            failures: Type.Integer(),
            conditionModel: Type.Boolean(),
            reason: Type.Optional(Type.String()),
          },
          { additionalProperties: false },
        ),
      ),
      thresholds: Type.Array(
        Type.Object(
          {
            horizonDays: Type.Integer(),
            fallback: Type.Number(),
            byComponent: Type.Record(Type.String(), Type.Number()),
          },
          { additionalProperties: false },
        ),
      ),
      backtest: Nullable(
        Type.Object(
          {
            cutoff: EpochMs(),
            end: EpochMs(),
            devices: Type.Integer(),
            testFailures: Type.Integer(),
            methods: Type.Array(
              Type.Object(
                { method: Type.String(), label: Type.String(), horizons: Type.Array(BacktestFigures) },
                { additionalProperties: false },
              ),
            ),
          },
          {
            additionalProperties: false,
            description: 'The model and the four baselines on the last days of its data.',
          },
        ),
      ),
      backtestReason: Nullable(Type.String()),
      trainSeconds: Type.Number(),
      modelBytes: Type.Integer(),
    },
    { additionalProperties: false },
  ),
);
export const ModelRecordPage = Page('PredictionModelPage', ModelRecordSchema);
export type ModelRecordDto = Static<typeof ModelRecordSchema>;

export const ModelVersionParams = Type.Object(
  { version: Type.String({ minLength: 1, maxLength: 80 }) },
  { additionalProperties: false },
);

export const ModelListQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });

export const ScoringRunSchema = named(
  'PredictionScoringRun',
  Type.Object(
    {
      at: EpochMs('The time scored at.'),
      modelVersion: Type.String(),
      modelBasis: StringEnum(PREDICTOR_BASES),
      devices: Type.Integer({ description: 'In service.' }),
      scoredDevices: Type.Integer(),
      scoredComponents: Type.Integer(),
      alertsRaised: Type.Integer({ description: 'Alerts published as raised: new, and renewed.' }),
      alertsRenewed: Type.Integer({
        description: 'Of those, renewals: the horizon passed since it was last raised, the risk still high.',
      }),
      alertsCleared: Type.Integer(),
      alerting: Type.Integer({ description: 'Components whose alert is raised after the run.' }),
      read: Type.Object({ devicesLoaded: Type.Integer(), rows: Type.Integer(), events: Type.Integer() }),
      held: Type.Object({ devices: Type.Integer(), rows: Type.Integer(), events: Type.Integer() }),
      durationMs: Type.Number(),
      phasesMs: Type.Object({ read: Type.Number(), score: Type.Number(), write: Type.Number() }),
    },
    { additionalProperties: false },
  ),
);

export const TrainingRunSchema = named(
  'PredictionTrainingRun',
  Type.Object(
    {
      status: StringEnum(['finished', 'running'] as const),
      trained: Type.Boolean(),
      reason: Type.String(),
      version: Nullable(Type.String()),
      basis: Nullable(StringEnum(PREDICTOR_BASES)),
      devices: Type.Integer(),
      failures: Type.Integer(),
      trainSeconds: Type.Number(),
      durationMs: Type.Number(),
    },
    { additionalProperties: false },
  ),
);

export const TrainQuery = Type.Object(
  {
    wait: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 600_000,
        description: 'ms to wait for the training before answering 202 (it goes on); default 60000.',
      }),
    ),
  },
  { additionalProperties: false },
);
