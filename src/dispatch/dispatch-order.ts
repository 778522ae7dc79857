import type { LatLon } from '../common/geo.js';
import { requiredCertifications } from '../technicians/certifications.js';
import type { CertificationRequirement } from '../technicians/technician.js';
import type { WorkOrder, WorkOrderKind } from '../work-orders/work-order.js';
import { MINUTE, type DispatchOrder } from './dispatch-model.js';

/** Planned time on site by kind of work, minutes (a planner's defaults; a plan carried along adds its PM). */
export const VISIT_MINUTES: Record<WorkOrderKind, number> = {
  corrective: 90,
  proactive: 75,
  preventive: 60,
  'customer-request': 60,
  installation: 180,
};
/** A maintenance plan done in the same visit. */
export const PM_EXTRA_MINUTES = 30;

export function plannedMinutes(o: Pick<WorkOrder, 'kind' | 'planId'>): number {
  return VISIT_MINUTES[o.kind] + (o.kind !== 'preventive' && o.planId ? PM_EXTRA_MINUTES : 0);
}

/**
 * When the technician should be on site: the response due time while nobody has
 * responded; else the resolution due time less the planned work; else the plan's
 * due date (preventive) less the work; null without any.
 */
export function visitDueAt(o: Pick<WorkOrder, 'sla' | 'dueAt' | 'kind' | 'planId'>): number | null {
  const work = plannedMinutes(o) * MINUTE;
  if (o.sla.responseDueAt !== null && o.sla.respondedAt === null) return o.sla.responseDueAt;
  if (o.sla.resolutionDueAt !== null) return o.sla.resolutionDueAt - work;
  if (o.dueAt !== null) return o.dueAt - work;
  return null;
}

/** What the registry says of the order's site and model. */
export interface OrderPlace {
  location: LatLon | null;
  equipmentKind: string | null;
}

/** A work order as dispatch sees it. */
export function toDispatchOrder(
  o: WorkOrder,
  place: OrderPlace,
  requirements: readonly CertificationRequirement[],
): DispatchOrder {
  return {
    orderId: o.id,
    deviceId: o.deviceId,
    customerId: o.customerId,
    siteId: o.siteId,
    modelId: o.modelId,
    equipmentKind: place.equipmentKind,
    component: o.component,
    kind: o.kind,
    priority: o.priority,
    location: place.location,
    durationMin: plannedMinutes(o),
    earliestStart: Math.max(
      o.createdAt,
      o.status === 'scheduled' && o.scheduledStart !== null ? o.scheduledStart : 0,
    ),
    dueAt: visitDueAt(o),
    createdAt: o.createdAt,
    requiredCertifications: requiredCertifications(requirements, {
      modelId: o.modelId,
      equipmentKind: place.equipmentKind,
      component: o.component,
    }),
    parts: [
      ...new Set([
        ...(o.diagnosis?.parts.map((p) => p.component) ?? []),
        ...(o.component ? [o.component] : []),
      ]),
    ],
  };
}
