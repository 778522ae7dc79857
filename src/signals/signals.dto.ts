import { Type, type Static } from '@sinclair/typebox';
import { EpochMs, FormatQuery, Nullable, Page, PageQuery, StringEnum } from '../common/http/api-schemas.js';
import { named } from '../common/http/openapi-schemas.js';
import { CHANGE_TYPES, OFFER_KINDS, RULE_IDS, SIGNAL_KINDS, SIGNAL_STATUSES, type Signal } from './signal.js';
import type { CustomerRollup } from './signal.repository.js';

/** Request and response schemas of the signals API (docs/api.md, docs/signals.md). */

const ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.:/-]*$';
const Id = (description?: string) =>
  Type.String({ minLength: 1, maxLength: 64, pattern: ID_PATTERN, description });
const Actor = Type.String({
  minLength: 1,
  maxLength: 100,
  description: 'Who does it: a salesperson, a CRM integration (kept in the history).',
});

// ---- requests ----------------------------------------------------------------

export const SignalListQuery = Type.Object(
  {
    status: Type.Optional(
      Type.String({
        maxLength: 200,
        description: `Comma-separated: ${SIGNAL_STATUSES.join(', ')}; or active.`,
      }),
    ),
    kind: Type.Optional(StringEnum(SIGNAL_KINDS)),
    rule: Type.Optional(StringEnum(RULE_IDS, { description: 'Signals with evidence from this rule.' })),
    offer: Type.Optional(StringEnum(OFFER_KINDS)),
    customerId: Type.Optional(Id()),
    siteId: Type.Optional(Id()),
    deviceId: Type.Optional(Id('Signals with evidence on this device.')),
    ...PageQuery,
    ...FormatQuery,
  },
  { additionalProperties: false },
);
export type SignalListQuery = Static<typeof SignalListQuery>;

export const SignalIdParams = Type.Object(
  { signalId: Type.String({ pattern: '^sig-[a-z0-9]+$', maxLength: 40, description: 'sig-0c4f2a9b1e77' }) },
  { additionalProperties: false },
);
export type SignalIdParams = Static<typeof SignalIdParams>;

export const CustomerIdParams = Type.Object({ customerId: Id() }, { additionalProperties: false });
export type CustomerIdParams = Static<typeof CustomerIdParams>;

export const CustomerListQuery = Type.Object(
  { ...PageQuery, ...FormatQuery },
  { additionalProperties: false },
);
export type CustomerListQuery = Static<typeof CustomerListQuery>;

