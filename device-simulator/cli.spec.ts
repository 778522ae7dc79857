import { parseCli, parseDuration } from './cli.js';

const NOW = Date.UTC(2026, 10, 22, 12);

describe('simulator CLI', () => {
  it('runs 25 devices in real time from now by default', () => {
    const o = parseCli([], NOW);
    expect(o).toMatchObject({
      devices: 25,
      customers: 3,
      speed: 1,
      start: NOW,
      durationMs: null,
      stepMs: 60_000,
    });
  });

  it('ends history mode now, so no device timestamp is in the future', () => {
    const o = parseCli(['--history', '--duration', '90d', '--devices', '1000'], NOW);
    expect(o).toMatchObject({ speed: 'max', durationMs: 90 * 86_400_000, start: NOW - 90 * 86_400_000 });
  });

  it('lists every bad flag in one error', () => {
    expect(() =>
      parseCli(['--devices', '0', '--qos', '2', '--speed', 'fast', '--overuse-share', '2'], NOW),
    ).toThrow(/--devices[\s\S]*--speed[\s\S]*--qos[\s\S]*--overuse-share/);
  });

  it('needs a duration when faster than real time', () => {
    expect(() => parseCli(['--speed', '60'], NOW)).toThrow(/--duration is needed/);
  });

  it('backfills history up to the catch-up, then paces at --speed and declares the real-time reporting interval', () => {
    const o = parseCli(['--backfill', '365d', '--catch-up', '14d', '--speed', '8640', '--step', '10s'], NOW);
    expect(o).toMatchObject({
      start: NOW - 365 * 86_400_000,
      durationMs: null,
      speed: 8640,
      historyUntil: NOW - 14 * 86_400_000,
      historyStepMs: 3_600_000,
      catchUpStepMs: 900_000,
      stepMs: 10_000,
      reportingIntervalMs: 10_000,
    });
  });

  it.each([
    [['--backfill', '30d', '--history'], /no --history, --start or --duration/],
    [['--backfill', '1d', '--catch-up', '2d'], /--catch-up must not be longer than --backfill/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCli(argv, NOW)).toThrow(message);
  });

  it.each([
    ['30s', 30_000],
    ['10m', 600_000],
    ['1.5h', 5_400_000],
    ['90d', 7_776_000_000],
  ])('reads the duration %s', (raw, ms) => expect(parseDuration(raw)).toBe(ms));

  it('refuses a duration without a unit', () => expect(() => parseDuration('90')).toThrow(/not a duration/));
});
