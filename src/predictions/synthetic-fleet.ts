import { seededRandom } from './gradient-boosting.js';
import {
  DAY_MS,
  emptySeries,
  type DailySeries,
  type DeviceHistory,
  type FleetHistory,
  type HistoryEvent,
  type ModelInfo,
} from './prediction-input.js';

/**
 * A small synthetic fleet in the engine's input form, with known warning signs: the
 * fuser's temperature drifts down over the last `fuserLead` pages of its life, and the
 * roller raises more and more minor J-101 jams over the last `rollerLead` pages. For
 * tests and examples: fast, deterministic, nothing from the simulator.
 */

export const SYNTHETIC_MODEL: ModelInfo = {
  modelId: 'SYN-1',
  usageUnit: 'pages',
  usageMetric: 'pages.total',
  ratedMonthlyDuty: 30_000,
  components: [
    { name: 'fuser', expectedLife: 120_000 },
    { name: 'roller', expectedLife: 80_000 },
  ],
  faultCodes: [
    { code: 'F-301', component: 'fuser', severity: 'machine-down' },
    { code: 'J-101', component: 'roller', severity: 'minor' },
    { code: 'J-102', component: 'roller', severity: 'machine-down' },
    { code: 'J-110', component: null, severity: 'minor' },
  ],
};

export interface SyntheticFleetOptions {
  devices: number;
  days: number;
  seed: number;
  start: number;
  fuserLead?: number;
  rollerLead?: number;
}

export interface SyntheticFleet {
  history: FleetHistory;
  /** Every failure, by `${deviceId}/${component}`. */
  failures: Map<string, number[]>;
}

export function syntheticFleet(o: SyntheticFleetOptions): SyntheticFleet {
  const random = seededRandom(o.seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const weibull = (shape: number, scale: number): number =>
    scale * Math.pow(-Math.log(1 - random()), 1 / shape);
  const fuserLead = o.fuserLead ?? 25_000;
  const rollerLead = o.rollerLead ?? 15_000;
  const failures = new Map<string, number[]>();
  const devices: DeviceHistory[] = [];
  for (let d = 0; d < o.devices; d++) {
    const deviceId = `syn-${String(d + 1).padStart(3, '0')}`;
    const perDay = 700 + 600 * random();
    const temp: DailySeries = emptySeries();
    const pages: DailySeries = emptySeries();
    const events: HistoryEvent[] = [];
    let counter = 0;
    // both parts new at install, which is when the data starts
    let fuserAge = 0;
    let fuserLife = weibull(3, 120_000);
    let rollerAge = 0;
    let rollerLife = weibull(2.5, 80_000);
    for (let day = 0; day < o.days; day++) {
      const t = o.start + day * DAY_MS;
      const used = Math.max(0, Math.round(perDay * (0.8 + 0.4 * random())));
      counter += used;
      fuserAge += used;
      rollerAge += used;
      // roller: jams rise linearly to 1 per 1,000 pages over its warning period
      const rollerProgress = Math.max(0, 1 - (rollerLife - rollerAge) / rollerLead);
      let jams = (rollerProgress * used) / 1000;
      while (jams > 0) {
        if (random() < Math.min(1, jams)) {
          events.push({
            ts: t + 8 * 3_600_000 + Math.floor(random() * 9 * 3_600_000),
            type: 'fault.raised',
            code: 'J-101',
            severity: 'minor',
            component: 'roller',
          });
        }
        jams -= 1;
      }
      const fuserProgress = Math.max(0, Math.min(1, 1 - (fuserLife - fuserAge) / fuserLead));
      const mean = 182 - 10 * fuserProgress + 0.3 * normal();
      temp.day.push(t);
      temp.mean.push(mean);
      temp.min.push(mean - 2 - 3 * fuserProgress);
      temp.max.push(mean + 2 + 3 * fuserProgress);
      temp.count.push(24);
      temp.last.push(mean);
      pages.day.push(t);
      pages.mean.push(counter - used / 2);
      pages.min.push(counter - used);
      pages.max.push(counter);
      pages.count.push(24);
      pages.last.push(counter);
      const fail = (component: string, code: string): void => {
        const ts = t + 14 * 3_600_000;
        events.push({ ts, type: 'fault.raised', code, severity: 'machine-down', component });
        events.push({ ts: ts + 5 * 3_600_000, type: 'part.replaced', component });
        events.push({ ts: ts + 5 * 3_600_000, type: 'fault.cleared', code });
        const key = `${deviceId}/${component}`;
        failures.set(key, [...(failures.get(key) ?? []), ts]);
      };
      if (fuserAge >= fuserLife) {
        fail('fuser', 'F-301');
        fuserAge = 0;
        fuserLife = weibull(3, 120_000);
      }
      if (rollerAge >= rollerLife) {
        fail('roller', 'J-102');
        rollerAge = 0;
        rollerLife = weibull(2.5, 80_000);
      }
    }
    devices.push({
      deviceId,
      modelId: SYNTHETIC_MODEL.modelId,
      installDate: o.start,
      metrics: { 'fuser.temp_c': temp, 'pages.total': pages },
      events: events.sort((a, b) => a.ts - b.ts),
    });
  }
  return { history: { models: [SYNTHETIC_MODEL], devices }, failures };
}
