const DAY = 86_400_000;

/**
 * A preventive-maintenance plan for every device of a model: by time (every N days
 * or N calendar months) and/or by usage (every N pages or run hours), whichever
 * comes first.
 */
export interface MaintenancePlan {
  planId: string;
  modelId: string;
  name: string;
  everyDays?: number;
  everyMonths?: number;
  /** In the model's usage unit, read from its usage counter. */
  everyUsage?: number;
  /** How far ahead of the due date the order is opened; absent: WORK_ORDER_PM_LEAD_DAYS. */
  leadDays?: number;
  /** What the visit does, for the technician. */
  tasks: string[];
  active: boolean;
}

/** Where one device stands on one plan. */
export interface PlanProgress {
  planId: string;
  deviceId: string;
  /** When the plan's work was last done (the actual completion), or the install date. */
  lastDoneAt: number;
  /** The usage counter then; null when not known (usage-based due dates start at the next reading). */
  lastDoneUsage: number | null;
  /** A prediction pulled the plan forward to this time; cleared when the work is done. */
  pulledForwardAt: number | null;
}

/** The device's usage counter now and its recent rise per day. */
export interface UsageReading {
  usage: number | null;
  perDay: number | null;
}

export interface PlanDue {
  /** When the work is due (the usage due date estimated from the recent rate). */
  dueAt: number;
  reason: 'time' | 'usage' | 'pulled-forward';
  /** The usage count it is due at, when the plan counts usage. */
  dueUsage: number | null;
}

/** `ts` plus `months` calendar months in UTC; the 31st becomes the month's last day. */
export function addMonthsUtc(ts: number, months: number): number {
  const d = new Date(ts);
  const day = d.getUTCDate();
  const target = new Date(
    Date.UTC(
      d.getUTCFullYear(),
      d.getUTCMonth() + months,
      1,
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
      d.getUTCMilliseconds(),
    ),
  );
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, last));
  return target.getTime();
}

/**
 * When the plan is next due for a device at `now`: from the last actual completion
 * (not the date it was planned for), by time and by usage, whichever first; a pull
 * forward by a prediction wins when earlier. Null when the plan has no interval.
 * Pure.
 */
export function planDue(
  plan: MaintenancePlan,
  p: PlanProgress,
  u: UsageReading,
  now: number,
): PlanDue | null {
  const candidates: PlanDue[] = [];
  const byTime: number[] = [];
  if (plan.everyDays) byTime.push(p.lastDoneAt + plan.everyDays * DAY);
  if (plan.everyMonths) byTime.push(addMonthsUtc(p.lastDoneAt, plan.everyMonths));
  if (byTime.length) candidates.push({ dueAt: Math.min(...byTime), reason: 'time', dueUsage: null });
  let dueUsage: number | null = null;
  if (plan.everyUsage && p.lastDoneUsage !== null) {
    dueUsage = p.lastDoneUsage + plan.everyUsage;
    if (u.usage !== null) {
      const left = dueUsage - u.usage;
      if (left <= 0) candidates.push({ dueAt: now, reason: 'usage', dueUsage });
      else if (u.perDay !== null && u.perDay > 0)
        candidates.push({ dueAt: now + Math.round((left / u.perDay) * DAY), reason: 'usage', dueUsage });
    }
  }
  if (p.pulledForwardAt !== null && p.pulledForwardAt > p.lastDoneAt)
    candidates.push({ dueAt: p.pulledForwardAt, reason: 'pulled-forward', dueUsage });
  if (!candidates.length) return null;
  const first = candidates.reduce((a, b) => (b.dueAt < a.dueAt ? b : a));
  return { ...first, dueUsage };
}

/** True when the plan's order should be open at `now`: due within its lead. */
export function isOrderDue(due: PlanDue | null, now: number, leadDays: number): boolean {
  return due !== null && due.dueAt - leadDays * DAY <= now;
}

/** The progress after the work was done at `at` with the usage counter at `usage`. */
export function completePlan(p: PlanProgress, at: number, usage: number | null): PlanProgress {
  // a late report of an older completion does not move the plan back
  if (at < p.lastDoneAt) return p;
  return { ...p, lastDoneAt: at, lastDoneUsage: usage ?? p.lastDoneUsage, pulledForwardAt: null };
}

/**
 * A prediction pulls the plan forward when its next due date is close enough
 * (within `windowDays` of `now`): the worn part is done with the plan's visit,
 * one trip instead of two. Returns the progress unchanged otherwise.
 */
export function pullForward(
  plan: MaintenancePlan,
  p: PlanProgress,
  u: UsageReading,
  now: number,
  windowDays: number,
): PlanProgress {
  const due = planDue(plan, p, u, now);
  if (!due || due.dueAt <= now || due.dueAt - now > windowDays * DAY) return p;
  return { ...p, pulledForwardAt: now };
}
