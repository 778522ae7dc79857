import { Type, type Static } from '@sinclair/typebox';
import { FormatQuery, Nullable, Page, PageQuery, StringEnum } from '../common/http/api-schemas.js';
import { named } from '../common/http/openapi-schemas.js';
import { DeviceId } from '../devices/devices.dto.js';
import { ALARM_ACTIONS, ALARM_SEVERITIES, ALARM_STATUSES } from './alarm.js';
import { NOTIFY_ON } from './alarm-notification.js';

const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9_.:/-]*$' });
const Severity = StringEnum(ALARM_SEVERITIES);

export const AlarmSchema = named(
  'Alarm',
  Type.Object(
    {
      id: Type.String(),
      deviceId: Type.String(),
      type: Type.String({
        description: 'fault:<code>, device-offline, risk:<component>, dead-letters (docs/alarms.md).',
      }),
      severity: Severity,
      status: StringEnum(ALARM_STATUSES),
      acknowledged: Type.Boolean(),
      acknowledgedAt: Nullable(Type.Integer()),
      acknowledgedBy: Nullable(Type.String()),
      firstRaisedAt: Type.Integer({ description: 'Epoch ms.' }),
      lastRaisedAt: Type.Integer({ description: 'Epoch ms of the latest repeat.' }),
      count: Type.Integer({ description: 'Times raised while active.' }),
      clearedAt: Nullable(Type.Integer()),
      message: Type.String(),
      details: Type.Record(Type.String(), Type.Unknown(), { description: 'The numbers behind it.' }),
      customerId: Nullable(Type.String()),
      siteId: Nullable(Type.String()),
      assignee: Nullable(Type.String()),
      workOrderId: Nullable(Type.String({ description: 'The work order that handles it.' })),
      version: Type.Integer(),
      updatedAt: Type.Integer(),
    },
    { additionalProperties: false },
  ),
);

const AlarmChangeSchema = named(
  'AlarmChange',
  Type.Object(
    {
      at: Type.Integer(),
      actor: Type.String(),
      action: StringEnum(ALARM_ACTIONS),
      note: Nullable(Type.String()),
    },
    { additionalProperties: false },
  ),
);

export const AlarmDetailSchema = named(
  'AlarmDetail',
  Type.Composite([AlarmSchema, Type.Object({ history: Type.Array(AlarmChangeSchema) })], {
    additionalProperties: false,
  }),
);

export const AlarmPage = Page('AlarmPage', AlarmSchema);

export const AlarmCountsSchema = named(
  'AlarmCounts',
  Type.Object(
    {
      active: Type.Record(Type.String(), Type.Integer(), { description: 'Active alarms by severity.' }),
      unacknowledged: Type.Integer({ description: 'Active and not acknowledged: nobody is on them yet.' }),
      clearedUnacknowledged: Type.Integer({ description: 'Cleared before anyone acknowledged them.' }),
      bySite: Type.Array(
        Type.Object(
          { siteId: Type.String(), active: Type.Integer(), worst: Severity },
          { additionalProperties: false },
        ),
      ),
    },
    { additionalProperties: false },
  ),
);

export const AlarmQuery = Type.Object(
  {
    status: Type.Optional(StringEnum(ALARM_STATUSES)),
    acknowledged: Type.Optional(Type.Boolean()),
    severity: Type.Optional(Severity),
    deviceId: Type.Optional(DeviceId),
    customerId: Type.Optional(Id),
    siteId: Type.Optional(Id),
    type: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'Exact, or a prefix ending in ":" (fault:, risk:).',
      }),
    ),
    workOrderId: Type.Optional(Id),
    ...PageQuery,
    ...FormatQuery,
  },
  { additionalProperties: false },
);
export type AlarmQuery = Static<typeof AlarmQuery>;

export const AlarmIdParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);

const Note = Type.String({ minLength: 1, maxLength: 2000 });
export const NoteBody = named(
  'AlarmNote',
  Type.Object({ note: Type.Optional(Note) }, { additionalProperties: false }),
);
export const AssignBody = named(
  'AlarmAssignment',
  Type.Object(
    { assignee: Nullable(Type.String({ minLength: 1, maxLength: 200 })) },
    { additionalProperties: false },
  ),
);
export const CommentBody = named(
  'AlarmComment',
  Type.Object({ text: Note }, { additionalProperties: false }),
);
export const WorkOrderLinkBody = named(
  'AlarmWorkOrderLink',
  Type.Object({ workOrderId: Nullable(Id) }, { additionalProperties: false }),
);

const NotificationTargetSchema = Type.Union(
  [
    Type.Object(
      {
        kind: StringEnum(['mqtt'] as const),
        topic: Type.String({
          minLength: 1,
          maxLength: 200,
          description: 'MQTT topic; {deviceId} {severity} {customerId} {siteId} {type} are filled in.',
        }),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      { kind: StringEnum(['webhook'] as const) },
      {
        additionalProperties: false,
        description: 'The signed-webhook outbox: every subscription taking the event (alarm.raised …).',
      },
    ),
  ],
  { description: 'Where the rule sends.' },
);

export const NotificationRuleSchema = named(
  'AlarmNotificationRule',
  Type.Object(
    {
      id: Type.String(),
      name: Type.String(),
      minSeverity: Severity,
      customerId: Nullable(Type.String()),
      on: Type.Array(StringEnum(NOTIFY_ON)),
      target: NotificationTargetSchema,
      createdAt: Type.Integer(),
    },
    { additionalProperties: false },
  ),
);

export const NewNotificationRuleSchema = named(
  'NewAlarmNotificationRule',
  Type.Object(
    {
      name: Type.String({ minLength: 1, maxLength: 200 }),
      minSeverity: Severity,
      customerId: Type.Optional(Nullable(Id)),
      on: Type.Optional(Type.Array(StringEnum(NOTIFY_ON), { minItems: 1, uniqueItems: true })),
      target: NotificationTargetSchema,
    },
    { additionalProperties: false },
  ),
);
export type NewNotificationRule = Static<typeof NewNotificationRuleSchema>;

export const NotificationRuleList = named('AlarmNotificationRuleList', Type.Array(NotificationRuleSchema));

export const ALARM_CSV_COLUMNS = [
  'id',
  'deviceId',
  'type',
  'severity',
  'status',
  'acknowledged',
  'firstRaisedAt',
  'lastRaisedAt',
  'count',
  'clearedAt',
  'message',
  'customerId',
  'siteId',
  'assignee',
  'workOrderId',
] as const;
