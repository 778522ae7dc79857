import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { EpochMs, FormatQuery, Nullable, Page, PageQuery, StringEnum } from '../common/http/api-schemas.js';
import { named } from '../common/http/openapi-schemas.js';
import { FAULT_SEVERITIES, RFC3339_PATTERN } from '../contract/index.js';
import {
  CHANGE_TYPES,
  COVERAGES,
  EVIDENCE_KINDS,
  PRIORITIES,
  WORK_ORDER_KINDS,
  WORK_ORDER_STATUSES,
} from './work-order.js';

/** Request and response schemas of the work-orders and maintenance-plans API (docs/api.md). */

const ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.:/-]*$';
const PART_PATTERN = '^[a-z][a-z0-9_.]*$';
const Id = (description?: string) =>
  Type.String({ minLength: 1, maxLength: 64, pattern: ID_PATTERN, description });
const Part = (description?: string) =>
  Type.String({
    minLength: 1,
    maxLength: 64,
    pattern: PART_PATTERN,
    description: description ?? 'a component: fuser, pickup_roller',
  });
const Actor = Type.String({
  minLength: 1,
  maxLength: 100,
  description: 'Who does it: a person, dispatch, an integration (kept in the history).',
});
const Note = Type.String({ minLength: 1, maxLength: 2000 });
const Time = (description: string) =>
  Type.Union([Type.Integer(), Type.String({ pattern: RFC3339_PATTERN, maxLength: 40 })], {
    description: `${description} Epoch milliseconds or RFC 3339.`,
  });
const NullableTime = (description?: string) => Nullable(EpochMs(description));

// ---- requests ----------------------------------------------------------------

export const WorkOrderIdParams = Type.Object(
  { id: Type.String({ pattern: '^WO-\\d+$', maxLength: 32, description: 'WO-000042' }) },
  { additionalProperties: false },
);
export type WorkOrderIdParams = Static<typeof WorkOrderIdParams>;

const commaList = (values: readonly string[]) =>
  Type.Optional(Type.String({ maxLength: 300, description: `Comma-separated: ${values.join(', ')}.` }));

export const WorkOrderListQuery = Type.Object(
  {
    status: commaList(WORK_ORDER_STATUSES),
    kind: commaList(WORK_ORDER_KINDS),
    priority: commaList(PRIORITIES),
    open: Type.Optional(
      Type.Boolean({ description: 'true: not closed or cancelled; false: closed or cancelled.' }),
    ),
    deviceId: Type.Optional(Id()),
    customerId: Type.Optional(Id()),
    siteId: Type.Optional(Id()),
    assignee: Type.Optional(Id('technician id')),
    component: Type.Optional(Part()),
    from: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 40,
        description: 'Created at or after. Epoch milliseconds or ISO 8601.',
      }),
    ),
    to: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 40,
        description: 'Created before. Epoch milliseconds or ISO 8601.',
      }),
    ),
    ...PageQuery,
    ...FormatQuery,
  },
  { additionalProperties: false },
);
export type WorkOrderListQuery = Static<typeof WorkOrderListQuery>;

export const CreateWorkOrderBody = named(
  'CreateWorkOrder',
  Type.Object(
    {
      deviceId: Id(),
      kind: StringEnum(['customer-request', 'installation'] as const),
      description: Type.String({
        minLength: 1,
        maxLength: 2000,
        description: "The customer's words, as said.",
      }),
      component: Type.Optional(
        Part('The part concerned when known; otherwise the diagnosis of the words may name it.'),
      ),
      requestedBy: Actor,
    },
    { additionalProperties: false },
  ),
);
export type CreateWorkOrderBody = Static<typeof CreateWorkOrderBody>;

export const VisitReportBody = Type.Object(
  {
    parts: Type.Optional(
      Type.Array(
        Type.Object(
          { component: Part(), quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) },
          { additionalProperties: false },
        ),
        { maxItems: 50, description: 'Parts fitted: the device is told to replace each.' },
      ),
    ),
    pmDone: Type.Optional(Type.Boolean({ description: 'A preventive-maintenance visit was done.' })),
    labourMinutes: Type.Number({ minimum: 0, maximum: 100_000 }),
    travelMinutes: Type.Optional(Type.Number({ minimum: 0, maximum: 100_000 })),
    travelKm: Type.Optional(Type.Number({ minimum: 0, maximum: 100_000 })),
    technician: Type.Optional(Id()),
    note: Type.Optional(Note),
  },
  { additionalProperties: false },
);
export type VisitReportBody = Static<typeof VisitReportBody>;

