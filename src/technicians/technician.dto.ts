import { Type, type Static } from '@sinclair/typebox';
import { EpochMs, FormatQuery, Nullable, Page, PageQuery, StringEnum } from '../common/http/api-schemas.js';
import { named } from '../common/http/openapi-schemas.js';
import { RFC3339_PATTERN } from '../contract/index.js';
import { EMPLOYMENT_TYPES, TECHNICIAN_CHANGE_TYPES, TECHNICIAN_STATUSES } from './technician.js';

/** Request and response schemas of the technicians API (docs/field-force.md). */

const ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.:/-]*$';
const PART_PATTERN = '^[a-z][a-z0-9_.]*$';
export const Id = (description?: string) =>
  Type.String({ minLength: 1, maxLength: 64, pattern: ID_PATTERN, description });
const Part = () =>
  Type.String({ minLength: 1, maxLength: 64, pattern: PART_PATTERN, description: 'a component: fuser' });
const Code = () =>
  Type.String({
    minLength: 1,
    maxLength: 64,
    pattern: ID_PATTERN,
    description: 'a certification code: f-gas',
  });
const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
/** Epoch ms, a date (its whole day) or RFC 3339. */
export const TimeInput = (description: string) =>
  Type.Union(
    [
      Type.Integer(),
      Type.String({ pattern: DATE, maxLength: 10 }),
      Type.String({ pattern: RFC3339_PATTERN, maxLength: 40 }),
    ],
    { description: `${description} Epoch milliseconds, a date (YYYY-MM-DD) or RFC 3339.` },
  );
const Lat = Type.Number({ minimum: -90, maximum: 90 });
const Lon = Type.Number({ minimum: -180, maximum: 180 });
const Point = (description: string) =>
  Type.Object({ lat: Lat, lon: Lon }, { additionalProperties: false, description });
const Money = (description: string) => Type.Number({ minimum: 0, maximum: 1_000_000, description });

const SkillSchema = Type.Object(
  {
    modelId: Type.Optional(Id('a model: the skill covers its components')),
    component: Type.Optional(Part()),
    level: Type.Integer({
      minimum: 1,
      maximum: 5,
      description: '1 trainee, 2 works alone, 3 experienced, 4 expert, 5 trains others',
    }),
  },
  { additionalProperties: false },
);
const ShiftSchema = Type.Object(
  {
    weekday: Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday: 1 Monday … 7 Sunday' }),
    start: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM local time' }),
    end: Type.String({
      pattern: '^([01]\\d|2[0-3]):[0-5]\\d$',
      description: 'HH:MM local time, after start',
    }),
  },
  { additionalProperties: false },
);
const WorkingHoursSchema = Type.Object(
  {
    timeZone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA zone: Europe/Paris' }),
    shifts: Type.Array(ShiftSchema, { maxItems: 7, description: 'One shift a weekday at most.' }),
  },
  { additionalProperties: false },
);
const TerritorySchema = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 100 })),
    areas: Type.Array(
      Type.Object(
        { lat: Lat, lon: Lon, radiusKm: Type.Number({ exclusiveMinimum: 0, maximum: 5000 }) },
        { additionalProperties: false },
      ),
      { maxItems: 50, description: 'Circles the technician covers; none and no siteIds: everywhere.' },
    ),
    siteIds: Type.Optional(
      Type.Array(Id(), { maxItems: 1000, description: 'Sites covered wherever they are.' }),
    ),
  },
  { additionalProperties: false },
);
const RatesSchema = Type.Object(
  {
    currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217: EUR' }),
    labourPerHour: Money('Paid per hour on site.'),
    travelPerHour: Money('Paid per hour of travel.'),
    perKm: Money('Paid per km driven.'),
    perPartFitted: Type.Optional(Money('A fee per part fitted (default 0).')),
    perVisit: Type.Optional(Money('A call-out fee per visit (default 0).')),
  },
  { additionalProperties: false },
);
const StockSchema = Type.Object(
  { component: Part(), quantity: Type.Integer({ minimum: 0, maximum: 1000 }) },
  { additionalProperties: false },
);

