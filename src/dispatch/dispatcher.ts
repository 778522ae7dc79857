import type { Technician } from '../technicians/technician.js';
import { shiftsFrom } from '../technicians/working-hours.js';
import {
  byUrgency,
  isUrgent,
  visitOf,
  type DispatchOrder,
  type PlanDay,
  type TravelModel,
  type Visit,
} from './dispatch-model.js';
import { scoreOf, type ScoreTerm, type ScoreWeights } from './dispatch-score.js';
import {
  slotEligibility,
  staticEligibility,
  type EligibilityWarning,
  type Ineligible,
  type IneligibleCode,
} from './eligibility.js';
import {
  cheapestInsertion,
  evaluateRoute,
  insertBumping,
  isBetter,
  optimizeRoute,
  type Route,
  type RouteOptions,
} from './route-planner.js';

/**
 * Dispatch, pure: for each order, every technician through the hard rules, then the
 * weighted score of those left, in their earliest day with room; the order goes to
 * the best (or, as baselines for the benchmark, the nearest or a random one), and
 * that technician's day is planned again (nearest neighbour and 2-opt). An urgent
 * order may bump less urgent planned work, which is dispatched again.
 */

export const DISPATCH_STRATEGIES = [
  /** The weighted score (the product). */
  'scored',
  /** Baseline: the nearest technician who passes the hard rules. */
  'nearest',
  /** Baseline: any technician who passes the hard rules, at random. */
  'random',
] as const;
export type DispatchStrategy = (typeof DISPATCH_STRATEGIES)[number];

/** A technician as dispatch sees them: the record, their ratings, their days in the horizon. */
export interface TechnicianState {
  technician: Technician;
  /** Bayesian average over every customer, and how many ratings. */
  overallRating: number;
  overallCount: number;
  /** Ratings by customer id: sum and count. */
  customerRatings: ReadonlyMap<string, { sum: number; count: number }>;
  /** Shift days in the horizon, earliest first, each with its planned visits in route order. */
  days: PlanDay[];
}

/**
 * A technician's shift days in the horizon, as the planner starts them: a day under
 * way starts now from where the technician is (their last reported position that
 * day, else home); a later day starts at the shift from home.
 */
export function planDays(
  t: Technician,
  now: number,
  horizonDays: number,
  planned: ReadonlyMap<string, { visits: Visit[]; done: number }> = new Map(),
): PlanDay[] {
  return shiftsFrom(t.workingHours, t.absences, now, horizonDays).map(({ day, window }) => {
    const underWay = window.start <= now;
    const here = underWay && t.position && t.position.at >= window.start ? t.position : null;
    return {
      day,
      window,
      start: underWay
        ? { position: here ?? t.homeBase, at: now, from: here ? 'current position' : 'home base' }
        : { position: t.homeBase, at: window.start, from: 'home base' },
      done: planned.get(day)?.done ?? 0,
      visits: [...(planned.get(day)?.visits ?? [])],
    };
  });
}

export interface DispatchSettings {
  now: number;
  strategy: DispatchStrategy;
  /** Normalised (see normaliseWeights). */
  weights: ScoreWeights;
  travel: TravelModel;
  travelScaleKm: number;
  lateWeight: number;
  certificationWarningDays: number;
  priorWeight: number;
  /** Uniform in [0, 1): the random baseline's draws (seeded by the caller). */
  random: () => number;
}

export interface Proposal {
  technicianId: string;
  technicianName: string;
  /** 1 is first. */
  rank: number;
  score: number;
  terms: ScoreTerm[];
  day: string;
  arrival: number;
  departure: number;
  travelKm: number;
  travelFrom: string;
  warnings: EligibilityWarning[];
  /** Orders this visit would move out of the technician's day (an urgent order). */
  bumps: string[];
}

export interface Rejection {
  technicianId: string;
  reasons: Ineligible[];
}

interface Candidate {
  state: TechnicianState;
  dayIndex: number;
  route: Route;
  bumped: Visit[];
  proposal: Omit<Proposal, 'rank'>;
}

export interface Evaluation {
  order: DispatchOrder;
  /** Ranked by the strategy; the first is who gets the work. */
  candidates: Candidate[];
  rejected: Rejection[];
}

export const routeOptions = (s: DispatchSettings): RouteOptions => ({
  travel: s.travel,
  lateWeight: s.lateWeight,
});

/** Days a visit may still be planned in: the shift not over, and not before the order may start. */
const usableDay = (d: PlanDay, o: DispatchOrder, now: number): boolean =>
  d.window.end > Math.max(now, o.earliestStart);

