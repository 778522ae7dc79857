export interface AuthThrottleOptions {
  /** Hold of the first failure from a source; each further failure doubles it. 0 turns throttling off. */
  baseDelayMs: number;
  /** A failure that would have to wait longer than this is answered at once as "too many". */
  maxDelayMs: number;
  /** A source's failures are forgotten this long after its last one. */
  forgetAfterMs: number;
  /** Sources remembered at most (the least recently failing are forgotten first). */
  maxSources: number;
}

export const DEFAULT_AUTH_THROTTLE: AuthThrottleOptions = {
  baseDelayMs: 200,
  maxDelayMs: 10_000,
  forgetAfterMs: 15 * 60_000,
  maxSources: 10_000,
};

/** What to do with a failed authentication: answer after `holdMs`, or at once as too many. */
export type ThrottleVerdict = { tooMany: false; holdMs: number } | { tooMany: true; retryAfterMs: number };

interface SourceState {
  failures: number;
  lastFailure: number;
  /** When the queue of held answers for this source drains. */
  busyUntil: number;
}

/**
 * Slows down guessing. Each failed authentication from a source (an IP address)
 * is answered later than the one before: held answers queue one behind the other,
 * so a thousand guesses sent at once wait a thousand times, not once. Past
 * `maxDelayMs` of queue, failures are answered at once as "too many" (HTTP 429),
 * without a longer wait. Successful authentications are never held. Time is passed in.
 */
export class AuthThrottle {
  private readonly sources = new Map<string, SourceState>();

  constructor(private readonly options: AuthThrottleOptions = DEFAULT_AUTH_THROTTLE) {}

  failure(source: string, now: number): ThrottleVerdict {
    const o = this.options;
    if (o.baseDelayMs <= 0) return { tooMany: false, holdMs: 0 };
    let state = this.sources.get(source);
    if (state && now - state.lastFailure > o.forgetAfterMs) state = undefined;
    if (!state) state = { failures: 0, lastFailure: now, busyUntil: now };
    // re-inserted, so the map's order is least recently failing first
    this.sources.delete(source);
    this.sources.set(source, state);
    if (this.sources.size > o.maxSources) this.sources.delete(this.sources.keys().next().value!);

    state.failures++;
    state.lastFailure = now;
    const delay = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** Math.min(state.failures - 1, 30));
    const answerAt = Math.max(now, state.busyUntil) + delay;
    if (answerAt - now > o.maxDelayMs)
      return { tooMany: true, retryAfterMs: Math.max(0, state.busyUntil - now) };
    state.busyUntil = answerAt;
    return { tooMany: false, holdMs: answerAt - now };
  }

  /** Sources with failures remembered (a gauge). */
  get trackedSources(): number {
    return this.sources.size;
  }
}
