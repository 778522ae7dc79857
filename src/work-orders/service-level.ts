import type { FaultSeverity } from '../contract/index.js';
import { registryDateMs, type ContractType } from '../registry/registry-entities.js';
import {
  isOpen,
  type Coverage,
  type Entitlement,
  type Priority,
  type ServiceLevel,
  type WorkOrder,
  type WorkOrderKind,
} from './work-order.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Response and resolution targets per coverage, in hours (WORK_ORDER_SLA_* variables). */
export interface SlaPolicy {
  targets: Record<Coverage, { responseHours: number; resolutionHours: number }>;
  /** The warning comes when this share of the time to a due time has passed. */
  warningShare: number;
}

/** What the registry says of a device's contract. */
export interface ContractFacts {
  /** None on file: only the warranty can cover it. */
  contractType?: ContractType;
  warrantyEnd?: string;
  contractEnd?: string;
}

/** A registry date as the last millisecond it covers: a plain date covers its whole day. */
function coveredUntil(date: string | undefined): number | null {
  if (!date) return null;
  const ms = registryDateMs(date);
  if (!Number.isFinite(ms)) return null;
  return date.length === 10 ? ms + DAY - 1 : ms;
}

const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * What the contract covers at `at`, and whether the visit is billable: under warranty
 * or a running full-service contract the customer pays nothing; time and materials,
 * an expired contract or an unregistered device are billed.
 */
export function entitlementOf(device: ContractFacts | null, at: number): Entitlement {
  if (!device)
    return { coverage: 'expired', billable: true, reason: 'device not in the registry: no contract on file' };
  const warranty = coveredUntil(device.warrantyEnd);
  const contract = coveredUntil(device.contractEnd);
  if (warranty !== null && at <= warranty)
    return { coverage: 'warranty', billable: false, reason: `under warranty until ${iso(warranty)}` };
  const running = contract === null || at <= contract;
  const until = contract === null ? 'open-ended' : `until ${iso(contract)}`;
  switch (device.contractType) {
    case 'full-service':
      if (running)
        return { coverage: 'full-service', billable: false, reason: `full-service contract ${until}` };
      break;
    case 'time-and-materials':
      if (running)
        return {
          coverage: 'time-and-materials',
          billable: true,
          reason: `time-and-materials contract ${until}`,
        };
      break;
    case 'warranty':
      if (warranty === null && contract !== null && at <= contract)
        return { coverage: 'warranty', billable: false, reason: `under warranty until ${iso(contract)}` };
      break;
    case undefined:
      break;
  }
  const ended = Math.max(warranty ?? -Infinity, contract ?? -Infinity);
  const what = device.contractType ?? 'no contract on file';
  return {
    coverage: 'expired',
    billable: true,
    reason: Number.isFinite(ended) ? `${what}: ended ${iso(ended)}` : `${what}: no end date on file`,
  };
}

/** What the trigger says about urgency. */
export interface Urgency {
  severity?: FaultSeverity;
  /** Prediction: probability of failure within its horizon. */
  probability?: number;
  remainingDays?: number | null;
}

/**
 * Priority from the kind of work, how bad it is and the contract: a machine down
 * under a full-service contract or warranty comes first; a worn part the prediction
 * gives days to, next; routine work last.
 */
export function priorityFor(kind: WorkOrderKind, u: Urgency, coverage: Coverage): Priority {
  const covered = coverage === 'warranty' || coverage === 'full-service';
  switch (kind) {
    case 'corrective':
      if (u.severity === 'machine-down') return covered ? 'critical' : 'high';
      if (u.severity === 'major') return covered ? 'high' : 'medium';
      return covered ? 'medium' : 'low';
    case 'proactive': {
      const soon = u.remainingDays !== undefined && u.remainingDays !== null && u.remainingDays <= 3;
      return soon || (u.probability ?? 0) >= 0.9 ? 'high' : 'medium';
    }
    case 'customer-request':
      return covered ? 'high' : 'medium';
    case 'preventive':
    case 'installation':
      return 'low';
  }
}

