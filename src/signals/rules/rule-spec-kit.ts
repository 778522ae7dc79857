import type { Signal } from '../signal.js';
import { DAY_MS, type DeviceFacts, type ModelNorm } from '../signal-facts.js';
import { DEFAULT_SIGNALS_CONFIG } from '../signal-rules.config.js';
import { NOW } from '../signal-facts.factory.js';
import { runTimeline } from './rule-timeline.js';
import type { SignalRule } from './signal-rule.js';

/** [raised, refreshed, suppressed] at each step of `coolDownTimeline` for a history that fires. */
export const FIRES_ONCE_THEN_COOLS_DOWN = [
  [1, 0, 0], // raised
  [0, 1, 0], // seen again the next day: refreshed, not raised again
  [0, 0, 1], // dismissed: held back
  [1, 0, 0], // cool-down over: raised anew
];

/**
 * The lifecycle every rule's spec checks with a history that fires: evaluated, again a
 * day later, after a dismissal, and after the dismissal's cool-down. `devicesAt(at)`
 * gives the facts at each evaluation (most rules: the same).
 */
export function coolDownTimeline(
  rule: SignalRule,
  devicesAt: (at: number) => readonly DeviceFacts[],
  norms: ReadonlyMap<string, ModelNorm> = new Map(),
): { counts: number[][]; dismissed: Signal; reraised: Signal; reraisedAt: number } {
  const cooldown = DEFAULT_SIGNALS_CONFIG.cooldownDays.dismissed * DAY_MS;
  const at = [NOW, NOW + DAY_MS, NOW + 3 * DAY_MS, NOW + 2 * DAY_MS + cooldown + DAY_MS];
  const steps = runTimeline(
    [rule],
    [
      { at: at[0], devices: devicesAt(at[0]), norms },
      { at: at[1], devices: devicesAt(at[1]), norms },
      { at: at[2], devices: devicesAt(at[2]), norms, transition: { to: 'dismissed', reason: 'not now' } },
      { at: at[3], devices: devicesAt(at[3]), norms },
    ],
  );
  const [dismissed, reraised] = steps[3].signals;
  return {
    counts: steps.map((s) => [s.raised, s.refreshed, s.suppressed]),
    dismissed,
    reraised,
    reraisedAt: at[3],
  };
}
