import { ago, describeMetric } from './evidence.js';

describe(describeMetric.name, () => {
  it.each([
    ['fuser.temp_c', 'fuser temperature', '°C'],
    ['motor.current_a', 'motor current', 'A'],
    ['fan.vibration_mm_s', 'fan vibration', 'mm/s'],
    ['toner.black_pct', 'toner black level', '%'],
    ['pressure', 'pressure', ''],
  ])('%s reads "%s" in %s', (metric, label, unit) => {
    expect(describeMetric(metric)).toEqual({ label, unit });
  });
});

describe(ago.name, () => {
  it.each([
    [0.5, '12 h ago'],
    [5, '5 days ago'],
    [335, '11 months ago'],
    [1000, '2.7 years ago'],
  ])('%d days is "%s"', (days, want) => {
    expect(ago(days)).toBe(want);
  });
});
