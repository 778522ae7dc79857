import { generateFleet } from '../device-simulator/fleet.js';
import type { TruthRecord } from '../device-simulator/ground-truth.js';
import { catalogAsRegistryModels } from '../device-simulator/registry-export.js';
import { FleetSimulation } from '../device-simulator/simulation.js';
import type { DeviceEvent, TelemetrySample } from '../src/contract/index.js';
import type { EventRecord } from '../src/ports/records.js';
import { diagnose, OPERATOR } from '../src/work-orders/diagnosis/diagnosis.js';
import {
  DEFAULT_LEARNING,
  EMPTY_KNOWLEDGE,
  learnFromHistory,
  type DiagnosisKnowledge,
} from '../src/work-orders/diagnosis/diagnosis-knowledge.js';
import { faultSymptoms, type FaultTableEntry, type Symptom } from '../src/work-orders/diagnosis/symptoms.js';
import {
  ANOMALY_LOOKBACK_DAYS,
  anomalyObservations,
  detectAnomalies,
  type DailyMean,
} from '../src/work-orders/diagnosis/telemetry-anomalies.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface DiagnosisBenchOptions {
  devices: number;
  days: number;
  seed: number;
  /** The first share of the period is the history learned from; cases come from the rest. */
  trainShare: number;
}

/** How a method did on one kind of case. */
export interface Score {
  cases: number;
  top1: number;
  top3: number;
  /** Share of cases whose parts list holds the true part (first-time fix), and its mean length. */
  firstTimeFix: number;
  partsPerCase: number;
}

export interface DiagnosisBenchResult {
  devices: number;
  days: number;
  trainDays: number;
  learnedFixes: number;
  kinds: Array<{ kind: string; scores: Record<Method, Score> }>;
  afterMisdiagnosis: Record<Method, Score>;
  /** Parts wearing with nothing to see yet (no part-naming code, no gauge drift): left out. */
  silentCases: number;
  simulatedSeconds: number;
}

type Method = 'baseline' | 'faultTable' | 'learned';
const METHODS: Method[] = ['baseline', 'faultTable', 'learned'];

interface Case {
  kind: 'breakdown' | 'warning signs';
  deviceId: string;
  modelId: string;
  truth: string;
  at: number;
  afterMisdiagnosis: boolean;
}

/**
 * Diagnosis accuracy against the simulator's ground truth. A fleet is simulated
 * (hourly steps); the first `trainShare` of the period is the service history the
 * diagnosis learns from (which replacement ended which fault codes and gauge
 * drifts; misdiagnosed visits replaced nothing and teach nothing); every true
 * failure of the rest is a "breakdown" case (symptoms as the order would see them
 * at the failure), and every part starting to show wear is a "warning signs" case
 * (symptoms two weeks later, or just before it fails; left out while nothing shows
 * but user codes). Three methods: the baseline
 * (replace the part the fault code names: the most frequent code's part), the
 * diagnosis on the fault table alone, and the diagnosis learned from history.
 */
