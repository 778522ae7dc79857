import { isActive, type Signal, type SignalStatus } from '../signal.js';
import type { DeviceFacts, ModelNorm } from '../signal-facts.js';
import { evaluateRules } from '../signal-evaluation.js';
import { signalKey, takeFindings } from '../signal-intake.js';
import { applyTransition } from '../signal-lifecycle.js';
import { DEFAULT_SIGNALS_CONFIG, type SignalsConfig } from '../signal-rules.config.js';
import type { SignalRule } from './signal-rule.js';

/** One evaluation in a timeline: facts at `at`, after an optional transition of the active signal. */
export interface TimelineStep {
  at: number;
  devices: readonly DeviceFacts[];
  /** The device evaluated; default the first. */
  deviceId?: string;
  norms?: ReadonlyMap<string, ModelNorm>;
  /** Applied to every active signal before the evaluation (a salesperson's decision). */
  transition?: { to: SignalStatus; reason?: string };
}

export interface TimelineOutcome {
  raised: number;
  changed: number;
  refreshed: number;
  suppressed: number;
  /** Every signal so far, in the order raised. */
  signals: Signal[];
}

/**
 * Runs rules through evaluation and intake step by step, the signals kept in memory as
 * the repository keeps them: how the specs show a rule fires once and cools down.
 */
export function runTimeline(
  rules: readonly SignalRule[],
  steps: readonly TimelineStep[],
  config: SignalsConfig = DEFAULT_SIGNALS_CONFIG,
): TimelineOutcome[] {
  const store = new Map<string, Signal>();
  let next = 1;
  return steps.map((step) => {
    if (step.transition)
      for (const s of store.values()) {
        if (!isActive(s.status)) continue;
        const r = applyTransition(s, { ...step.transition, actor: 'spec' }, step.at);
        if (!r.ok) throw new Error(r.refusal.message);
        store.set(s.id, r.signal);
      }
    const { findings } = evaluateRules({
      now: step.at,
      devices: step.devices,
      evaluate: new Set([step.deviceId ?? step.devices[0].deviceId]),
      norms: step.norms ?? new Map(),
      config,
      rules,
    });
    const active = new Map<string, Signal>();
    const lastClosed = new Map<string, Signal>();
    for (const s of store.values()) {
      const key = signalKey(s.customerId, s.offerKey);
      if (isActive(s.status)) active.set(key, s);
      else if ((lastClosed.get(key)?.closedAt ?? -Infinity) < s.closedAt!) lastClosed.set(key, s);
    }
    const result = takeFindings(
      findings,
      { active, lastClosed },
      {
        now: step.at,
        actor: 'rules',
        currency: config.currency,
        cooldownDays: config.cooldownDays,
        newId: () => `sig-${next++}`,
      },
    );
    for (const s of [...result.raised, ...result.refreshed, ...result.changed.map((c) => c.signal)])
      store.set(s.id, s);
    return {
      raised: result.raised.length,
      changed: result.changed.length,
      refreshed: result.refreshed.length,
      suppressed: result.suppressed.length,
      signals: [...store.values()],
    };
  });
}
