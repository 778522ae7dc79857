import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GroundTruthWriter, type TruthRecord } from '../device-simulator/ground-truth.js';
import type { EventRecord } from '../src/ports/records.js';
import { episodesFromEvents } from '../src/reliability/downtime-episodes.js';
import { computeReliabilityKpis } from '../src/reliability/reliability-kpis.js';
import { independentKpis } from './helpers/independent-kpis.js';
import { simulateFleetEvents } from './helpers/simulated-fleet.js';
import { tempDir } from './helpers/temp-dir.js';

const START = Date.UTC(2026, 0, 5);
const DAY = 86_400_000;

describe('Reliability KPIs against an independent computation from the ground truth', () => {
  const dir = tempDir('fleet-kpi-');
  const truthFile = join(dir.path, 'truth.jsonl');
  let events: EventRecord[] = [];
  afterAll(() => dir.remove());

  beforeAll(async () => {
    const writer = new GroundTruthWriter(truthFile);
    events = simulateFleetEvents(
      { seed: 21, devices: 150, start: START, days: 120, failureRateMultiplier: 10 },
      (r) => writer.write(r),
    );
    await writer.close();
  });

  // windows that cut through episodes at both ends, and one device alone
  it.each([
    ['the whole fleet, days 30 to 100', START + 30 * DAY, START + 100 * DAY, undefined],
    ['the whole fleet, one week', START + 61 * DAY + 3_600_000, START + 68 * DAY, undefined],
    ['one device, days 10 to 110', START + 10 * DAY, START + 110 * DAY, 'sim-00007'],
  ])('agrees to 1e-9 for %s', (_name, from, to, device) => {
    const independent = independentKpis(truthFile, from, to, device ? ['--device', device] : []);

    const truth = readFileSync(truthFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as TruthRecord);
    const devices = truth
      .filter((r): r is Extract<TruthRecord, { type: 'device' }> => r.type === 'device')
      .filter((d) => device === undefined || d.deviceId === device)
      .map((d) => ({ deviceId: d.deviceId, inServiceFrom: d.installDate }));
    const platform = computeReliabilityKpis({
      window: { from, to },
      devices,
      episodes: episodesFromEvents(events),
    });

    expect(independent.failures).toBeGreaterThan(device ? 1 : 20);
    expect(platform.failures).toBe(independent.failures);
    expect(platform.repairsEnded).toBe(independent.repairsEnded);
    const close = (a: number | null, b: number | null): void => {
      expect(a).not.toBeNull();
      expect(Math.abs(a! - b!) / Math.abs(b!)).toBeLessThan(1e-9);
    };
    close(platform.upTimeMs, independent.upTimeMs);
    close(platform.downTimeMs, independent.downTimeMs);
    close(platform.mtbfMs, independent.mtbfMs);
    close(platform.mttrMs, independent.mttrMs);
    close(platform.meanRepairMs, independent.meanRepairMs);
    close(platform.availability, independent.availability);
  });
});
