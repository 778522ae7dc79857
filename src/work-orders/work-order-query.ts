import { checkLimit, decodeCursor, parseTime } from '../common/http/query-params.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import type { WorkOrderCursor, WorkOrderListQuery as WorkOrderRepoQuery } from './work-order.repository.js';
import { PRIORITIES, WORK_ORDER_KINDS, WORK_ORDER_STATUSES, type WorkOrder } from './work-order.js';
import type { CSV_COLUMNS, WorkOrderListQuery as WorkOrderListParams } from './work-order.dto.js';

export type { WorkOrderListParams };

/** A comma-separated list whose every item is one of `allowed`. */
function parseList<T extends string>(
  name: string,
  raw: string | undefined,
  allowed: readonly T[],
): T[] | undefined {
  if (raw === undefined || raw === '') return undefined;
  const items = raw.split(',').map((s) => s.trim());
  const bad = items.filter((i) => !(allowed as readonly string[]).includes(i));
  if (bad.length)
    throw new DomainError(
      ErrorCode.InvalidArgument,
      `${name} must be among ${allowed.join(', ')}; got ${bad.join(', ')}`,
    );
  return items as T[];
}

const isCursor = (v: unknown): v is WorkOrderCursor =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as WorkOrderCursor).createdAt === 'number' &&
  typeof (v as WorkOrderCursor).id === 'string';

/** The list's query parameters, checked: 400 with the reason when one is wrong. */
export function parseListQuery(p: WorkOrderListParams, maxLimit: number): WorkOrderRepoQuery {
  return {
    status: parseList('status', p.status, WORK_ORDER_STATUSES),
    kind: parseList('kind', p.kind, WORK_ORDER_KINDS),
    priority: parseList('priority', p.priority, PRIORITIES),
    deviceId: p.deviceId || undefined,
    customerId: p.customerId || undefined,
    siteId: p.siteId || undefined,
    assignee: p.assignee || undefined,
    component: p.component || undefined,
    open: p.open,
    createdFrom: p.from ? parseTime('from', p.from, 0) : undefined,
    createdTo: p.to ? parseTime('to', p.to, 0) : undefined,
    limit: checkLimit(p.limit, 100, maxLimit),
    after: decodeCursor(p.cursor, isCursor),
  };
}

export type WorkOrderCsvRow = Record<(typeof CSV_COLUMNS)[number], string | number | boolean | null>;

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** One order as a CSV row: times in ISO 8601, parts as `component×quantity` separated by `;`. */
export function csvRow(o: WorkOrder): WorkOrderCsvRow {
  return {
    id: o.id,
    deviceId: o.deviceId,
    component: o.component,
    kind: o.kind,
    status: o.status,
    priority: o.priority,
    title: o.title,
    customerId: o.customerId,
    siteId: o.siteId,
    coverage: o.entitlement.coverage,
    billable: o.entitlement.billable,
    assignee: o.assignee,
    createdAt: iso(o.createdAt),
    responseDueAt: iso(o.sla.responseDueAt),
    resolutionDueAt: iso(o.sla.resolutionDueAt),
    respondedAt: iso(o.sla.respondedAt),
    resolvedAt: iso(o.sla.resolvedAt),
    closedAt: iso(o.closedAt),
    diagnosedCause: o.diagnosis?.causes[0]?.cause ?? null,
    diagnosisConfidence: o.diagnosis?.confidence ?? null,
    labourMinutes: o.billing?.labourMinutes ?? null,
    travelMinutes: o.billing?.travelMinutes ?? null,
    travelKm: o.billing?.travelKm ?? null,
    parts: o.billing ? o.billing.parts.map((p) => `${p.component}×${p.quantity}`).join(';') : null,
    outcome: o.outcome,
  };
}
