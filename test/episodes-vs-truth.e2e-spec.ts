import { generateFleet } from '../device-simulator/fleet.js';
import type { TruthRecord } from '../device-simulator/ground-truth.js';
import { FleetSimulation } from '../device-simulator/simulation.js';
import type { DeviceEvent } from '../src/contract/index.js';
import type { EventRecord } from '../src/ports/records.js';
import { episodesFromEvents } from '../src/reliability/downtime-episodes.js';
import { computeReliabilityKpis } from '../src/reliability/reliability-kpis.js';

const START = Date.UTC(2026, 0, 5);
const DAY = 86_400_000;

describe('Downtime episodes from device events against the simulator ground truth', () => {
  const events: EventRecord[] = [];
  const truth: TruthRecord[] = [];
  const end = START + 90 * DAY;
  beforeAll(() => {
    const fleet = generateFleet({
      devices: 150,
      customers: 20,
      seed: 5,
      start: START,
      overuseShare: 0.2,
      misuseShare: 0.1,
    });
    const sim = new FleetSimulation(
      fleet,
      { seed: 5, start: START, stepMs: 3_600_000, failureRateMultiplier: 15 },
      {
        message: (m) => {
          if (m.kind === 'events')
            events.push({ ...(m.payload as DeviceEvent & { ts: number }), deviceId: m.deviceId });
        },
        truth: (r) => truth.push(r),
      },
    );
    sim.advanceTo(end);
  });

  it('finds every machine-down episode the simulator really had, with its true times', () => {
    const fromTruth = truth
      .filter((r): r is Extract<TruthRecord, { type: 'repair' }> => r.type === 'repair' && r.machineDown)
      .map((r) => `${r.deviceId} ${r.component} ${r.failureTs} ${r.arrivalTs} ${r.finishTs}`)
      .sort();
    const fromEvents = episodesFromEvents(events)
      .filter((e) => e.restoredTs !== null)
      .map((e) => `${e.deviceId} ${e.component} ${e.failureTs} ${e.arrivalTs} ${e.restoredTs}`)
      .sort();
    expect(fromTruth.length).toBeGreaterThan(100);
    expect(fromEvents).toEqual(fromTruth);
  });

  it('gives the MTTR of the true downtimes', () => {
    const repairs = truth.filter(
      (r): r is Extract<TruthRecord, { type: 'repair' }> =>
        r.type === 'repair' && r.machineDown && r.finishTs < end,
    );
    const devices = truth
      .filter((r): r is Extract<TruthRecord, { type: 'device' }> => r.type === 'device')
      .map((d) => ({ deviceId: d.deviceId, inServiceFrom: d.installDate }));
    const kpis = computeReliabilityKpis({
      window: { from: START, to: end },
      devices,
      episodes: episodesFromEvents(events),
    });
    const trueMttr = repairs.reduce((s, r) => s + r.downtimeMs, 0) / repairs.length;
    expect(kpis.repairsEnded).toBe(repairs.length);
    expect(Math.abs(kpis.mttrMs! - trueMttr) / trueMttr).toBeLessThan(1e-9);
  });
});
