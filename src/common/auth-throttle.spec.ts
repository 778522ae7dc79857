import { AuthThrottle, type ThrottleVerdict } from './auth-throttle.js';

const options = { baseDelayMs: 100, maxDelayMs: 1000, forgetAfterMs: 60_000, maxSources: 3 };
const hold = (v: ThrottleVerdict): number | 'too many' => (v.tooMany ? 'too many' : v.holdMs);

describe(AuthThrottle.name, () => {
  it('holds each failure twice as long as the one before when they come one at a time', () => {
    const t = new AuthThrottle(options);
    let now = 0;
    const holds: Array<number | 'too many'> = [];
    for (let i = 0; i < 5; i++) {
      const v = t.failure('10.0.0.1', now);
      holds.push(hold(v));
      if (!v.tooMany) now += v.holdMs;
    }
    expect(holds).toEqual([100, 200, 400, 800, 1000]);
  });

  it('queues failures sent at once, and answers the ones beyond the longest hold as too many', () => {
    const t = new AuthThrottle(options);
    const holds = Array.from({ length: 6 }, () => hold(t.failure('10.0.0.1', 0)));
    // 100, then 100 + 200, then 300 + 400; the next would wait 700 + 800 > 1000
    expect(holds).toEqual([100, 300, 700, 'too many', 'too many', 'too many']);
  });

  it('says when a source that has too many may try again', () => {
    const t = new AuthThrottle(options);
    for (let i = 0; i < 3; i++) t.failure('10.0.0.1', 0);
    expect(t.failure('10.0.0.1', 200)).toEqual({ tooMany: true, retryAfterMs: 500 });
  });

  it('keeps sources apart', () => {
    const t = new AuthThrottle(options);
    for (let i = 0; i < 3; i++) t.failure('10.0.0.1', 0);
    expect(hold(t.failure('10.0.0.2', 0))).toBe(100);
  });

  it('forgets a source some time after its last failure', () => {
    const t = new AuthThrottle(options);
    for (let i = 0; i < 3; i++) t.failure('10.0.0.1', 0);
    expect(hold(t.failure('10.0.0.1', 60_000 + 701))).toBe(100);
  });

  it('remembers a bounded number of sources, dropping the least recently failing', () => {
    const t = new AuthThrottle(options);
    for (const source of ['a', 'b', 'c', 'a', 'd']) t.failure(source, 0);
    expect(t.trackedSources).toBe(3);
    // b was dropped: it starts over; a was kept: it waits behind its two failures
    expect(hold(t.failure('b', 0))).toBe(100);
    expect(hold(t.failure('a', 0))).toBe(700);
  });

  it('holds nothing when turned off', () => {
    const t = new AuthThrottle({ ...options, baseDelayMs: 0 });
    expect(Array.from({ length: 20 }, () => hold(t.failure('x', 0)))).toEqual(Array(20).fill(0));
  });
});