export const TransitionBody = named(
  'WorkOrderTransition',
  Type.Object(
    {
      to: StringEnum(WORK_ORDER_STATUSES),
      actor: Actor,
      note: Type.Optional(Note),
      assignee: Type.Optional(Id('technician id')),
      scheduledStart: Type.Optional(Time('Planned start.')),
      scheduledEnd: Type.Optional(Time('Planned end.')),
      visit: Type.Optional(VisitReportBody),
    },
    { additionalProperties: false },
  ),
);
export type TransitionBody = Static<typeof TransitionBody>;

export const NoteBody = named(
  'WorkOrderNote',
  Type.Object({ actor: Actor, note: Note }, { additionalProperties: false }),
);
export type NoteBody = Static<typeof NoteBody>;

export const DiagnoseBody = named(
  'DiagnoseRequest',
  Type.Object(
    {
      deviceId: Id(),
      description: Type.Optional(Note),
      codes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 32 }), { maxItems: 50 })),
    },
    { additionalProperties: false },
  ),
);
export type DiagnoseBody = Static<typeof DiagnoseBody>;

// ---- answers ----------------------------------------------------------------

const SymptomSchema = Type.Union([
  Type.Object({
    kind: Type.Literal('fault'),
    code: Type.String(),
    severity: Type.Optional(StringEnum(FAULT_SEVERITIES)),
    count: Type.Integer(),
    lastAt: EpochMs(),
  }),
  Type.Object({
    kind: Type.Literal('anomaly'),
    metric: Type.String(),
    direction: StringEnum(['high', 'low'] as const),
    strong: Type.Boolean(),
    z: Type.Number(),
    shift: Type.Number(),
  }),
  Type.Object({ kind: Type.Literal('words'), text: Type.String() }),
  Type.Object({ kind: Type.Literal('prediction'), component: Type.String(), probability: Type.Number() }),
]);

export const DiagnosisSchema = named(
  'Diagnosis',
  Type.Object(
    {
      at: EpochMs(),
      symptoms: Type.Array(SymptomSchema),
      causes: Type.Array(
        Type.Object({
          cause: Type.String({ description: 'A part, or operator (the user caused it).' }),
          probability: Type.Number(),
          action: Type.String(),
          evidence: Type.Array(Type.String()),
        }),
      ),
      parts: Type.Array(
        Type.Object({ component: Type.String(), quantity: Type.Integer(), probability: Type.Number() }),
        {
          description: 'Parts to bring for a first-time fix.',
        },
      ),
      action: Type.String(),
      confidence: Type.Number({ description: 'Probability of the top cause.' }),
      basis: Type.Object({ learnedFixes: Type.Number(), faultTableCodes: Type.Integer() }),
    },
    { additionalProperties: false },
  ),
);

const EvidenceSchema = Type.Object({
  kind: StringEnum(EVIDENCE_KINDS),
  key: Type.String(),
  detail: Type.String(),
  firstAt: EpochMs(),
  lastAt: EpochMs(),
  count: Type.Integer(),
  data: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});

const CommandSchema = Type.Object({
  action: StringEnum(['replace-part', 'pm-visit'] as const),
  component: Type.Optional(Type.String()),
  workOrderId: Type.Optional(Type.String()),
});

export const WorkOrderChangeSchema = named(
  'WorkOrderChange',
  Type.Object({
    at: EpochMs(),
    actor: Type.String(),
    type: StringEnum(CHANGE_TYPES),
    from: Type.Optional(StringEnum(WORK_ORDER_STATUSES)),
    to: Type.Optional(StringEnum(WORK_ORDER_STATUSES)),
    note: Type.Optional(Type.String()),
    data: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  }),
);

const workOrderFields = {
  id: Type.String({ description: 'WO-000042' }),
  deviceId: Type.String(),
  component: Nullable(Type.String()),
  kind: StringEnum(WORK_ORDER_KINDS),
  status: StringEnum(WORK_ORDER_STATUSES),
  priority: StringEnum(PRIORITIES),
  title: Type.String(),
  customerId: Nullable(Type.String()),
  siteId: Nullable(Type.String()),
  modelId: Nullable(Type.String()),
  entitlement: Type.Object({
    coverage: StringEnum(COVERAGES),
    billable: Type.Boolean(),
    reason: Type.String(),
  }),
  sla: Type.Object({
    responseDueAt: NullableTime('Technician on site by then.'),
    resolutionDueAt: NullableTime('Work done by then.'),
    respondedAt: NullableTime(),
    resolvedAt: NullableTime(),
    responseWarnedAt: NullableTime(),
    responseBreachedAt: NullableTime(),
    resolutionWarnedAt: NullableTime(),
    resolutionBreachedAt: NullableTime(),
  }),
  evidence: Type.Array(EvidenceSchema),
  diagnosis: Nullable(DiagnosisSchema),
  assignee: Nullable(Type.String({ description: 'technician id' })),
  scheduledStart: NullableTime(),
  scheduledEnd: NullableTime(),
  planId: Nullable(Type.String()),
  dueAt: NullableTime('Plan due date (preventive).'),
  billing: Nullable(
    Type.Object(
      {
        parts: Type.Array(Type.Object({ component: Type.String(), quantity: Type.Integer() })),
        pmDone: Type.Boolean(),
        labourMinutes: Type.Number(),
        travelMinutes: Type.Number(),
        travelKm: Type.Number(),
        technician: Nullable(Type.String()),
        note: Type.Optional(Type.String()),
        billable: Type.Boolean(),
        coverage: StringEnum(COVERAGES),
        completedAt: EpochMs(),
      },
      { description: 'The completed visit for billing: labour, parts, travel.' },
    ),
  ),
  commands: Type.Array(
    Type.Object({
      command: CommandSchema,
      sentAt: NullableTime(),
      confirmedAt: NullableTime('The device reported it done.'),
    }),
  ),
  createdAt: EpochMs(),
  updatedAt: EpochMs(),
  closedAt: NullableTime(),
  outcome: Nullable(
    Type.String({ description: 'Why it was cancelled, could not be completed or closed without a visit.' }),
  ),
  version: Type.Integer(),
};

