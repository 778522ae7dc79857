import { join } from 'node:path';
import { generateFleet } from '../device-simulator/fleet.js';
import { catalogAsRegistryModels } from '../device-simulator/registry-export.js';
import { FleetSimulation } from '../device-simulator/simulation.js';
import type { DeviceEvent, TelemetrySample } from '../src/contract/index.js';
import { JobRunner } from '../src/infrastructure/jobs/job-runner.js';
import { SqliteTelemetryStore } from '../src/infrastructure/sqlite/sqlite-telemetry.store.js';
import type { EventRecord, TelemetryPoint } from '../src/ports/records.js';
import { TELEMETRY_STORE, type TelemetryStore } from '../src/ports/telemetry-store.port.js';
import type { ScoringRunSummary } from '../src/predictions/prediction-scoring.service.js';
import type { TrainingRunSummary } from '../src/predictions/prediction-training.service.js';
import { tempDir } from '../test/helpers/temp-dir.js';
import { startBenchApp } from './bench-support.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * `npm run bench -- --case scoring`: the scoring job end to end on the embedded store
 * (SQLite time series, PGlite records) for a large fleet: `baseDevices` simulated devices
 * (hourly samples, every event) replicated under new ids up to `devices`, `days` of history
 * written straight into the store (the ingest is benched elsewhere): every metric hourly
 * over the last `hourlyDays` (what gauges are read for), the usage counter every 6 h before
 * that (gauges that old are never read by scoring). Then, in the real app: a training on
 * a sample, a cold scoring run (the cache read from the store), an idle run an hour later,
 * the next day written and scored (the daily run), and an hour of minor faults on 1 % of
 * the fleet (an hourly run).
 */
export interface ScoringBenchOptions {
  devices: number;
  days: number;
  hourlyDays: number;
  baseDevices: number;
  trainDevices: number;
}

export interface ScoringRunFigures {
  name: string;
  wallSeconds: number;
  cpuSeconds: number;
  summary: ScoringRunSummary;
  rssMb: number;
  heapMb: number;
}

export interface ScoringBenchFigures {
  seededPoints: number;
  seededEvents: number;
  seedSeconds: number;
  simulateSeconds: number;
  training: TrainingRunSummary & { wallSeconds: number };
  runs: ScoringRunFigures[];
}

