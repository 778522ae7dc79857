import { haversineKm, type LatLon } from '../common/geo.js';
import type { Window } from '../technicians/working-hours.js';
import type { Priority, WorkOrderKind } from '../work-orders/work-order.js';

/** What dispatch needs of a work order (built from the order and its site by the dispatch service). */
export interface DispatchOrder {
  orderId: string;
  deviceId: string;
  customerId: string | null;
  siteId: string | null;
  modelId: string | null;
  equipmentKind: string | null;
  /** The part the work is about; null for device-level work (PM, installation). */
  component: string | null;
  kind: WorkOrderKind;
  priority: Priority;
  /** The site's coordinates; null when the registry has none. */
  location: LatLon | null;
  /** Planned time on site, minutes. */
  durationMin: number;
  /** Not before: a date the customer asked for, else when the order opened. */
  earliestStart: number;
  /**
   * The technician should be on site by then: the response due time; else the
   * resolution due time less the work; else a plan's due date. Null: no deadline.
   */
  dueAt: number | null;
  createdAt: number;
  /** Certifications the work needs (certification requirements of the technicians feature). */
  requiredCertifications: string[];
  /** Parts the diagnosis says to bring. */
  parts: string[];
}

/** A visit in a technician's day. */
export interface Visit {
  orderId: string;
  location: LatLon | null;
  durationMin: number;
  earliestStart: number;
  dueAt: number | null;
  priority: Priority;
  /** Under way (en route, on site): first in the day, never moved or bumped. */
  pinned: boolean;
}

/** A visit with its times in a planned route. */
export interface RouteStop extends Visit {
  arrival: number;
  departure: number;
  /** Road km and minutes from the previous stop (or the start). */
  travelKm: number;
  travelMin: number;
  /** Minutes on site after `dueAt` (0 when on time or without one). */
  lateMin: number;
}

/** Where and when a technician's route starts on a day. */
export interface RouteStart {
  position: LatLon;
  at: number;
  /** In words: `home base`, `current position`. */
  from: string;
}

/**
 * How travel is estimated: the haversine great-circle distance times a detour
 * factor (roads are not straight; 1.3 is the usual figure for European road
 * networks), at an average speed. No road network: a distance matrix service can
 * replace `roadKm` later.
 */
export interface TravelModel {
  speedKmh: number;
  roadFactor: number;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function roadKm(a: LatLon | null, b: LatLon | null, travel: TravelModel): number {
  if (!a || !b) return 0;
  return haversineKm(a, b) * travel.roadFactor;
}

export function travelMinutes(km: number, travel: TravelModel): number {
  return (km / travel.speedKmh) * 60;
}

/** A day of a technician, as the route planner sees it. */
export interface PlanDay {
  day: string;
  window: Window;
  start: RouteStart;
  /** Visits done earlier that day: they count towards the most jobs per day. */
  done: number;
  visits: Visit[];
}

export const PRIORITY_ORDER: Record<Priority, number> = { critical: 0, high: 1, medium: 2, low: 3 };

type UrgencyKey = Pick<DispatchOrder, 'dueAt' | 'priority' | 'orderId'> & { createdAt?: number };

/**
 * The order work is dispatched in: the earliest due time first (no due time last),
 * then by priority, then the oldest.
 */
export function byUrgency(a: UrgencyKey, b: UrgencyKey): number {
  const da = a.dueAt ?? Number.POSITIVE_INFINITY;
  const db = b.dueAt ?? Number.POSITIVE_INFINITY;
  if (da !== db) return da < db ? -1 : 1;
  const p = PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority];
  if (p) return p;
  const ca = a.createdAt ?? 0;
  const cb = b.createdAt ?? 0;
  if (ca !== cb) return ca - cb;
  return a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0;
}

/** Urgent work may bump planned work of the day: a critical order, or a high one due within the day. */
export function isUrgent(o: Pick<DispatchOrder, 'priority' | 'dueAt'>, now: number): boolean {
  return o.priority === 'critical' || (o.priority === 'high' && o.dueAt !== null && o.dueAt - now <= DAY);
}

export function visitOf(o: DispatchOrder): Visit {
  return {
    orderId: o.orderId,
    location: o.location,
    durationMin: o.durationMin,
    earliestStart: o.earliestStart,
    dueAt: o.dueAt,
    priority: o.priority,
    pinned: false,
  };
}