/** The earliest day with room for the order in one technician's plan; the reasons when none. */
function candidateFor(
  state: TechnicianState,
  o: DispatchOrder,
  s: DispatchSettings,
): { candidate: Candidate | null; reasons: Ineligible[] } {
  const t = state.technician;
  const base = staticEligibility(t, o);
  if (!base.eligible) return { candidate: null, reasons: base.reasons };
  const days = state.days.filter((d) => usableDay(d, o, s.now));
  if (!days.length)
    return { candidate: null, reasons: [{ code: 'off-duty', detail: 'no shift in the planning horizon' }] };
  const ro = routeOptions(s);
  const visit = visitOf(o);
  const urgent = isUrgent(o, s.now);
  const seen = new Map<IneligibleCode, Ineligible>();
  for (const d of days) {
    const dayIndex = state.days.indexOf(d);
    const jobs = d.done + d.visits.length;
    const tries: Array<{ route: Route; bumped: Visit[] }> = [];
    if (jobs < t.maxJobsPerDay) {
      const r = cheapestInsertion(d.start, d.window, d.visits, visit, ro);
      if (r) tries.push({ route: r, bumped: [] });
    }
    if (!tries.length && urgent && (o.dueAt === null || d.window.start < o.dueAt)) {
      const b = insertBumping(d.start, d.window, d.visits, visit, t.maxJobsPerDay - d.done, ro);
      if (b) tries.push(b);
    }
    if (!tries.length) {
      const code: IneligibleCode = jobs >= t.maxJobsPerDay ? 'day-full' : 'no-time';
      if (!seen.has(code))
        seen.set(code, {
          code,
          detail:
            code === 'day-full'
              ? `every day in the horizon has ${t.maxJobsPerDay} jobs`
              : 'the visit fits in no shift of the horizon',
        });
      continue;
    }
    const { route, bumped } = tries[0];
    const index = route.stops.findIndex((x) => x.orderId === o.orderId);
    const stop = route.stops[index];
    const checked = slotEligibility(
      t,
      o,
      {
        day: d.day,
        window: d.window,
        jobs: jobs - bumped.length,
        arrival: stop.arrival,
        departure: stop.departure,
      },
      s.now,
      s.certificationWarningDays,
    );
    if (checked.reasons.length) {
      for (const r of checked.reasons) if (!seen.has(r.code)) seen.set(r.code, r);
      continue;
    }
    const travelFrom = index === 0 ? d.start.from : `previous visit ${route.stops[index - 1].orderId}`;
    const { score, terms } = scoreOf(
      {
        travelKm: stop.travelKm,
        travelFrom,
        travelScaleKm: s.travelScaleKm,
        arrival: stop.arrival,
        dueAt: o.dueAt,
        createdAt: o.createdAt,
        skillLevel: base.skillLevel,
        customerRatings: (o.customerId && state.customerRatings.get(o.customerId)) || { sum: 0, count: 0 },
        overallRating: state.overallRating,
        overallCount: state.overallCount,
        priorWeight: s.priorWeight,
        jobs: jobs - bumped.length,
        maxJobs: t.maxJobsPerDay,
        parts: o.parts,
        carried: t.vanStock.filter((p) => p.quantity > 0).map((p) => p.component),
      },
      s.weights,
    );
    return {
      candidate: {
        state,
        dayIndex,
        route,
        bumped,
        proposal: {
          technicianId: t.technicianId,
          technicianName: t.name,
          score,
          terms,
          day: d.day,
          arrival: stop.arrival,
          departure: stop.departure,
          travelKm: stop.travelKm,
          travelFrom,
          warnings: checked.warnings,
          bumps: bumped.map((v) => v.orderId),
        },
      },
      reasons: [],
    };
  }
  return { candidate: null, reasons: [...seen.values()] };
}

const byId = (a: Candidate, b: Candidate): number =>
  a.proposal.technicianId < b.proposal.technicianId
    ? -1
    : a.proposal.technicianId > b.proposal.technicianId
      ? 1
      : 0;

const byScore = (a: Candidate, b: Candidate): number =>
  b.proposal.score - a.proposal.score || a.proposal.arrival - b.proposal.arrival || byId(a, b);

/** Every technician for one order, ranked by the strategy. */
export function evaluateOrder(
  o: DispatchOrder,
  states: readonly TechnicianState[],
  s: DispatchSettings,
): Evaluation {
  const candidates: Candidate[] = [];
  const rejected: Rejection[] = [];
  for (const state of states) {
    const r = candidateFor(state, o, s);
    if (r.candidate) candidates.push(r.candidate);
    else rejected.push({ technicianId: state.technician.technicianId, reasons: r.reasons });
  }
  switch (s.strategy) {
    case 'scored':
      candidates.sort(byScore);
      break;
    case 'nearest':
      candidates.sort((a, b) => a.proposal.travelKm - b.proposal.travelKm || byScore(a, b));
      break;
    case 'random': {
      candidates.sort(byScore);
      if (candidates.length) {
        const pick = Math.min(candidates.length - 1, Math.floor(s.random() * candidates.length));
        candidates.unshift(...candidates.splice(pick, 1));
      }
      break;
    }
  }
  return { order: o, candidates, rejected };
}

