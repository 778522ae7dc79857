import { MONDAY, north } from '../technicians/technician.factory.js';
import type { DispatchOrder, Visit } from './dispatch-model.js';

const HOUR = 3_600_000;

/** An order for specs: a C300 fuser at 10 km north of the origin, opened Monday 06:00, due 12:00. */
export function aDispatchOrder(over: Partial<DispatchOrder> = {}): DispatchOrder {
  return {
    orderId: 'WO-000001',
    deviceId: 'dev-1',
    customerId: 'cust-1',
    siteId: 'site-1',
    modelId: 'MFP-C300',
    equipmentKind: 'copier',
    component: 'fuser',
    kind: 'corrective',
    priority: 'high',
    location: north(10),
    durationMin: 90,
    earliestStart: MONDAY + 6 * HOUR,
    dueAt: MONDAY + 12 * HOUR,
    createdAt: MONDAY + 6 * HOUR,
    requiredCertifications: [],
    parts: ['fuser'],
    ...over,
  };
}

export function aVisit(over: Partial<Visit> = {}): Visit {
  return {
    orderId: 'WO-000001',
    location: north(10),
    durationMin: 60,
    earliestStart: MONDAY,
    dueAt: null,
    priority: 'medium',
    pinned: false,
    ...over,
  };
}
