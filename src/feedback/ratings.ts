import { linearRegression } from 'simple-statistics';

/**
 * Ratings, pure. A technician's rating is a Bayesian average: the prior is
 * `weight` pseudo-ratings of `mean` (FEEDBACK_RATING_PRIOR_MEAN, 4.0, the usual mean
 * of field-service visit ratings; FEEDBACK_RATING_PRIOR_WEIGHT, 5), so
 *
 *   rating = (weight × mean + sum of ratings) / (weight + number of ratings)
 *
 * One 1-star vote takes a new technician from 4.0 to 3.5, not to 1; after 50 ratings
 * the prior weighs a tenth. The same prior shrinks every average this feature gives.
 */

export interface RatingPrior {
  mean: number;
  /** Pseudo-ratings: how many real ones it takes to weigh as much as the prior. */
  weight: number;
}

export interface Rating {
  rating: number;
  at: number;
  technicianId: string | null;
  customerId: string | null;
}

export const bayesianAverage = (sum: number, count: number, prior: RatingPrior): number =>
  (prior.weight * prior.mean + sum) / (prior.weight + count);

export interface TechnicianRating {
  technicianId: string;
  /** The Bayesian average. */
  rating: number;
  count: number;
  /** The plain mean; null without ratings. */
  mean: number | null;
}

export function technicianRating(
  technicianId: string,
  sum: number,
  count: number,
  prior: RatingPrior,
): TechnicianRating {
  return {
    technicianId,
    rating: bayesianAverage(sum, count, prior),
    count,
    mean: count ? sum / count : null,
  };
}

export interface SatisfactionPeriod {
  /** `2026-03`. */
  label: string;
  start: number;
  end: number;
  count: number;
  /** Mean rating; null without ratings. */
  mean: number | null;
  /** Share of 4 and 5 ratings (CSAT); null without ratings. */
  satisfied: number | null;
}

export const TREND_DIRECTIONS = ['improving', 'steady', 'worsening', 'unknown'] as const;
export type TrendDirection = (typeof TREND_DIRECTIONS)[number];

export interface SatisfactionTrend {
  periods: SatisfactionPeriod[];
  count: number;
  /** Bayesian average over the whole range. */
  rating: number;
  /** Least-squares slope of the monthly means, rating points per month; null with fewer than two months rated. */
  slopePerMonth: number | null;
  direction: TrendDirection;
}

/** A trend moves by more than this many rating points a month, else it is steady. */
export const TREND_THRESHOLD = 0.1;

const monthStart = (ts: number, k = 0): number => {
  const d = new Date(ts);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + k, 1);
};

/**
 * A customer's satisfaction by UTC calendar month over [from, to): count, mean, share
 * of satisfied (4 or 5); the slope of the monthly means (months without ratings left
 * out) says improving, steady or worsening.
 */
export function satisfactionTrend(
  ratings: ReadonlyArray<Pick<Rating, 'rating' | 'at'>>,
  from: number,
  to: number,
  prior: RatingPrior,
): SatisfactionTrend {
  const periods: SatisfactionPeriod[] = [];
  for (let start = monthStart(from); start < to; start = monthStart(start, 1)) {
    const end = monthStart(start, 1);
    const inside = ratings.filter((r) => r.at >= Math.max(start, from) && r.at < Math.min(end, to));
    const sum = inside.reduce((s, r) => s + r.rating, 0);
    periods.push({
      label: new Date(start).toISOString().slice(0, 7),
      start,
      end,
      count: inside.length,
      mean: inside.length ? sum / inside.length : null,
      satisfied: inside.length ? inside.filter((r) => r.rating >= 4).length / inside.length : null,
    });
  }
  const rated = periods
    .map((p, i) => [i, p.mean] as const)
    .filter((x): x is [number, number] => x[1] !== null);
  const slope = rated.length >= 2 ? linearRegression(rated.map(([i, m]) => [i, m])).m : null;
  const inRange = ratings.filter((r) => r.at >= from && r.at < to);
  return {
    periods,
    count: inRange.length,
    rating: bayesianAverage(
      inRange.reduce((s, r) => s + r.rating, 0),
      inRange.length,
      prior,
    ),
    slopePerMonth: slope,
    direction:
      slope === null
        ? 'unknown'
        : slope > TREND_THRESHOLD
          ? 'improving'
          : slope < -TREND_THRESHOLD
            ? 'worsening'
            : 'steady',
  };
}
