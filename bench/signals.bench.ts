import { MODEL_BY_ID } from '../device-simulator/catalog.js';
import { generateFleet } from '../device-simulator/fleet.js';
import type { TruthRecord } from '../device-simulator/ground-truth.js';
import { FleetSimulation } from '../device-simulator/simulation.js';
import type { DeviceEvent, TelemetrySample } from '../src/contract/index.js';
import { JobRunner } from '../src/infrastructure/jobs/job-runner.js';
import type { EventRecord, TelemetryPoint } from '../src/ports/records.js';
import { TELEMETRY_STORE, type TelemetryStore } from '../src/ports/telemetry-store.port.js';
import { RegistryService } from '../src/registry/registry.service.js';
import { KpiRefreshJob } from '../src/reliability/kpi-refresh.job.js';
import { RULE_IDS, type RuleId, type Signal } from '../src/signals/signal.js';
import type { SignalRunSummary } from '../src/signals/signal-evaluation.service.js';
import { monthStart } from '../src/signals/signal-facts.js';
import { DEFAULT_RULE_SETTINGS } from '../src/signals/signal-rules.config.js';
import { SIGNAL_REPOSITORY, type SignalRepository } from '../src/signals/signal.repository.js';
import { SignalsEvaluationJob } from '../src/signals/signals-evaluation.job.js';
import { registryRecordsFromTruth } from '../test/helpers/registry-from-truth.js';
import { startBenchApp } from './bench-support.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const YEAR = 365.25 * DAY;

type DeviceTruth = Extract<TruthRecord, { type: 'device' }>;

export interface SignalsBenchOptions {
  seeds: number[];
  devices: number;
  /** Simulation start; a year is simulated. */
  start: number;
}

interface Score {
  fired: number;
  tp: number;
  fp: number;
  fn: number;
}

/** What the simulator knows, and the rules are scored against. */
interface Truth {
  devices: DeviceTruth[];
  growth: Map<string, number>;
  start: number;
}

/**
 * The simulator's fleet-year, in memory, through the real evaluation: the data written
 * to the app's store, the registry imported, the KPI ledger computed, then the signals
 * job run at the start of each month from the fourth on (as the schedule would), all
 * in simulated time. Each rule's flagged devices (customers for growing volume) over
 * the year are scored against the simulator's ground truth.
 */
export async function signalsBench(o: SignalsBenchOptions, log: (line: string) => void): Promise<void> {
  const pooled = new Map<string, Score>();
  for (const seed of o.seeds) {
    const scores = await oneSeed(seed, o, log);
    for (const [rule, s] of scores) {
      const p = pooled.get(rule) ?? { fired: 0, tp: 0, fp: 0, fn: 0 };
      pooled.set(rule, { fired: p.fired + s.fired, tp: p.tp + s.tp, fp: p.fp + s.fp, fn: p.fn + s.fn });
    }
  }
  if (o.seeds.length > 1) {
    log(`  pooled over seeds ${o.seeds.join(', ')}:`);
    printScores(pooled, log);
  }
}

