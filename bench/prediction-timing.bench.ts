import {
  FailurePredictor,
  trainPredictor,
  type TrainedPredictor,
} from '../src/predictions/failure-predictor.js';
import type { DeviceHistory, FleetHistory } from '../src/predictions/prediction-input.js';
import { simulateHistory } from './prediction-data.js';

/**
 * `npm run bench -- --case predictions-timing`: training on `trainDevices` × `days` of
 * simulated history, scoring `scoreDevices` devices (the simulated fleet repeated under new
 * ids: scoring cost does not depend on which devices they are), and memory over repeated
 * runs (heap after a forced collection; `npm run bench` runs node with --expose-gc).
 */
export interface PredictionTimingOptions {
  trainDevices: number;
  scoreDevices: number;
  days: number;
  repeats: number;
}

export interface PredictionTimingFigures {
  simulateSeconds: number;
  trainSeconds: number[];
  scoreSeconds: number[];
  /** CPU time of the same runs (user + system): less sensitive than wall time to a busy machine. */
  trainCpuSeconds: number[];
  scoreCpuSeconds: number[];
  /** Heap used after each scoring run, MB. */
  heapMb: number[];
  rssMb: number[];
  components: number;
  modelJsonKb: number;
}

const cpuSeconds = (since: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1e6;
};

const heapMb = (): number => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1e6;
};

export function predictionTiming(
  o: PredictionTimingOptions,
  log: (line: string) => void,
): PredictionTimingFigures {
  const sim = simulateHistory({ devices: o.trainDevices, days: o.days, seed: 11 });
  log(`  simulated ${o.trainDevices} devices × ${o.days} days in ${sim.simulateSeconds.toFixed(1)} s`);
  const trainSeconds: number[] = [];
  const trainCpuSeconds: number[] = [];
  let trained: TrainedPredictor | null = null;
  for (let r = 0; r < Math.min(2, o.repeats); r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    trained = trainPredictor(sim.history, sim.end);
    trainSeconds.push((performance.now() - t0) / 1000);
    trainCpuSeconds.push(cpuSeconds(c0));
    log(
      `  training run ${r + 1}: ${trainSeconds[r].toFixed(1)} s (CPU ${trainCpuSeconds[r].toFixed(1)} s); heap after ${heapMb().toFixed(0)} MB`,
    );
  }
  const json = JSON.stringify(trained);
  const predictor = FailurePredictor.fromJSON(JSON.parse(json) as TrainedPredictor);

  // the fleet repeated under new ids up to the scoring size (arrays shared, not copied)
  const devices: DeviceHistory[] = [];
  for (let i = 0; devices.length < o.scoreDevices; i++) {
    const d = sim.history.devices[i % sim.history.devices.length];
    devices.push({ ...d, deviceId: `${d.deviceId}-${Math.floor(i / sim.history.devices.length)}` });
  }
  const fleet: FleetHistory = { models: sim.history.models, devices };
  const models = new Map(fleet.models.map((m) => [m.modelId, m]));
  const scoreSeconds: number[] = [];
  const scoreCpuSeconds: number[] = [];
  const heap: number[] = [];
  const rss: number[] = [];
  let components = 0;
  for (let r = 0; r < o.repeats; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    components = 0;
    for (const d of fleet.devices)
      components += predictor.scoreDevice(d, models.get(d.modelId), sim.end).components.length;
    scoreSeconds.push((performance.now() - t0) / 1000);
    scoreCpuSeconds.push(cpuSeconds(c0));
    heap.push(heapMb());
    rss.push(process.memoryUsage().rss / 1e6);
    log(
      `  scoring run ${r + 1}: ${fleet.devices.length} devices (${components} components, with evidence) in ${scoreSeconds[r].toFixed(1)} s (CPU ${scoreCpuSeconds[r].toFixed(1)} s); heap ${heap[r].toFixed(0)} MB, RSS ${rss[r].toFixed(0)} MB`,
    );
  }
  return {
    simulateSeconds: sim.simulateSeconds,
    trainSeconds,
    scoreSeconds,
    trainCpuSeconds,
    scoreCpuSeconds,
    heapMb: heap,
    rssMb: rss,
    components,
    modelJsonKb: json.length / 1000,
  };
}
