import type { Window } from '../technicians/working-hours.js';
import {
  byUrgency,
  MINUTE,
  roadKm,
  travelMinutes,
  type RouteStart,
  type RouteStop,
  type TravelModel,
  type Visit,
} from './dispatch-model.js';

/**
 * A technician's day as a route: visits in order with their times. Built by nearest
 * neighbour and by due time, each improved by 2-opt, the better kept; objective:
 * minutes driven plus `lateWeight` per minute on site after a due time. Hard rules
 * are never traded: a route whose visits end after the shift is infeasible, and
 * `fitDay` drops the least urgent visits until it is not.
 */

export interface RouteOptions {
  travel: TravelModel;
  /** What a minute late costs, in minutes of driving (default 10: SLA first, travel next). */
  lateWeight: number;
}

export interface Route {
  stops: RouteStop[];
  travelKm: number;
  travelMin: number;
  lateMin: number;
  /** Minutes of work after the shift's end (non-pinned visits): > 0 is infeasible. */
  overrunMin: number;
  feasible: boolean;
  endsAt: number;
  cost: number;
}

/** Overrunning the shift weighs so much that 2-opt first makes a route feasible. */
const OVERRUN_WEIGHT = 1000;

/** Times of the visits in this order from `start`; waits for a visit's earliest start and the shift start. */
export function evaluateRoute(
  start: RouteStart,
  window: Window,
  visits: readonly Visit[],
  o: RouteOptions,
): Route {
  let t = Math.max(start.at, window.start);
  let pos = start.position;
  const stops: RouteStop[] = [];
  let travelKm = 0;
  let travelMin = 0;
  let lateMin = 0;
  let overrunMin = 0;
  for (const v of visits) {
    const km = roadKm(pos, v.location, o.travel);
    const min = travelMinutes(km, o.travel);
    const arrival = Math.max(t + min * MINUTE, v.earliestStart, window.start);
    const departure = arrival + v.durationMin * MINUTE;
    const late = v.dueAt === null ? 0 : Math.max(0, arrival - v.dueAt) / MINUTE;
    if (!v.pinned) overrunMin += Math.max(0, departure - window.end) / MINUTE;
    // fields written out rather than spread: this runs for every candidate of every order (the hot path)
    stops.push({
      orderId: v.orderId,
      location: v.location,
      durationMin: v.durationMin,
      earliestStart: v.earliestStart,
      dueAt: v.dueAt,
      priority: v.priority,
      pinned: v.pinned,
      arrival,
      departure,
      travelKm: km,
      travelMin: min,
      lateMin: late,
    });
    travelKm += km;
    travelMin += min;
    lateMin += late;
    t = departure;
    if (v.location) pos = v.location;
  }
  return {
    stops,
    travelKm,
    travelMin,
    lateMin,
    overrunMin,
    feasible: overrunMin === 0,
    endsAt: t,
    cost: travelMin + o.lateWeight * lateMin + OVERRUN_WEIGHT * overrunMin,
  };
}

/** Feasible beats infeasible; then the lower cost (ties: the first). */
export function isBetter(a: Pick<Route, 'cost' | 'feasible'>, b: Pick<Route, 'cost' | 'feasible'>): boolean {
  if (a.feasible !== b.feasible) return a.feasible;
  return a.cost < b.cost - 1e-9;
}

const pinnedFirst = (visits: readonly Visit[]): [Visit[], Visit[]] => [
  visits.filter((v) => v.pinned),
  visits.filter((v) => !v.pinned),
];

/** Nearest neighbour on the objective: next is the visit cheapest to do now (travel, lateness). */
function nearestNeighbour(
  start: RouteStart,
  window: Window,
  pinned: Visit[],
  free: Visit[],
  o: RouteOptions,
): Visit[] {
  const head = evaluateRoute(start, window, pinned, o);
  let t = head.endsAt;
  let pos = pinned.filter((v) => v.location).pop()?.location ?? start.position;
  const left = [...free];
  const out = [...pinned];
  while (left.length) {
    let best = 0;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let i = 0; i < left.length; i++) {
      const v = left[i];
      const min = travelMinutes(roadKm(pos, v.location, o.travel), o.travel);
      const arrival = Math.max(t + min * MINUTE, v.earliestStart, window.start);
      const late = v.dueAt === null ? 0 : Math.max(0, arrival - v.dueAt) / MINUTE;
      const cost = min + o.lateWeight * late + (arrival - t) / MINUTE / 1000;
      if (cost < bestCost - 1e-9 || (Math.abs(cost - bestCost) <= 1e-9 && v.orderId < left[best].orderId)) {
        best = i;
        bestCost = cost;
      }
    }
    const v = left.splice(best, 1)[0];
    const min = travelMinutes(roadKm(pos, v.location, o.travel), o.travel);
    t = Math.max(t + min * MINUTE, v.earliestStart, window.start) + v.durationMin * MINUTE;
    if (v.location) pos = v.location;
    out.push(v);
  }
  return out;
}