async function oneSeed(
  seed: number,
  o: SignalsBenchOptions,
  log: (line: string) => void,
): Promise<Map<string, Score>> {
  const end = o.start + 365 * DAY;
  const customers = Math.max(3, Math.round(o.devices / 10));
  log(
    `signals: seed ${seed}, ${o.devices} devices of ${customers} customers, ${new Date(o.start).toISOString().slice(0, 10)} + 1 year, hourly steps, in memory`,
  );
  const app = await startBenchApp({ KPI_REFRESH_INTERVAL_MS: '0', SIGNALS_EVALUATE_INTERVAL_MS: '0' });
  try {
    const store = app.app.get<TelemetryStore>(TELEMETRY_STORE);
    const truthRecords: TruthRecord[] = [];
    let points: TelemetryPoint[] = [];
    let events: EventRecord[] = [];
    let written = { points: 0, events: 0 };
    const fleet = generateFleet({
      devices: o.devices,
      customers,
      seed,
      start: o.start,
      overuseShare: 0.15,
      misuseShare: 0.1,
    });
    const sim = new FleetSimulation(
      fleet,
      { seed, start: o.start, stepMs: HOUR },
      {
        message: (m) => {
          if (m.kind === 'events') {
            events.push({ ...(m.payload as DeviceEvent & { ts: number }), deviceId: m.deviceId });
          } else if (m.kind === 'telemetry') {
            // a meter reading a day is what monthly usage needs
            const t = m.payload as TelemetrySample & { ts: number };
            if (new Date(t.ts).getUTCHours() !== 23) return;
            for (const [metric, value] of Object.entries(t.counters ?? {}))
              points.push({ deviceId: m.deviceId, metric, kind: 'counter', ts: t.ts, value });
          }
        },
        truth: (r) => {
          if (r.type === 'device' || r.type === 'customer' || r.type === 'site') truthRecords.push(r);
        },
      },
    );
    const simStarted = performance.now();
    for (let month = 1; month <= 12; month++) {
      sim.advanceTo(Math.min(end, monthStart(o.start, month)));
      await store.write(points, events);
      written = { points: written.points + points.length, events: written.events + events.length };
      points = [];
      events = [];
    }
    log(
      `  simulated and stored in ${((performance.now() - simStarted) / 1000).toFixed(1)} s: ${written.points.toLocaleString('en-US')} meter readings, ${written.events.toLocaleString('en-US')} events`,
    );
    const registry = app.app.get(RegistryService);
    for (const [entity, records] of registryRecordsFromTruth(truthRecords)) {
      const report = await registry.importJson(entity, records);
      if (report.rejected)
        throw new Error(`registry ${entity}: ${JSON.stringify(report.errors.slice(0, 3))}`);
    }
    const jobs = app.app.get(JobRunner);
    const kpiStarted = performance.now();
    await jobs.runNow(KpiRefreshJob.jobName, end);
    log(`  KPI ledger computed in ${((performance.now() - kpiStarted) / 1000).toFixed(1)} s`);

    // the evaluation, as the schedule runs it: every month start from the fourth on
    const times: number[] = [];
    for (let month = 3; month <= 12; month++) times.push(monthStart(o.start, month));
    let cpu = 0;
    let wall = 0;
    const summaries: SignalRunSummary[] = [];
    for (const t of times) {
      const c0 = process.cpuUsage();
      const w0 = performance.now();
      summaries.push((await jobs.runNow(SignalsEvaluationJob.NAME, t)) as SignalRunSummary);
      const c = process.cpuUsage(c0);
      cpu += (c.user + c.system) / 1000;
      wall += performance.now() - w0;
    }
    log(
      `  ${times.length} monthly evaluations of ${o.devices} devices: ${(wall / times.length / 1000).toFixed(2)} s each (CPU ${(cpu / times.length / 1000).toFixed(2)} s), ` +
        `${summaries.reduce((s, r) => s + r.raised, 0)} signals raised, ${summaries.reduce((s, r) => s + r.findings, 0)} findings, ` +
        `${summaries.reduce((s, r) => s + r.ruleFailures, 0)} rule failures`,
    );

    const signals = await allSignals(app.app.get<SignalRepository>(SIGNAL_REPOSITORY));
    const truth: Truth = {
      devices: truthRecords.filter((r): r is DeviceTruth => r.type === 'device'),
      growth: new Map(
        truthRecords.flatMap((r) =>
          r.type === 'customer' ? [[r.customerId, r.growthPerYear] as const] : [],
        ),
      ),
      start: o.start,
    };
    const scores = score(signals, truth, times);
    printScores(scores, log);
    printErrors(signals, truth, times, log);
    printUnscored(signals, truth, log);
    return scores;
  } finally {
    await app.close();
    app.remove();
  }
}

async function allSignals(repo: SignalRepository): Promise<Signal[]> {
  const out: Signal[] = [];
  let before: { raisedAt: number; id: string } | undefined;
  for (;;) {
    const page = await repo.list({ limit: 1000, before });
    out.push(...page);
    if (page.length < 1000) return out;
    const last = page[page.length - 1];
    before = { raisedAt: last.raisedAt, id: last.id };
  }
}

