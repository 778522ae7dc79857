import { aDevice, input, months } from '../signal-facts.factory.js';
import type { DeviceFacts } from '../signal-facts.js';
import { growingVolumeRule, theilSen } from './growing-volume.rule.js';
import { FIRES_ONCE_THEN_COOLS_DOWN, coolDownTimeline } from './rule-spec-kit.js';

/** 12 months growing `g` a year from `base`, with a quiet August (0.7) and December (0.85) as copiers have. */
function growing(base: number, g: number, seasonal = true): Array<number> {
  // the 12 months before July 2026: July 2025 … June 2026
  return Array.from({ length: 12 }, (_, i) => {
    const month = (6 + i) % 12;
    const season = seasonal ? (month === 7 ? 0.7 : month === 11 ? 0.85 : 1) : 1;
    return base * Math.pow(1 + g, i / 12) * season;
  });
}
const device = (id: string, rates: Array<number | null>, over: Partial<DeviceFacts> = {}): DeviceFacts =>
  aDevice({ deviceId: id, months: months(rates), ...over });

describe('growing volume rule', () => {
  it.each([
    [[1, 2, 3, 4], 1, 1],
    [[4, 3, 2, 1], -1, 0],
    [[1, 2, 100, 4, 5], 1, 0.8],
  ])('the Theil–Sen slope of %j is %s (rising share %s)', (ys, slope, share) => {
    expect(theilSen(ys)).toEqual({ slope, risingShare: share });
  });

  it.each([
    ['15 % a year, with seasonal dips', [device('a', growing(12_000, 0.15))], true],
    [
      '12 % a year on two machines together',
      [device('a', growing(12_000, 0.12)), device('b', growing(6_000, 0.12))],
      true,
    ],
    ['5 % a year', [device('a', growing(12_000, 0.05))], false],
    ['flat with seasonal dips', [device('a', growing(12_000, 0))], false],
    ['shrinking 10 % a year', [device('a', growing(12_000, -0.1))], false],
    ['15 % a year but only 8 months of history', [device('a', growing(12_000, 0.15).slice(4))], false],
    ['15 % a year of HVAC run hours', [device('a', growing(300, 0.15), { usageUnit: 'hours' })], false],
  ])('%s: fires %s', (_, fleet, fires) => {
    const [first, ...peers] = fleet;
    expect(growingVolumeRule.evaluate(input(first, { peers })) !== null).toBe(fires);
  });

  it("fires on the customer's busiest machine only, with the customer's monthly volume as evidence", () => {
    const big = device('big', growing(12_000, 0.2, false));
    const small = device('small', growing(3_000, 0.2, false));
    expect(growingVolumeRule.evaluate(input(small, { peers: [big] }))).toBeNull();
    const finding = growingVolumeRule.evaluate(input(big, { peers: [small] }))!;
    expect(finding).toMatchObject({
      kind: 'passive',
      deviceId: 'big',
      offer: { kind: 'additional-capacity', productId: 'MFP-C300' },
      figures: { growthPerYear: 0.2, risingShare: 1, devices: ['big', 'small'] },
    });
    expect((finding.figures.customerUsagePerMonth as number[])[0]).toBe(15_000);
    expect(finding.reason).toBe(
      "the customer's volume grows 20 % a year over 12 months (2 machines); big is its busiest",
    );
  });

  it('leaves out a machine without a reading every month', () => {
    const gappy = device('gappy', [...growing(50_000, -0.3).slice(0, 11), null]);
    const finding = growingVolumeRule.evaluate(input(device('a', growing(60_000, 0.15)), { peers: [gappy] }));
    expect(finding?.figures.devices).toEqual(['a']);
  });

  it('fires once, is held back after a dismissal, and fires again after the cool-down', () => {
    const d = device('a', growing(12_000, 0.15));
    expect(coolDownTimeline(growingVolumeRule, () => [d]).counts).toEqual(FIRES_ONCE_THEN_COOLS_DOWN);
  });
});