/** The top `n` of an evaluation as proposals, with their ranks. */
export function proposalsOf(e: Evaluation, n = 3): Proposal[] {
  return e.candidates.slice(0, n).map((c, i) => ({ ...c.proposal, rank: i + 1 }));
}

/**
 * The day after the order joins it: the insertion route, or the whole day planned
 * again (nearest neighbour, 2-opt) when that is better and still feasible. Never
 * more visits than the day takes, never past the shift.
 */
export function replanWith(c: Candidate, s: DispatchSettings): Visit[] {
  const d = c.state.days[c.dayIndex];
  const visits = c.route.stops.map(
    ({ arrival: _a, departure: _d, travelKm: _k, travelMin: _m, lateMin: _l, ...v }) => v,
  );
  const again = optimizeRoute(d.start, d.window, visits, routeOptions(s));
  const chosen = again.feasible && isBetter(again, c.route) ? again : c.route;
  return chosen.stops.map(
    ({ arrival: _a, departure: _d, travelKm: _k, travelMin: _m, lateMin: _l, ...v }) => v,
  );
}

export type Decision =
  | {
      orderId: string;
      outcome: 'assigned';
      proposal: Proposal;
      proposals: Proposal[];
      /** Orders bumped out of the technician's day by this one (dispatched again in the batch). */
      bumped: string[];
    }
  | { orderId: string; outcome: 'proposed'; proposals: Proposal[] }
  | { orderId: string; outcome: 'unassignable'; rejected: Rejection[] };

export interface BatchResult {
  decisions: Decision[];
  /** Technician id and day of every plan that changed, with its visits in route order. */
  plans: Array<{ technicianId: string; day: string; visits: Visit[] }>;
}

/**
 * Dispatches a batch: the most urgent order first, each placed before the next is
 * looked at, so later orders see the plans the earlier ones changed. `assign` false
 * only proposes (the plans stay as they are). Bumped orders (`known` gives them) are
 * dispatched again in the same batch; one is bumped at most once.
 */
export function dispatchBatch(
  orders: readonly DispatchOrder[],
  states: readonly TechnicianState[],
  s: DispatchSettings,
  assign: boolean,
  known: ReadonlyMap<string, DispatchOrder> = new Map(),
): BatchResult {
  const queue = [...orders].sort(byUrgency);
  const decisions: Decision[] = [];
  const changed = new Map<string, { technicianId: string; day: string; visits: Visit[] }>();
  const bumpedOnce = new Set<string>();
  while (queue.length) {
    const o = queue.shift()!;
    const e = evaluateOrder(o, states, s);
    if (!e.candidates.length) {
      decisions.push({ orderId: o.orderId, outcome: 'unassignable', rejected: e.rejected });
      continue;
    }
    const proposals = proposalsOf(e);
    if (!assign) {
      decisions.push({ orderId: o.orderId, outcome: 'proposed', proposals });
      continue;
    }
    // a bumped order may not bump in turn: it would chase itself around the roster
    let chosen = e.candidates[0];
    if (bumpedOnce.has(o.orderId) && chosen.bumped.length) {
      const alt = e.candidates.find((c) => !c.bumped.length);
      if (!alt) {
        decisions.push({ orderId: o.orderId, outcome: 'unassignable', rejected: e.rejected });
        continue;
      }
      chosen = alt;
    }
    const day = chosen.state.days[chosen.dayIndex];
    day.visits = replanWith(chosen, s);
    // the day's start, times and route now follow from the new visits
    changed.set(`${chosen.proposal.technicianId}/${day.day}`, {
      technicianId: chosen.proposal.technicianId,
      day: day.day,
      visits: day.visits,
    });
    const proposal = { ...chosen.proposal, rank: e.candidates.indexOf(chosen) + 1 };
    decisions.push({
      orderId: o.orderId,
      outcome: 'assigned',
      proposal,
      proposals,
      bumped: chosen.bumped.map((v) => v.orderId),
    });
    for (const b of chosen.bumped) {
      const order = known.get(b.orderId);
      bumpedOnce.add(b.orderId);
      if (order) {
        queue.push(order);
        queue.sort(byUrgency);
      }
    }
  }
  return { decisions, plans: [...changed.values()] };
}

/** A planned day's route with its times, for the API and the plan records. */
export function routeOfDay(d: PlanDay, s: Pick<DispatchSettings, 'travel' | 'lateWeight'>): Route {
  return evaluateRoute(d.start, d.window, d.visits, { travel: s.travel, lateWeight: s.lateWeight });
}
