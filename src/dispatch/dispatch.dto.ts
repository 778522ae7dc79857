import { Type, type Static } from '@sinclair/typebox';
import { EpochMs, Nullable, StringEnum } from '../common/http/api-schemas.js';
import { named } from '../common/http/openapi-schemas.js';
import { Id } from '../technicians/technician.dto.js';
import { SCORE_TERMS } from './dispatch-score.js';
import { INELIGIBLE_CODES } from './eligibility.js';

/** Request and response schemas of the dispatch API (docs/field-force.md). */

export const OrderIdParams = Type.Object({ id: Id('work order id') }, { additionalProperties: false });
export type OrderIdParams = Static<typeof OrderIdParams>;

export const PlanParams = Type.Object(
  {
    id: Id('technician id'),
    day: Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      description: "local date in the technician's zone",
    }),
  },
  { additionalProperties: false },
);
export type PlanParams = Static<typeof PlanParams>;

export const DispatchNowBody = named(
  'DispatchRequest',
  Type.Object(
    {
      assign: Type.Optional(
        Type.Boolean({
          description:
            'true: assign to the best; false: only propose the top three. Default DISPATCH_AUTO_ASSIGN.',
        }),
      ),
    },
    { additionalProperties: false },
  ),
);
export type DispatchNowBody = Static<typeof DispatchNowBody>;

export const AcceptBody = named(
  'DispatchAccept',
  Type.Object(
    {
      technicianId: Id('the technician who takes the order'),
      actor: Type.String({ minLength: 1, maxLength: 100, description: 'who decided: dispatcher:ann' }),
    },
    { additionalProperties: false },
  ),
);
export type AcceptBody = Static<typeof AcceptBody>;

const ScoreTermSchema = Type.Object({
  term: StringEnum(SCORE_TERMS),
  value: Type.Number({ description: 'in [0, 1], 1 best' }),
  weight: Type.Number({ description: 'normalised: the weights add up to 1' }),
  contribution: Type.Number({ description: 'value × weight: the contributions add up to the score' }),
  detail: Type.String(),
});

export const ProposalSchema = named(
  'DispatchProposal',
  Type.Object({
    technicianId: Type.String(),
    technicianName: Type.String(),
    rank: Type.Integer({ minimum: 1 }),
    score: Type.Number(),
    terms: Type.Array(ScoreTermSchema, { description: 'Why this score: one line per term.' }),
    day: Type.String(),
    arrival: EpochMs('Planned arrival on site.'),
    departure: EpochMs(),
    travelKm: Type.Number(),
    travelFrom: Type.String(),
    warnings: Type.Array(Type.Object({ code: Type.String(), detail: Type.String() })),
    bumps: Type.Array(Type.String(), {
      description: 'Orders this visit moves out of the day (urgent work).',
    }),
  }),
);

export const DecisionSchema = named(
  'DispatchDecision',
  Type.Object({
    orderId: Type.String(),
    outcome: StringEnum(['assigned', 'proposed', 'unassignable'] as const),
    at: EpochMs(),
    technicianId: Nullable(Type.String()),
    proposals: Type.Array(ProposalSchema),
    rejected: Type.Array(
      Type.Object({
        technicianId: Type.String(),
        reasons: Type.Array(Type.Object({ code: StringEnum(INELIGIBLE_CODES), detail: Type.String() })),
      }),
      { description: 'Why each technician cannot take the order (hard rules).' },
    ),
  }),
);

export const DayPlanSchema = named(
  'DispatchDayPlan',
  Type.Object({
    technicianId: Type.String(),
    day: Type.String(),
    shiftStart: EpochMs(),
    shiftEnd: EpochMs(),
    start: Type.Object({ lat: Type.Number(), lon: Type.Number(), at: EpochMs(), from: Type.String() }),
    done: Type.Array(Type.String(), { description: 'Orders done earlier that day.' }),
    stops: Type.Array(
      Type.Object({
        orderId: Type.String(),
        lat: Nullable(Type.Number()),
        lon: Nullable(Type.Number()),
        arrival: EpochMs(),
        departure: EpochMs(),
        travelKm: Type.Number(),
        travelMin: Type.Number(),
        dueAt: Nullable(EpochMs()),
        lateMin: Type.Number(),
        priority: Type.String(),
        pinned: Type.Boolean(),
      }),
    ),
    travelKm: Type.Number(),
    lateMin: Type.Number(),
    endsAt: EpochMs(),
    version: Type.Integer(),
    updatedAt: EpochMs(),
  }),
);
