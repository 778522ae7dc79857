import { isActive, type Signal, type SignalChange, type SignalStatus } from './signal.js';

/**
 * A signal's lifecycle, pure. Sales acknowledge a signal (someone owns it), make the
 * offer, and record the outcome; a signal that is not a real opportunity is dismissed
 * with the reason, before an offer is made. Won, lost and dismissed are final: a need
 * seen again after its cool-down raises a new signal.
 *
 *   open ──▶ acknowledged ──▶ offered ──▶ won | lost
 *     │            │
 *     └────────────┴──▶ dismissed (reason required)
 */
export const TRANSITIONS: Readonly<Record<SignalStatus, readonly SignalStatus[]>> = {
  open: ['acknowledged', 'offered', 'dismissed'],
  acknowledged: ['offered', 'dismissed'],
  offered: ['won', 'lost'],
  won: [],
  lost: [],
  dismissed: [],
};

export const TRANSITION_REFUSALS = ['illegal_transition', 'reason_required'] as const;
export type TransitionRefusalCode = (typeof TRANSITION_REFUSALS)[number];

export interface TransitionRefusal {
  code: TransitionRefusalCode;
  message: string;
}

export interface TransitionRequest {
  to: SignalStatus;
  actor: string;
  /** Required to dismiss; kept for lost (why the customer said no). */
  reason?: string;
  note?: string;
}

export type TransitionResult =
  { ok: true; signal: Signal; change: SignalChange } | { ok: false; refusal: TransitionRefusal };

/** Null when `from → to` is allowed with this reason; the refusal otherwise. */
export function checkTransition(
  from: SignalStatus,
  to: SignalStatus,
  reason: string | undefined,
): TransitionRefusal | null {
  if (!TRANSITIONS[from].includes(to)) {
    const allowed = TRANSITIONS[from];
    return {
      code: 'illegal_transition',
      message: allowed.length
        ? `a signal ${from} can go to ${allowed.join(', ')}, not ${to}`
        : `a signal ${from} is closed; it cannot go to ${to}`,
    };
  }
  if (to === 'dismissed' && !reason?.trim())
    return { code: 'reason_required', message: 'dismissing a signal needs a reason' };
  return null;
}

/** The signal after the transition (a new object), or why not. */
export function applyTransition(signal: Signal, request: TransitionRequest, at: number): TransitionResult {
  const refusal = checkTransition(signal.status, request.to, request.reason);
  if (refusal) return { ok: false, refusal };
  const change: SignalChange = {
    at,
    type: 'transition',
    actor: request.actor,
    from: signal.status,
    to: request.to,
  };
  const reason = request.reason?.trim();
  if (reason) change.reason = reason;
  if (request.note?.trim()) change.note = request.note.trim();
  return {
    ok: true,
    change,
    signal: {
      ...signal,
      status: request.to,
      statusReason: request.to === 'dismissed' || request.to === 'lost' ? (reason ?? null) : null,
      closedAt: isActive(request.to) ? null : at,
      updatedAt: at,
      history: [...signal.history, change],
    },
  };
}
