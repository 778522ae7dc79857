import { DAY_MS, dayStart, deviceDayRows, openSince, usagePerDay } from './kpi-ledger.js';
import { kpiFields, kpisFromFields, sumKpiFields, type DowntimeEpisode } from './reliability-kpis.js';

const D0 = Date.UTC(2026, 0, 1);
const H = 3_600_000;

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
    // still open at the end
    { deviceId: 'd', component: 'pickup_roller', failureTs: D0 + 5 * DAY_MS + H, restoredTs: null },
  ];
  const history = {
    deviceId: 'd',
    inServiceFrom: D0 + 12 * H, // installed mid-day
    inServiceTo: null,
    episodes,
    serviceCalls: [D0 + 26 * H, D0 + 3 * DAY_MS + H],
    usage: new Map([
      [D0, 100],
      [D0 + DAY_MS, 250],
    ]),
  };

  it('adds up, day by day, to the fields of the whole window when windows cut through episodes', () => {
    const now = D0 + 6 * DAY_MS + 7 * H;
    const rows = deviceDayRows(history, D0, now);
    expect(rows.map((r) => (r.day - D0) / DAY_MS)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const whole = kpiFields({
      window: { from: D0, to: now },
      devices: [history],
      episodes,
      usage: new Map([['d', 350]]),
      serviceCalls: 2,
    });
    expect(sumKpiFields(rows.map((r) => r.fields))).toEqual(whole);
    const kpis = kpisFromFields(whole, { from: D0, to: now }, 1);
    expect(kpis.failures).toBe(4);
    expect(kpis.failuresByComponent).toEqual({ drum: 1, fuser: 2, pickup_roller: 1 });
    expect(kpis.repairsEnded).toBe(3);
    expect(kpis.mttrMs).toBe((10 * H + 2 * H + 5 * H) / 3);
    expect(kpis.mcbf).toBe(350 / 4);
  });

  it('narrows failures and repairs to one component', () => {
    const now = D0 + 6 * DAY_MS;
    const fields = sumKpiFields(deviceDayRows(history, D0, now).map((r) => r.fields));
    const fuser = kpisFromFields(fields, { from: D0, to: now }, 1, 'fuser');
    expect(fuser.failures).toBe(2);
    expect(fuser.mttrMs).toBe((10 * H + 5 * H) / 2);
    expect(fuser.mtbfMs).toBe(fuser.upTimeMs / 2);
    expect(fuser.failuresByComponent).toEqual({ fuser: 2 });
  });

  it('has no rows for days outside service', () => {
    const rows = deviceDayRows(
      { ...history, inServiceTo: D0 + 2 * DAY_MS },
      D0 - 3 * DAY_MS,
      D0 + 5 * DAY_MS,
    );
    expect(rows.map((r) => (r.day - D0) / DAY_MS)).toEqual([0, 1]);
    expect(rows[0].fields.in_service_ms).toBe(12 * H);
  });

  it('counts usage as the rise of the daily last reading, and a drop as a reset', () => {
    const usage = usagePerDay([
      { start: D0 + DAY_MS, value: 1500 },
      { start: D0, value: 1000 },
      { start: D0 + 3 * DAY_MS, value: 200 },
    ]);
    expect([...usage]).toEqual([
      [D0 + DAY_MS, 500],
      [D0 + 3 * DAY_MS, 200],
    ]);
  });

  it('remembers the earliest episode still open at a time', () => {
    expect(openSince(episodes, D0 + 25 * H)).toBe(D0 + 20 * H);
    expect(openSince(episodes, D0 + 2 * DAY_MS)).toBeNull();
    expect(openSince(episodes, D0 + 9 * DAY_MS)).toBe(D0 + 5 * DAY_MS + H);
    expect(dayStart(D0 + 5 * DAY_MS + H)).toBe(D0 + 5 * DAY_MS);
  });
});
