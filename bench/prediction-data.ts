import { FAULT_CODES, MODELS } from '../device-simulator/catalog.js';
import { generateFleet } from '../device-simulator/fleet.js';
import { FleetSimulation } from '../device-simulator/simulation.js';
import type { TruthRecord } from '../device-simulator/ground-truth.js';
import type { DeviceEvent, TelemetrySample } from '../src/contract/index.js';
import type { FailureTruth } from '../src/predictions/backtest.js';
import {
  DAY_MS,
  DailyAggregator,
  type FleetHistory,
  type HistoryEvent,
  type ModelInfo,
} from '../src/predictions/prediction-input.js';

/**
 * Simulated fleets turned into the prediction engine's input exactly as the platform
 * would hold them: every telemetry point aggregated by UTC day (mean, min, max, count,
 * last, as the stores' daily windows), every event as stored, and registry records from
 * the catalog. Ground truth (which failures had warning signs, which had an observable
 * one, which were returns) is kept apart, for the backtest's breakdowns only.
 */

/** A warning sign counts as observable when it showed at least this long before the failure. */
export const OBSERVABLE_LEAD_MS = DAY_MS;
/** Gauge drift, in the gauge's noise standard deviations, that counts as an observable sign. */
export const OBSERVABLE_DRIFT = 3;

/**
 * Did a failure have an observable precursor? A wear failure (not a fault that came back
 * after a visit that did not fix it) whose precursor stage, a day or more before the
 * failure, had raised a precursor code or drifted its gauge by 3 noise standard deviations
 * or more. docs/predictions.md, "Alerts and how they are scored".
 */
export function observablePrecursor(f: Extract<TruthRecord, { type: 'failure' }>): boolean {
  if (f.cause !== 'wear' || !f.warned) return false;
  const code = f.firstPrecursorCodeTs !== null && f.firstPrecursorCodeTs <= f.ts - OBSERVABLE_LEAD_MS;
  const gauge = f.gaugeDrift24h !== null && f.gaugeDrift24h >= OBSERVABLE_DRIFT;
  return code || gauge;
}

export interface SimulatedHistory {
  seed: number;
  start: number;
  end: number;
  history: FleetHistory;
  /** `${deviceId}/${component}` → failures with what ground truth says of them. */
  truth: Map<string, FailureTruth[]>;
  /** `${deviceId}/${component}` → what the simulator knew of its parts, for the Bayes ceiling only. */
  parts: Map<string, PartTruth>;
  messages: number;
  simulateSeconds: number;
}

/** The catalog as registry records (expected life = Weibull scale, as `catalogAsRegistryModels`). */
export function catalogModels(): ModelInfo[] {
  return MODELS.map((m) => ({
    modelId: m.id,
    usageUnit: m.usage.unit,
    usageMetric: m.usage.unit === 'pages' ? 'pages.total' : 'run_hours',
    ratedMonthlyDuty: m.usage.ratedMonthly,
    components: m.components.map((c) => ({ name: c.name, expectedLife: c.life.scale })),
    faultCodes: FAULT_CODES.map((f) => ({
      code: f.code,
      component: f.likelyComponent,
      severity: f.severity,
    })),
  }));
}

/** A component's parts as the simulator drew them, without their hidden lives: the ceiling's inputs. */
export interface PartTruth {
  /** Each part fitted: when, the wear already on it, the Weibull it was drawn from. */
  installs: Array<{ ts: number; age: number; lifeScale: number; shape: number }>;
  /** Repair visits that ended, and whether they left the fault unfixed. */
  repairs: Array<{ finishTs: number; misdiagnosed: boolean }>;
  /** Times preventive maintenance replaced the part. */
  pmReplacements: number[];
}

export function simulateHistory(o: {
  devices: number;
  days: number;
  seed: number;
  stepMs?: number;
  start?: number;
}): SimulatedHistory {
  const start = o.start ?? Date.UTC(2023, 0, 2);
  const end = start + o.days * DAY_MS;
  const fleet = generateFleet({
    devices: o.devices,
    customers: Math.max(1, Math.round(o.devices / 8)),
    seed: o.seed,
    start,
    overuseShare: 0.1,
    misuseShare: 0.1,
  });
  const agg = new DailyAggregator();
  const events = new Map<string, HistoryEvent[]>();
  const truth = new Map<string, FailureTruth[]>();
  const parts = new Map<string, PartTruth>();
  const part = (deviceId: string, component: string): PartTruth => {
    const key = `${deviceId}/${component}`;
    let p = parts.get(key);
    if (!p) parts.set(key, (p = { installs: [], repairs: [], pmReplacements: [] }));
    return p;
  };
  let messages = 0;
  const sim = new FleetSimulation(
    fleet,
    { seed: o.seed, start, stepMs: o.stepMs ?? 3_600_000 },
    {
      message(m) {
        messages++;
        if (m.kind === 'telemetry') {
          const p = m.payload as TelemetrySample;
          const ts = Number(p.ts);
          for (const [metric, value] of Object.entries(p.gauges ?? {}))
            agg.add({ deviceId: m.deviceId, metric, ts, value });
          for (const [metric, value] of Object.entries(p.counters ?? {}))
            agg.add({ deviceId: m.deviceId, metric, ts, value });
        } else if (m.kind === 'events') {
          const e = m.payload as DeviceEvent;
          const record: HistoryEvent = { ts: Number(e.ts), type: e.type };
          if (e.code !== undefined) record.code = e.code;
          if (e.component !== undefined) record.component = e.component;
          if (e.severity !== undefined) record.severity = e.severity;
          if (e.visitId !== undefined) record.visitId = e.visitId;
          let list = events.get(m.deviceId);
          if (!list) events.set(m.deviceId, (list = []));
          list.push(record);
        }
      },
      truth(r) {
        if (r.type === 'install') {
          part(r.deviceId, r.component).installs.push({
            ts: r.ts,
            age: r.age,
            lifeScale: r.lifeScale,
            shape: r.shape,
          });
        } else if (r.type === 'repair') {
          part(r.deviceId, r.component).repairs.push({ finishTs: r.finishTs, misdiagnosed: r.misdiagnosed });
        } else if (r.type === 'replacement' && r.source.startsWith('pm')) {
          part(r.deviceId, r.component).pmReplacements.push(r.ts);
        }
        if (r.type !== 'failure') return;
        const key = `${r.deviceId}/${r.component}`;
        let list = truth.get(key);
        if (!list) truth.set(key, (list = []));
        list.push({
          ts: r.ts,
          warned: r.warned,
          observable: observablePrecursor(r),
          returned: r.cause === 'misdiagnosis',
        });
      },
    },
  );
  const t0 = performance.now();
  sim.advanceTo(end);
  const simulateSeconds = (performance.now() - t0) / 1000;
  const history: FleetHistory = {
    models: catalogModels(),
    devices: fleet.devices.map((d) => ({
      deviceId: d.deviceId,
      modelId: d.modelId,
      installDate: d.installDate,
      metrics: agg.series(d.deviceId),
      events: (events.get(d.deviceId) ?? []).sort((a, b) => a.ts - b.ts),
    })),
  };
  return { seed: o.seed, start, end, history, truth, parts, messages, simulateSeconds };
}
