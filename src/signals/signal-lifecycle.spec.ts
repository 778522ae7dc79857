import { SIGNAL_STATUSES, type SignalStatus } from './signal.js';
import { aSignal } from './signal.factory.js';
import { applyTransition, checkTransition, TRANSITIONS } from './signal-lifecycle.js';

const AT = 5_000;

/** Every legal (from, to) pair: the spec of the lifecycle. Every other pair is refused. */
const LEGAL: Array<[SignalStatus, SignalStatus]> = [
  ['open', 'acknowledged'],
  ['open', 'offered'],
  ['open', 'dismissed'],
  ['acknowledged', 'offered'],
  ['acknowledged', 'dismissed'],
  ['offered', 'won'],
  ['offered', 'lost'],
];
const legal = new Set(LEGAL.map(([a, b]) => `${a}>${b}`));
const ALL_PAIRS = SIGNAL_STATUSES.flatMap((from) =>
  SIGNAL_STATUSES.map((to) => [from, to, legal.has(`${from}>${to}`)] as const),
);

describe('signal lifecycle', () => {
  it('has the table the spec lists, nothing more', () => {
    const table = Object.entries(TRANSITIONS).flatMap(([from, tos]) => tos.map((to) => `${from}>${to}`));
    expect(new Set(table)).toEqual(legal);
  });

  it.each(ALL_PAIRS)('%s → %s is legal: %s', (from, to, isLegal) => {
    const refusal = checkTransition(from, to, 'not a fit');
    if (isLegal) expect(refusal).toBeNull();
    else expect(refusal).toMatchObject({ code: 'illegal_transition' });
  });

  it.each([
    ['open', undefined],
    ['open', '   '],
    ['acknowledged', ''],
  ] as const)('refuses to dismiss a signal %s without a reason (%j)', (from, reason) => {
    expect(checkTransition(from, 'dismissed', reason)).toMatchObject({ code: 'reason_required' });
  });

  it('says where a signal can go when the transition is illegal, and that a closed one is closed', () => {
    expect(checkTransition('open', 'won', undefined)?.message).toBe(
      'a signal open can go to acknowledged, offered, dismissed, not won',
    );
    expect(checkTransition('won', 'open', undefined)?.message).toContain('closed');
  });

  it('records the change with actor, reason and note, and closes a final status', () => {
    const result = applyTransition(
      aSignal({ status: 'open' }),
      { to: 'dismissed', actor: 'ann', reason: ' customer moved out ', note: 'site closes in May' },
      AT,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.signal).toMatchObject({
      status: 'dismissed',
      statusReason: 'customer moved out',
      closedAt: AT,
      updatedAt: AT,
    });
    expect(result.signal.history.at(-1)).toEqual({
      at: AT,
      type: 'transition',
      actor: 'ann',
      from: 'open',
      to: 'dismissed',
      reason: 'customer moved out',
      note: 'site closes in May',
    });
  });

  it.each([
    ['acknowledged', null],
    ['offered', null],
  ] as const)('keeps a signal going to %s active (closedAt %s)', (to, closedAt) => {
    const result = applyTransition(aSignal({ status: 'open' }), { to, actor: 'api' }, AT);
    expect(result.ok && result.signal.closedAt).toBe(closedAt);
  });

  it('keeps the reason a deal was lost, and leaves the signal it started from unchanged', () => {
    const before = aSignal({ status: 'offered' });
    const result = applyTransition(before, { to: 'lost', actor: 'api', reason: 'price' }, AT);
    expect(result.ok && result.signal.statusReason).toBe('price');
    expect(before.status).toBe('offered');
    expect(before.history).toHaveLength(1);
  });
});
