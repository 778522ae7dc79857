import type { MonthSpec } from '../signal-facts.factory.js';
import { aDevice, input, months } from '../signal-facts.factory.js';
import type { ModelNorm } from '../signal-facts.js';
import { poissonAtLeast, repeatBreakdownsRule } from './repeat-breakdowns.rule.js';
import { FIRES_ONCE_THEN_COOLS_DOWN, coolDownTimeline } from './rule-spec-kit.js';

// the model fails 0.1 times per device-month: 0.3 expected in 3 months (June has 30 days: a little less)
const norm: ModelNorm = { modelId: 'MFP-C300', failuresPerDeviceMonth: 0.1, deviceMonths: 1_200 };
const failing = (perMonth: number[]): ReturnType<typeof aDevice> =>
  aDevice({ months: months(perMonth.map((failures): MonthSpec => ({ rate: 12_000, failures }))) });

describe('repeat breakdowns rule', () => {
  it.each([
    [0, 0.3, 1],
    [1, 0.3, 1 - Math.exp(-0.3)],
    [3, 0.3, 1 - Math.exp(-0.3) * (1 + 0.3 + 0.045)],
    [2, 0, 0],
  ])('P(X ≥ %i) with λ = %s is %s', (k, lambda, p) => {
    expect(poissonAtLeast(k, lambda)).toBeCloseTo(p, 12);
  });

  it.each([
    ['3 failures in 3 months where 0.3 are expected', [1, 1, 1], norm, true],
    ['4 in one month', [0, 0, 4], norm, true],
    ['2 failures (under the minimum of 3)', [1, 0, 1], norm, false],
    [
      '3 failures on a model that fails 1.5 times a month',
      [1, 1, 1],
      { ...norm, failuresPerDeviceMonth: 1.5 },
      false,
    ],
    ['3 failures without a norm for the model', [1, 1, 1], null, false],
    ['3 failures in 2 months of history', [2, 1], norm, false],
  ])('%s: fires %s', (_, perMonth, n, fires) => {
    expect(repeatBreakdownsRule.evaluate(input(failing(perMonth), { norm: n })) !== null).toBe(fires);
  });

  it('offers the successor on a full-service contract, a full-service contract otherwise, with the counts', () => {
    const onContract = repeatBreakdownsRule.evaluate(input(failing([1, 1, 2]), { norm }))!;
    expect(onContract.offer).toEqual({ kind: 'upgrade', productId: 'MFP-C500' });
    const days = 30 + 31 + 30; // April, May, June
    const expected = 0.1 * (days / (365.25 / 12));
    expect(onContract.figures).toMatchObject({
      failuresPerMonth: [1, 1, 2],
      failures: 4,
      expectedFailures: Math.round(expected * 100) / 100,
    });
    expect(onContract.reason).toBe(
      '4 machine-down failures in 3 months where the MFP-C300 fleet averages 0.3 (chance 0.03 %)',
    );
    const tm = repeatBreakdownsRule.evaluate(
      input({ ...failing([1, 1, 2]), contractType: 'time-and-materials' }, { norm }),
    )!;
    expect(tm.offer).toEqual({ kind: 'full-service-contract', productId: null });
  });

  it('fires once, is held back after a dismissal, and fires again after the cool-down', () => {
    const t = coolDownTimeline(
      repeatBreakdownsRule,
      () => [failing([1, 1, 1])],
      new Map([['MFP-C300', norm]]),
    );
    expect(t.counts).toEqual(FIRES_ONCE_THEN_COOLS_DOWN);
  });
});
