import {
  addMonthsUtc,
  completePlan,
  isOrderDue,
  planDue,
  pullForward,
  type MaintenancePlan,
  type PlanProgress,
  type UsageReading,
} from './maintenance-plan.js';

const DAY = 86_400_000;
const d = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);
const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

const plan = (over: Partial<MaintenancePlan> = {}): MaintenancePlan => ({
  planId: 'pm-c300',
  modelId: 'MFP-C300',
  name: 'MFP-C300 service',
  tasks: ['clean paper path', 'replace worn parts'],
  active: true,
  ...over,
});
const progress = (lastDoneAt: number, lastDoneUsage: number | null = null): PlanProgress => ({
  planId: 'pm-c300',
  deviceId: 'd1',
  lastDoneAt,
  lastDoneUsage,
  pulledForwardAt: null,
});
const noUsage: UsageReading = { usage: null, perDay: null };

describe(addMonthsUtc.name, () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-03-31', -1, '2026-02-28'],
  ] as const)('%s + %d months = %s', (from, months, to) => {
    expect(day(addMonthsUtc(d(from), months))).toBe(to);
  });
});

describe(planDue.name, () => {
  const NOW = d('2026-03-01');

  it.each<[string, Partial<MaintenancePlan>, PlanProgress, UsageReading, string | null, string]>([
    [
      'every 90 days from the last visit',
      { everyDays: 90 },
      progress(d('2026-01-01')),
      noUsage,
      '2026-04-01',
      'time',
    ],
    ['every 6 months', { everyMonths: 6 }, progress(d('2025-09-30')), noUsage, '2026-03-30', 'time'],
    [
      'days or months, whichever first',
      { everyDays: 200, everyMonths: 6 },
      progress(d('2025-09-01')),
      noUsage,
      '2026-03-01',
      'time',
    ],
    // 80,000 pages from 100,000; at 150,000 printing 1,000 a day: 30 days to go
    [
      'usage estimated from the recent rate',
      { everyUsage: 80_000 },
      progress(d('2025-12-01'), 100_000),
      { usage: 150_000, perDay: 1_000 },
      '2026-03-31',
      'usage',
    ],
    [
      'usage already past its count: due now',
      { everyUsage: 80_000, everyDays: 365 },
      progress(d('2025-12-01'), 100_000),
      { usage: 181_000, perDay: 1_000 },
      '2026-03-01',
      'usage',
    ],
    [
      'time first when usage is slow',
      { everyUsage: 80_000, everyDays: 90 },
      progress(d('2026-01-01'), 100_000),
      { usage: 110_000, perDay: 100 },
      '2026-04-01',
      'time',
    ],
    [
      'a usage plan without a counter reading waits',
      { everyUsage: 80_000 },
      progress(d('2026-01-01')),
      { usage: 5, perDay: 1 },
      null,
      '',
    ],
    ['a plan without an interval is never due', {}, progress(d('2026-01-01')), noUsage, null, ''],
  ])('%s', (_name, over, p, u, due, reason) => {
    const got = planDue(plan(over), p, u, NOW);
    expect(got && day(got.dueAt)).toBe(due);
    if (got) expect(got.reason).toBe(reason);
  });

  it('follows the actual completion, early or late, by time', () => {
    const p0 = progress(d('2026-01-01'));
    const every90 = plan({ everyDays: 90 });
    expect(day(planDue(every90, p0, noUsage, 0)!.dueAt)).toBe('2026-04-01');
    // done early on 20 March: next due 90 days after that, not after 1 April
    expect(day(planDue(every90, completePlan(p0, d('2026-03-20'), null), noUsage, 0)!.dueAt)).toBe(
      '2026-06-18',
    );
    // done late on 15 April
    expect(day(planDue(every90, completePlan(p0, d('2026-04-15'), null), noUsage, 0)!.dueAt)).toBe(
      '2026-07-14',
    );
  });

  it('follows the actual completion, early or late, by usage', () => {
    const p0 = progress(d('2026-01-01'), 100_000);
    const every80k = plan({ everyUsage: 80_000 });
    const u = (usage: number): UsageReading => ({ usage, perDay: 1_000 });
    expect(planDue(every80k, p0, u(150_000), d('2026-02-01'))!.dueUsage).toBe(180_000);
    // done early at 170,000 pages: due at 250,000
    const early = completePlan(p0, d('2026-02-20'), 170_000);
    expect(planDue(every80k, early, u(170_000), d('2026-02-20'))).toEqual({
      dueAt: d('2026-02-20') + 80 * DAY,
      reason: 'usage',
      dueUsage: 250_000,
    });
    // done late at 195,000: due at 275,000
    expect(
      planDue(every80k, completePlan(p0, d('2026-03-10'), 195_000), u(195_000), d('2026-03-10'))!.dueUsage,
    ).toBe(275_000);
  });

  it('ignores a late report of an older completion', () => {
    const p = progress(d('2026-03-01'), 200_000);
    expect(completePlan(p, d('2026-02-01'), 150_000)).toBe(p);
  });
});

describe(isOrderDue.name, () => {
  it.each([
    ['2026-03-24', false],
    ['2026-03-25', true],
    ['2026-04-10', true],
  ] as const)('a plan due on 1 April with a 7-day lead, at %s: %s', (now, due) => {
    expect(isOrderDue({ dueAt: d('2026-04-01'), reason: 'time', dueUsage: null }, d(now), 7)).toBe(due);
  });
});

describe(pullForward.name, () => {
  const every90 = plan({ everyDays: 90 });
  it.each([
    // due 1 April
    ['2026-03-10', 30, '2026-03-10'],
    ['2026-02-15', 30, null],
  ] as const)('an alert on %s with a %d-day window pulls the plan to %s', (now, window, pulled) => {
    const p = pullForward(every90, progress(d('2026-01-01')), noUsage, d(now), window);
    expect(p.pulledForwardAt === null ? null : day(p.pulledForwardAt)).toBe(pulled);
    if (pulled) {
      const due = planDue(every90, p, noUsage, d(now))!;
      expect([day(due.dueAt), due.reason]).toEqual([pulled, 'pulled-forward']);
      // done with the pulled visit: the next is 90 days after it
      expect(day(planDue(every90, completePlan(p, d(now), null), noUsage, d(now))!.dueAt)).toBe(
        day(d(now) + 90 * DAY),
      );
    }
  });
});