/** Devices (or, for growing volume, customers) a rule gave evidence on at any evaluation. */
function flagged(signals: readonly Signal[], rule: RuleId): Set<string> {
  const out = new Set<string>();
  for (const s of signals)
    for (const e of s.evidence)
      if (e.rule === rule && e.deviceId) out.add(rule === 'growing-volume' ? s.customerId : e.deviceId);
  return out;
}

const rated = (d: DeviceTruth): number => MODEL_BY_ID.get(d.modelId)!.usage.ratedMonthly;
const unit = (d: DeviceTruth): string => MODEL_BY_ID.get(d.modelId)!.usage.unit;
const kind = (d: DeviceTruth): string => MODEL_BY_ID.get(d.modelId)!.kind;

/** The load the simulator gives a device at `t`: its load factor × its customer's growth since the start. */
function load(d: DeviceTruth, truth: Truth, t: number): number {
  return d.loadFactor * Math.pow(1 + (truth.growth.get(d.customerId) ?? 0), (t - truth.start) / YEAR);
}

/** The ground truth of each scored rule: devices (customers for growing volume). */
function truthOf(rule: RuleId, truth: Truth, times: readonly number[]): Set<string> | null {
  const devices = truth.devices;
  const ids = (keep: (d: DeviceTruth) => boolean): Set<string> =>
    new Set(devices.filter(keep).map((d) => d.deviceId));
  // the 3 months a rule averages end at the evaluation: their middle
  const mid = (t: number): number => t - 45 * DAY;
  switch (rule) {
    case 'overuse':
    case 'capacity':
      return ids((d) => d.overused);
    case 'misuse':
      return ids((d) => d.misused);
    case 'growing-volume':
      return new Set(
        [...truth.growth]
          .filter(([, g]) => g >= DEFAULT_RULE_SETTINGS.growingVolume.growthPerYear)
          .map(([c]) => c),
      );
    case 'contract-ending': {
      const within = DEFAULT_RULE_SETTINGS.contractEnding.withinDays * DAY;
      return ids((d) =>
        times.some((t) => [d.warrantyEnd, d.contractEnd].some((x) => x >= t && x < t + within)),
      );
    }
    case 'underuse': {
      const s = DEFAULT_RULE_SETTINGS.underuse;
      return ids((d) =>
        times.some(
          (t) =>
            load(d, truth, mid(t)) < s.shareOfRated &&
            devices.some(
              (p) =>
                p !== d &&
                p.siteId === d.siteId &&
                kind(p) === kind(d) &&
                load(p, truth, mid(t)) * rated(p) + load(d, truth, mid(t)) * rated(d) <=
                  s.peerMaxShareAfter * rated(p),
            ),
        ),
      );
    }
    case 'department-imbalance': {
      const s = DEFAULT_RULE_SETTINGS.departmentImbalance;
      return ids((d) =>
        times.some((t) => {
          const v = load(d, truth, mid(t)) * rated(d);
          if (load(d, truth, mid(t)) < s.minShareOfRated) return false;
          return devices.some((p) => {
            if (p === d || p.siteId !== d.siteId || p.floor === d.floor || unit(p) !== unit(d)) return false;
            const pv = load(p, truth, mid(t)) * rated(p);
            return v >= s.ratio * pv || (rated(p) >= s.ratio * rated(d) && pv <= v);
          });
        }),
      );
    }
    case 'overt-request':
    case 'repeat-breakdowns':
    case 'tm-after-warranty':
    case 'cost-to-serve':
      return null;
  }
}

const TRUTH_NOTE: Partial<Record<RuleId, string>> = {
  overuse: 'overused (load factor 1.4–2.2)',
  capacity: 'overused (load factor 1.4–2.2)',
  misuse: 'misused',
  'growing-volume': 'customers growing ≥ 10 %/yr',
  'contract-ending': 'warranty or contract ends ≤ 90 d after an evaluation',
  underuse: 'derived: load < 0.35 and a peer with room',
  'department-imbalance': 'derived: load ≥ 0.8 and 3× a peer on another floor',
};

