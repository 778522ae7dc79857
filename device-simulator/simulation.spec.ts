import { createHash } from 'node:crypto';
import { cumulativeStdNormalProbability, mean, median, standardDeviation } from 'simple-statistics';
import { deviceTopic } from '../src/contract/index.js';
import { MessageDecoder } from '../src/ingest/message-decoder.js';
import { MODEL_BY_ID } from './catalog.js';
import { generateFleet, type FleetOptions } from './fleet.js';
import type { TruthRecord } from './ground-truth.js';
import { weibullCdf } from './random.js';
import { FleetSimulation, type SimMessage, type SimulationOptions } from './simulation.js';

const START = Date.UTC(2026, 0, 5);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Truth<T extends TruthRecord['type']> = Extract<TruthRecord, { type: T }>;

function run(
  fleetOptions: Partial<FleetOptions>,
  simOptions: Partial<SimulationOptions>,
  days: number,
): { messages: SimMessage[]; truth: TruthRecord[]; sim: FleetSimulation } {
  const messages: SimMessage[] = [];
  const truth: TruthRecord[] = [];
  const fleet = generateFleet({
    devices: 20,
    customers: 5,
    seed: 7,
    start: START,
    overuseShare: 0.1,
    misuseShare: 0.1,
    ...fleetOptions,
  });
  const sim = new FleetSimulation(
    fleet,
    { seed: fleetOptions.seed ?? 7, start: START, ...simOptions },
    { message: (m) => messages.push(m), truth: (r) => truth.push(r) },
  );
  sim.advanceTo(START + days * DAY);
  return { messages, truth, sim };
}

const of = <T extends TruthRecord['type']>(truth: TruthRecord[], type: T): Array<Truth<T>> =>
  truth.filter((r): r is Truth<T> => r.type === type);

/** Kolmogorov–Smirnov statistic of a sample against a CDF. */
function ksStatistic(sample: number[], cdf: (x: number) => number): number {
  const xs = [...sample].sort((a, b) => a - b);
  let d = 0;
  xs.forEach((x, i) => {
    const f = cdf(x);
    d = Math.max(d, Math.abs((i + 1) / xs.length - f), Math.abs(f - i / xs.length));
  });
  return d;
}
/** Critical value at α = 0.01 for large n. */
const ksCritical01 = (n: number): number => 1.628 / Math.sqrt(n);

/** First life of one component in every device of a fresh fleet, run until all have failed. */
function firstLives(
  multiplier: number,
  fleet: Partial<FleetOptions>,
  component: string,
): { lives: number[] } {
  const { truth } = run(
    { devices: 800, models: [MODEL_BY_ID.get('MFP-C300')!], freshInstall: true, misuseShare: 0, ...fleet },
    { stepMs: HOUR, failureRateMultiplier: multiplier, preventiveMaintenance: false, misdiagnosisRate: 0 },
    75,
  );
  const first = new Map<string, number>();
  for (const f of of(truth, 'failure')) {
    if (f.component === component && !first.has(f.deviceId)) first.set(f.deviceId, f.age);
  }
  return { lives: [...first.values()] };
}