/** The objective of a route and whether it is feasible, without building its stops: what 2-opt compares. */
function routeCost(
  start: RouteStart,
  window: Window,
  visits: readonly Visit[],
  o: RouteOptions,
): { cost: number; feasible: boolean } {
  let t = Math.max(start.at, window.start);
  let pos = start.position;
  let cost = 0;
  let overrun = 0;
  for (const v of visits) {
    const min = travelMinutes(roadKm(pos, v.location, o.travel), o.travel);
    const arrival = Math.max(t + min * MINUTE, v.earliestStart, window.start);
    t = arrival + v.durationMin * MINUTE;
    cost += min;
    if (v.dueAt !== null && arrival > v.dueAt) cost += (o.lateWeight * (arrival - v.dueAt)) / MINUTE;
    if (!v.pinned && t > window.end) overrun += (t - window.end) / MINUTE;
    if (v.location) pos = v.location;
  }
  return { cost: cost + OVERRUN_WEIGHT * overrun, feasible: overrun === 0 };
}

/** 2-opt over the visits after the pinned ones: reverse a stretch while that improves the route. */
export function twoOpt(start: RouteStart, window: Window, visits: readonly Visit[], o: RouteOptions): Route {
  const fixed = visits.filter((v) => v.pinned).length;
  const order = [...visits];
  let best = routeCost(start, window, order, o);
  for (let round = 0, improved = true; improved && round < 50; round++) {
    improved = false;
    for (let i = fixed; i < order.length - 1; i++) {
      for (let j = i + 1; j < order.length; j++) {
        reverse(order, i, j);
        const r = routeCost(start, window, order, o);
        if (isBetter(r, best)) {
          best = r;
          improved = true;
        } else reverse(order, i, j);
      }
    }
  }
  return evaluateRoute(start, window, order, o);
}

function reverse<T>(a: T[], i: number, j: number): void {
  for (let x = i, y = j; x < y; x++, y--) [a[x], a[y]] = [a[y], a[x]];
}

/**
 * The best order of the day's visits: nearest neighbour then 2-opt, and earliest due
 * first then 2-opt; the better of the two. Pinned visits stay first, as given.
 */
export function optimizeRoute(
  start: RouteStart,
  window: Window,
  visits: readonly Visit[],
  o: RouteOptions,
): Route {
  const [pinned, free] = pinnedFirst(visits);
  const nn = twoOpt(start, window, nearestNeighbour(start, window, pinned, free, o), o);
  const edf = twoOpt(start, window, [...pinned, ...[...free].sort(byUrgency)], o);
  return isBetter(edf, nn) ? edf : nn;
}

/** The least urgent of the visits that may be moved: no due time or the latest, lowest priority, newest. */
function leastUrgent(visits: readonly Visit[]): Visit | null {
  const movable = visits.filter((v) => !v.pinned);
  if (!movable.length) return null;
  return [...movable].sort((a, b) => byUrgency(b, a))[0];
}

/**
 * The day's route within the hard rules: at most `maxVisits` visits, none ending after
 * the shift. The least urgent visits that do not fit are dropped (to be planned again
 * elsewhere), never a pinned one.
 */
export function fitDay(
  start: RouteStart,
  window: Window,
  visits: readonly Visit[],
  maxVisits: number,
  o: RouteOptions,
): { route: Route; dropped: Visit[] } {
  let kept = [...visits];
  const dropped: Visit[] = [];
  // over the most visits: the least urgent go before any routing
  while (kept.length > maxVisits) {
    const out = leastUrgent(kept);
    if (!out) break;
    kept = kept.filter((v) => v !== out);
    dropped.push(out);
  }
  for (;;) {
    const route = optimizeRoute(start, window, kept, o);
    if (route.feasible && kept.length <= maxVisits) return { route, dropped };
    const out = leastUrgent(kept);
    if (!out) return { route, dropped };
    kept = kept.filter((v) => v !== out);
    dropped.push(out);
  }
}

/** The cheapest feasible place for one more visit in a route (after the pinned ones); null: none. */
export function cheapestInsertion(
  start: RouteStart,
  window: Window,
  route: readonly Visit[],
  visit: Visit,
  o: RouteOptions,
): Route | null {
  const fixed = route.filter((v) => v.pinned).length;
  const candidate = [...route.slice(0, fixed), visit, ...route.slice(fixed)];
  let best = -1;
  let bestCost = Number.POSITIVE_INFINITY;
  for (let i = fixed; i <= route.length; i++) {
    if (i > fixed) [candidate[i - 1], candidate[i]] = [candidate[i], candidate[i - 1]];
    const r = routeCost(start, window, candidate, o);
    if (r.feasible && r.cost < bestCost - 1e-9) {
      best = i;
      bestCost = r.cost;
    }
  }
  if (best < 0) return null;
  return evaluateRoute(start, window, [...route.slice(0, best), visit, ...route.slice(best)], o);
}

/**
 * An urgent visit that fits nowhere in a full day takes the place of planned work: the
 * least urgent visits (never pinned, never due before it) leave, one and then two,
 * until it fits. Null when it still does not.
 */
export function insertBumping(
  start: RouteStart,
  window: Window,
  route: readonly Visit[],
  visit: Visit,
  maxVisits: number,
  o: RouteOptions,
  maxBumped = 2,
): { route: Route; bumped: Visit[] } | null {
  const due = visit.dueAt ?? Number.POSITIVE_INFINITY;
  const movable = route
    .filter((v) => !v.pinned && (v.dueAt === null || v.dueAt > due))
    .sort((a, b) => byUrgency(b, a));
  for (let n = 1; n <= Math.min(maxBumped, movable.length); n++) {
    const bumped = movable.slice(0, n);
    const rest = route.filter((v) => !bumped.includes(v));
    if (rest.length + 1 > maxVisits) continue;
    const r = cheapestInsertion(start, window, rest, visit, o);
    if (r) return { route: r, bumped };
  }
  return null;
}
