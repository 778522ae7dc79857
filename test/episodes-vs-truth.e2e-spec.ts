import type { TruthRecord } from '../device-simulator/ground-truth.js';
import type { EventRecord } from '../src/ports/records.js';
import { episodesFromEvents } from '../src/reliability/downtime-episodes.js';
import { computeReliabilityKpis } from '../src/reliability/reliability-kpis.js';
import { simulateFleetEvents } from './helpers/simulated-fleet.js';

const START = Date.UTC(2026, 0, 5);
const DAY = 86_400_000;

describe('Downtime episodes from device events against the simulator ground truth', () => {
  const truth: TruthRecord[] = [];
  const end = START + 90 * DAY;
  let events: EventRecord[] = [];
  beforeAll(() => {
    events = simulateFleetEvents(
      { seed: 5, devices: 150, start: START, days: 90, failureRateMultiplier: 15 },
      (r) => truth.push(r),
    );
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
