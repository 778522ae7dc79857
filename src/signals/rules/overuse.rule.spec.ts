import { aDevice, input, months, settings } from '../signal-facts.factory.js';
import { overuseRule } from './overuse.rule.js';
import { FIRES_ONCE_THEN_COOLS_DOWN, coolDownTimeline } from './rule-spec-kit.js';

const RATED = 20_000;
const overused = aDevice({ months: months([12_000, 12_000, 30_000, 32_000, 31_000]) });

describe('overuse rule', () => {
  it.each([
    ['3 months at 1.5–1.6× the rated duty', [12_000, 30_000, 32_000, 31_000], true],
    ['3 months exactly at the threshold (1.2×)', [24_000, 24_000, 24_000], true],
    ['a busy month among quiet ones', [12_000, 12_000, 40_000, 12_000], false],
    ['2 months over, the last one under', [30_000, 30_000, 23_000], false],
    ['over, but one month without a reading', [30_000, null, 30_000], false],
    ['only 2 months of history', [30_000, 30_000], false],
    ['at the rated duty, not beyond the threshold', [20_000, 21_000, 22_000], false],
  ])('%s: fires %s', (_, rates, fires) => {
    const finding = overuseRule.evaluate(input(aDevice({ months: months(rates) })));
    expect(finding !== null).toBe(fires);
  });

  it('offers the successor from the registry with the usage per month against the rated duty', () => {
    const finding = overuseRule.evaluate(input(overused))!;
    expect(finding).toMatchObject({
      rule: 'overuse',
      kind: 'observed',
      deviceId: 'dev-1',
      offer: { kind: 'upgrade', productId: 'MFP-C500' },
      reason: 'used at 1.5×–1.6× its rated monthly duty (20,000 pages) for 3 months in a row',
      figures: {
        months: ['2026-04', '2026-05', '2026-06'],
        usagePerMonth: [30_000, 32_000, 31_000],
        shareOfReference: [1.5, 1.6, 1.55],
        ratedMonthlyDuty: RATED,
      },
    });
    // 25 % beyond the 1.2 threshold: well on the way to certain
    expect(finding.confidence).toBe(0.93); // 0.6 + 0.39 × (1.5 / 1.2 − 1) / 0.3, rounded
  });

  it('scales a short month to an average month: 28 days at 1.2× is 1.2×', () => {
    const feb = aDevice({ months: months([24_000, 24_000, 24_000], Date.UTC(2026, 2, 15)) });
    expect(feb.months[2].usage).toBeLessThan(24_000);
    expect(overuseRule.evaluate(input(feb, { now: Date.UTC(2026, 2, 15) }))).not.toBeNull();
  });

  it("uses the maker's recommended monthly volume when the settings give one", () => {
    const device = aDevice({ months: months([14_000, 15_000, 14_500]) });
    expect(overuseRule.evaluate(input(device))).toBeNull();
    const finding = overuseRule.evaluate(
      input(device, { settings: settings({ overuse: { recommendedMonthlyVolume: 10_000 } }) }),
    );
    expect(finding?.reason).toContain('recommended monthly volume (10,000 pages)');
  });

  it('stays quiet without a rated duty, and offers an upgrade without a product when there is no successor', () => {
    expect(overuseRule.evaluate(input({ ...overused, ratedMonthlyDuty: null }))).toBeNull();
    expect(overuseRule.evaluate(input({ ...overused, successorModelId: null }))?.offer).toEqual({
      kind: 'upgrade',
      productId: null,
    });
  });

  it('fires once, is held back after a dismissal, and fires again after the cool-down', () => {
    const t = coolDownTimeline(overuseRule, () => [overused]);
    expect(t.counts).toEqual(FIRES_ONCE_THEN_COOLS_DOWN);
    expect(t.reraised.offer.productId).toBe('MFP-C500');
  });
});
