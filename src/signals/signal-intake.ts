import {
  RULE_IDS,
  offerKeyOf,
  type Signal,
  type SignalChange,
  type SignalEvidence,
  type SignalStatus,
} from './signal.js';
import type { ValuedFinding } from './signal-evaluation.js';
import { DAY_MS } from './signal-facts.js';

/**
 * From findings to signals, pure: one active signal per customer and offer. A finding
 * for a customer and offer with an active signal joins it (new evidence is a change;
 * the same rule on the same device again only refreshes its figures); without one, it
 * raises a new signal unless the last signal for that customer and offer closed
 * within its cool-down. A customer's own request (overt) always counts, cool-down or not.
 */

/** `customerId offerKey`: the key of "one active signal per customer and offer". */
export const signalKey = (customerId: string, offerKey: string): string => `${customerId}\u0000${offerKey}`;

export interface IntakeState {
  /** Active signals by key. */
  active: ReadonlyMap<string, Signal>;
  /** The most recently closed signal by key (for the cool-down). */
  lastClosed: ReadonlyMap<string, Signal>;
}

export interface IntakeOptions {
  now: number;
  actor: string;
  currency: string;
  /** Days after a close before the same customer and offer may raise again. */
  cooldownDays: Readonly<Record<Extract<SignalStatus, 'dismissed' | 'lost' | 'won'>, number>>;
  newId: () => string;
}

export interface IntakeResult {
  raised: Signal[];
  /** Signals that gained evidence (their changes to publish). */
  changed: Array<{ signal: Signal; changes: SignalChange[] }>;
  /** Signals whose evidence was only seen again (figures refreshed): saved, not published. */
  refreshed: Signal[];
  /** Findings held back by a cool-down, with the signal that closed and when it ends. */
  suppressed: Array<{ finding: ValuedFinding; signalId: string; until: number }>;
}

/** When the cool-down after `closed` ends; null for a signal still active. */
export function cooldownUntil(closed: Signal, cooldownDays: IntakeOptions['cooldownDays']): number | null {
  if (closed.closedAt === null) return null;
  switch (closed.status) {
    case 'dismissed':
    case 'lost':
    case 'won':
      return closed.closedAt + cooldownDays[closed.status] * DAY_MS;
    case 'open':
    case 'acknowledged':
    case 'offered':
      return null;
  }
}

const ruleOrder = (f: ValuedFinding): number => RULE_IDS.indexOf(f.rule);
/** Strongest first; ties in rule order, then by device: the same findings give the same signal. */
const strongestFirst = (a: ValuedFinding, b: ValuedFinding): number =>
  b.confidence - a.confidence ||
  ruleOrder(a) - ruleOrder(b) ||
  (a.deviceId ?? '').localeCompare(b.deviceId ?? '');

const sameEvidence = (e: SignalEvidence, f: ValuedFinding): boolean =>
  f.kind !== 'overt' && e.rule === f.rule && e.deviceId === f.deviceId;

function evidenceOf(f: ValuedFinding, now: number): SignalEvidence {
  return {
    rule: f.rule,
    kind: f.kind,
    deviceId: f.deviceId,
    reason: f.reason,
    figures: f.figures,
    estimatedValue: f.estimatedValue,
    confidence: f.confidence,
    firstSeenAt: now,
    lastSeenAt: now,
  };
}

/** Derived fields from the evidence: devices, rules, value (best per device, summed), confidence. */
export function withTotals(signal: Signal): Signal {
  const bestByDevice = new Map<string | null, number>();
  for (const e of signal.evidence)
    bestByDevice.set(e.deviceId, Math.max(bestByDevice.get(e.deviceId) ?? 0, e.estimatedValue));
  const deviceIds = [...new Set(signal.evidence.flatMap((e) => (e.deviceId ? [e.deviceId] : [])))];
  const rules = RULE_IDS.filter((r) => signal.evidence.some((e) => e.rule === r));
  return {
    ...signal,
    deviceIds,
    rules,
    estimatedValue: [...bestByDevice.values()].reduce((s, v) => s + v, 0),
    confidence: Math.max(0, ...signal.evidence.map((e) => e.confidence)),
  };
}

export function takeFindings(
  findings: readonly ValuedFinding[],
  state: IntakeState,
  o: IntakeOptions,
): IntakeResult {
  const result: IntakeResult = { raised: [], changed: [], refreshed: [], suppressed: [] };
  const groups = new Map<string, ValuedFinding[]>();
  for (const f of findings) {
    const key = signalKey(f.customerId, offerKeyOf(f.offer));
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  for (const [key, group] of groups) {
    group.sort(strongestFirst);
    const active = state.active.get(key);
    if (active) {
      joinActive(active, group, o, result);
      continue;
    }
    const closed = state.lastClosed.get(key);
    const until = closed ? cooldownUntil(closed, o.cooldownDays) : null;
    const cooling = until !== null && o.now < until;
    const admitted = cooling ? group.filter((f) => f.kind === 'overt') : group;
    if (cooling)
      for (const f of group)
        if (f.kind !== 'overt') result.suppressed.push({ finding: f, signalId: closed!.id, until: until });
    if (admitted.length) result.raised.push(raise(admitted, o));
  }
  return result;
}

function raise(group: readonly ValuedFinding[], o: IntakeOptions): Signal {
  const first = group[0];
  const evidence: SignalEvidence[] = [];
  for (const f of group) if (!evidence.some((e) => sameEvidence(e, f))) evidence.push(evidenceOf(f, o.now));
  return withTotals({
    id: o.newId(),
    customerId: first.customerId,
    siteId: first.siteId,
    deviceId: first.deviceId,
    deviceIds: [],
    kind: first.kind,
    rule: first.rule,
    rules: [],
    offer: first.offer,
    offerKey: offerKeyOf(first.offer),
    reason: first.reason,
    estimatedValue: 0,
    currency: o.currency,
    confidence: 0,
    status: 'open',
    statusReason: null,
    evidence,
    history: [{ at: o.now, type: 'raised', actor: o.actor, rule: first.rule, deviceId: first.deviceId }],
    raisedAt: o.now,
    updatedAt: o.now,
    closedAt: null,
    version: 0,
  });
}

function joinActive(
  active: Signal,
  group: readonly ValuedFinding[],
  o: IntakeOptions,
  result: IntakeResult,
): void {
  const evidence = [...active.evidence];
  const changes: SignalChange[] = [];
  let refreshed = false;
  for (const f of group) {
    const i = evidence.findIndex((e) => sameEvidence(e, f));
    if (i >= 0) {
      // seen again: fresh figures, no news
      evidence[i] = { ...evidenceOf(f, o.now), firstSeenAt: evidence[i].firstSeenAt };
      refreshed = true;
      continue;
    }
    evidence.push(evidenceOf(f, o.now));
    changes.push({ at: o.now, type: 'evidence-added', actor: o.actor, rule: f.rule, deviceId: f.deviceId });
  }
  const signal = withTotals({
    ...active,
    evidence,
    history: [...active.history, ...changes],
    updatedAt: changes.length ? o.now : active.updatedAt,
  });
  if (changes.length) result.changed.push({ signal, changes });
  else if (refreshed) result.refreshed.push(signal);
}
