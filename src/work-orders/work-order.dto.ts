import { RFC3339_PATTERN } from '../contract/index.js';
import {
  CHANGE_TYPES,
  COVERAGES,
  EVIDENCE_KINDS,
  PRIORITIES,
  WORK_ORDER_KINDS,
  WORK_ORDER_STATUSES,
} from './work-order.js';

/**
 * Request and response schemas of the work-orders API (JSON Schema, as the OpenAPI
 * document shows them; the request ones are enforced by `bodyValidator`).
 */

const TIME = { anyOf: [{ type: 'integer' }, { type: 'string', pattern: RFC3339_PATTERN }] } as const;
const ACTOR = {
  type: 'string',
  minLength: 1,
  maxLength: 100,
  description: 'who does it: a person, dispatch, an integration',
};
const NOTE = { type: 'string', minLength: 1, maxLength: 2000 };
const ID = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9_.:/-]*$' };

/** POST /api/v1/work-orders: a customer's request or an installation, opened by hand. */
export interface CreateWorkOrderRequest {
  deviceId: string;
  kind: 'customer-request' | 'installation';
  /** The customer's words, as said. */
  description: string;
  /** The part concerned when known; otherwise the diagnosis of the words may name it. */
  component?: string;
  requestedBy: string;
}

export const CREATE_WORK_ORDER_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['deviceId', 'kind', 'description', 'requestedBy'],
  properties: {
    deviceId: ID,
    kind: { enum: ['customer-request', 'installation'] },
    description: NOTE,
    component: { ...ID, pattern: '^[a-z][a-z0-9_.]*$' },
    requestedBy: ACTOR,
  },
} as const;

export interface VisitReportBody {
  parts?: Array<{ component: string; quantity?: number }>;
  pmDone?: boolean;
  labourMinutes: number;
  travelMinutes?: number;
  travelKm?: number;
  technician?: string;
  note?: string;
}

/** POST /api/v1/work-orders/{id}/transitions */
export interface TransitionBody {
  to: (typeof WORK_ORDER_STATUSES)[number];
  actor: string;
  note?: string;
  assignee?: string;
  scheduledStart?: number | string;
  scheduledEnd?: number | string;
  visit?: VisitReportBody;
}

export const VISIT_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['labourMinutes'],
  properties: {
    parts: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['component'],
        properties: {
          component: { ...ID, pattern: '^[a-z][a-z0-9_.]*$' },
          quantity: { type: 'integer', minimum: 1, maximum: 100, default: 1 },
        },
      },
      default: [],
    },
    pmDone: { type: 'boolean', default: false, description: 'a preventive-maintenance visit was done' },
    labourMinutes: { type: 'number', minimum: 0, maximum: 100000 },
    travelMinutes: { type: 'number', minimum: 0, maximum: 100000, default: 0 },
    travelKm: { type: 'number', minimum: 0, maximum: 100000, default: 0 },
    technician: ID,
    note: NOTE,
  },
} as const;

export const TRANSITION_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['to', 'actor'],
  properties: {
    to: { enum: WORK_ORDER_STATUSES },
    actor: ACTOR,
    note: NOTE,
    assignee: { ...ID, description: 'technician id' },
    scheduledStart: TIME,
    scheduledEnd: TIME,
    visit: VISIT_SCHEMA,
  },
} as const;

/** POST /api/v1/work-orders/{id}/notes */
export interface NoteBody {
  actor: string;
  note: string;
}

export const NOTE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['actor', 'note'],
  properties: { actor: ACTOR, note: NOTE },
} as const;

/** POST /api/v1/work-orders/diagnose: what would the diagnosis be (the call centre, before opening). */
export interface DiagnoseRequest {
  deviceId: string;
  description?: string;
  codes?: string[];
}

export const DIAGNOSE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['deviceId'],
  properties: {
    deviceId: ID,
    description: NOTE,
    codes: { type: 'array', maxItems: 50, items: { type: 'string', minLength: 1, maxLength: 32 } },
  },
} as const;

