/** How failed deliveries are retried (WEBHOOK_* variables). */
export interface RetryPolicy {
  /** Delay after the first failure; it doubles with each further failure. */
  baseMs: number;
  /** Longest delay between two attempts. */
  maxMs: number;
  /** Attempts in all; after the last one fails the delivery is dead (kept, listed, not retried). */
  maxAttempts: number;
}

/**
 * Delay before the next attempt after `failures` failed ones: exponential, capped,
 * with "equal jitter" (half fixed, half random) so that receivers coming back from
 * an outage are not hit by every sender at the same instant. Null: give up.
 * `random` returns [0, 1).
 */
export function retryDelay(
  failures: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number | null {
  if (failures >= policy.maxAttempts) return null;
  const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

/**
 * Whether a subscription's event filter takes an event: `*` takes all, `work-order.*`
 * every event of that prefix, anything else must match exactly.
 */
export function eventMatches(filters: readonly string[], event: string): boolean {
  return filters.some(
    (f) => f === '*' || f === event || (f.endsWith('.*') && event.startsWith(f.slice(0, -1))),
  );
}
