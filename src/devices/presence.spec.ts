import { goesOffline, silentAfter, type PresenceInput, type PresenceRule } from './presence.js';

const RULE: PresenceRule = { offlineAfterIntervals: 3, defaultIntervalMs: 60_000 };
const T = 1_800_000_000_000;

describe(goesOffline.name, () => {
  it.each<[string, PresenceInput, number, boolean]>([
    [
      'online, heard from within 3 intervals',
      { online: true, lastSeen: T, reportingIntervalMs: 10_000 },
      T + 29_999,
      false,
    ],
    [
      'online, exactly 3 intervals silent',
      { online: true, lastSeen: T, reportingIntervalMs: 10_000 },
      T + 30_000,
      false,
    ],
    [
      'online, silent longer than 3 intervals',
      { online: true, lastSeen: T, reportingIntervalMs: 10_000 },
      T + 30_001,
      true,
    ],
    [
      'no declared interval: the default (3 × 60 s)',
      { online: true, lastSeen: T, reportingIntervalMs: null },
      T + 179_000,
      false,
    ],
    [
      'no declared interval, silent 3 min and more',
      { online: true, lastSeen: T, reportingIntervalMs: null },
      T + 180_001,
      true,
    ],
    [
      'offline already (last will)',
      { online: false, lastSeen: T, reportingIntervalMs: 10_000 },
      T + 3_600_000,
      false,
    ],
    [
      'never told its state',
      { online: null, lastSeen: T, reportingIntervalMs: 10_000 },
      T + 3_600_000,
      false,
    ],
    [
      'a clock step back: last seen after now',
      { online: true, lastSeen: T + 60_000, reportingIntervalMs: 10_000 },
      T,
      false,
    ],
  ])('%s → offline: %s', (_case, device, now, expected) => {
    expect(goesOffline(device, RULE, now)).toBe(expected);
  });

  it('scales with the configured multiple', () => {
    const device = { online: true, lastSeen: T, reportingIntervalMs: 10_000 };
    expect(silentAfter(device, { ...RULE, offlineAfterIntervals: 1.5 })).toBe(T + 15_000);
    expect(goesOffline(device, { ...RULE, offlineAfterIntervals: 1.5 }, T + 20_000)).toBe(true);
  });
});