const NULLABLE_TIME = { type: ['integer', 'null'] } as const;

export const DIAGNOSIS_RESPONSE_SCHEMA = {
  type: 'object',
  properties: {
    at: { type: 'integer' },
    symptoms: { type: 'array', items: { type: 'object' } },
    causes: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          cause: { type: 'string', description: 'a part, or operator (the user caused it)' },
          probability: { type: 'number' },
          action: { type: 'string' },
          evidence: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    parts: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          component: { type: 'string' },
          quantity: { type: 'integer' },
          probability: { type: 'number' },
        },
      },
    },
    action: { type: 'string' },
    confidence: { type: 'number' },
    basis: {
      type: 'object',
      properties: { learnedFixes: { type: 'number' }, faultTableCodes: { type: 'integer' } },
    },
  },
} as const;

export const CHANGE_SCHEMA = {
  type: 'object',
  required: ['at', 'actor', 'type'],
  properties: {
    at: { type: 'integer' },
    actor: { type: 'string' },
    type: { enum: CHANGE_TYPES },
    from: { enum: WORK_ORDER_STATUSES },
    to: { enum: WORK_ORDER_STATUSES },
    note: { type: 'string' },
    data: { type: 'object' },
  },
} as const;

export const WORK_ORDER_SCHEMA = {
  type: 'object',
  properties: {
    id: { type: 'string', example: 'WO-000042' },
    deviceId: { type: 'string' },
    component: { type: ['string', 'null'] },
    kind: { enum: WORK_ORDER_KINDS },
    status: { enum: WORK_ORDER_STATUSES },
    priority: { enum: PRIORITIES },
    title: { type: 'string' },
    customerId: { type: ['string', 'null'] },
    siteId: { type: ['string', 'null'] },
    modelId: { type: ['string', 'null'] },
    entitlement: {
      type: 'object',
      properties: {
        coverage: { enum: COVERAGES },
        billable: { type: 'boolean' },
        reason: { type: 'string' },
      },
    },
    sla: {
      type: 'object',
      properties: {
        responseDueAt: NULLABLE_TIME,
        resolutionDueAt: NULLABLE_TIME,
        respondedAt: NULLABLE_TIME,
        resolvedAt: NULLABLE_TIME,
        responseWarnedAt: NULLABLE_TIME,
        responseBreachedAt: NULLABLE_TIME,
        resolutionWarnedAt: NULLABLE_TIME,
        resolutionBreachedAt: NULLABLE_TIME,
      },
    },
    evidence: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          kind: { enum: EVIDENCE_KINDS },
          key: { type: 'string' },
          detail: { type: 'string' },
          firstAt: { type: 'integer' },
          lastAt: { type: 'integer' },
          count: { type: 'integer' },
        },
      },
    },
    diagnosis: { anyOf: [{ type: 'null' }, DIAGNOSIS_RESPONSE_SCHEMA] },
    assignee: { type: ['string', 'null'] },
    scheduledStart: NULLABLE_TIME,
    scheduledEnd: NULLABLE_TIME,
    planId: { type: ['string', 'null'] },
    dueAt: NULLABLE_TIME,
    billing: {
      type: ['object', 'null'],
      description: 'labour, parts and travel of the completed visit, billable or not',
    },
    commands: { type: 'array', items: { type: 'object' } },
    createdAt: { type: 'integer' },
    updatedAt: { type: 'integer' },
    closedAt: NULLABLE_TIME,
    outcome: { type: ['string', 'null'] },
    version: { type: 'integer' },
  },
} as const;

export const WORK_ORDER_DETAIL_SCHEMA = {
  type: 'object',
  properties: {
    ...WORK_ORDER_SCHEMA.properties,
    history: { type: 'array', items: CHANGE_SCHEMA },
  },
} as const;

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
