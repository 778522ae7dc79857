import { DAY_MS, type HistoryEvent } from './prediction-input.js';
import type { ComponentPrediction } from './failure-predictor.js';

/**
 * When the scoring job says a component's alert was raised, renewed or cleared. The
 * rules are the backtest's primary rule, `renewed` (alert-scoring.ts), so its figures
 * describe what the job does: raised when the probability at the alert horizon reaches
 * its threshold while the component is in service; an alert claims a failure within its
 * horizon, so when the horizon has passed since it was last raised and the risk is still
 * at or above the threshold it is raised again (renewed); cleared when the risk falls
 * back below it, a replacement included; a component that has failed and awaits repair
 * has no forecast, so its state holds until it is back in service. Pure.
 */

export interface AlertState {
  alert: boolean;
  /** When the alert was first raised; null while it is not. */
  since: number | null;
  /** When it was last raised (first or renewed); null while it is not. */
  lastRaised: number | null;
}

export type AlertChange =
  | { kind: 'raised'; state: AlertState }
  | { kind: 'renewed'; state: AlertState }
  | { kind: 'cleared'; state: AlertState; replacedAt: number | null }
  | { kind: 'none'; state: AlertState };

export function alertTransition(
  previous: AlertState | undefined,
  prediction: Pick<ComponentPrediction, 'status' | 'risk'>,
  horizonIndex: number,
  at: number,
  /** The device's events (sorted); a replacement since the alert is said when it clears. */
  events: readonly HistoryEvent[],
  component: string,
): AlertChange {
  const before: AlertState = previous ?? { alert: false, since: null, lastRaised: null };
  if (prediction.status === 'failed') return { kind: 'none', state: before };
  const risk = prediction.risk[horizonIndex];
  const now = risk?.alert === true;
  if (now && !before.alert) return { kind: 'raised', state: { alert: true, since: at, lastRaised: at } };
  if (now && before.alert) {
    // a state saved before renewals were kept was last raised when it was first
    const last = before.lastRaised ?? before.since ?? -Infinity;
    if (at - last >= risk.horizonDays * DAY_MS)
      return { kind: 'renewed', state: { alert: true, since: before.since ?? at, lastRaised: at } };
    return { kind: 'none', state: before };
  }
  if (!now && before.alert) {
    let replacedAt: number | null = null;
    for (const e of events)
      if (
        e.type === 'part.replaced' &&
        e.component === component &&
        e.ts >= (before.since ?? -Infinity) &&
        e.ts < at
      )
        replacedAt = e.ts;
    return { kind: 'cleared', state: { alert: false, since: null, lastRaised: null }, replacedAt };
  }
  return { kind: 'none', state: before };
}