function score(signals: readonly Signal[], truth: Truth, times: readonly number[]): Map<string, Score> {
  const out = new Map<string, Score>();
  for (const rule of RULE_IDS) {
    const expected = truthOf(rule, truth, times);
    if (!expected) continue;
    const got = flagged(signals, rule);
    const tp = [...got].filter((x) => expected.has(x)).length;
    out.set(rule, { fired: got.size, tp, fp: got.size - tp, fn: expected.size - tp });
  }
  return out;
}

/**
 * Where the errors come from: the devices each scored rule missed and those it flagged
 * against the truth, by model, with the load the simulator gave them at the last
 * evaluation (load factor × the customer's growth).
 */
function printErrors(
  signals: readonly Signal[],
  truth: Truth,
  times: readonly number[],
  log: (line: string) => void,
): void {
  const byId = new Map(truth.devices.map((d) => [d.deviceId, d]));
  const last = times[times.length - 1];
  const describe = (ids: string[]): string => {
    const byModel = new Map<string, string[]>();
    for (const id of ids) {
      const d = byId.get(id)!;
      byModel.set(d.modelId, [...(byModel.get(d.modelId) ?? []), load(d, truth, last).toFixed(2)]);
    }
    return [...byModel].map(([m, loads]) => `${m} ×${loads.length} (load ${loads.join(', ')})`).join('; ');
  };
  for (const rule of RULE_IDS) {
    const expected = truthOf(rule, truth, times);
    if (!expected) continue;
    const got = flagged(signals, rule);
    const missed = [...expected].filter((id) => !got.has(id));
    const extra = [...got].filter((id) => !expected.has(id));
    if (rule === 'growing-volume') {
      const growth = (ids: string[]): string =>
        ids.map((c) => `${(100 * (truth.growth.get(c) ?? 0)).toFixed(1)} %`).join(', ');
      if (missed.length) log(`    ${rule} missed: customers growing ${growth(missed)} a year`);
      if (extra.length) log(`    ${rule} flagged wrongly: customers growing ${growth(extra)} a year`);
      continue;
    }
    if (missed.length) log(`    ${rule} missed: ${describe(missed)}`);
    if (extra.length) log(`    ${rule} flagged wrongly: ${describe(extra)}`);
  }
}

const pct = (x: number, n: number): string => (n ? `${((100 * x) / n).toFixed(1)} %` : '—');

function printScores(scores: ReadonlyMap<string, Score>, log: (line: string) => void): void {
  log(
    `  ${'rule'.padEnd(22)}${'flagged'.padStart(8)}${'TP'.padStart(6)}${'FP'.padStart(6)}${'FN'.padStart(6)}${'precision'.padStart(11)}${'recall'.padStart(9)}   truth`,
  );
  for (const [rule, s] of scores)
    log(
      `  ${rule.padEnd(22)}${String(s.fired).padStart(8)}${String(s.tp).padStart(6)}${String(s.fp).padStart(6)}${String(s.fn).padStart(6)}${pct(s.tp, s.tp + s.fp).padStart(11)}${pct(s.tp, s.tp + s.fn).padStart(9)}   ${TRUTH_NOTE[rule as RuleId] ?? ''}`,
    );
}

/** Rules the simulator has no truth for: how often they fire, and on what kind of device. */
function printUnscored(signals: readonly Signal[], truth: Truth, log: (line: string) => void): void {
  const byId = new Map(truth.devices.map((d) => [d.deviceId, d]));
  const base = {
    overused: truth.devices.filter((d) => d.overused).length / truth.devices.length,
    misused: truth.devices.filter((d) => d.misused).length / truth.devices.length,
  };
  for (const rule of ['repeat-breakdowns', 'tm-after-warranty', 'cost-to-serve'] as const) {
    const got = [...flagged(signals, rule)].map((id) => byId.get(id)!);
    const share = (f: (d: DeviceTruth) => boolean): string => pct(got.filter(f).length, got.length);
    log(
      `  ${rule.padEnd(22)}${String(got.length).padStart(8)} devices, no ground truth; overused among them ${share((d) => d.overused)} (fleet ${(100 * base.overused).toFixed(1)} %), misused ${share((d) => d.misused)} (fleet ${(100 * base.misused).toFixed(1)} %)`,
    );
  }
}