export const TechnicianBody = named(
  'TechnicianInput',
  Type.Object(
    {
      technicianId: Id(),
      name: Type.String({ minLength: 1, maxLength: 200 }),
      employment: StringEnum(EMPLOYMENT_TYPES),
      email: Type.Optional(Type.String({ pattern: '^[^@\\s]+@[^@\\s]+$', maxLength: 200 })),
      phone: Type.Optional(Type.String({ minLength: 3, maxLength: 40 })),
      skills: Type.Array(SkillSchema, { maxItems: 500 }),
      certifications: Type.Array(
        Type.Object(
          {
            code: Code(),
            name: Type.Optional(Type.String({ maxLength: 200 })),
            issuedAt: TimeInput('Issued.'),
            expiresAt: TimeInput('Expires (a date: valid through that day).'),
          },
          { additionalProperties: false },
        ),
        { maxItems: 200 },
      ),
      homeBase: Point('Where the technician starts and ends the day.'),
      workingHours: WorkingHoursSchema,
      absences: Type.Optional(
        Type.Array(
          Type.Object(
            {
              from: TimeInput('From.'),
              to: TimeInput('To (a date: through that day).'),
              reason: Type.String({ minLength: 1, maxLength: 200 }),
            },
            { additionalProperties: false },
          ),
          { maxItems: 500 },
        ),
      ),
      territory: TerritorySchema,
      rates: RatesSchema,
      maxJobsPerDay: Type.Integer({ minimum: 1, maximum: 50 }),
      vanStock: Type.Optional(Type.Array(StockSchema, { maxItems: 500, description: 'Parts in the van.' })),
    },
    { additionalProperties: false },
  ),
);
export type TechnicianBody = Static<typeof TechnicianBody>;

export const TechnicianIdParams = Type.Object({ id: Id('technician id') }, { additionalProperties: false });
export type TechnicianIdParams = Static<typeof TechnicianIdParams>;

export const TechnicianListQuery = Type.Object(
  {
    status: Type.Optional(
      Type.String({ maxLength: 200, description: `Comma-separated: ${TECHNICIAN_STATUSES.join(', ')}.` }),
    ),
    employment: Type.Optional(StringEnum(EMPLOYMENT_TYPES)),
    ...PageQuery,
    ...FormatQuery,
  },
  { additionalProperties: false },
);
export type TechnicianListQuery = Static<typeof TechnicianListQuery>;

export const TechnicianTransitionBody = named(
  'TechnicianTransition',
  Type.Object(
    {
      to: StringEnum(TECHNICIAN_STATUSES),
      actor: Type.String({ minLength: 1, maxLength: 100 }),
      note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
      identityChecked: Type.Optional(
        Type.Boolean({
          description: 'The actor checked the identity (papers, right to work): needed to verify.',
        }),
      ),
    },
    { additionalProperties: false },
  ),
);
export type TechnicianTransitionBody = Static<typeof TechnicianTransitionBody>;

export const PositionBody = named(
  'TechnicianPosition',
  Type.Object(
    { lat: Lat, lon: Lon, at: Type.Optional(TimeInput('When (default: now).')) },
    { additionalProperties: false },
  ),
);
export type PositionBody = Static<typeof PositionBody>;

const CertificationSchema = Type.Object(
  {
    code: Type.String(),
    name: Type.Optional(Type.String()),
    issuedAt: EpochMs(),
    expiresAt: EpochMs('First instant it is no longer valid.'),
    warnedAt: Nullable(EpochMs('When the warning before the expiry was raised.')),
    expiredNoticeAt: Nullable(EpochMs('When the expiry was announced.')),
  },
  { additionalProperties: false },
);

const RatesAnswer = Type.Object(
  {
    currency: Type.String(),
    labourPerHour: Type.Number(),
    travelPerHour: Type.Number(),
    perKm: Type.Number(),
    perPartFitted: Type.Number(),
    perVisit: Type.Number(),
  },
  { additionalProperties: false },
);

const technicianFields = {
  technicianId: Type.String(),
  name: Type.String(),
  employment: StringEnum(EMPLOYMENT_TYPES),
  status: StringEnum(TECHNICIAN_STATUSES),
  email: Type.Optional(Type.String()),
  phone: Type.Optional(Type.String()),
  skills: Type.Array(SkillSchema),
  certifications: Type.Array(CertificationSchema),
  homeBase: Point('Home base.'),
  position: Nullable(
    Type.Object(
      { lat: Lat, lon: Lon, at: EpochMs() },
      { additionalProperties: false, description: 'Last reported.' },
    ),
  ),
  workingHours: WorkingHoursSchema,
  absences: Type.Array(
    Type.Object({ from: EpochMs(), to: EpochMs(), reason: Type.String() }, { additionalProperties: false }),
  ),
  territory: TerritorySchema,
  rates: RatesAnswer,
  maxJobsPerDay: Type.Integer(),
  vanStock: Type.Array(StockSchema),
  identityCheckedAt: Nullable(EpochMs()),
  identityCheckedBy: Nullable(Type.String()),
  statusReason: Nullable(Type.String()),
  createdAt: EpochMs(),
  updatedAt: EpochMs(),
  version: Type.Integer(),
};

