import type { MaintenanceCommand } from '../contract/index.js';
import {
  isOpen,
  type PendingCommand,
  type VisitReport,
  type WorkOrder,
  type WorkOrderChange,
  type WorkOrderStatus,
} from './work-order.js';

/**
 * Where an order may go from each status, by a person or an integration. Besides
 * these, the device closes any open order whose work it reports done (see
 * `TransitionRequest.deviceReport`). Closed and cancelled are final.
 */
export const TRANSITIONS: Readonly<Record<WorkOrderStatus, readonly WorkOrderStatus[]>> = {
  new: ['scheduled', 'assigned', 'cancelled'],
  scheduled: ['assigned', 'on-hold', 'cancelled'],
  // in-progress straight from assigned: the technician was on site already
  assigned: ['scheduled', 'en-route', 'in-progress', 'on-hold', 'cancelled'],
  'en-route': ['assigned', 'in-progress', 'on-hold', 'cancelled'],
  'in-progress': ['completed', 'cannot-complete', 'on-hold'],
  'on-hold': ['scheduled', 'assigned', 'in-progress', 'cancelled'],
  // back to in-progress: the work did not hold (rework)
  completed: ['closed', 'in-progress'],
  'cannot-complete': ['scheduled', 'assigned', 'cancelled'],
  closed: [],
  cancelled: [],
};

/** Statuses that need a reason in the note. */
const NEEDS_REASON: readonly WorkOrderStatus[] = ['cancelled', 'on-hold', 'cannot-complete'];

export interface TransitionRequest {
  to: WorkOrderStatus;
  actor: string;
  at: number;
  note?: string;
  /** Technician id; needed to reach assigned (unless the order has one). */
  assignee?: string;
  /** Needed to reach scheduled (unless the order has it). */
  scheduledStart?: number;
  scheduledEnd?: number;
  /** Needed to reach completed: what was done, for the device and for billing. */
  visit?: VisitReport;
  /** The device reported the work done: closes the order from any open status. */
  deviceReport?: boolean;
}

export type TransitionRefusal = { ok: false; reason: string };
export type TransitionResult = { ok: true; order: WorkOrder; changes: WorkOrderChange[] } | TransitionRefusal;

const refuse = (reason: string): TransitionRefusal => ({ ok: false, reason });

/** Whether `from → to` is in the table (a person's or integration's move). */
export function isLegal(from: WorkOrderStatus, to: WorkOrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/**
 * Applies one status change, or says why it cannot happen. Pure: the order is not
 * modified, a new one is returned with the change to keep in its history.
 */
export function transition(order: WorkOrder, r: TransitionRequest): TransitionResult {
  const from = order.status;
  const to = r.to;
  const note = r.note?.trim() || undefined;
  if (!isOpen(from)) return refuse(`work order ${order.id} is ${from}: it cannot change any more`);
  if (r.deviceReport) {
    if (to !== 'closed') return refuse('a device report can only close an order');
    if (!note) return refuse('closing on a device report needs the report in the note');
  } else if (!isLegal(from, to)) {
    const next = TRANSITIONS[from];
    return refuse(
      `work order ${order.id} cannot go from ${from} to ${to}` +
        (next.length ? `; from ${from} it can go to ${next.join(', ')}` : ''),
    );
  }
  if (NEEDS_REASON.includes(to) && !note) return refuse(`going to ${to} needs a reason in the note`);
  if (from === 'completed' && to === 'in-progress' && !note)
    return refuse('reopening completed work needs a reason in the note');

  const next: WorkOrder = { ...order, status: to, updatedAt: r.at, version: order.version + 1 };
  const data: Record<string, unknown> = {};
  if (r.assignee !== undefined && r.assignee !== order.assignee) {
    next.assignee = r.assignee;
    data.assignee = r.assignee;
  }
  if (r.scheduledStart !== undefined) {
    next.scheduledStart = r.scheduledStart;
    next.scheduledEnd = r.scheduledEnd ?? next.scheduledEnd;
    data.scheduledStart = r.scheduledStart;
    if (r.scheduledEnd !== undefined) data.scheduledEnd = r.scheduledEnd;
  }
  if (next.scheduledStart !== null && next.scheduledEnd !== null && next.scheduledEnd < next.scheduledStart)
    return refuse('scheduledEnd is before scheduledStart');

  switch (to) {
    case 'scheduled':
      if (next.scheduledStart === null) return refuse('scheduling needs scheduledStart');
      break;
    case 'assigned':
    case 'en-route':
      if (!next.assignee) return refuse(`going to ${to} needs an assignee (technician id)`);
      break;
    case 'in-progress':
      if (!next.assignee) return refuse('going to in-progress needs an assignee (technician id)');
      // the response target is met when someone is at the machine
      if (next.sla.respondedAt === null) next.sla = { ...next.sla, respondedAt: r.at };
      break;
    case 'completed': {
      if (!r.visit) return refuse('completing needs the visit report (labour, parts, travel)');
      const problem = checkVisit(r.visit);
      if (problem) return refuse(problem);
      next.sla = {
        ...next.sla,
        respondedAt: next.sla.respondedAt ?? r.at,
        resolvedAt: r.at,
      };
      next.billing = {
        ...r.visit,
        technician: r.visit.technician ?? next.assignee,
        billable: order.entitlement.billable,
        coverage: order.entitlement.coverage,
        completedAt: r.at,
      };
      next.commands = commandsFor(order.id, r.visit);
      data.visit = next.billing;
      break;
    }
    case 'closed':
      next.closedAt = r.at;
      if (from !== 'completed') next.outcome = note ?? null;
      if (r.deviceReport && next.sla.resolvedAt === null) next.sla = { ...next.sla, resolvedAt: r.at };
      break;
    case 'cancelled':
      next.closedAt = r.at;
      next.outcome = note ?? null;
      break;
    case 'cannot-complete':
      next.outcome = note ?? null;
      break;
    case 'new':
    case 'on-hold':
      break;
  }
  const change: WorkOrderChange = { at: r.at, actor: r.actor, type: 'transition', from, to };
  if (note) change.note = note;
  if (Object.keys(data).length) change.data = data;
  return { ok: true, order: next, changes: [change] };
}

function checkVisit(v: VisitReport): string | null {
  for (const [name, value] of [
    ['labourMinutes', v.labourMinutes],
    ['travelMinutes', v.travelMinutes],
    ['travelKm', v.travelKm],
  ] as const) {
    if (!Number.isFinite(value) || value < 0) return `visit ${name} must be a number ≥ 0`;
  }
  for (const p of v.parts) {
    if (!p.component) return 'every part needs a component';
    if (!Number.isInteger(p.quantity) || p.quantity < 1) return `part ${p.component}: quantity must be ≥ 1`;
  }
  return null;
}

/** What the device must be told after the visit: one replacement per part, and the PM if done. */
export function commandsFor(orderId: string, visit: VisitReport): PendingCommand[] {
  const commands: MaintenanceCommand[] = [];
  const seen = new Set<string>();
  for (const p of visit.parts) {
    if (seen.has(p.component)) continue;
    seen.add(p.component);
    commands.push({ action: 'replace-part', component: p.component, workOrderId: orderId });
  }
  if (visit.pmDone) commands.push({ action: 'pm-visit', workOrderId: orderId });
  return commands.map((command) => ({ command, sentAt: null, confirmedAt: null }));
}