export function diagnosisAccuracy(o: DiagnosisBenchOptions): DiagnosisBenchResult {
  const wall = Date.now();
  const start = Date.UTC(2024, 0, 1);
  const end = start + o.days * DAY;
  const split = start + Math.round(o.days * o.trainShare) * DAY;
  const fleet = generateFleet({
    devices: o.devices,
    customers: Math.max(1, Math.round(o.devices / 8)),
    seed: o.seed,
    start,
    overuseShare: 0.2,
    misuseShare: 0.15,
  });
  const events = new Map<string, EventRecord[]>();
  // daily means of every gauge: device → metric → day → [sum, n]
  const sums = new Map<string, Map<string, Map<number, [number, number]>>>();
  const truth: TruthRecord[] = [];
  const sim = new FleetSimulation(
    fleet,
    { seed: o.seed, start, stepMs: HOUR },
    {
      message: (m) => {
        if (m.kind === 'events') {
          const e = m.payload as DeviceEvent & { ts: number };
          const list = events.get(m.deviceId) ?? [];
          list.push({ ...e, deviceId: m.deviceId });
          events.set(m.deviceId, list);
        } else if (m.kind === 'telemetry') {
          const s = m.payload as TelemetrySample & { ts: number };
          const day = Math.floor(s.ts / DAY) * DAY;
          const perDevice = sums.get(m.deviceId) ?? new Map<string, Map<number, [number, number]>>();
          sums.set(m.deviceId, perDevice);
          for (const [metric, value] of Object.entries(s.gauges ?? {})) {
            if (metric.endsWith('_pct')) continue;
            const perMetric = perDevice.get(metric) ?? new Map<number, [number, number]>();
            perDevice.set(metric, perMetric);
            const acc = perMetric.get(day) ?? [0, 0];
            acc[0] += value;
            acc[1]++;
            perMetric.set(day, acc);
          }
        }
      },
      truth: (r) => {
        if (r.type === 'failure' || r.type === 'wear' || r.type === 'replacement') truth.push(r);
      },
    },
  );
  sim.advanceTo(end);
  const series = new Map<string, Record<string, DailyMean[]>>();
  for (const [deviceId, perDevice] of sums) {
    const s: Record<string, DailyMean[]> = {};
    for (const [metric, days] of perDevice)
      s[metric] = [...days.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([day, [sum, n]]) => ({ day, value: sum / n }));
    series.set(deviceId, s);
  }
  const simulatedSeconds = (Date.now() - wall) / 1000;

  // the history the platform would hold at the split: events and gauge drifts around replacements
  const trainEvents = [...events.values()].flatMap((list) => list.filter((e) => e.ts < split));
  const observations = [...events.entries()].flatMap(([deviceId, list]) =>
    anomalyObservations(
      deviceId,
      list.filter((e) => e.type === 'part.replaced' && e.ts < split).map((e) => e.ts),
      clip(series.get(deviceId) ?? {}, split),
      DEFAULT_LEARNING.afterMs,
      split,
    ),
  );
  const learned = learnFromHistory(trainEvents, observations, { ...DEFAULT_LEARNING, until: split });

  const models = new Map(
    catalogAsRegistryModels().map((m) => [
      m.modelId as string,
      {
        components: (m.components as Array<{ name: string }>).map((c) => c.name),
        faultTable: m.faultCodes as FaultTableEntry[],
      },
    ]),
  );
  const modelOf = new Map(fleet.devices.map((d) => [d.deviceId, d.modelId]));
  const cases = buildCases(truth, modelOf, split, end);

  const scores = new Map<string, Record<Method, Score>>();
  let skipped = 0;
  const misdiagnosed = emptyScores();
  for (const c of cases) {
    const model = models.get(c.modelId)!;
    const symptoms = symptomsAt(events.get(c.deviceId) ?? [], series.get(c.deviceId) ?? {}, c.at);
    // nothing a planner would act on yet (no code naming a part, no gauge drift): no order, no case
    const named = new Set(model.faultTable.filter((t) => t.likelyComponent).map((t) => t.code));
    if (!symptoms.some((s) => s.kind === 'anomaly' || (s.kind === 'fault' && named.has(s.code)))) {
      skipped++;
      continue;
    }
    const answers: Record<Method, { ranked: string[]; parts: string[] }> = {
      baseline: baseline(symptoms, model.faultTable),
      faultTable: ranked(symptoms, model, EMPTY_KNOWLEDGE, c.at),
      learned: ranked(symptoms, model, learned, c.at),
    };
    const byKind = scores.get(c.kind) ?? emptyScores();
    scores.set(c.kind, byKind);
    for (const m of METHODS) {
      add(byKind[m], answers[m], c.truth);
      if (c.afterMisdiagnosis) add(misdiagnosed[m], answers[m], c.truth);
    }
  }
  return {
    devices: o.devices,
    days: o.days,
    trainDays: Math.round((split - start) / DAY),
    learnedFixes: Math.round(Object.values(learned.fixes).reduce((a, b) => a + b, 0)),
    kinds: [...scores.entries()].map(([kind, s]) => ({ kind, scores: finish(s) })),
    afterMisdiagnosis: finish(misdiagnosed),
    silentCases: skipped,
    simulatedSeconds,
  };
}

function clip(series: Record<string, DailyMean[]>, before: number): Record<string, DailyMean[]> {
  const out: Record<string, DailyMean[]> = {};
  for (const [m, days] of Object.entries(series)) out[m] = days.filter((d) => d.day + DAY <= before);
  return out;
}

