import { emptyServiceLevel } from './service-level.js';
import type { VisitReport, WorkOrder } from './work-order.js';

/** A work order with every field filled, for specs and contract suites. */
export function aWorkOrder(over: Partial<WorkOrder> = {}): WorkOrder {
  return {
    id: 'WO-000001',
    deviceId: 'dev-1',
    component: 'fuser',
    kind: 'corrective',
    status: 'new',
    priority: 'high',
    title: 'fuser: F-301 Fuser temperature out of range',
    customerId: 'cust-1',
    siteId: 'site-1',
    modelId: 'MFP-C300',
    entitlement: {
      coverage: 'full-service',
      billable: false,
      reason: 'full-service contract until 2027-01-01',
    },
    sla: { ...emptyServiceLevel(), responseDueAt: 4 * 3_600_000, resolutionDueAt: 8 * 3_600_000 },
    evidence: [],
    diagnosis: null,
    assignee: null,
    scheduledStart: null,
    scheduledEnd: null,
    planId: null,
    dueAt: null,
    billing: null,
    commands: [],
    createdAt: 0,
    updatedAt: 0,
    closedAt: null,
    outcome: null,
    version: 1,
    ...over,
  };
}

export function aVisit(over: Partial<VisitReport> = {}): VisitReport {
  return {
    parts: [{ component: 'fuser', quantity: 1 }],
    pmDone: false,
    labourMinutes: 75,
    travelMinutes: 30,
    travelKm: 18,
    technician: 'tech-7',
    ...over,
  };
}
