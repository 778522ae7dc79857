import { aDevice, input, months } from '../signal-facts.factory.js';
import { departmentImbalanceRule } from './department-imbalance.rule.js';
import { FIRES_ONCE_THEN_COOLS_DOWN, coolDownTimeline } from './rule-spec-kit.js';

const flat = (rate: number) => months([rate, rate, rate]);
const strained = aDevice({ deviceId: 'dev-1', department: 'floor 1', months: flat(18_000) });
const quiet = aDevice({ deviceId: 'dev-2', department: 'floor 2', months: flat(5_000) });

describe('department imbalance rule', () => {
  it.each([
    ['strained (0.9×) and 3.6× the machine on the next floor', strained, [quiet], true],
    ['strained, the peer only half as busy', strained, [{ ...quiet, months: flat(9_000) }], false],
    [
      '3.6× busier but not strained (0.45× its duty)',
      { ...strained, months: flat(9_000) },
      [{ ...quiet, months: flat(2_500) }],
      false,
    ],
    ['the quiet machine is in the same department', strained, [{ ...quiet, department: 'floor 1' }], false],
    ['the quiet machine is at another site', strained, [{ ...quiet, siteId: 'site-2' }], false],
    ['the quiet machine has no department', strained, [{ ...quiet, department: null }], false],
    ['the peer is HVAC (run hours)', strained, [{ ...quiet, usageUnit: 'hours' as const }], false],
    [
      'strained next to a machine rated 3× higher doing the same work',
      strained,
      [{ ...quiet, ratedMonthlyDuty: 60_000, months: flat(17_000) }],
      true,
    ],
  ])('%s: fires %s', (_, device, peers, fires) => {
    expect(departmentImbalanceRule.evaluate(input(device, { peers })) !== null).toBe(fires);
  });

  it('offers the strained machine the successor, naming the peer and both volumes', () => {
    const finding = departmentImbalanceRule.evaluate(input(strained, { peers: [quiet] }))!;
    expect(finding).toMatchObject({
      kind: 'passive',
      deviceId: 'dev-1',
      offer: { kind: 'upgrade', productId: 'MFP-C500' },
      reason:
        'the floor 1 machine runs at 0.9× its rated duty (18,000 pages a month), 3.6× the volume of dev-2 in floor 2',
      figures: { peerDeviceId: 'dev-2', usagePerMonth: 18_000, peerUsagePerMonth: 5_000 },
    });
  });

  it('fires once, is held back after a dismissal, and fires again after the cool-down', () => {
    expect(coolDownTimeline(departmentImbalanceRule, () => [strained, quiet]).counts).toEqual(
      FIRES_ONCE_THEN_COOLS_DOWN,
    );
  });
});