/** No targets, nothing met or raised. */
export const emptyServiceLevel = (): ServiceLevel => ({
  responseDueAt: null,
  resolutionDueAt: null,
  respondedAt: null,
  resolvedAt: null,
  responseWarnedAt: null,
  responseBreachedAt: null,
  resolutionWarnedAt: null,
  resolutionBreachedAt: null,
});

/** When a prediction or a plan wants the work done; see serviceLevelFor. */
export interface Target {
  /** Plan due date (preventive). */
  dueAt?: number | null;
  /** Prediction: expected remaining life and the alert horizon. */
  remainingDays?: number | null;
  horizonDays?: number;
}

/**
 * Due times for a new order. Breakdowns and customer calls get the contract's
 * response (technician on site) and resolution targets; a proactive order is due
 * halfway to the predicted failure (never sooner than the contract's resolution
 * time); a preventive one by its plan's due date; installations have none.
 */
export function serviceLevelFor(
  kind: WorkOrderKind,
  coverage: Coverage,
  openedAt: number,
  policy: SlaPolicy,
  target: Target = {},
): ServiceLevel {
  const level = emptyServiceLevel();
  const { responseHours, resolutionHours } = policy.targets[coverage];
  switch (kind) {
    case 'corrective':
    case 'customer-request':
      level.responseDueAt = openedAt + responseHours * HOUR;
      level.resolutionDueAt = openedAt + resolutionHours * HOUR;
      break;
    case 'proactive': {
      const days = target.remainingDays ?? target.horizonDays ?? null;
      const half = days === null ? 0 : (days * DAY) / 2;
      level.resolutionDueAt = openedAt + Math.max(resolutionHours * HOUR, half);
      break;
    }
    case 'preventive':
      level.resolutionDueAt = Math.max(openedAt, target.dueAt ?? openedAt + resolutionHours * HOUR);
      break;
    case 'installation':
      break;
  }
  return level;
}

export type SlaTarget = 'response' | 'resolution';
export interface SlaAlert {
  target: SlaTarget;
  stage: 'warning' | 'breach';
  dueAt: number;
}

/**
 * What the SLA timer must raise for an order at `now`: a warning once `warningShare`
 * of the time to a due time has passed, a breach once it is due, each once. A
 * target met (responded, resolved) or an order no longer open raises nothing. Pure.
 */
export function slaAlerts(order: WorkOrder, now: number, warningShare: number): SlaAlert[] {
  if (!isOpen(order.status)) return [];
  const s = order.sla;
  const alerts: SlaAlert[] = [];
  const check = (
    target: SlaTarget,
    due: number | null,
    met: number | null,
    warned: number | null,
    breached: number | null,
  ): void => {
    if (due === null || met !== null || breached !== null) return;
    if (now >= due) alerts.push({ target, stage: 'breach', dueAt: due });
    else if (warned === null && now >= order.createdAt + warningShare * (due - order.createdAt))
      alerts.push({ target, stage: 'warning', dueAt: due });
  };
  check('response', s.responseDueAt, s.respondedAt, s.responseWarnedAt, s.responseBreachedAt);
  check('resolution', s.resolutionDueAt, s.resolvedAt, s.resolutionWarnedAt, s.resolutionBreachedAt);
  return alerts;
}

/** The order's service level with the alerts recorded (so each is raised once). */
export function recordSlaAlerts(level: ServiceLevel, alerts: readonly SlaAlert[], now: number): ServiceLevel {
  const next = { ...level };
  for (const a of alerts) {
    if (a.target === 'response') {
      next.responseWarnedAt ??= now;
      if (a.stage === 'breach') next.responseBreachedAt = now;
    } else {
      next.resolutionWarnedAt ??= now;
      if (a.stage === 'breach') next.resolutionBreachedAt = now;
    }
  }
  return next;
}
