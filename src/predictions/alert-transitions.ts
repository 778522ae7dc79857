import type { HistoryEvent } from './prediction-input.js';
import type { ComponentPrediction } from './failure-predictor.js';

/**
 * When the scoring job says a component's alert was raised or cleared. The rules are
 * the backtest's (alert-scoring.ts), so its figures describe what the job does: raised
 * when the probability at the alert horizon reaches its threshold while the component
 * is in service; cleared when it falls back below it, a replacement included; a
 * component that has failed and awaits repair has no forecast, so its state holds
 * until it is back in service. Pure.
 */

export interface AlertState {
  alert: boolean;
  /** When the alert was raised; null while it is not. */
  since: number | null;
}

export type AlertChange =
  | { kind: 'raised'; state: AlertState }
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
  const before: AlertState = previous ?? { alert: false, since: null };
  if (prediction.status === 'failed') return { kind: 'none', state: before };
  const now = prediction.risk[horizonIndex]?.alert === true;
  if (now && !before.alert) return { kind: 'raised', state: { alert: true, since: at } };
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
    return { kind: 'cleared', state: { alert: false, since: null }, replacedAt };
  }
  return { kind: 'none', state: before };
}
