import { Inject, Injectable, Logger } from '@nestjs/common';
import { mulberry32 } from '../common/seeded-random.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DomainEventBus } from '../events/domain-event-bus.js';
import { FeedbackService } from '../feedback/feedback.service.js';
import { RegistryService } from '../registry/registry.service.js';
import type { Technician } from '../technicians/technician.js';
import { TechniciansService } from '../technicians/technicians.service.js';
import type { WorkOrder } from '../work-orders/work-order.js';
import { WorkOrdersService } from '../work-orders/work-orders.service.js';
import type { DayPlan, DispatchAssignment, PlannedStop } from './dispatch-events.js';
import { isUrgent, type DispatchOrder, type PlanDay, type Visit } from './dispatch-model.js';
import { toDispatchOrder, type OrderPlace } from './dispatch-order.js';
import {
  DISPATCH_PLAN_REPOSITORY,
  type DispatchPlanRepository,
  type StoredDecision,
  type StoredPlan,
} from './dispatch-plan.repository.js';
import { normaliseWeights } from './dispatch-score.js';
import { DispatchMetrics } from './dispatch.metrics.js';
import {
  dispatchBatch,
  planDays,
  routeOfDay,
  type Decision,
  type DispatchSettings,
  type Proposal,
  type Rejection,
  type TechnicianState,
} from './dispatcher.js';

const ACTOR = 'system:dispatch';
/** Orders dispatch places: not yet given to anyone. */
const WAITING: ReadonlySet<WorkOrder['status']> = new Set(['new', 'scheduled']);
const MAX_ATTEMPTS = 3;

/** What dispatch decided about one order, as the API shows it. */
export interface DispatchDecisionView {
  orderId: string;
  outcome: StoredDecision['outcome'];
  at: number;
  /** The chosen technician (assigned), else null. */
  technicianId: string | null;
  /** Ranked proposals, each with its score explained (assigned, proposed). */
  proposals: Proposal[];
  /** Why each technician cannot take it (unassignable). */
  rejected: Rejection[];
}

/**
 * Dispatch: when an order opens (or on demand, or from the job for orders still
 * waiting), every active technician through the hard rules, the weighted score of
 * those left, and the order assigned to the best (`DISPATCH_AUTO_ASSIGN`) or the top
 * three proposed. The chosen technician's day plan is planned again and kept in the
 * records database (compare-and-set on its version). Work orders are moved through
 * the work-orders service, never their records.
 */
@Injectable()
export class DispatchService {
  private readonly log = new Logger(DispatchService.name);
  private readonly random: () => number;

  constructor(
    @Inject(DISPATCH_PLAN_REPOSITORY) private readonly plans: DispatchPlanRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly orders: WorkOrdersService,
    private readonly technicians: TechniciansService,
    private readonly feedback: FeedbackService,
    private readonly registry: RegistryService,
    private readonly bus: DomainEventBus,
    private readonly metrics: DispatchMetrics,
  ) {
    this.random = mulberry32(config.dispatch.randomSeed);
  }

  private settings(now: number): DispatchSettings {
    const d = this.config.dispatch;
    return {
      now,
      strategy: d.strategy,
      weights: normaliseWeights(d.weights),
      travel: { speedKmh: d.speedKmh, roadFactor: d.roadFactor },
      travelScaleKm: d.travelScaleKm,
      lateWeight: d.lateWeight,
      certificationWarningDays: this.config.technicians.certificationWarningDays,
      priorWeight: this.config.feedback.prior.weight,
      random: this.random,
    };
  }

