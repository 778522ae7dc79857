import { aDevice, input, months, settings } from '../signal-facts.factory.js';
import { capacityRule } from './capacity.rule.js';
import { FIRES_ONCE_THEN_COOLS_DOWN, coolDownTimeline } from './rule-spec-kit.js';

const queueSettings = settings({ capacity: { queueMetric: 'jobs.queued', queueThreshold: 5 } });

describe('capacity rule', () => {
  it.each([
    ['2 of 3 months at the rated duty', [12_000, 20_000, 19_000, 21_000], true],
    ['3 of 3 months over it', [21_000, 25_000, 22_000], true],
    ['1 of 3 months at it', [20_000, 15_000, 16_000], false],
    ['just under it every month', [19_900, 19_800, 19_950], false],
    ['2 months at it, the third without a reading', [20_000, 20_500, null], true],
    ['only 2 months of history', [21_000, 21_000], false],
  ])('%s: fires %s', (_, rates, fires) => {
    expect(capacityRule.evaluate(input(aDevice({ months: months(rates) }))) !== null).toBe(fires);
  });

  it('offers the successor with the months at capacity as evidence', () => {
    const finding = capacityRule.evaluate(input(aDevice({ months: months([21_000, 19_000, 22_000]) })))!;
    expect(finding).toMatchObject({
      kind: 'passive',
      offer: { kind: 'upgrade', productId: 'MFP-C500' },
      reason: '2 of the last 3 months at or over 1× its rated duty (20,000 pages)',
      figures: {
        monthsAtCapacity: 2,
        usagePerMonth: [21_000, 19_000, 22_000],
        shareOfRated: [1.05, 0.95, 1.1],
      },
    });
  });

  it.each([
    ['jobs queue at a machine below its rated duty', 7.5, queueSettings, true],
    ['a short queue', 2, queueSettings, false],
    ['a queue gauge the settings do not name', 9, undefined, false],
  ])('%s: fires %s', (_, queueDepth, s, fires) => {
    const device = aDevice({ queueDepth });
    const finding = capacityRule.evaluate(input(device, s ? { settings: s } : {}));
    expect(finding !== null).toBe(fires);
    if (fires) expect(finding!.reason).toBe('jobs queueing: 7.5 waiting at the daily peak');
  });

  it('fires once, is held back after a dismissal, and fires again after the cool-down', () => {
    const device = aDevice({ months: months([20_000, 21_000, 20_500]) });
    expect(coolDownTimeline(capacityRule, () => [device]).counts).toEqual(FIRES_ONCE_THEN_COOLS_DOWN);
  });
});
