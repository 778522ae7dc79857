import { Type, type Static } from '@sinclair/typebox';
import { FormatQuery, Nullable, StringEnum } from '../common/http/api-schemas.js';
import { named } from '../common/http/openapi-schemas.js';
import { KPI_SCOPES } from '../ports/telemetry-store.port.js';
import { KPI_INTERVALS } from './kpi-query.service.js';
import { DEFAULT_REFRESH_WAIT_MS, MAX_REFRESH_WAIT_MS } from './kpi-refresh.service.js';

/** Shapes only: windows, defaults and their rules are the KPI query service's (docs/kpis.md). */
export const KpiQuery = Type.Object(
  {
    scope: Type.Optional(StringEnum(KPI_SCOPES, { description: 'Default fleet.' })),
    id: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: 'Device, model, component, customer or site id.',
      }),
    ),
    from: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 40,
        description: 'Window start, on the hour (docs/kpis.md); without a zone, in tz.',
      }),
    ),
    to: Type.Optional(
      Type.String({ minLength: 1, maxLength: 40, description: 'Window end, exclusive, on the hour.' }),
    ),
    interval: Type.Optional(StringEnum(KPI_INTERVALS, { description: 'Adds `periods`: the trend.' })),
    tz: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description:
          'IANA time zone of the trend and of times without a zone, e.g. Europe/Paris; default UTC.',
      }),
    ),
    ...FormatQuery,
  },
  { additionalProperties: false },
);
export type KpiQuery = Static<typeof KpiQuery>;

export const KpiRefreshQuery = Type.Object(
  {
    rebuild: Type.Optional(
      StringEnum(['true', 'false'] as const, { description: 'true recomputes all history.' }),
    ),
    wait: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: MAX_REFRESH_WAIT_MS,
        description: `ms to wait for the run before answering 202 with its job; default ${DEFAULT_REFRESH_WAIT_MS}.`,
      }),
    ),
  },
  { additionalProperties: false },
);

export const KpiRefreshJobParams = Type.Object(
  { jobId: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);

const ms = (description: string) => Nullable(Type.Number({ description }));

export const ReliabilityKpisSchema = named(
  'ReliabilityKpis',
  Type.Object({
    window: Type.Object(
      { from: Type.Integer(), to: Type.Integer() },
      { description: 'epoch ms, [from, to)' },
    ),
    devices: Type.Integer(),
    upTimeMs: Type.Number(),
    downTimeMs: Type.Number(),
    failures: Type.Integer(),
    failuresByComponent: Type.Record(Type.String(), Type.Integer()),
    mtbfMs: ms('Up time ÷ failures; null without failures.'),
    mtbfLowerBoundMs: ms('With no failure: the 95 % lower confidence bound of MTBF.'),
    repairsEnded: Type.Integer(),
    mttrMs: ms('Mean downtime of the episodes that ended in the window.'),
    meanResponseMs: ms('Mean call → arrival.'),
    meanRepairMs: ms('Mean arrival → restored.'),
    availability: Nullable(Type.Number()),
    inherentAvailability: Nullable(Type.Number()),
    usage: Nullable(Type.Number({ description: 'Pages or run hours.' })),
    mcbf: Nullable(Type.Number()),
    serviceCalls: Nullable(Type.Number()),
    mcbc: Nullable(Type.Number()),
    reasons: Type.Record(Type.String(), Type.String(), {
      description: 'Why each figure that is null has no value, in words, by field.',
    }),
  }),
);

export const KpiAnswerSchema = named(
  'KpiAnswer',
  Type.Object({
    scope: StringEnum(KPI_SCOPES),
    id: Type.String(),
    timeZone: Type.String({ description: 'The time zone of the trend and of times without a zone.' }),
    computedThrough: Nullable(Type.Integer({ description: 'Time after it is not in the figures yet.' })),
    kpis: ReliabilityKpisSchema,
    periods: Type.Optional(Type.Array(ReliabilityKpisSchema, { description: 'The trend, oldest first.' })),
  }),
);
export type KpiAnswerDto = Static<typeof KpiAnswerSchema>;

const KpiRunSummaryFields = {
  computedThrough: Type.Integer(),
  devices: Type.Integer({ description: 'Registered devices the ledger covers.' }),
  changedDevices: Type.Integer({
    description: 'Devices recomputed: new data, late data, new or changed records.',
  }),
  backfilledDevices: Type.Integer({ description: 'Of those, recomputed from before the last computed day.' }),
  fromDay: Nullable(Type.Integer()),
  deviceRows: Type.Integer(),
  rollupRows: Type.Integer(),
  full: Type.Boolean(),
  durationMs: Type.Number(),
  phasesMs: Type.Object({
    read: Type.Number(),
    devices: Type.Number(),
    rollups: Type.Number(),
    state: Type.Number(),
  }),
};

export const KpiRunSummarySchema = named('KpiRunSummary', Type.Object(KpiRunSummaryFields));

export const KpiRefreshAnswerSchema = named(
  'KpiRefreshAnswer',
  Type.Object({ ...KpiRunSummaryFields, jobId: Type.String() }),
);

export const KpiRefreshJobSchema = named(
  'KpiRefreshJob',
  Type.Object({
    jobId: Type.String(),
    status: StringEnum(['running', 'succeeded', 'failed'] as const),
    rebuild: Type.Boolean(),
    requestedAt: Type.Integer(),
    finishedAt: Nullable(Type.Integer()),
    summary: Nullable(KpiRunSummarySchema),
    error: Nullable(Type.String()),
  }),
);

export const KPI_CSV_COLUMNS = [
  'from',
  'to',
  'devices',
  'failures',
  'mtbfMs',
  'mtbfLowerBoundMs',
  'repairsEnded',
  'mttrMs',
  'meanResponseMs',
  'meanRepairMs',
  'availability',
  'inherentAvailability',
  'upTimeMs',
  'downTimeMs',
  'usage',
  'mcbf',
  'serviceCalls',
  'mcbc',
  'failuresByComponent',
] as const;

/** CSV: one row per window, the trend's periods when asked for, else the whole window. */
export function kpiCsvRows(answer: KpiAnswerDto): object[] {
  return (answer.periods ?? [answer.kpis]).map(({ window, ...k }) => ({
    from: new Date(window.from).toISOString(),
    to: new Date(window.to).toISOString(),
    ...k,
  }));
}
