import type { EventRecord } from '../ports/records.js';
import type { PredictionAlert } from '../events/domain-events.js';
import type { AlarmCommand, AlarmSeverity } from './alarm.js';

/**
 * The rules that raise and clear alarms from domain events: pure, time passed in,
 * table-tested (alarm-rules.spec.ts). docs/alarms.md says the same in words.
 */

export const OFFLINE_TYPE = 'device-offline';
export const DEAD_LETTERS_TYPE = 'dead-letters';
export const faultType = (code: string): string => `fault:${code}`;
export const riskType = (component: string): string => `risk:${component}`;

/**
 * Faults: a machine-down fault raises a critical alarm, a major fault a major one, per
 * fault code; the device's `fault.cleared` of that code clears it. Minor faults raise
 * none: they are precursors, which the predictions weigh (a flood of them is not an
 * operator's alarm). A repair that ends (`service.finished`) does not clear: the
 * device says when the fault is gone.
 */
export function faultCommands(events: readonly EventRecord[]): AlarmCommand[] {
  const commands: AlarmCommand[] = [];
  for (const e of events) {
    if (!e.code) continue;
    if (e.type === 'fault.raised' && (e.severity === 'machine-down' || e.severity === 'major')) {
      const severity: AlarmSeverity = e.severity === 'machine-down' ? 'critical' : 'major';
      commands.push({
        kind: 'raise',
        deviceId: e.deviceId,
        type: faultType(e.code),
        severity,
        at: e.ts,
        message: `${e.severity === 'machine-down' ? 'Machine down' : 'Major fault'}: ${e.code}${e.component ? ` on ${e.component}` : ''}`,
        details: { code: e.code, component: e.component ?? null, faultSeverity: e.severity },
      });
    } else if (e.type === 'fault.cleared') {
      commands.push({
        kind: 'clear',
        deviceId: e.deviceId,
        type: faultType(e.code),
        at: e.ts,
        note: `the device cleared ${e.code}`,
      });
    }
  }
  return commands;
}

/** A device that goes offline (its will, or silence the presence sweep noticed): minor, cleared when it is back. */
export function offlineCommand(deviceId: string, at: number, why: string): AlarmCommand {
  return {
    kind: 'raise',
    deviceId,
    type: OFFLINE_TYPE,
    severity: 'minor',
    at,
    message: `Offline: ${why}`,
    details: {},
  };
}

export function onlineCommand(deviceId: string, at: number): AlarmCommand {
  return { kind: 'clear', deviceId, type: OFFLINE_TYPE, at, note: 'the device is back online' };
}

/**
 * Predicted failures: a component whose risk crossed its alert threshold raises a
 * `risk:<component>` alarm, major from a probability of 0.8 within the horizon, minor
 * below; cleared when the prediction falls back (or the part is replaced).
 */
export function predictionRaised(a: PredictionAlert): Extract<AlarmCommand, { kind: 'raise' }> {
  return {
    kind: 'raise',
    deviceId: a.deviceId,
    type: riskType(a.component),
    severity: a.probability >= 0.8 ? 'major' : 'minor',
    at: a.ts,
    message: `${a.component}: ${Math.round(a.probability * 100)} % risk of failure within ${a.horizonDays} days`,
    details: {
      component: a.component,
      probability: a.probability,
      horizonDays: a.horizonDays,
      remainingDays: a.remainingDays,
      evidence: a.evidence,
    },
  };
}

export function predictionCleared(a: PredictionAlert): AlarmCommand {
  return {
    kind: 'clear',
    deviceId: a.deviceId,
    type: riskType(a.component),
    at: a.ts,
    note: `risk fell back to ${Math.round(a.probability * 100)} %`,
  };
}

export interface FloodRule {
  /** Rejected messages of one device within `windowMs` that make a flood. */
  threshold: number;
  windowMs: number;
  /** A flood alarm clears after this long without a new flood. */
  quietMs: number;
}

export const DEFAULT_FLOOD_RULE: FloodRule = { threshold: 20, windowMs: 10 * 60_000, quietMs: 30 * 60_000 };

/**
 * Dead-letter floods: a device whose messages are refused `threshold` times within
 * `windowMs` (a firmware that sends a wrong payload, a clock gone wrong) raises a
 * minor `dead-letters` alarm with the reasons counted; each further `threshold`
 * refusals count it up. Kept per replica (each sees what it ingested), in memory: a
 * restart starts counting again, which costs at most one late alarm.
 */
export class FloodDetector {
  private readonly recent = new Map<string, { times: number[]; reasons: Map<string, number> }>();

  constructor(private readonly rule: FloodRule = DEFAULT_FLOOD_RULE) {}

  /** Takes rejected messages (device, reason, time); returns the alarms of the devices that flooded. */
  take(rejected: ReadonlyArray<{ deviceId?: string; reason: string; receivedAt: number }>): AlarmCommand[] {
    const commands: AlarmCommand[] = [];
    for (const r of rejected) {
      if (!r.deviceId) continue;
      const entry = this.recent.get(r.deviceId) ?? { times: [], reasons: new Map<string, number>() };
      this.recent.set(r.deviceId, entry);
      entry.times.push(r.receivedAt);
      entry.reasons.set(r.reason, (entry.reasons.get(r.reason) ?? 0) + 1);
      while (entry.times.length && entry.times[0] <= r.receivedAt - this.rule.windowMs) entry.times.shift();
      if (entry.times.length < this.rule.threshold) continue;
      const reasons = Object.fromEntries([...entry.reasons].sort((a, b) => b[1] - a[1]));
      commands.push({
        kind: 'raise',
        deviceId: r.deviceId,
        type: DEAD_LETTERS_TYPE,
        severity: 'minor',
        at: r.receivedAt,
        message: `${entry.times.length} messages refused within ${Math.round(this.rule.windowMs / 60_000)} min: ${Object.entries(
          reasons,
        )
          .map(([k, n]) => `${k.replaceAll('_', ' ')} ×${n}`)
          .join(', ')}`,
        details: { refused: entry.times.length, reasons },
      });
      this.recent.delete(r.deviceId);
    }
    // forget devices quiet for a window, so the map stays small
    const last = rejected.length ? rejected[rejected.length - 1].receivedAt : 0;
    if (this.recent.size > 10_000)
      for (const [id, e] of this.recent)
        if (e.times[e.times.length - 1] <= last - this.rule.windowMs) this.recent.delete(id);
    return commands;
  }
}