  /**
   * Dispatches one order at `now`: assigns it (`assign`, default the configured
   * auto-assign) or proposes the top three. Null when the order is no longer waiting
   * (someone assigned it, it was cancelled).
   */
  async dispatch(
    orderId: string,
    now: number,
    assign = this.config.dispatch.autoAssign,
    only?: string,
  ): Promise<DispatchDecisionView | null> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const order = await this.orders.get(orderId);
      if (!WAITING.has(order.status) || order.assignee) return null;
      const r = await this.tryDispatch(order, now, assign, only);
      if (r) return r;
    }
    throw new DomainError(
      ErrorCode.Conflict,
      `the plans kept changing while dispatching ${orderId}; try again`,
    );
  }

  /**
   * A dispatcher accepts a proposal: the order goes to this technician, in their
   * earliest day with room, through the same hard rules (409 with the reasons when
   * they no longer pass).
   */
  async accept(
    orderId: string,
    technicianId: string,
    actor: string,
    now: number,
  ): Promise<DispatchDecisionView> {
    const d = await this.dispatch(orderId, now, true, technicianId);
    if (!d) throw new DomainError(ErrorCode.Conflict, `work order ${orderId} is not waiting for dispatch`);
    if (d.outcome !== 'assigned')
      throw new DomainError(
        ErrorCode.Conflict,
        `${technicianId} cannot take ${orderId}: ${
          d.rejected.flatMap((r) => r.reasons.map((x) => x.detail)).join('; ') || 'not an active technician'
        }`,
      );
    this.log.log({ orderId, technicianId, actor }, 'proposal accepted');
    return d;
  }

  /** One attempt; null when a day plan changed under it (another replica): the caller tries again. */
  private async tryDispatch(
    order: WorkOrder,
    now: number,
    assign: boolean,
    only?: string,
  ): Promise<DispatchDecisionView | null> {
    const requirements = await this.technicians.requirements();
    const o = toDispatchOrder(order, await this.placeOf(order), requirements);
    const all = await this.states(now);
    const stored = all.stored;
    const states = only ? all.states.filter((x) => x.technician.technicianId === only) : all.states;
    // an urgent order may bump planned work: the bumped orders are dispatched again in the batch
    const known = new Map<string, DispatchOrder>();
    if (assign && isUrgent(o, now)) {
      for (const p of stored.values())
        for (const v of p.visits) {
          if (v.pinned || known.has(v.orderId)) continue;
          const planned = await this.orders.get(v.orderId).catch(() => null);
          if (planned)
            known.set(v.orderId, toDispatchOrder(planned, await this.placeOf(planned), requirements));
        }
    }
    const s = this.settings(now);
    const result = dispatchBatch([o], states, s, assign, known);
    // a dispatcher's choice that fails the hard rules changes nothing: the reasons go back to them
    const own = result.decisions.find((d) => d.orderId === o.orderId)!;
    if (only && own.outcome !== 'assigned') return decisionView(own, now);
    // plans first, each compare-and-set: a plan another replica changed meanwhile means start again
    for (const changed of result.plans) {
      const state = states.find((x) => x.technician.technicianId === changed.technicianId)!;
      const day = state.days.find((d) => d.day === changed.day)!;
      const key = `${changed.technicianId}/${changed.day}`;
      const previous = stored.get(key) ?? null;
      const plan = this.storedPlan(state.technician, day, previous, now);
      if (!(await this.plans.save(plan, previous?.version ?? 0))) {
        this.metrics.planConflicts.inc();
        return null;
      }
      this.bus.publish('dispatch.plan-changed', {
        technicianId: plan.technicianId,
        day: plan.day,
        at: now,
        reason: `order ${o.orderId} dispatched`,
        plan: viewOf(plan),
      });
    }
    let mine: DispatchDecisionView | null = null;
    for (const d of result.decisions) {
      const mode = d.orderId !== o.orderId ? 'redispatched' : only ? 'accepted' : 'auto';
      const view = await this.apply(d, now, mode);
      if (d.orderId === o.orderId) mine = view;
    }
    return mine;
  }

  /** Keeps a decision, moves the order and announces it. */
  private async apply(
    d: Decision,
    now: number,
    mode: DispatchAssignment['mode'],
  ): Promise<DispatchDecisionView> {
    const view = decisionView(d, now);
    const key =
      d.outcome === 'unassignable'
        ? d.rejected.map((r) => `${r.technicianId}:${r.reasons.map((x) => x.code).join('+')}`).join(',')
        : d.proposals.map((p) => p.technicianId).join(',');
    const previous = await this.plans.decision(d.orderId);
    await this.plans.saveDecision({ orderId: d.orderId, outcome: d.outcome, at: now, detail: view, key });
    this.metrics.decisions.inc({ outcome: d.outcome, strategy: this.config.dispatch.strategy });
    const unchanged = previous?.outcome === d.outcome && previous.key === key;
    if (mode === 'redispatched' && d.outcome !== 'assigned') {
      // bumped and nobody else can take it now: out of the plans, back to a dispatcher
      const current = await this.orders.get(d.orderId);
      if (current.status === 'assigned')
        await this.orders.applyTransition(d.orderId, {
          to: 'scheduled',
          actor: ACTOR,
          at: now,
          note: `moved out of ${current.assignee}'s day by more urgent work; nobody else can take it now`,
          scheduledStart: current.scheduledStart ?? now,
        });
    }
    switch (d.outcome) {
      case 'assigned': {
        const p = d.proposal;
        const current = await this.orders.get(d.orderId);
        const times = { scheduledStart: p.arrival, scheduledEnd: p.departure };
        if (current.status === 'assigned' && current.assignee === p.technicianId)
          // bumped to a later visit of the same technician: only the times move
          await this.orders.reschedule(d.orderId, times, ACTOR, now, `moved to ${p.day} by more urgent work`);
        else {
          if (current.status === 'assigned')
            // bumped to someone else: back to the queue before the new technician takes it
            await this.orders.applyTransition(d.orderId, {
              to: 'scheduled',
              actor: ACTOR,
              at: now,
              note: `moved out of ${current.assignee}'s day by more urgent work`,
              ...times,
            });
          await this.orders.applyTransition(d.orderId, {
            to: 'assigned',
            actor: ACTOR,
            at: now,
            assignee: p.technicianId,
            ...times,
            note: `dispatched to ${p.technicianName} (score ${p.score.toFixed(3)}, rank ${p.rank} of ${d.proposals.length} shown)`,
          });
        }
        this.bus.publish('dispatch.assigned', {
          orderId: d.orderId,
          technicianId: p.technicianId,
          at: now,
          actor: ACTOR,
          mode,
          strategy: this.config.dispatch.strategy,
          proposal: p,
        });
        break;
      }
      case 'proposed':
        if (!unchanged)
          this.bus.publish('dispatch.proposed', {
            orderId: d.orderId,
            at: now,
            strategy: this.config.dispatch.strategy,
            proposals: d.proposals,
          });
        break;
      case 'unassignable':
        if (!unchanged)
          this.bus.publish('dispatch.unassignable', { orderId: d.orderId, at: now, rejected: d.rejected });
        break;
    }
    return view;
  }

  /** Where the order's machine is and what kind of equipment it is, from the registry. */
  private async placeOf(o: WorkOrder): Promise<OrderPlace> {
    const site = o.siteId ? await this.registry.get('sites', o.siteId).catch(() => null) : null;
    const model = o.modelId ? await this.registry.get('models', o.modelId).catch(() => null) : null;
    return {
      location: site?.lat !== undefined && site.lon !== undefined ? { lat: site.lat, lon: site.lon } : null,
      equipmentKind: model?.kind ?? null,
    };
  }

  /** Every active technician with their ratings and their planned days in the horizon. */
  private async states(now: number): Promise<{ states: TechnicianState[]; stored: Map<string, StoredPlan> }> {
    const horizon = this.config.dispatch.horizonDays;
    const roster = await this.technicians.roster();
    const ratings = await this.feedback.dispatchRatings();
    const days = new Set<string>();
    for (const t of roster) for (const d of planDays(t, now, horizon)) days.add(d.day);
    const stored = new Map<string, StoredPlan>();
    for (const p of await this.plans.plansOf(
      roster.map((t) => t.technicianId),
      [...days],
    ))
      stored.set(`${p.technicianId}/${p.day}`, p);
    const prior = this.config.feedback.prior;
    const states = roster.map((t): TechnicianState => {
      const planned = new Map<string, { visits: Visit[]; done: number }>();
      for (const p of stored.values())
        if (p.technicianId === t.technicianId) planned.set(p.day, { visits: p.visits, done: p.done.length });
      const overall = ratings.overall.get(t.technicianId);
      const customerRatings = new Map<string, { sum: number; count: number }>();
      for (const [customerId, byTech] of ratings.byCustomer) {
        const r = byTech.get(t.technicianId);
        if (r) customerRatings.set(customerId, r);
      }
      return {
        technician: t,
        overallRating: overall?.rating ?? prior.mean,
        overallCount: overall?.count ?? 0,
        customerRatings,
        days: planDays(t, now, horizon, planned),
      };
    });
    return { states, stored };
  }

  private storedPlan(t: Technician, d: PlanDay, previous: StoredPlan | null, now: number): StoredPlan {
    const route = routeOfDay(d, this.settings(now));
    const stops: PlannedStop[] = route.stops.map((s) => ({
      orderId: s.orderId,
      lat: s.location?.lat ?? null,
      lon: s.location?.lon ?? null,
      arrival: s.arrival,
      departure: s.departure,
      travelKm: s.travelKm,
      travelMin: s.travelMin,
      dueAt: s.dueAt,
      lateMin: s.lateMin,
      priority: s.priority,
      pinned: s.pinned,
    }));
    return {
      technicianId: t.technicianId,
      day: d.day,
      shiftStart: d.window.start,
      shiftEnd: d.window.end,
      start: { lat: d.start.position.lat, lon: d.start.position.lon, at: d.start.at, from: d.start.from },
      done: previous?.done ?? [],
      stops,
      travelKm: route.travelKm,
      lateMin: route.lateMin,
      endsAt: route.endsAt,
      version: (previous?.version ?? 0) + 1,
      updatedAt: now,
      visits: d.visits,
    };
  }

  /**
   * An order that left the plans' hands: completed (counted as done that day),
   * cancelled or put on hold (dropped), or under way (pinned first in its day).
   */
  async orderMoved(order: WorkOrder, now: number): Promise<void> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const containing = await this.plans.containing(order.id);
      let ok = true;
      for (const p of containing) {
        const next = this.released(p, order, now);
        if (next && !(await this.plans.save(next, p.version))) ok = false;
      }
      if (ok) return;
      this.metrics.planConflicts.inc();
    }
  }

  private released(p: StoredPlan, order: WorkOrder, now: number): StoredPlan | null {
    const visit = p.visits.find((v) => v.orderId === order.id);
    if (!visit) return null;
    // an order on its way back to the queue (scheduled) still names its old technician: not a reassignment
    const reassigned =
      ['assigned', 'en-route', 'in-progress'].includes(order.status) &&
      order.assignee !== null &&
      order.assignee !== p.technicianId;
    let visits = p.visits;
    let done = p.done;
    let reason: string;
    if (order.status === 'completed' || order.status === 'closed') {
      visits = visits.filter((v) => v.orderId !== order.id);
      done = [...done, order.id];
      reason = `order ${order.id} done`;
    } else if (reassigned || ['cancelled', 'on-hold', 'cannot-complete'].includes(order.status)) {
      visits = visits.filter((v) => v.orderId !== order.id);
      reason = `order ${order.id} ${reassigned ? `given to ${order.assignee}` : order.status}`;
    } else if ((order.status === 'en-route' || order.status === 'in-progress') && !visit.pinned) {
      visits = [{ ...visit, pinned: true }, ...visits.filter((v) => v.orderId !== order.id)];
      reason = `order ${order.id} ${order.status}`;
    } else return null;
    const stops = p.stops.filter((s) => visits.some((v) => v.orderId === s.orderId));
    const next: StoredPlan = {
      ...p,
      visits,
      done,
      stops,
      version: p.version + 1,
      updatedAt: Math.max(p.updatedAt, now),
    };
    this.bus.publish('dispatch.plan-changed', {
      technicianId: p.technicianId,
      day: p.day,
      at: now,
      reason,
      plan: viewOf(next),
    });
    return next;
  }

  // ---- reading and acting by hand ------------------------------------------------

  async decision(orderId: string): Promise<DispatchDecisionView> {
    const d = await this.plans.decision(orderId);
    if (!d) throw new DomainError(ErrorCode.NotFound, `dispatch has not looked at order ${orderId}`);
    return d.detail as DispatchDecisionView;
  }

  /** A technician's day plan; 404 when nothing is planned that day. */
  async plan(technicianId: string, day: string): Promise<DayPlan> {
    const p = await this.plans.get(technicianId, day);
    if (!p) throw new DomainError(ErrorCode.NotFound, `nothing planned for ${technicianId} on ${day}`);
    return viewOf(p);
  }

  /** The job: orders still waiting (new, or scheduled with nobody), most urgent first, up to `limit`. */
  async tick(now: number, limit = 200): Promise<{ dispatched: number; assigned: number }> {
    const page = await this.orders.list({ status: 'new,scheduled', limit });
    let assigned = 0;
    let dispatched = 0;
    for (const o of page.data) {
      if (o.assignee) continue;
      try {
        const d = await this.dispatch(o.id, now);
        if (!d) continue;
        dispatched++;
        if (d.outcome === 'assigned') assigned++;
      } catch (e) {
        this.log.warn({ orderId: o.id, err: (e as Error).message }, 'dispatch failed');
      }
    }
    return { dispatched, assigned };
  }
}

function decisionView(d: Decision, now: number): DispatchDecisionView {
  return {
    orderId: d.orderId,
    outcome: d.outcome,
    at: now,
    technicianId: d.outcome === 'assigned' ? d.proposal.technicianId : null,
    proposals: d.outcome === 'unassignable' ? [] : d.proposals,
    rejected: d.outcome === 'unassignable' ? d.rejected : [],
  };
}

/** The plan as the API and events show it (the planner's visit list left out). */
function viewOf({ visits: _visits, ...plan }: StoredPlan): DayPlan {
  return plan;
}
