import { buildTimeline } from './device-timeline.js';
import { componentAge, fitLifeModels, lifeObservations, lifeRisk } from './life-models.js';
import { DAY_MS, emptySeries, type DeviceHistory, type HistoryEvent } from './prediction-input.js';
import { SYNTHETIC_MODEL } from './synthetic-fleet.js';

const START = Date.UTC(2024, 0, 1);
const H = 3_600_000;
const day = (n: number): number => START + n * DAY_MS;

/** 100 days of a counter at 1,000 pages a day, starting from `counterStart` (pages already on the clock). */
function device(
  events: HistoryEvent[],
  installDate: number | null = day(0),
  counterStart = 0,
): DeviceHistory {
  const pages = emptySeries();
  for (let i = 0; i < 100; i++) {
    pages.day.push(day(i));
    pages.mean.push(counterStart + 1000 * i + 500);
    pages.min.push(counterStart + 1000 * i);
    pages.max.push(counterStart + 1000 * (i + 1));
    pages.count.push(24);
    pages.last.push(counterStart + 1000 * (i + 1));
  }
  return { deviceId: 'd', modelId: 'SYN-1', installDate, metrics: { 'pages.total': pages }, events };
}

const failure = (ts: number): HistoryEvent => ({
  ts,
  type: 'fault.raised',
  code: 'F-301',
  severity: 'machine-down',
});
const replaced = (ts: number): HistoryEvent => ({ ts, type: 'part.replaced', component: 'fuser' });
const cleared = (ts: number): HistoryEvent => ({ ts, type: 'fault.cleared', code: 'F-301' });

describe(componentAge.name, () => {
  it.each([
    {
      name: 'from the last replacement on record',
      d: device([replaced(day(40) + 12 * H)]),
      want: { originKnown: true, days: 49.5, usage: 50_000 },
    },
    {
      name: 'from the install date when the data starts there',
      d: device([]),
      want: { originKnown: true, days: 90, usage: 90_000 },
    },
    {
      name: 'unknown when the machine ran before the data began, bounded by its counter',
      d: device([], day(-400), 250_000),
      want: { originKnown: false, upperUsage: 340_000, upperDays: 490 },
    },
  ])('$name', ({ d, want }) => {
    expect(componentAge(buildTimeline(d, SYNTHETIC_MODEL), 'fuser', day(90))).toMatchObject(want);
  });
});

describe(lifeObservations.name, () => {
  it('ends a life at its first failure, censors lives replaced early or still running, and ignores returns of an unfixed fault', () => {
    const d = device([
      // life 1: install → failure on day 30 (repaired with a new part)
      failure(day(30)),
      replaced(day(30) + 4 * H),
      // life 2: preventive replacement on day 50 (censored)
      replaced(day(50)),
      // life 3: fails on day 70, cleaned not replaced; fails again on day 75 (the same worn part)
      failure(day(70)),
      cleared(day(70) + 4 * H),
      failure(day(75)),
      replaced(day(75) + 4 * H),
      // life 4: running at the cut-off (censored)
    ]);
    const obs = lifeObservations(buildTimeline(d, SYNTHETIC_MODEL), 'fuser', day(90));

    expect(obs.usage.map((o) => o.failed)).toEqual([true, false, true, false]);
    // usage by complete days before each end: days 0–29, 30–49, 50–69, 75–89
    expect(obs.usage.map((o) => o.age)).toEqual([30_000, 20_000, 20_000, 15_000]);
    expect(obs.days.map((o) => Math.round(o.age))).toEqual([30, 20, 20, 15]);
  });
});

describe(fitLifeModels.name, () => {
  it("answers the catalog's expected life as the prior when nothing failed", () => {
    const table = fitLifeModels([buildTimeline(device([]), SYNTHETIC_MODEL)], [SYNTHETIC_MODEL], day(100));
    const fuser = table['SYN-1/fuser'];

    expect(fuser.usage.failures).toBe(0);
    // one short censored life barely moves the prior
    expect(fuser.usage.scale / 120_000).toBeGreaterThan(0.95);
    expect(fuser.typicalDailyUsage).toBeCloseTo(1000, 6);
    // the calendar prior: expected life at the fleet's usage rate
    expect(fuser.calendar.scale / 120).toBeGreaterThan(0.95);
  });

  it('gives the life-model risk per horizon, rising with the horizon', () => {
    const tl = buildTimeline(device([]), SYNTHETIC_MODEL);
    const table = fitLifeModels([tl], [SYNTHETIC_MODEL], day(100));
    const risk = lifeRisk(table['SYN-1/fuser'], componentAge(tl, 'fuser', day(100)), 1000, [7, 14, 30]);

    expect(risk.basis).toBe('usage');
    expect(risk.probability[0]).toBeLessThan(risk.probability[1]);
    expect(risk.probability[1]).toBeLessThan(risk.probability[2]);
    expect(risk.residualDays).toBeCloseTo(risk.residualUsage / 1000, 9);
  });

  it('falls back to the calendar model without a usage rate', () => {
    const tl = buildTimeline(device([]), SYNTHETIC_MODEL);
    const table = fitLifeModels([tl], [SYNTHETIC_MODEL], day(100));
    const risk = lifeRisk(table['SYN-1/fuser'], componentAge(tl, 'fuser', day(100)), null, [7]);

    expect(risk.basis).toBe('calendar');
    expect(Number.isFinite(risk.probability[0]) && Number.isFinite(risk.residualDays)).toBe(true);
  });
});