describe(FleetSimulation.name, () => {
  it('gives the same fleet, messages and ground truth for the same seed', () => {
    const digest = (seed: number): string => {
      const { messages, truth } = run({ seed }, { stepMs: 15 * 60_000 }, 30);
      return createHash('sha256')
        .update(JSON.stringify([messages, truth]))
        .digest('hex');
    };
    expect(digest(3)).toBe(digest(3));
    expect(digest(3)).not.toBe(digest(4));
  });

  it('publishes only messages the platform accepts', () => {
    const { messages, sim } = run({ devices: 40 }, { stepMs: 10 * 60_000, failureRateMultiplier: 20 }, 20);
    const decoder = new MessageDecoder();
    const rejects = [...messages, sim.birth('sim-00001', START)].flatMap((m) => {
      const ts = (m.payload as { ts: number }).ts;
      return decoder.decode(deviceTopic(m.deviceId, m.kind), Buffer.from(JSON.stringify(m.payload)), ts + 1)
        .rejects;
    });
    expect(rejects).toEqual([]);
    expect(new Set(messages.map((m) => m.kind))).toEqual(new Set(['telemetry', 'events']));
  });

  it('draws failure lives that fit the configured Weibull (KS test, α = 0.01)', () => {
    const multiplier = 50;
    const spec = MODEL_BY_ID.get('MFP-C300')!.components.find((c) => c.name === 'pickup_roller')!;
    const { lives } = firstLives(multiplier, { overuseShare: 0 }, 'pickup_roller');
    expect(lives.length).toBe(800);
    const scale = spec.life.scale / multiplier;
    const d = ksStatistic(lives, (x) => weibullCdf(x, spec.life.shape, scale));
    expect(d).toBeLessThan(ksCritical01(lives.length));
    // the test has power: a wrong shape is rejected
    expect(ksStatistic(lives, (x) => weibullCdf(x, 1.2, scale))).toBeGreaterThan(ksCritical01(lives.length));
  });

  it('shortens mean life of overused devices by the configured factor', () => {
    const { truth } = run(
      {
        devices: 1000,
        models: [MODEL_BY_ID.get('MFP-C300')!],
        freshInstall: true,
        misuseShare: 0,
        overuseShare: 0.5,
      },
      {
        stepMs: HOUR,
        failureRateMultiplier: 50,
        preventiveMaintenance: false,
        misdiagnosisRate: 0,
        overuseLifeFactor: 0.6,
      },
      75,
    );
    const overused = new Set(
      of(truth, 'device')
        .filter((d) => d.overused)
        .map((d) => d.deviceId),
    );
    const first = new Map<string, number>();
    for (const f of of(truth, 'failure')) {
      if (f.component === 'pickup_roller' && !first.has(f.deviceId)) first.set(f.deviceId, f.age);
    }
    const lives = (want: boolean): number[] =>
      [...first].filter(([id]) => overused.has(id) === want).map(([, a]) => a);
    expect(lives(true).length + lives(false).length).toBe(1000);
    expect(mean(lives(true)) / mean(lives(false))).toBeCloseTo(0.6, 1);
  });

  it('draws repair times from the configured log-normal', () => {
    const { truth } = run(
      { devices: 300 },
      { stepMs: HOUR, failureRateMultiplier: 30, repair: { medianMs: 90 * 60_000, sigma: 0.5 } },
      60,
    );
    const logs = of(truth, 'repair').map((r) => Math.log(r.repairMs));
    expect(logs.length).toBeGreaterThan(300);
    const mu = Math.log(90 * 60_000);
    const d = ksStatistic(logs, (x) => cumulativeStdNormalProbability((x - mu) / 0.5));
    expect(d).toBeLessThan(ksCritical01(logs.length));
    expect(Math.exp(median(logs)) / 60_000).toBeGreaterThan(80);
    expect(standardDeviation(logs)).toBeCloseTo(0.5, 1);
  });

  it('follows every machine-down failure with a repair that ends the downtime', () => {
    const days = 60;
    const { truth, messages } = run({ devices: 200 }, { stepMs: HOUR, failureRateMultiplier: 20 }, days);
    const repairs = of(truth, 'repair');
    const down = of(truth, 'failure').filter(
      (f) => f.severity === 'machine-down' && f.ts < START + (days - 5) * DAY,
    );
    expect(down.length).toBeGreaterThan(50);
    const repairOf = new Map(repairs.map((r) => [`${r.deviceId}@${r.failureTs}`, r]));
    const finishedVisits = new Set(
      messages.flatMap((m) =>
        (m.payload as { type?: string }).type === 'service.finished'
          ? [(m.payload as { visitId: string }).visitId]
          : [],
      ),
    );
    for (const f of down) {
      const r = repairOf.get(`${f.deviceId}@${f.ts}`);
      expect(r).toBeDefined();
      expect(r!.downtimeMs).toBe(r!.finishTs - f.ts);
      expect(r!.arrivalTs).toBeGreaterThanOrEqual(r!.callTs);
      // the device reported the visit as the service desk would see it
      expect(finishedVisits.has(r!.visitId)).toBe(true);
    }
    // no usage while down: the page counter does not move between failure and repair
    const r = repairs.find((x) => x.machineDown && x.finishTs - x.failureTs > 3 * HOUR)!;
    const pages = messages
      .filter((m) => m.deviceId === r.deviceId && m.kind === 'telemetry')
      .map((m) => m.payload as { ts: number; counters: Record<string, number> })
      .filter((p) => p.ts > r.failureTs + HOUR && p.ts < r.finishTs)
      .map((p) => p.counters['pages.total']);
    expect(new Set(pages).size).toBeLessThanOrEqual(1);
  });

  it('brings a fault back when the visit misdiagnoses it', () => {
    const { truth } = run(
      { devices: 100 },
      { stepMs: HOUR, failureRateMultiplier: 30, misdiagnosisRate: 1 },
      40,
    );
    const returned = of(truth, 'failure').filter((f) => f.cause === 'misdiagnosis');
    expect(returned.length).toBeGreaterThan(0);
    expect(of(truth, 'replacement').filter((r) => r.source === 'repair')).toEqual([]);
  });

  it('says in each failure what was observable before it: precursor codes, gauge drift, returns', () => {
    const { truth, messages } = run(
      { devices: 120 },
      { stepMs: HOUR, failureRateMultiplier: 15, misdiagnosisRate: 0.3 },
      60,
    );
    const failures = of(truth, 'failure');
    expect(failures.length).toBeGreaterThan(200);
    const installs = of(truth, 'install');
    const repairs = of(truth, 'repair');
    const codes = messages.flatMap((m) => {
      const e = m.payload as { type?: string; code?: string; component?: string; ts: number };
      return m.kind === 'events' && e.type === 'fault.raised' ? [{ deviceId: m.deviceId, ...e }] : [];
    });
    for (const f of failures) {
      const model = MODEL_BY_ID.get(of(truth, 'device').find((d) => d.deviceId === f.deviceId)!.modelId)!;
      const spec = model.components.find((c) => c.name === f.component)!;
      // the part that failed was fitted at its latest install before the failure
      const fitted = installs
        .filter((i) => i.deviceId === f.deviceId && i.component === f.component && i.ts <= f.ts)
        .at(-1)!;
      const emitted = codes.filter(
        (e) =>
          e.deviceId === f.deviceId &&
          e.code === spec.precursor?.faultCode &&
          e.component === f.component &&
          e.ts >= fitted.ts &&
          e.ts < f.ts,
      );
      expect(f.precursorCodes).toBe(emitted.length);
      expect(f.firstPrecursorCodeTs).toBe(emitted.length ? Math.min(...emitted.map((e) => e.ts)) : null);
      expect(f.precursorStartTs === null).toBe(!f.warned);
      if (!spec.precursor?.gauge) {
        expect([f.gaugeDrift, f.gaugeDrift24h]).toEqual([null, null]);
      } else {
        const full =
          Math.abs(spec.precursor.gauge.drift) /
          model.gauges.find((g) => g.name === spec.precursor!.gauge!.name)!.noise;
        expect(f.gaugeDrift!).toBeLessThanOrEqual(full + 0.01);
        // (a return's drift may have eased: the cleaning set its life further out)
        if (f.cause === 'wear') expect(f.gaugeDrift24h!).toBeLessThanOrEqual(f.gaugeDrift! + 0.01);
        if (!f.warned) expect(f.gaugeDrift).toBe(0);
        // a wear failure with a long precursor stage has drifted its gauge almost all the way
        if (f.warned && f.cause === 'wear' && f.ts - f.precursorStartTs! > 10 * DAY)
          expect(f.gaugeDrift!).toBeGreaterThan(0.9 * full);
      }
      if (f.cause === 'misdiagnosis') {
        const left = repairs.find(
          (r) => r.deviceId === f.deviceId && r.component === f.component && r.failureTs === f.returnOf,
        );
        expect(left?.misdiagnosed).toBe(true);
      } else {
        expect(f.returnOf).toBeNull();
      }
    }
    // the run has every kind: codes seen, precursors with none, gauge drifts, returns
    expect(failures.some((f) => f.warned && f.precursorCodes === 0)).toBe(true);
    expect(failures.some((f) => f.precursorCodes > 2)).toBe(true);
    expect(failures.some((f) => (f.gaugeDrift24h ?? 0) > 3)).toBe(true);
    expect(failures.some((f) => f.cause === 'misdiagnosis')).toBe(true);
  });

  it('replaces the part and resets its wear when a maintenance command arrives', () => {
    const { sim, truth, messages } = run({ devices: 3, freshInstall: false }, { stepMs: HOUR }, 10);
    const before = sim.componentState('sim-00002').find((c) => c.name === 'fuser')!;
    expect(before.age).toBeGreaterThan(0);
    sim.applyCommand('sim-00002', { action: 'replace-part', component: 'fuser', workOrderId: 'WO-1' });
    const after = sim.componentState('sim-00002').find((c) => c.name === 'fuser')!;
    expect(after.age).toBe(0);
    expect(after.life).not.toBe(before.life);
    expect(of(truth, 'replacement').at(-1)).toMatchObject({
      deviceId: 'sim-00002',
      component: 'fuser',
      source: 'command',
    });
    expect(messages.at(-2)?.payload).toMatchObject({
      type: 'part.replaced',
      component: 'fuser',
      visitId: 'sim-00002-wo-WO-1',
    });
  });

  it('replaces worn parts on a commanded PM visit', () => {
    const { sim, truth } = run(
      { devices: 3, freshInstall: false },
      { stepMs: HOUR, preventiveMaintenance: false },
      5,
    );
    sim.applyCommand('sim-00001', { action: 'pm-visit' });
    expect(of(truth, 'pm').at(-1)).toMatchObject({ deviceId: 'sim-00001', source: 'command' });
  });

  it('leaves repairs to an external field force: a failure waits for its command, a wrong part brings the fault back', () => {
    const { sim, truth, messages } = run(
      { devices: 100 },
      { stepMs: HOUR, failureRateMultiplier: 30, preventiveMaintenance: false, repairs: 'external' },
      20,
    );
    const failures = of(truth, 'failure').filter((f) => f.severity === 'machine-down');
    expect(failures.length).toBeGreaterThan(0);
    // nobody came by themselves
    expect(of(truth, 'repair')).toEqual([]);
    const f = failures[0];
    const wrong = sim.componentState(f.deviceId).find((c) => c.name !== f.component)!.name;
    const now = sim.now;
    sim.applyCommand(f.deviceId, { action: 'replace-part', component: wrong, workOrderId: 'WO-7' }, now);
    const device = messages
      .filter((m) => m.deviceId === f.deviceId && m.kind === 'events')
      .map((m) => m.payload);
    expect(device.at(-1)).toMatchObject({ type: 'fault.raised', code: f.code, component: f.component });
    expect(of(truth, 'repair')).toEqual([]);

    sim.applyCommand(
      f.deviceId,
      { action: 'replace-part', component: f.component, workOrderId: 'WO-8' },
      now,
    );
    expect(of(truth, 'repair')).toEqual([
      expect.objectContaining({
        deviceId: f.deviceId,
        component: f.component,
        failureTs: f.ts,
        finishTs: now,
        downtimeMs: now - f.ts,
        visitId: `${f.deviceId}-wo-WO-8`,
      }),
    ]);
    expect(sim.componentState(f.deviceId).find((c) => c.name === f.component)!.failed).toBe(false);
  });
});