export const WorkOrderSchema = named(
  'WorkOrder',
  Type.Object(workOrderFields, { additionalProperties: false }),
);
export const WorkOrderDetailSchema = named(
  'WorkOrderDetail',
  Type.Object(
    { ...workOrderFields, history: Type.Array(WorkOrderChangeSchema) },
    { additionalProperties: false },
  ),
);
export const WorkOrderPage = Page('WorkOrderPage', WorkOrderSchema);

// ---- maintenance plans ------------------------------------------------------------

export const MaintenancePlanSchema = named(
  'MaintenancePlan',
  Type.Object(
    {
      planId: Id(),
      modelId: Id(),
      name: Type.String({ minLength: 1, maxLength: 200 }),
      everyDays: Type.Optional(
        Type.Number({ exclusiveMinimum: 0, description: 'Every N days from the last completion.' }),
      ),
      everyMonths: Type.Optional(
        Type.Integer({ minimum: 1, description: 'Every N calendar months from the last completion.' }),
      ),
      everyUsage: Type.Optional(
        Type.Number({ exclusiveMinimum: 0, description: 'Every N pages or run hours (the model unit).' }),
      ),
      leadDays: Type.Optional(
        Type.Number({
          minimum: 0,
          description: 'Open the order this many days ahead (default WORK_ORDER_PM_LEAD_DAYS).',
        }),
      ),
      tasks: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 50 }),
      active: Type.Boolean(),
    },
    { additionalProperties: false },
  ),
);
export type MaintenancePlanBody = Static<typeof MaintenancePlanSchema>;

export const PlanIdParams = Type.Object({ id: Id('plan id') }, { additionalProperties: false });
export const PlanListQuery = Type.Object({ modelId: Type.Optional(Id()) }, { additionalProperties: false });
export const PlanPutAnswer = named(
  'MaintenancePlanPut',
  Type.Object({ created: Type.Boolean(), plan: MaintenancePlanSchema }, { additionalProperties: false }),
);
export const DevicePlanStatusSchema = named(
  'DevicePlanStatus',
  Type.Object({
    planId: Type.String(),
    deviceId: Type.String(),
    lastDoneAt: EpochMs('The last actual completion (or the installation).'),
    lastDoneUsage: Nullable(Type.Number()),
    pulledForwardAt: NullableTime('A prediction pulled the plan forward to then.'),
    due: Nullable(
      Type.Object({
        dueAt: EpochMs(),
        reason: StringEnum(['time', 'usage', 'pulled-forward'] as const),
        dueUsage: Nullable(Type.Number()),
      }),
    ),
    usage: Nullable(Type.Number({ description: 'The usage counter now.' })),
  }),
);
export const DevicePlanStatusList = named('DevicePlanStatusList', Type.Array(DevicePlanStatusSchema));
export const MaintenancePlanList = named('MaintenancePlanList', Type.Array(MaintenancePlanSchema));

/** Columns of the CSV export, in order. */
export const CSV_COLUMNS = [
  'id',
  'deviceId',
  'component',
  'kind',
  'status',
  'priority',
  'title',
  'customerId',
  'siteId',
  'coverage',
  'billable',
  'assignee',
  'createdAt',
  'responseDueAt',
  'resolutionDueAt',
  'respondedAt',
  'resolvedAt',
  'closedAt',
  'diagnosedCause',
  'diagnosisConfidence',
  'labourMinutes',
  'travelMinutes',
  'travelKm',
  'parts',
  'outcome',
] as const;

/** Type helper: the static type of a schema. */
export type Answer<T extends TSchema> = Static<T>;
