import type { DayPlan } from './dispatch-events.js';
import type { Visit } from './dispatch-model.js';

/** A day plan as kept: the view with its times, and the visits in route order the planner reads. */
export interface StoredPlan extends DayPlan {
  visits: Visit[];
}

/** The last dispatch decision about an order. */
export interface StoredDecision {
  orderId: string;
  outcome: 'assigned' | 'proposed' | 'unassignable';
  at: number;
  /** Proposals (ranked) or rejections, as the API shows them. */
  detail: unknown;
  /** What makes two decisions the same (the ranking, or the reasons): an unchanged one is not announced again. */
  key: string;
}

/**
 * Technicians' day plans and dispatch decisions. `save` is compare-and-set on the
 * plan's version (0: a new plan), so the listener and the job (or two replicas)
 * never overwrite each other's plan. Spec: `test/contract/dispatch-plan.contract.ts`.
 */
export interface DispatchPlanRepository {
  get(technicianId: string, day: string): Promise<StoredPlan | null>;
  /** The plans of these technicians on these days. */
  plansOf(technicianIds: readonly string[], days: readonly string[]): Promise<StoredPlan[]>;
  /** Every plan of a day, by technician. */
  plansOn(day: string): Promise<StoredPlan[]>;
  /** The plans that hold an order (planned or done). */
  containing(orderId: string): Promise<StoredPlan[]>;
  /** False, nothing written, when the stored version is not `expectedVersion` (0: none stored). */
  save(plan: StoredPlan, expectedVersion: number): Promise<boolean>;
  decision(orderId: string): Promise<StoredDecision | null>;
  saveDecision(d: StoredDecision): Promise<void>;
}

export const DISPATCH_PLAN_REPOSITORY = Symbol('DispatchPlanRepository');