export const EvaluateQuery = Type.Object(
  {
    full: Type.Optional(
      Type.Boolean({
        description: 'true: every device; default: the devices with new data since the last run.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type EvaluateQuery = Static<typeof EvaluateQuery>;

export const SignalTransitionBody = named(
  'SignalTransition',
  Type.Object(
    {
      to: StringEnum(SIGNAL_STATUSES),
      reason: Type.Optional(
        Type.String({
          minLength: 1,
          maxLength: 500,
          description: 'Required to dismiss; why a deal was lost.',
        }),
      ),
      note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
      actor: Type.Optional(Actor),
    },
    { additionalProperties: false },
  ),
);
export type SignalTransitionBody = Static<typeof SignalTransitionBody>;

export const SignalRequestBody = named(
  'SignalRequest',
  Type.Object(
    {
      customerId: Id(),
      deviceId: Type.Optional(Id('The machine the request is about, when there is one.')),
      text: Type.String({
        minLength: 1,
        maxLength: 4000,
        description: "The customer's words, as said or written.",
      }),
      channel: Type.Optional(
        Type.String({ minLength: 1, maxLength: 50, description: 'email, phone, portal, technician …' }),
      ),
      contact: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Who asked.' })),
      actor: Type.Optional(Actor),
    },
    { additionalProperties: false },
  ),
);
export type SignalRequestBody = Static<typeof SignalRequestBody>;

// ---- answers -----------------------------------------------------------------

const Figure = Type.Union([
  Type.Number(),
  Type.String(),
  Type.Boolean(),
  Type.Null(),
  Type.Array(Nullable(Type.Number())),
  Type.Array(Type.String()),
]);

export const SignalOfferSchema = named(
  'SignalOffer',
  Type.Object(
    {
      kind: StringEnum(OFFER_KINDS),
      productId: Nullable(
        Type.String({ description: 'The successor model of an upgrade, the model of more capacity.' }),
      ),
      description: Type.String(),
    },
    { additionalProperties: false },
  ),
);

export const SignalEvidenceSchema = named(
  'SignalEvidence',
  Type.Object(
    {
      rule: StringEnum(RULE_IDS),
      kind: StringEnum(SIGNAL_KINDS),
      deviceId: Nullable(Type.String()),
      reason: Type.String(),
      figures: Type.Record(Type.String(), Figure, {
        description: 'The numbers behind the reason: usage per month, rated duty, counts, dates, the words.',
      }),
      estimatedValue: Type.Number(),
      confidence: Type.Number({ minimum: 0, maximum: 1 }),
      firstSeenAt: EpochMs(),
      lastSeenAt: EpochMs('When a rule last found it (refreshed at every evaluation that does).'),
    },
    { additionalProperties: false },
  ),
);

export const SignalChangeSchema = named(
  'SignalChange',
  Type.Object(
    {
      at: EpochMs(),
      type: StringEnum(CHANGE_TYPES),
      actor: Type.String(),
      from: Type.Optional(StringEnum(SIGNAL_STATUSES)),
      to: Type.Optional(StringEnum(SIGNAL_STATUSES)),
      reason: Type.Optional(Type.String()),
      note: Type.Optional(Type.String()),
      rule: Type.Optional(StringEnum(RULE_IDS)),
      deviceId: Type.Optional(Nullable(Type.String())),
    },
    { additionalProperties: false },
  ),
);

export const SignalSchema = named(
  'Signal',
  Type.Object(
    {
      id: Type.String(),
      customerId: Type.String(),
      siteId: Nullable(Type.String()),
      deviceId: Nullable(Type.String()),
      deviceIds: Type.Array(Type.String()),
      kind: StringEnum(SIGNAL_KINDS),
      rule: StringEnum(RULE_IDS),
      rules: Type.Array(StringEnum(RULE_IDS)),
      offer: SignalOfferSchema,
      offerKey: Type.String({ description: 'One active signal per customer and offer key.' }),
      reason: Type.String(),
      estimatedValue: Type.Number({ description: 'Sum over devices of the best evidence value of each.' }),
      currency: Type.String(),
      confidence: Type.Number({ minimum: 0, maximum: 1 }),
      status: StringEnum(SIGNAL_STATUSES),
      statusReason: Nullable(Type.String()),
      evidence: Type.Array(SignalEvidenceSchema),
      history: Type.Array(SignalChangeSchema),
      raisedAt: EpochMs(),
      updatedAt: EpochMs(),
      closedAt: Nullable(EpochMs()),
      version: Type.Integer(),
    },
    { additionalProperties: false },
  ),
);

export const SignalPage = Page('SignalPage', SignalSchema);

export const SIGNAL_CSV_COLUMNS = [
  'id',
  'status',
  'kind',
  'rule',
  'rules',
  'customerId',
  'siteId',
  'deviceId',
  'deviceIds',
  'offer',
  'productId',
  'estimatedValue',
  'currency',
  'confidence',
  'reason',
  'statusReason',
  'raisedAt',
  'updatedAt',
  'closedAt',
] as const;

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** One signal as a CSV row: lists joined with `;`, times in ISO 8601. */
export function signalCsvRow(s: Signal): Record<(typeof SIGNAL_CSV_COLUMNS)[number], string | number | null> {
  return {
    id: s.id,
    status: s.status,
    kind: s.kind,
    rule: s.rule,
    rules: s.rules.join(';'),
    customerId: s.customerId,
    siteId: s.siteId,
    deviceId: s.deviceId,
    deviceIds: s.deviceIds.join(';'),
    offer: s.offer.kind,
    productId: s.offer.productId,
    estimatedValue: s.estimatedValue,
    currency: s.currency,
    confidence: s.confidence,
    reason: s.reason,
    statusReason: s.statusReason,
    raisedAt: iso(s.raisedAt),
    updatedAt: iso(s.updatedAt),
    closedAt: iso(s.closedAt),
  };
}

const Count = Type.Integer({ minimum: 0 });
const ByStatus = Type.Object(
  { open: Count, acknowledged: Count, offered: Count, won: Count, lost: Count, dismissed: Count },
  { additionalProperties: false },
);

const rollupFields = {
  customerId: Type.String(),
  byStatus: ByStatus,
  active: Type.Integer({ description: 'Open, acknowledged and offered signals.' }),
  activeValue: Type.Number({ description: 'Estimated value of the active signals.' }),
  wonValue: Type.Number(),
  lastRaisedAt: Nullable(EpochMs()),
};

export const CustomerRollupSchema = named(
  'SignalCustomerRollup',
  Type.Object(rollupFields, { additionalProperties: false }),
);
export const CustomerRollupPage = Page('SignalCustomerPage', CustomerRollupSchema);

export const CUSTOMER_CSV_COLUMNS = [
  'customerId',
  'active',
  'activeValue',
  'wonValue',
  ...SIGNAL_STATUSES,
  'lastRaisedAt',
] as const;

export function customerCsvRow(r: CustomerRollup): Record<string, string | number | null> {
  return {
    customerId: r.customerId,
    active: r.active,
    activeValue: r.activeValue,
    wonValue: r.wonValue,
    ...r.byStatus,
    lastRaisedAt: iso(r.lastRaisedAt),
  };
}

export const CustomerSignalsSchema = named(
  'SignalCustomer',
  Type.Object(
    { ...rollupFields, activeSignals: Type.Array(SignalSchema, { description: 'Most valuable first.' }) },
    { additionalProperties: false },
  ),
);

export const SignalRuleSchema = named(
  'SignalRule',
  Type.Object(
    {
      id: StringEnum(RULE_IDS),
      kind: StringEnum(SIGNAL_KINDS),
      description: Type.String(),
      settings: Type.Record(Type.String(), Type.Unknown(), {
        description: 'Thresholds in force for every model (SIGNALS_RULES_FILE over the defaults).',
      }),
      modelOverrides: Type.Record(Type.String(), Type.Record(Type.String(), Type.Unknown()), {
        description: 'Models with thresholds of their own: the section in force for each.',
      }),
      outcomes: ByStatus,
      observedPrecision: Nullable(
        Type.Number({
          minimum: 0,
          maximum: 1,
          description:
            'won ÷ (won + lost) of the signals the rule gave evidence to; null before any outcome.',
        }),
      ),
    },
    { additionalProperties: false },
  ),
);
export const SignalRulesSchema = named(
  'SignalRules',
  Type.Object({ data: Type.Array(SignalRuleSchema) }, { additionalProperties: false }),
);

export const SignalRequestAnswerSchema = named(
  'SignalRequestAnswer',
  Type.Object(
    {
      classification: Type.Object(
        {
          offer: StringEnum(OFFER_KINDS),
          confidence: Type.Number({ minimum: 0, maximum: 1 }),
          matched: Type.Array(Type.String(), { description: 'The phrases that decided it.' }),
        },
        { additionalProperties: false },
      ),
      signal: SignalSchema,
      created: Type.Boolean({
        description: "true: a new signal; false: joined the customer's active signal for that offer.",
      }),
    },
    { additionalProperties: false },
  ),
);

export const SignalRunSummarySchema = named(
  'SignalRunSummary',
  Type.Object(
    {
      full: Type.Boolean(),
      now: EpochMs(),
      asOf: EpochMs('Complete months end before this (the KPI ledger computed up to it).'),
      devices: Type.Integer(),
      customers: Type.Integer(),
      findings: Type.Integer(),
      findingsByRule: Type.Record(Type.String(), Type.Integer()),
      raised: Type.Integer(),
      changed: Type.Integer(),
      refreshed: Type.Integer(),
      suppressed: Type.Integer({ description: 'Findings held back by a cool-down.' }),
      conflicts: Type.Integer(),
      ruleFailures: Type.Integer(),
      withoutSite: Type.Integer(),
    },
    { additionalProperties: false },
  ),
);