/** Breakdowns (true failures) and warning signs (a part starting to wear) after the split. */
function buildCases(
  truth: readonly TruthRecord[],
  modelOf: Map<string, string>,
  split: number,
  end: number,
): Case[] {
  const cases: Case[] = [];
  const replacedAt = new Map<string, number[]>();
  const failures = new Map<string, number[]>();
  for (const r of truth) {
    if (r.type === 'replacement') {
      const k = `${r.deviceId}/${r.component}`;
      replacedAt.set(k, [...(replacedAt.get(k) ?? []), r.ts]);
    }
    if (r.type === 'failure') {
      const k = `${r.deviceId}/${r.component}`;
      failures.set(k, [...(failures.get(k) ?? []), r.ts]);
    }
  }
  for (const r of truth) {
    if (r.type === 'failure' && r.ts >= split)
      cases.push({
        kind: 'breakdown',
        deviceId: r.deviceId,
        modelId: modelOf.get(r.deviceId)!,
        truth: r.component,
        at: r.ts,
        afterMisdiagnosis: r.cause === 'misdiagnosis',
      });
    if (r.type === 'wear' && r.ts >= split) {
      const k = `${r.deviceId}/${r.component}`;
      const failure = (failures.get(k) ?? []).find((t) => t > r.ts);
      const at = Math.min(r.ts + 14 * DAY, failure === undefined ? Infinity : failure - HOUR);
      // replaced before anyone would look (a PM visit): no case
      if (at >= end || at <= r.ts || (replacedAt.get(k) ?? []).some((t) => t > r.ts && t <= at)) continue;
      cases.push({
        kind: 'warning signs',
        deviceId: r.deviceId,
        modelId: modelOf.get(r.deviceId)!,
        truth: r.component,
        at,
        afterMisdiagnosis: false,
      });
    }
  }
  return cases;
}

/** What the order would see at `at`: fault codes of the last two weeks, gauge drifts since the last replacement. */
function symptomsAt(
  events: readonly EventRecord[],
  series: Record<string, DailyMean[]>,
  at: number,
): Symptom[] {
  const lastReplacement = events
    .filter((e) => e.type === 'part.replaced' && e.ts <= at)
    .reduce((t, e) => Math.max(t, e.ts), at - ANOMALY_LOOKBACK_DAYS * DAY);
  const symptoms: Symptom[] = faultSymptoms(events, Math.max(at - 14 * DAY, lastReplacement + 1), at + 1);
  const day = Math.floor(at / DAY) * DAY;
  const window: Record<string, DailyMean[]> = {};
  for (const [m, days] of Object.entries(series))
    window[m] = days.filter((d) => d.day >= lastReplacement && d.day < day);
  symptoms.push(...detectAnomalies(window, day));
  return symptoms;
}

/** "Replace the part the fault code names": the most frequent code's part first (the operator for user codes). */
function baseline(
  symptoms: readonly Symptom[],
  table: readonly FaultTableEntry[],
): { ranked: string[]; parts: string[] } {
  const named = new Map(table.map((t) => [t.code, t.likelyComponent ?? OPERATOR]));
  const counts = new Map<string, number>();
  for (const s of symptoms) {
    if (s.kind !== 'fault') continue;
    const part = named.get(s.code);
    // a machine-down code outweighs any number of minor ones
    if (part) counts.set(part, (counts.get(part) ?? 0) + s.count + (s.severity === 'minor' ? 0 : 1e6));
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([p]) => p);
  return { ranked, parts: ranked.slice(0, 1).filter((p) => p !== OPERATOR) };
}

function ranked(
  symptoms: readonly Symptom[],
  model: { components: string[]; faultTable: FaultTableEntry[] },
  knowledge: DiagnosisKnowledge,
  at: number,
): { ranked: string[]; parts: string[] } {
  const d = diagnose(symptoms, { at, components: model.components, faultTable: model.faultTable, knowledge });
  return { ranked: d.causes.map((c) => c.cause), parts: d.parts.map((p) => p.component) };
}

function emptyScores(): Record<Method, Score> {
  const s = (): Score => ({ cases: 0, top1: 0, top3: 0, firstTimeFix: 0, partsPerCase: 0 });
  return { baseline: s(), faultTable: s(), learned: s() };
}

function add(s: Score, answer: { ranked: string[]; parts: string[] }, truth: string): void {
  s.cases++;
  if (answer.ranked[0] === truth) s.top1++;
  if (answer.ranked.slice(0, 3).includes(truth)) s.top3++;
  if (answer.parts.includes(truth)) s.firstTimeFix++;
  s.partsPerCase += answer.parts.length;
}

function finish(scores: Record<Method, Score>): Record<Method, Score> {
  const out = emptyScores();
  for (const m of METHODS) {
    const s = scores[m];
    const n = Math.max(1, s.cases);
    out[m] = {
      cases: s.cases,
      top1: s.top1 / n,
      top3: s.top3 / n,
      firstTimeFix: s.firstTimeFix / n,
      partsPerCase: s.partsPerCase / n,
    };
  }
  return out;
}