interface BaseDevice {
  modelId: string;
  installDate: number;
  /** Flat: ts, metric index, value, kind (0 gauge, 1 counter). */
  points: number[];
  events: DeviceEvent[];
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

export async function scoringBench(
  o: ScoringBenchOptions,
  log: (line: string) => void,
): Promise<ScoringBenchFigures> {
  const start = Date.UTC(2024, 0, 1);
  const end = start + o.days * DAY;
  // the base fleet, simulated one day past the end: that day is written later, as new data
  const t0 = performance.now();
  const fleet = generateFleet({
    devices: o.baseDevices,
    customers: Math.max(1, Math.round(o.baseDevices / 8)),
    seed: 21,
    start,
    overuseShare: 0.1,
    misuseShare: 0.1,
  });
  const metrics: string[] = [];
  const metricIndex = new Map<string, number>();
  const base = new Map<string, BaseDevice>(
    fleet.devices.map((d) => [
      d.deviceId,
      { modelId: d.modelId, installDate: d.installDate, points: [], events: [] },
    ]),
  );
  const add = (b: BaseDevice, ts: number, name: string, value: number, kind: number): void => {
    let m = metricIndex.get(name);
    if (m === undefined) metricIndex.set(name, (m = metrics.push(name) - 1));
    b.points.push(ts, m, value, kind);
  };
  const sim = new FleetSimulation(
    fleet,
    { seed: 21, start, stepMs: HOUR },
    {
      message(msg) {
        const b = base.get(msg.deviceId);
        if (!b) return;
        if (msg.kind === 'telemetry') {
          const s = msg.payload as TelemetrySample;
          const ts = Number(s.ts);
          for (const [k, v] of Object.entries(s.gauges ?? {})) add(b, ts, k, v, 0);
          for (const [k, v] of Object.entries(s.counters ?? {})) add(b, ts, k, v, 1);
        } else if (msg.kind === 'events') b.events.push(msg.payload as DeviceEvent);
      },
      truth: () => undefined,
    },
  );
  sim.advanceTo(end + DAY);
  const simulateSeconds = (performance.now() - t0) / 1000;
  log(`  simulated ${o.baseDevices} devices × ${o.days + 1} days hourly in ${simulateSeconds.toFixed(0)} s`);

  const bases = [...base.values()];
  const replica = (r: number): { id: string; b: BaseDevice } => ({
    id: `bench-${String(r).padStart(5, '0')}`,
    b: bases[r % bases.length],
  });
  const pointsOf = (r: number, from: number, to: number, thin: boolean): TelemetryPoint[] => {
    const { id, b } = replica(r);
    const out: TelemetryPoint[] = [];
    const hourly = end - o.hourlyDays * DAY;
    for (let i = 0; i < b.points.length; i += 4) {
      const ts = b.points[i];
      if (ts < from || ts >= to) continue;
      const counter = b.points[i + 3] === 1;
      if (thin && ts < hourly && (!counter || ts % (6 * HOUR) !== 0)) continue;
      out.push({
        deviceId: id,
        metric: metrics[b.points[i + 1]],
        kind: counter ? 'counter' : 'gauge',
        ts,
        value: b.points[i + 2],
      });
    }
    return out;
  };
  const eventsOf = (r: number, from: number, to: number): EventRecord[] => {
    const { id, b } = replica(r);
    return b.events
      .filter((e) => Number(e.ts) >= from && Number(e.ts) < to)
      .map((e) => ({ ...e, ts: Number(e.ts), deviceId: id }));
  };

  // the history, written straight into the embedded store
  const dir = tempDir('fleet-bench-scoring-');
  const t1 = performance.now();
  let seededPoints = 0;
  let seededEvents = 0;
  {
    const store = new SqliteTelemetryStore(join(dir.path, 'timeseries.sqlite'));
    let points: TelemetryPoint[] = [];
    let events: EventRecord[] = [];
    for (let r = 0; r < o.devices; r++) {
      points.push(...pointsOf(r, -Infinity, end, true));
      events.push(...eventsOf(r, -Infinity, end));
      if (points.length >= 200_000 || r === o.devices - 1) {
        await store.write(points, events);
        seededPoints += points.length;
        seededEvents += events.length;
        points = [];
        events = [];
      }
      if (r % 2000 === 1999) log(`    seeded ${fmt(r + 1)} devices: ${fmt(seededPoints)} points`);
    }
    await store.close();
  }
  const seedSeconds = (performance.now() - t1) / 1000;
  log(
    `  store: ${fmt(seededPoints)} points and ${fmt(seededEvents)} events for ${fmt(o.devices)} devices in ${seedSeconds.toFixed(0)} s`,
  );

  // the bench app on the seeded folder
  const app = await startBenchApp({
    DATA_DIR: dir.path,
    KPI_REFRESH_INTERVAL_MS: '0',
    PREDICTION_SCORING_INTERVAL_MS: '0',
    PREDICTION_TRAINING_INTERVAL_MS: '0',
    PREDICTION_TRAINING_MAX_DEVICES: String(o.trainDevices),
    PREDICTION_BACKTEST_DAYS: '30',
  });
  try {
    const post = async (path: string, body: unknown): Promise<void> => {
      const res = await fetch(app.httpUrl + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${app.adminKey}` },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    };
    await post('/api/v1/registry/models/import', catalogAsRegistryModels());
    const devices = Array.from({ length: o.devices }, (_, r) => {
      const { id, b } = replica(r);
      return { deviceId: id, modelId: b.modelId, installDate: new Date(b.installDate).toISOString() };
    });
    for (let i = 0; i < devices.length; i += 5000)
      await post('/api/v1/registry/devices/import', devices.slice(i, i + 5000));
    const jobs = app.app.get(JobRunner);

    const tt = performance.now();
    const training = (await jobs.runNow('predictions.training', end)) as TrainingRunSummary;
    const trainingWall = (performance.now() - tt) / 1000;
    log(
      `  training on ${training.devices} devices (a fixed sample) with its 30-day backtest: ${trainingWall.toFixed(0)} s wall (${training.trainSeconds.toFixed(0)} s of it training), basis ${training.basis}`,
    );

    const runs: ScoringRunFigures[] = [];
    const run = async (name: string, at: number): Promise<ScoringRunFigures> => {
      const cpu = process.cpuUsage();
      const w = performance.now();
      const summary = (await jobs.runNow('predictions.scoring', at)) as ScoringRunSummary;
      const used = process.cpuUsage(cpu);
      (globalThis as { gc?: () => void }).gc?.();
      const f: ScoringRunFigures = {
        name,
        wallSeconds: (performance.now() - w) / 1000,
        cpuSeconds: (used.user + used.system) / 1e6,
        summary,
        rssMb: process.memoryUsage().rss / 1e6,
        heapMb: process.memoryUsage().heapUsed / 1e6,
      };
      runs.push(f);
      const s = f.summary;
      log(
        `  ${name}: ${f.wallSeconds.toFixed(1)} s wall, ${f.cpuSeconds.toFixed(1)} s CPU; scored ${fmt(s.scoredDevices)} devices (${fmt(s.scoredComponents)} components), ` +
          `read ${fmt(s.read.devicesLoaded)} devices in full, ${fmt(s.read.rows)} daily rows, ${fmt(s.read.events)} events; ` +
          `phases read ${fmt(s.phasesMs.read)} ms, score ${fmt(s.phasesMs.score)} ms, write ${fmt(s.phasesMs.write)} ms; ` +
          `alerts +${s.alertsRaised} (${s.alertsRenewed} renewed) −${s.alertsCleared}, ${fmt(s.alerting)} alerting; ` +
          `cache ${fmt(s.held.rows)} rows and ${fmt(s.held.events)} events; heap ${f.heapMb.toFixed(0)} MB, RSS ${f.rssMb.toFixed(0)} MB`,
      );
      return f;
    };
    await run('cold run (cache read from the store)', end);
    await run('an hour later, nothing new', end + HOUR);
    // the next day arrives, as ingest stores it
    const store = app.app.get<TelemetryStore>(TELEMETRY_STORE);
    for (let r = 0; r < o.devices; r += 1000) {
      const points: TelemetryPoint[] = [];
      const events: EventRecord[] = [];
      for (let k = r; k < Math.min(o.devices, r + 1000); k++) {
        points.push(...pointsOf(k, end, end + DAY, false));
        events.push(...eventsOf(k, end, end + DAY));
      }
      await store.write(points, events);
    }
    await run('daily run (the day that ended)', end + DAY);
    // an hour of minor faults on 1 % of the fleet
    const faults: EventRecord[] = [];
    for (let r = 0; r < o.devices; r += 100)
      faults.push({
        deviceId: replica(r).id,
        ts: end + DAY + 20 * 60_000,
        type: 'fault.raised',
        code: 'J-101',
        severity: 'minor',
      });
    await store.write([], faults);
    await run('hourly run (1 % of devices with new faults)', end + DAY + HOUR);
    return {
      seededPoints,
      seededEvents,
      seedSeconds,
      simulateSeconds,
      training: { ...training, wallSeconds: trainingWall },
      runs,
    };
  } finally {
    await app.close();
    app.remove();
    dir.remove();
  }
}
