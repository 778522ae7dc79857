import { Type, type Static } from '@sinclair/typebox';
import { FormatQuery, PageQuery, RangeQuery, StringEnum } from '../common/http/api-schemas.js';
import { named } from '../common/http/openapi-schemas.js';
import { EVENT_TYPES, FAULT_SEVERITIES, METRIC_NAME_PATTERN } from '../contract/index.js';
import { DeviceId } from '../devices/devices.dto.js';
import { AGGREGATE_FUNCTIONS } from '../ports/telemetry-store.port.js';

export const EVENT_TYPE_NAMES = [...EVENT_TYPES, 'device.online', 'device.offline'] as const;

export const TelemetryParams = Type.Object(
  {
    deviceId: DeviceId,
    metric: Type.String({ pattern: METRIC_NAME_PATTERN, maxLength: 64, description: 'e.g. fuser.temp_c' }),
  },
  { additionalProperties: false },
);

const WINDOW_PATTERN = '^\\d{1,6}(ms|s|m|h|d|w)$';

export const TelemetryQuery = Type.Object(
  {
    ...RangeQuery,
    window: Type.Optional(
      Type.String({
        pattern: WINDOW_PATTERN,
        description: 'Aggregate into windows of this length: 30s, 5m, 1h, 1d, 1w.',
      }),
    ),
    fn: Type.Optional(StringEnum(AGGREGATE_FUNCTIONS, { description: 'With `window`; default mean.' })),
    ...PageQuery,
    ...FormatQuery,
  },
  { additionalProperties: false },
);
export type TelemetryQuery = Static<typeof TelemetryQuery>;

const EventFilters = {
  ...RangeQuery,
  type: Type.Optional(
    Type.String({
      maxLength: 500,
      description: `Comma-separated event types: ${EVENT_TYPE_NAMES.join(', ')}.`,
    }),
  ),
  ...PageQuery,
  ...FormatQuery,
};

export const DeviceEventQuery = Type.Object(EventFilters, { additionalProperties: false });
export const EventQuery = Type.Object(
  { ...EventFilters, deviceId: Type.Optional(DeviceId) },
  { additionalProperties: false },
);
export type EventQuery = Static<typeof EventQuery>;

export const TelemetryRowSchema = named(
  'TelemetryRow',
  Type.Object(
    {
      time: Type.String({ description: 'Point time, or window start, ISO 8601.' }),
      ts: Type.Integer({ description: 'The same, epoch ms.' }),
      value: Type.Number(),
    },
    { additionalProperties: false },
  ),
);

export const TelemetryPageSchema = named(
  'TelemetryPage',
  Type.Object(
    {
      deviceId: Type.String(),
      metric: Type.String(),
      from: Type.String({ description: 'Range start, ISO 8601.' }),
      to: Type.String({ description: 'Range end (exclusive), ISO 8601.' }),
      kind: Type.Optional(StringEnum(['gauge', 'counter'] as const)),
      window: Type.Optional(Type.String()),
      fn: Type.Optional(StringEnum(AGGREGATE_FUNCTIONS)),
      data: Type.Array(TelemetryRowSchema),
      nextCursor: Type.Union([Type.String(), Type.Null()]),
    },
    { additionalProperties: false },
  ),
);
export type TelemetryPage = Static<typeof TelemetryPageSchema>;
export type TelemetryRow = Static<typeof TelemetryRowSchema>;

export const EventRowSchema = named(
  'Event',
  Type.Object(
    {
      time: Type.String({ description: 'ISO 8601.' }),
      deviceId: Type.String(),
      ts: Type.Integer({ description: 'Device time, epoch ms.' }),
      type: StringEnum(EVENT_TYPE_NAMES),
      code: Type.Optional(Type.String()),
      component: Type.Optional(Type.String()),
      severity: Type.Optional(StringEnum(FAULT_SEVERITIES)),
      visitId: Type.Optional(Type.String()),
      note: Type.Optional(Type.String()),
    },
    { additionalProperties: false },
  ),
);
export type EventRow = Static<typeof EventRowSchema>;

export const EventPageSchema = named(
  'EventPage',
  Type.Object(
    { data: Type.Array(EventRowSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) },
    { additionalProperties: false },
  ),
);

export const MetricNamesSchema = named(
  'MetricNames',
  Type.Array(Type.String(), { description: 'Metric names the device has reported, sorted.' }),
);

export const TELEMETRY_CSV_COLUMNS = ['time', 'ts', 'value'] as const;
export const EVENT_CSV_COLUMNS = [
  'time',
  'ts',
  'deviceId',
  'type',
  'code',
  'component',
  'severity',
  'visitId',
  'note',
] as const;
