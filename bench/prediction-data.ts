import { FAULT_CODES, MODELS } from '../device-simulator/catalog.js';
import { generateFleet } from '../device-simulator/fleet.js';
import { FleetSimulation } from '../device-simulator/simulation.js';
import type { DeviceEvent, TelemetrySample } from '../src/contract/index.js';
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
 * the catalog. Ground truth (which failures had warning signs) is kept apart, for the
 * backtest's breakdown only.
 */

export interface SimulatedHistory {
  seed: number;
  start: number;
  end: number;
  history: FleetHistory;
  /** `${deviceId}/${component}` → failures with their ground-truth `warned`. */
  truth: Map<string, Array<{ ts: number; warned: boolean }>>;
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
  const truth = new Map<string, Array<{ ts: number; warned: boolean }>>();
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
        if (r.type !== 'failure') return;
        const key = `${r.deviceId}/${r.component}`;
        let list = truth.get(key);
        if (!list) truth.set(key, (list = []));
        list.push({ ts: r.ts, warned: r.warned });
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
  return { seed: o.seed, start, end, history, truth, messages, simulateSeconds };
}