export const TechnicianSchema = named(
  'Technician',
  Type.Object(technicianFields, { additionalProperties: false }),
);

const ChangeSchema = Type.Object(
  {
    at: EpochMs(),
    actor: Type.String(),
    type: StringEnum(TECHNICIAN_CHANGE_TYPES),
    from: Type.Optional(StringEnum(TECHNICIAN_STATUSES)),
    to: Type.Optional(StringEnum(TECHNICIAN_STATUSES)),
    note: Type.Optional(Type.String()),
    data: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
);

export const TechnicianDetailSchema = named(
  'TechnicianDetail',
  Type.Object({ ...technicianFields, history: Type.Array(ChangeSchema) }, { additionalProperties: false }),
);

export const TechnicianPage = Page('TechnicianPage', TechnicianSchema);

export const TECHNICIAN_CSV_COLUMNS = [
  'technicianId',
  'name',
  'employment',
  'status',
  'skills',
  'certifications',
  'homeLat',
  'homeLon',
  'timeZone',
  'maxJobsPerDay',
  'currency',
  'labourPerHour',
] as const;

export const RequirementSchema = Type.Object(
  {
    requirementId: Id(),
    certification: Code(),
    modelIds: Type.Optional(Type.Array(Id(), { maxItems: 500 })),
    equipmentKinds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 32 }), { maxItems: 20 })),
    components: Type.Optional(Type.Array(Part(), { maxItems: 200 })),
    description: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export const RequirementList = named(
  'CertificationRequirements',
  Type.Array(RequirementSchema, {
    maxItems: 1000,
    description:
      'Work needs `certification` when it matches every field given: any of the models, any model of the kinds, any of the components.',
  }),
);
export type RequirementList = Static<typeof RequirementList>;

export const PayQuery = Type.Object(
  {
    from: Type.String({
      minLength: 1,
      maxLength: 40,
      description: 'Completed at or after. Epoch ms or ISO 8601.',
    }),
    to: Type.String({ minLength: 1, maxLength: 40, description: 'Completed before. Epoch ms or ISO 8601.' }),
    ...FormatQuery,
  },
  { additionalProperties: false },
);
export type PayQuery = Static<typeof PayQuery>;

const Amounts = {
  labourAmount: Type.Number(),
  travelAmount: Type.Number(),
  partsAmount: Type.Number(),
  visitFee: Type.Number(),
  total: Type.Number(),
};

export const PayStatementSchema = named(
  'PayStatement',
  Type.Object(
    {
      technicianId: Type.String(),
      name: Type.String(),
      from: EpochMs(),
      to: EpochMs(),
      lines: Type.Array(
        Type.Object(
          {
            orderId: Type.String(),
            technicianId: Type.String(),
            completedAt: EpochMs(),
            deviceId: Type.String(),
            customerId: Nullable(Type.String()),
            kind: Type.String(),
            labourMinutes: Type.Number(),
            travelMinutes: Type.Number(),
            travelKm: Type.Number(),
            parts: Type.Array(Type.Object({ component: Type.String(), quantity: Type.Integer() })),
            rates: RatesAnswer,
            currency: Type.String(),
            ...Amounts,
          },
          { additionalProperties: false },
        ),
      ),
      totals: Type.Array(
        Type.Object(
          {
            currency: Type.String(),
            visits: Type.Integer(),
            labourMinutes: Type.Number(),
            travelMinutes: Type.Number(),
            travelKm: Type.Number(),
            partsFitted: Type.Integer(),
            labour: Type.Number(),
            travel: Type.Number(),
            parts: Type.Number(),
            visit: Type.Number(),
            total: Type.Number(),
          },
          { additionalProperties: false },
        ),
        { description: 'One per currency.' },
      ),
    },
    { additionalProperties: false },
  ),
);

export const PAY_CSV_COLUMNS = [
  'orderId',
  'completedAt',
  'deviceId',
  'customerId',
  'kind',
  'labourMinutes',
  'travelMinutes',
  'travelKm',
  'parts',
  'currency',
  'labourAmount',
  'travelAmount',
  'partsAmount',
  'visitFee',
  'total',
] as const;
