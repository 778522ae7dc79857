import { MAX_SKILL_LEVEL } from '../technicians/technician.js';
import { HOUR } from './dispatch-model.js';

/**
 * The soft side of dispatch: among technicians who pass every hard rule, a weighted
 * score in [0, 1]. Each term is a value in [0, 1] times its weight (weights are
 * normalised to sum to 1), and every proposal carries the terms with a sentence each.
 */

export const SCORE_TERMS = ['travel', 'sla', 'skill', 'rating', 'workload', 'parts'] as const;
export type ScoreTermName = (typeof SCORE_TERMS)[number];
export type ScoreWeights = Record<ScoreTermName, number>;

export interface ScoreTerm {
  term: ScoreTermName;
  /** In [0, 1]: 1 is best. */
  value: number;
  /** Normalised weight. */
  weight: number;
  /** value × weight: the terms' contributions add up to the score. */
  contribution: number;
  detail: string;
}

export interface ScoreInputs {
  /** Road km from where the technician will be before the visit. */
  travelKm: number;
  /** Where that is, in words: `home base`, `current position`, `previous visit WO-000012`. */
  travelFrom: string;
  /** At `travelScaleKm` or farther the travel term is 0. */
  travelScaleKm: number;
  arrival: number;
  dueAt: number | null;
  createdAt: number;
  skillLevel: number;
  /** This customer's ratings of the technician: sum and count. */
  customerRatings: { sum: number; count: number };
  /** The technician's Bayesian average over every customer (the prior mean without ratings), and its count. */
  overallRating: number;
  overallCount: number;
  /** Pseudo-votes of the prior (FEEDBACK_RATING_PRIOR_WEIGHT): see feedback/ratings.ts. */
  priorWeight: number;
  /** Visits that day before this one, and the most the technician takes. */
  jobs: number;
  maxJobs: number;
  /** Parts the diagnosis lists, and those in the technician's van. */
  parts: readonly string[];
  carried: readonly string[];
}

export function normaliseWeights(w: ScoreWeights): ScoreWeights {
  const total = SCORE_TERMS.reduce((s, t) => s + Math.max(0, w[t]), 0);
  if (!(total > 0)) throw new Error('dispatch weights must not all be 0');
  return Object.fromEntries(SCORE_TERMS.map((t) => [t, Math.max(0, w[t]) / total])) as ScoreWeights;
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));
const hours = (ms: number): string => `${(Math.abs(ms) / HOUR).toFixed(1)} h`;

/**
 * The customer's rating of a technician, shrunk towards the technician's own average:
 * (C × overall + sum) / (C + n) with C the prior's pseudo-votes. One customer's single
 * vote moves it a little, ten of them a lot.
 */
export function customerRating(
  i: Pick<ScoreInputs, 'customerRatings' | 'overallRating' | 'priorWeight'>,
): number {
  const { sum, count } = i.customerRatings;
  return (i.priorWeight * i.overallRating + sum) / (i.priorWeight + count);
}

/** Each term's value and the sentence that explains it. */
export function termValues(i: ScoreInputs): Record<ScoreTermName, { value: number; detail: string }> {
  const travel = clamp01(1 - i.travelKm / i.travelScaleKm);
  let sla: { value: number; detail: string };
  if (i.dueAt === null) sla = { value: 1, detail: 'no due time' };
  else {
    const window = Math.max(HOUR / 60, i.dueAt - i.createdAt);
    const slack = i.dueAt - i.arrival;
    sla = {
      value: clamp01(slack / window),
      detail:
        slack >= 0
          ? `on site ${hours(slack)} before the due time (${Math.round(clamp01(slack / window) * 100)} % of the window left)`
          : `on site ${hours(slack)} after the due time`,
    };
  }
  const rating = customerRating(i);
  const needed = [...new Set(i.parts)];
  const has = needed.filter((p) => i.carried.includes(p));
  return {
    travel: {
      value: travel,
      detail: `${i.travelKm.toFixed(1)} km by road from the ${i.travelFrom}`,
    },
    sla,
    skill: {
      value: clamp01(i.skillLevel / MAX_SKILL_LEVEL),
      detail: `skill level ${i.skillLevel} of ${MAX_SKILL_LEVEL}`,
    },
    rating: {
      value: clamp01((rating - 1) / 4),
      detail: `${rating.toFixed(2)} of 5: ${i.customerRatings.count} rating(s) by this customer, ${i.overallRating.toFixed(2)} overall from ${i.overallCount}`,
    },
    workload: {
      value: i.maxJobs > 0 ? clamp01(1 - i.jobs / i.maxJobs) : 0,
      detail: `${i.jobs} of ${i.maxJobs} visits planned that day`,
    },
    parts: needed.length
      ? {
          value: has.length / needed.length,
          detail: `carries ${has.length} of ${needed.length} diagnosed part(s)${has.length ? `: ${has.join(', ')}` : ''}${has.length < needed.length ? `; not ${needed.filter((p) => !has.includes(p)).join(', ')}` : ''}`,
        }
      : { value: 1, detail: 'no parts to bring' },
  };
}

/** The weighted score and its explanation. `weights` must be normalised. */
export function scoreOf(i: ScoreInputs, weights: ScoreWeights): { score: number; terms: ScoreTerm[] } {
  const values = termValues(i);
  const terms = SCORE_TERMS.map((term) => ({
    term,
    value: values[term].value,
    weight: weights[term],
    contribution: values[term].value * weights[term],
    detail: values[term].detail,
  }));
  return { score: terms.reduce((s, t) => s + t.contribution, 0), terms };
}
