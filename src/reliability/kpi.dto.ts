import { Type, type Static } from '@sinclair/typebox';
import { FormatQuery, Nullable, StringEnum } from '../common/http/api-schemas.js';
import { named } from '../common/http/openapi-schemas.js';
import { KPI_SCOPES } from '../ports/telemetry-store.port.js';
import { KPI_INTERVALS } from './kpi-query.service.js';

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
      Type.String({ minLength: 1, maxLength: 40, description: 'Window start (docs/kpis.md).' }),
    ),
    to: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'Window end, exclusive.' })),
    interval: Type.Optional(StringEnum(KPI_INTERVALS, { description: 'Adds `periods`: the trend.' })),
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
  },
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
  }),
);

export const KpiAnswerSchema = named(
  'KpiAnswer',
  Type.Object({
    scope: StringEnum(KPI_SCOPES),
    id: Type.String(),
    computedThrough: Nullable(Type.Integer({ description: 'Days after it are not in the figures yet.' })),
    kpis: ReliabilityKpisSchema,
    periods: Type.Optional(Type.Array(ReliabilityKpisSchema, { description: 'The trend, oldest first.' })),
  }),
);
export type KpiAnswerDto = Static<typeof KpiAnswerSchema>;

export const KpiRunSummarySchema = named(
  'KpiRunSummary',
  Type.Object({
    computedThrough: Type.Integer(),
    devices: Type.Integer(),
    backfilledDevices: Type.Integer(),
    fromDay: Nullable(Type.Integer()),
    deviceRows: Type.Integer(),
    rollupRows: Type.Integer(),
    full: Type.Boolean(),
    durationMs: Type.Number(),
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
