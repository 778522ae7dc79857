import type { DispatchStrategy, Proposal, Rejection } from './dispatcher.js';

/** A planned visit of a day plan, with its times. */
export interface PlannedStop {
  orderId: string;
  lat: number | null;
  lon: number | null;
  arrival: number;
  departure: number;
  /** Road km and minutes from the previous stop or the start. */
  travelKm: number;
  travelMin: number;
  dueAt: number | null;
  /** Minutes on site after the due time. */
  lateMin: number;
  priority: string;
  /** Under way: first, never moved. */
  pinned: boolean;
}

/** One technician's day as planned: the route from the start through each visit. */
export interface DayPlan {
  technicianId: string;
  /** Local date in the technician's zone. */
  day: string;
  shiftStart: number;
  shiftEnd: number;
  start: { lat: number; lon: number; at: number; from: string };
  /** Visits done earlier that day (they count towards the most jobs per day). */
  done: string[];
  stops: PlannedStop[];
  travelKm: number;
  lateMin: number;
  endsAt: number;
  /** Bumped on every change. */
  version: number;
  updatedAt: number;
}

/** How an assignment came about. */
export type AssignmentMode = 'auto' | 'accepted' | 'redispatched';

export interface DispatchAssignment {
  orderId: string;
  technicianId: string;
  at: number;
  actor: string;
  mode: AssignmentMode;
  strategy: DispatchStrategy;
  /** The chosen technician's proposal: score, terms and weights, slot, warnings. */
  proposal: Proposal;
}

export interface DispatchProposalSet {
  orderId: string;
  at: number;
  strategy: DispatchStrategy;
  proposals: Proposal[];
}

export interface DispatchUnassignable {
  orderId: string;
  at: number;
  rejected: Rejection[];
}

export interface DispatchPlanChange {
  technicianId: string;
  day: string;
  at: number;
  reason: string;
  plan: DayPlan;
}
