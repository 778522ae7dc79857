import {
  DAY_MS,
  HOUR_MS,
  dayStart,
  deviceFactRows,
  downByPeriod,
  factsByPeriod,
  inServiceByPeriod,
  inServicePerDay,
  outagesFrom,
  usageRises,
  withTotals,
} from './kpi-ledger.js';
import { kpiFields, kpisFromFields, type DowntimeEpisode } from './reliability-kpis.js';

const D0 = Date.UTC(2026, 0, 1);
const H = HOUR_MS;

describe('KPI ledger', () => {
  const episodes: DowntimeEpisode[] = [
    // straddles the first midnight, restored after arrival
    {
      deviceId: 'd',
      component: 'fuser',
      failureTs: D0 + 20 * H,
      arrivalTs: D0 + 26 * H,
      restoredTs: D0 + 30 * H,
    },
    // two failures at the same instant on different components
    { deviceId: 'd', component: 'drum', failureTs: D0 + 3 * DAY_MS, restoredTs: D0 + 3 * DAY_MS + 2 * H },
    { deviceId: 'd', component: 'fuser', failureTs: D0 + 3 * DAY_MS, restoredTs: D0 + 3 * DAY_MS + 5 * H },
    // a failure restored at the same instant: no down time
    { deviceId: 'd', component: 'drum', failureTs: D0 + 4 * DAY_MS, restoredTs: D0 + 4 * DAY_MS },
    // still open at the end
    { deviceId: 'd', component: 'pickup_roller', failureTs: D0 + 5 * DAY_MS + H, restoredTs: null },
  ];
  const device = { deviceId: 'd', inServiceFrom: D0 + 12 * H, inServiceTo: null }; // installed mid-day
  const calls = [D0 + 26 * H, D0 + 3 * DAY_MS + H];
  const rises = [
    { ts: D0 + 13 * H, rise: 0 },
    { ts: D0 + DAY_MS + 23 * H, rise: 100 },
    { ts: D0 + 2 * DAY_MS + 23 * H, rise: 250 },
  ];
  const rows = deviceFactRows({
    ...device,
    episodes,
    serviceCalls: calls,
    usage: rises,
    meteredSince: D0 + 13 * H,
    fromDay: D0,
  });
  const outages = outagesFrom(episodes, device.inServiceFrom, null, D0);
  const now = D0 + 6 * DAY_MS + 7 * H;

  /** What the ledger gives for a window, against the definition over the window itself. */
  const fromLedger = (from: number, to: number): ReturnType<typeof kpisFromFields> => {
    const [facts] = factsByPeriod(rows, [[from, to]]);
    const fields = {
      ...facts,
      in_service_ms: inServiceByPeriod([device], [[from, to]], now)[0],
      down_ms: downByPeriod(outages, [[from, to]], now)[0],
    };
    return kpisFromFields(fields, { from, to }, 1);
  };

  it('keeps a row only for days with a fact, each fact under its hour', () => {
    expect(rows.map((r) => (r.day - D0) / DAY_MS)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(rows[0].fields).toEqual({
      'failures@20': 1,
      'failures.fuser@20': 1,
      'metered_failures@20': 1,
      'metered_failures.fuser@20': 1,
      'usage@13': 0,
    });
    expect(outages).toEqual([
      { start: D0 + 20 * H, end: D0 + 30 * H },
      { start: D0 + 3 * DAY_MS, end: D0 + 3 * DAY_MS + 5 * H },
      { start: D0 + 5 * DAY_MS + H, end: null },
    ]);
  });

  // windows of whole hours cutting through episodes, in service and not
  it.each([
    ['the whole history', D0, now],
    ['from install to the second day', D0 + 12 * H, D0 + DAY_MS + 2 * H],
    ['an hour inside an outage', D0 + 22 * H, D0 + 23 * H],
    ['a window ending in the open outage', D0 + 3 * DAY_MS + 3 * H, D0 + 5 * DAY_MS + 10 * H],
    ['a window before install', D0, D0 + 12 * H],
  ])('gives the KPIs of the definition for %s', (_name, from, to) => {
    const expected = kpisFromFields(
      kpiFields({
        window: { from, to: Math.min(to, now) },
        devices: [device],
        episodes,
        usage: new Map([
          ['d', rises.filter((r) => r.ts >= from && r.ts < to).reduce((s, r) => s + r.rise, 0)],
        ]),
        serviceCalls: calls.filter((c) => c >= from && c < to).length,
      }),
      { from, to },
      1,
    );
    const got = fromLedger(from, to);
    for (const key of [
      'upTimeMs',
      'downTimeMs',
      'failures',
      'failuresByComponent',
      'repairsEnded',
      'mttrMs',
      'meanResponseMs',
      'meanRepairMs',
      'availability',
      'mtbfMs',
    ] as const)
      expect([key, got[key]]).toEqual([key, expected[key]]);
  });

  it('counts MCBF over failures of metered time, and answers null with a reason without readings', () => {
    const all = fromLedger(D0, now);
    expect(all.usage).toBe(350);
    expect(all.mcbf).toBe(350 / 5);
    const quiet = fromLedger(D0 + 3 * DAY_MS, D0 + 4 * DAY_MS);
    expect(quiet.usage).toBeNull();
    expect(quiet.mcbf).toBeNull();
    expect(quiet.reasons.usage).toContain('no usage counter reading');
    expect(quiet.reasons.mcbf).toContain('no usage counter reading');
    const idle = deviceFactRows({
      ...device,
      episodes: [],
      serviceCalls: [],
      usage: [{ ts: D0 + 20 * H, rise: 0 }],
      meteredSince: D0,
      fromDay: D0,
    });
    const [facts] = factsByPeriod(idle, [[D0, D0 + DAY_MS]]);
    expect(kpisFromFields(facts, { from: D0, to: D0 + DAY_MS }, 1).usage).toBe(0);
  });

  it('adds the trend periods up to the whole window', () => {
    const periods: Array<[number, number]> = [0, 1, 2, 3, 4, 5, 6].map((i) => [
      D0 + i * DAY_MS + 6 * H,
      Math.min(D0 + (i + 1) * DAY_MS + 6 * H, now),
    ]);
    const facts = factsByPeriod(rows, periods);
    expect(facts.reduce((s, f) => s + (f.failures ?? 0), 0)).toBe(5);
    const down = downByPeriod(outages, periods, now);
    expect(down.reduce((s, x) => s + x, 0)).toBe(downByPeriod(outages, [[D0 + 6 * H, now]], now)[0]);
  });

  it('starts counting from a day, and skips facts out of service', () => {
    const later = deviceFactRows({
      ...device,
      inServiceTo: D0 + 3 * DAY_MS + 2 * H,
      episodes,
      serviceCalls: calls,
      meteredSince: null,
      fromDay: D0 + DAY_MS,
    });
    expect(later.map((r) => (r.day - D0) / DAY_MS)).toEqual([1, 3]);
    expect(later[1].fields).toEqual({
      'failures@00': 2,
      'failures.drum@00': 1,
      'failures.fuser@00': 1,
      'service_calls@01': 1,
    });
  });

  it('counts usage as the rise since the previous reading, a drop as a reset, the first as the baseline', () => {
    const readings = [
      { start: D0, value: 1000 },
      { start: D0 + H, value: 1500 },
      { start: D0 + 3 * H, value: 200 },
    ];
    expect(usageRises(readings, null).map((r) => r.rise)).toEqual([0, 500, 200]);
    expect(usageRises(readings, { ts: D0 - H, value: 900 }).map((r) => r.rise)).toEqual([100, 500, 200]);
  });

  it('sums in-service time per day in one sweep, as the overlap does', () => {
    const devices = [
      { inServiceFrom: D0 - 5 * DAY_MS, inServiceTo: null },
      { inServiceFrom: D0 + DAY_MS + 3 * H, inServiceTo: D0 + 3 * DAY_MS + 4 * H },
      { inServiceFrom: D0 + 2 * DAY_MS + H, inServiceTo: D0 + 2 * DAY_MS + 2 * H },
    ];
    const until = D0 + 4 * DAY_MS + 5 * H;
    const days: Array<[number, number]> = [0, 1, 2, 3, 4].map((i) => [
      D0 + i * DAY_MS,
      D0 + (i + 1) * DAY_MS,
    ]);
    expect(inServicePerDay(devices, D0, until)).toEqual(inServiceByPeriod(devices, days, until));
  });

  it('adds daily totals beside the hourly facts of a rollup row', () => {
    // a stale total goes: totals are always those of the facts
    expect(withTotals({ 'failures@01': 1, 'failures@09': 2, in_service_ms: 5, repairs: 4 })).toEqual({
      'failures@01': 1,
      'failures@09': 2,
      failures: 3,
      in_service_ms: 5,
    });
    expect(dayStart(D0 + 5 * DAY_MS + H)).toBe(D0 + 5 * DAY_MS);
  });
});
