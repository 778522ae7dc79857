import type { EventRecord } from '../../ports/records.js';

const DAY = 86_400_000;

/**
 * What the service history taught: which part's replacement ended which symptom.
 * Counts, so knowledge learned on two fleets (or two periods) adds up.
 */
export interface DiagnosisKnowledge {
  /** Per part: replacements that ended at least one symptom (a visit replacing n parts counts 1/n each). */
  fixes: Record<string, number>;
  /** Per symptom feature (`code:F-301`, `anomaly:fuser.temp_c:low`), per part: replacements that ended it. */
  ended: Record<string, Record<string, number>>;
  /** Replacement visits looked at (with enough follow-up to tell). */
  replacements: number;
  /** The period of history learned from; null when learned from nothing. */
  from: number | null;
  to: number | null;
}

export const EMPTY_KNOWLEDGE: DiagnosisKnowledge = {
  fixes: {},
  ended: {},
  replacements: 0,
  from: null,
  to: null,
};

/** A symptom seen on a device at a time: fault codes come from events; telemetry anomalies are passed in. */
export interface Observation {
  deviceId: string;
  ts: number;
  feature: string;
}

export interface LearningOptions {
  /** Symptoms seen this long before a replacement (and after the previous one) count as its "before". */
  beforeMs: number;
  /** A symptom absent this long after the replacement was ended by it. */
  afterMs: number;
  /** End of the history: replacements without `afterMs` of follow-up before it are left out. */
  until: number;
}

export const DEFAULT_LEARNING = { beforeMs: 30 * DAY, afterMs: 30 * DAY } as const;

/** The symptom feature of a fault code. */
export const codeFeature = (code: string): string => `code:${code}`;

/**
 * Learns from repair records: for every visit that replaced parts, the symptoms
 * seen before it (since the previous replacement) that did not come back after it
 * were ended by those parts. A visit that replaced nothing (the technician cleaned
 * and the fault came back: a misdiagnosis) teaches nothing by itself; the later
 * replacement that did end the symptom is credited. Pure.
 */
export function learnFromHistory(
  events: readonly EventRecord[],
  observations: readonly Observation[],
  o: LearningOptions,
): DiagnosisKnowledge {
  const k: DiagnosisKnowledge = { fixes: {}, ended: {}, replacements: 0, from: null, to: null };
  const perDevice = new Map<
    string,
    { obs: Array<[number, string]>; replaced: Map<string, { ts: number; parts: Set<string> }> }
  >();
  const device = (id: string) => {
    let d = perDevice.get(id);
    if (!d) perDevice.set(id, (d = { obs: [], replaced: new Map() }));
    return d;
  };
  const seen = (ts: number): void => {
    k.from = k.from === null ? ts : Math.min(k.from, ts);
    k.to = k.to === null ? ts : Math.max(k.to, ts);
  };
  for (const e of events) {
    seen(e.ts);
    if (e.type === 'fault.raised' && e.code) device(e.deviceId).obs.push([e.ts, codeFeature(e.code)]);
    else if (e.type === 'part.replaced' && e.component) {
      // one visit replaces several parts at once: grouped by visit id (or instant)
      const key = e.visitId ?? `@${e.ts}`;
      const groups = device(e.deviceId).replaced;
      const g = groups.get(key) ?? { ts: e.ts, parts: new Set<string>() };
      g.ts = Math.min(g.ts, e.ts);
      g.parts.add(e.component);
      groups.set(key, g);
    }
  }
  for (const ob of observations) {
    seen(ob.ts);
    device(ob.deviceId).obs.push([ob.ts, ob.feature]);
  }
  for (const d of perDevice.values()) {
    d.obs.sort((a, b) => a[0] - b[0]);
    const groups = [...d.replaced.values()].sort((a, b) => a.ts - b.ts);
    let previous = Number.NEGATIVE_INFINITY;
    for (const g of groups) {
      const t = g.ts;
      const since = Math.max(previous, t - o.beforeMs);
      previous = t;
      if (t + o.afterMs > o.until) continue;
      k.replacements++;
      const before = new Set<string>();
      const after = new Set<string>();
      for (const [ts, f] of d.obs) {
        if (ts >= since && ts < t) before.add(f);
        else if (ts > t && ts <= t + o.afterMs) after.add(f);
      }
      const ended = [...before].filter((f) => !after.has(f));
      if (!ended.length) continue;
      const share = 1 / g.parts.size;
      for (const part of g.parts) {
        k.fixes[part] = (k.fixes[part] ?? 0) + share;
        for (const f of ended) {
          const row = (k.ended[f] ??= {});
          row[part] = (row[part] ?? 0) + share;
        }
      }
    }
  }
  return k;
}

/** Knowledge from two sources (two fleets, two periods) added up. */
export function mergeKnowledge(a: DiagnosisKnowledge, b: DiagnosisKnowledge): DiagnosisKnowledge {
  const fixes = { ...a.fixes };
  for (const [p, n] of Object.entries(b.fixes)) fixes[p] = (fixes[p] ?? 0) + n;
  const ended: Record<string, Record<string, number>> = {};
  for (const src of [a.ended, b.ended])
    for (const [f, row] of Object.entries(src)) {
      const into = (ended[f] ??= {});
      for (const [p, n] of Object.entries(row)) into[p] = (into[p] ?? 0) + n;
    }
  const min = (x: number | null, y: number | null) => (x === null ? y : y === null ? x : Math.min(x, y));
  const max = (x: number | null, y: number | null) => (x === null ? y : y === null ? x : Math.max(x, y));
  return {
    fixes,
    ended,
    replacements: a.replacements + b.replacements,
    from: min(a.from, b.from),
    to: max(a.to, b.to),
  };
}
