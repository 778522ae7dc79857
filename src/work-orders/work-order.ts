import type { MaintenanceCommand } from '../contract/index.js';
import type { Diagnosis } from './diagnosis/diagnosis.js';

/**
 * A work order: one job on one device, from its trigger (a prediction, a fault, a
 * plan coming due, a customer's request) to the device confirming the work. The
 * lifecycle is in work-order-lifecycle.ts; how triggers open and feed orders in
 * work-order-intake.ts; priority, SLA and entitlement in service-level.ts.
 */

export const WORK_ORDER_STATUSES = [
  'new',
  'scheduled',
  'assigned',
  'en-route',
  'in-progress',
  'on-hold',
  'completed',
  'cannot-complete',
  'closed',
  'cancelled',
] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

/** Statuses an order never leaves. Every other status is "open": at most one open order per device and component. */
export const FINAL_STATUSES: readonly WorkOrderStatus[] = ['closed', 'cancelled'];
export const isOpen = (s: WorkOrderStatus): boolean => !FINAL_STATUSES.includes(s);

export const WORK_ORDER_KINDS = [
  /** Opened from a prediction: the part is worn, the machine still runs. */
  'proactive',
  /** Opened from a fault: the machine is down or degraded. */
  'corrective',
  /** Opened from a maintenance plan coming due. */
  'preventive',
  /** Opened by hand or API from what the customer asked for. */
  'customer-request',
  'installation',
] as const;
export type WorkOrderKind = (typeof WORK_ORDER_KINDS)[number];

export const PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];
/** 0 is the most urgent. */
export const priorityRank = (p: Priority): number => PRIORITIES.indexOf(p);
export const higherPriority = (a: Priority, b: Priority): Priority =>
  priorityRank(a) <= priorityRank(b) ? a : b;

/** What the contract covers when the order opens: see service-level.ts. */
export const COVERAGES = ['warranty', 'full-service', 'time-and-materials', 'expired'] as const;
export type Coverage = (typeof COVERAGES)[number];

export interface Entitlement {
  coverage: Coverage;
  /** True when the customer pays for the visit (labour, parts, travel). */
  billable: boolean;
  reason: string;
}

export interface ServiceLevel {
  /** Technician on site by then (the order reaches in-progress); null: no response target. */
  responseDueAt: number | null;
  /** Work done by then (the order reaches completed); null: no target. */
  resolutionDueAt: number | null;
  respondedAt: number | null;
  resolvedAt: number | null;
  /** When the warning before a breach, and the breach, were raised (once each). */
  responseWarnedAt: number | null;
  responseBreachedAt: number | null;
  resolutionWarnedAt: number | null;
  resolutionBreachedAt: number | null;
}

export const EVIDENCE_KINDS = [
  'prediction',
  'fault',
  'symptom',
  'customer',
  'plan',
  'device-report',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/**
 * Why the order exists or what was seen since. Repeats of the same thing (the same
 * fault code again) add to `count` instead of a new entry, so a burst stays one line.
 */
export interface Evidence {
  kind: EvidenceKind;
  /** Identity within its kind: the fault code, the prediction's component, the plan id. */
  key: string;
  detail: string;
  firstAt: number;
  lastAt: number;
  count: number;
  data?: Record<string, unknown>;
}

/** What a technician reports when the work is done; it becomes the billing record. */
export interface VisitReport {
  /** Parts fitted: the device is told to replace each component listed. */
  parts: Array<{ component: string; quantity: number }>;
  /** A preventive-maintenance visit was done (the device is told so). */
  pmDone: boolean;
  labourMinutes: number;
  travelMinutes: number;
  travelKm: number;
  technician: string | null;
  note?: string;
}

export interface BillingRecord extends VisitReport {
  billable: boolean;
  coverage: Coverage;
  completedAt: number;
}

/** A maintenance command owed to the device; `sentAt` null until the broker took it. */
export interface PendingCommand {
  command: MaintenanceCommand;
  sentAt: number | null;
  /** When the device reported it done (part.replaced / pm.done of this order's visit). */
  confirmedAt: number | null;
}

export interface WorkOrder {
  id: string;
  deviceId: string;
  /** The component the work is about; null for device-level work (PM, installation, an unknown cause). */
  component: string | null;
  kind: WorkOrderKind;
  status: WorkOrderStatus;
  priority: Priority;
  title: string;
  customerId: string | null;
  siteId: string | null;
  modelId: string | null;
  entitlement: Entitlement;
  sla: ServiceLevel;
  evidence: Evidence[];
  diagnosis: Diagnosis | null;
  /** Technician id; dispatch (issue 16) fills it. */
  assignee: string | null;
  scheduledStart: number | null;
  scheduledEnd: number | null;
  /** The maintenance plan a preventive order carries out, or one pulled forward into this order. */
  planId: string | null;
  /** The plan due date (preventive orders): the next one follows the actual completion. */
  dueAt: number | null;
  billing: BillingRecord | null;
  commands: PendingCommand[];
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
  /** Why it was cancelled, could not be completed, or closed without a visit. */
  outcome: string | null;
  /** Bumped by every change: updates are refused when someone changed the order meanwhile. */
  version: number;
}

export const CHANGE_TYPES = [
  'created',
  'transition',
  'evidence',
  'priority',
  'assignment',
  'schedule',
  'note',
  'diagnosis',
  'sla-warning',
  'sla-breach',
  'command-sent',
  'device-confirmed',
] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

/** One kept change of an order: when, who, what, why. */
export interface WorkOrderChange {
  at: number;
  /** `system:<job>`, `device:<id>`, or the person or integration named by the API call. */
  actor: string;
  type: ChangeType;
  from?: WorkOrderStatus;
  to?: WorkOrderStatus;
  note?: string;
  data?: Record<string, unknown>;
}

/** The key open orders are unique by, per device: the component, or the kind of device-level work. */
export function dedupeKey(o: Pick<WorkOrder, 'component' | 'kind'>): string {
  if (o.component) return o.component;
  return o.kind === 'preventive' ? '#preventive' : o.kind === 'installation' ? '#installation' : '#device';
}

/** The visit id a device reports for the work of an order (the simulator and firmware echo it). */
export function orderVisitId(deviceId: string, orderId: string): string {
  return `${deviceId}-wo-${orderId}`;
}

/** The order a visit id belongs to, when it is one of ours. */
export function orderIdOfVisit(visitId: string | undefined): string | null {
  if (!visitId) return null;
  const m = /-wo-(WO-\d+)$/.exec(visitId);
  return m ? m[1] : null;
}
