import type { Coverage, WorkOrder, WorkOrderKind } from '../work-orders/work-order.js';

/**
 * How likely a customer is to leave, from what their service looks like: low
 * ratings, machines that keep failing, SLA breaches, and time-and-materials bills.
 * Pure; every factor in [0, 1] with its weight, sentence and counts, over a window
 * (FEEDBACK_RISK_WINDOW_DAYS, 180) before `now`:
 *
 * | factor             | value                                                                  | weight |
 * | ------------------ | ---------------------------------------------------------------------- | ------ |
 * | `lowRatings`       | ratings of 1 or 2 ÷ (ratings + 2): two neutral pseudo-ratings, so one  | 0.35   |
 * |                    | bad vote alone is 0.33, not 1                                           |        |
 * | `repeatFailures`   | corrective orders opened within 30 days of a visit completed on the    | 0.25   |
 * |                    | same device, ÷ 3 (three or more: 1)                                     |        |
 * | `slaBreaches`      | orders with a response or resolution target breached ÷ (orders with a  | 0.25   |
 * |                    | target met or breached + 1)                                             |        |
 * | `timeAndMaterials` | visits the customer was billed for (T&M or no contract) ÷ 4 (four: 1)  | 0.15   |
 *
 * The score is the weighted sum, in [0, 1]; band `low` under 0.25, `medium` under
 * 0.5, `high` from 0.5.
 */

export const LOYALTY_FACTORS = ['lowRatings', 'repeatFailures', 'slaBreaches', 'timeAndMaterials'] as const;
export type LoyaltyFactorName = (typeof LOYALTY_FACTORS)[number];

export const LOYALTY_WEIGHTS: Record<LoyaltyFactorName, number> = {
  lowRatings: 0.35,
  repeatFailures: 0.25,
  slaBreaches: 0.25,
  timeAndMaterials: 0.15,
};

export const LOYALTY_BANDS = ['low', 'medium', 'high'] as const;
export type LoyaltyBand = (typeof LOYALTY_BANDS)[number];

const DAY = 86_400_000;
/** A corrective order this soon after a completed visit on the same device is a repeat failure. */
export const REPEAT_WINDOW_DAYS = 30;
const REPEATS_SATURATE = 3;
const BILLS_SATURATE = 4;
const NEUTRAL_RATINGS = 2;

/** What loyalty risk needs of a work order (see `orderFacts`). */
export interface OrderFacts {
  orderId: string;
  deviceId: string;
  kind: WorkOrderKind;
  createdAt: number;
  completedAt: number | null;
  /** A response or resolution due time passed unmet. */
  slaBreached: boolean;
  /** A response or resolution due time was met, or passed unmet. */
  slaDecided: boolean;
  billable: boolean;
  coverage: Coverage;
}

export interface LoyaltyFactor {
  factor: LoyaltyFactorName;
  value: number;
  weight: number;
  contribution: number;
  detail: string;
  /** The counts behind the value. */
  counts: Record<string, number>;
}

export interface LoyaltyRisk {
  customerId: string;
  /** When it was computed; the window is [at − windowDays, at). */
  at: number;
  windowDays: number;
  score: number;
  band: LoyaltyBand;
  factors: LoyaltyFactor[];
}

export function bandOf(score: number): LoyaltyBand {
  return score < 0.25 ? 'low' : score < 0.5 ? 'medium' : 'high';
}

/** A work order's facts at `now`: its SLA decided and breached as far as they are known then. */
export function orderFacts(o: WorkOrder, now: number): OrderFacts {
  const { sla } = o;
  const met = (due: number | null, done: number | null): boolean =>
    due !== null && done !== null && done <= due;
  const breached =
    sla.responseBreachedAt !== null ||
    sla.resolutionBreachedAt !== null ||
    (sla.responseDueAt !== null &&
      (sla.respondedAt ?? now) > sla.responseDueAt &&
      sla.responseDueAt <= now) ||
    (sla.resolutionDueAt !== null &&
      (sla.resolvedAt ?? now) > sla.resolutionDueAt &&
      sla.resolutionDueAt <= now);
  const decided =
    breached || met(sla.responseDueAt, sla.respondedAt) || met(sla.resolutionDueAt, sla.resolvedAt);
  return {
    orderId: o.id,
    deviceId: o.deviceId,
    kind: o.kind,
    createdAt: o.createdAt,
    completedAt: o.billing?.completedAt ?? null,
    slaBreached: breached,
    slaDecided: decided,
    billable: o.billing?.billable ?? false,
    coverage: o.billing?.coverage ?? o.entitlement.coverage,
  };
}

/**
 * The loyalty risk of one customer from their ratings and orders (any orders; those
 * outside the window are only used as the earlier visits repeats are measured from).
 */
export function loyaltyRisk(
  customerId: string,
  ratings: ReadonlyArray<{ rating: number; at: number }>,
  orders: readonly OrderFacts[],
  now: number,
  windowDays: number,
): LoyaltyRisk {
  const from = now - windowDays * DAY;
  const inWindow = (t: number): boolean => t >= from && t < now;

  const rated = ratings.filter((r) => inWindow(r.at));
  const low = rated.filter((r) => r.rating <= 2).length;
  const lowRatings = low / (rated.length + NEUTRAL_RATINGS);

  const completed = orders.filter((o) => o.completedAt !== null);
  const repeats = orders.filter(
    (o) =>
      o.kind === 'corrective' &&
      inWindow(o.createdAt) &&
      completed.some(
        (v) =>
          v.orderId !== o.orderId &&
          v.deviceId === o.deviceId &&
          v.completedAt! <= o.createdAt &&
          o.createdAt - v.completedAt! <= REPEAT_WINDOW_DAYS * DAY,
      ),
  );
  const repeatFailures = Math.min(1, repeats.length / REPEATS_SATURATE);

  const recent = orders.filter((o) => inWindow(o.createdAt));
  const decided = recent.filter((o) => o.slaDecided);
  const breached = decided.filter((o) => o.slaBreached);
  const slaBreaches = breached.length / (decided.length + 1);

  const bills = completed.filter((o) => inWindow(o.completedAt!) && o.billable);
  const timeAndMaterials = Math.min(1, bills.length / BILLS_SATURATE);

  const values: Record<LoyaltyFactorName, { value: number; detail: string; counts: Record<string, number> }> =
    {
      lowRatings: {
        value: lowRatings,
        detail: `${low} of ${rated.length} rating(s) were 1 or 2`,
        counts: { low, ratings: rated.length },
      },
      repeatFailures: {
        value: repeatFailures,
        detail: `${repeats.length} breakdown(s) within ${REPEAT_WINDOW_DAYS} days of a visit to the same machine`,
        counts: { repeats: repeats.length },
      },
      slaBreaches: {
        value: slaBreaches,
        detail: `${breached.length} of ${decided.length} order(s) with an SLA target breached it`,
        counts: { breached: breached.length, decided: decided.length },
      },
      timeAndMaterials: {
        value: timeAndMaterials,
        detail: `${bills.length} visit(s) billed (time and materials or no contract)`,
        counts: { bills: bills.length, visits: completed.filter((o) => inWindow(o.completedAt!)).length },
      },
    };
  const factors = LOYALTY_FACTORS.map((factor) => ({
    factor,
    value: values[factor].value,
    weight: LOYALTY_WEIGHTS[factor],
    contribution: values[factor].value * LOYALTY_WEIGHTS[factor],
    detail: values[factor].detail,
    counts: values[factor].counts,
  }));
  const score = factors.reduce((s, f) => s + f.contribution, 0);
  return { customerId, at: now, windowDays, score, band: bandOf(score), factors };
}
