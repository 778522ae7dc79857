import { alertTransition, type AlertState } from './alert-transitions.js';
import type { HistoryEvent } from './prediction-input.js';

const T = Date.UTC(2026, 2, 1);
const DAY = 86_400_000;
const risk = (alert: boolean) => [
  { horizonDays: 7, probability: alert ? 0.6 : 0.1, alert },
  { horizonDays: 30, probability: 0.7, alert: true },
];
const on: AlertState = { alert: true, since: T - 3 * DAY, lastRaised: T - 3 * DAY };
const off: AlertState = { alert: false, since: null, lastRaised: null };
// first raised 20 days ago, renewed 7 and 6 days ago (the 7-day horizon)
const dueRenewal: AlertState = { alert: true, since: T - 20 * DAY, lastRaised: T - 7 * DAY };
const renewedLately: AlertState = { alert: true, since: T - 20 * DAY, lastRaised: T - 6 * DAY };
// saved before renewals were kept: last raised when first raised
const savedBefore = { alert: true, since: T - 8 * DAY } as AlertState;
const replaced: HistoryEvent = { ts: T - DAY, type: 'part.replaced', component: 'fuser' };
const otherPart: HistoryEvent = { ts: T - DAY, type: 'part.replaced', component: 'drum' };
const before: HistoryEvent = { ts: T - 10 * DAY, type: 'part.replaced', component: 'fuser' };

describe(alertTransition.name, () => {
  it.each([
    ['never scored, below', undefined, 'ok', false, [], 'none', false, null],
    ['never scored, at or above', undefined, 'ok', true, [], 'raised', true, null],
    ['off, crosses', off, 'ok', true, [], 'raised', true, null],
    ['on, stays above within the horizon: raised once', on, 'ok', true, [], 'none', true, null],
    [
      'on, stays above a horizon after it was raised: renewed',
      dueRenewal,
      'ok',
      true,
      [],
      'renewed',
      true,
      null,
    ],
    ['on, renewed less than a horizon ago', renewedLately, 'ok', true, [], 'none', true, null],
    ['on, saved without a renewal time, a horizon old', savedBefore, 'ok', true, [], 'renewed', true, null],
    ['on, due for renewal but failed: holds', dueRenewal, 'failed', true, [], 'none', true, null],
    ['on, due for renewal but fell back', dueRenewal, 'ok', false, [], 'cleared', false, null],
    ['on, falls back', on, 'ok', false, [], 'cleared', false, null],
    ['on, part replaced since the alert', on, 'ok', false, [replaced], 'cleared', false, T - DAY],
    ['on, another part replaced', on, 'ok', false, [otherPart], 'cleared', false, null],
    ['on, replaced before the alert', on, 'ok', false, [before], 'cleared', false, null],
    ['on, failed awaiting repair: holds', on, 'failed', false, [], 'none', true, null],
    ['off, failed: holds', off, 'failed', false, [], 'none', false, null],
    ['no history yet, at or above', off, 'no-history', true, [], 'raised', true, null],
  ] as const)('%s', (_name, previous, status, alert, events, kind, stateAlert, replacedAt) => {
    const change = alertTransition(previous, { status, risk: risk(alert) }, 0, T, events, 'fuser');

    expect(change.kind).toBe(kind);
    expect(change.state.alert).toBe(stateAlert);
    if (change.kind === 'raised') expect(change.state).toEqual({ alert: true, since: T, lastRaised: T });
    if (change.kind === 'renewed') {
      // the first raise is kept, the renewal is now
      expect(change.state.since).toBe(previous?.since);
      expect(change.state.lastRaised).toBe(T);
    }
    if (change.kind === 'cleared') expect(change.state).toEqual(off);
    if (change.kind === 'cleared') expect(change.replacedAt).toBe(replacedAt);
  });

  it('reads the alert horizon it is given, not the first', () => {
    expect(alertTransition(off, { status: 'ok', risk: risk(false) }, 1, T, [], 'fuser').kind).toBe('raised');
  });
});
