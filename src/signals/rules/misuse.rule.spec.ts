import { aDevice, input, months, settings } from '../signal-facts.factory.js';
import { misuseRule } from './misuse.rule.js';
import { FIRES_ONCE_THEN_COOLS_DOWN, coolDownTimeline } from './rule-spec-kit.js';

const withCodes = (codes: Array<Record<string, number>>, rate: number | null = 12_000) =>
  aDevice({ months: months(codes.map((faultCodes) => ({ rate, faultCodes }))) });
const misused = withCodes([{ 'J-110': 20, 'C-001': 5 }, { 'J-110': 18, 'C-001': 7 }, { 'J-110': 22 }]);

describe('misuse rule', () => {
  it.each([
    ['72 misuse codes in 3 months at 12,000 pages a month', misused, true],
    ['5 codes (under the minimum of 6)', withCodes([{ 'J-110': 2 }, { 'J-110': 2 }, { 'C-001': 1 }]), false],
    [
      '6 codes spread over 300,000 pages a month (0.07 per 10,000)',
      withCodes([{ 'J-110': 2 }, { 'J-110': 2 }, { 'C-001': 2 }], 300_000),
      false,
    ],
    [
      'plenty of wear codes, none of misuse',
      withCodes([{ 'J-101': 30 }, { 'F-302': 12 }, { 'IQ-204': 20 }]),
      false,
    ],
    [
      'misuse codes without a usage reading: the count decides',
      withCodes([{ 'J-110': 4 }, { 'J-110': 4 }, {}], null),
      true,
    ],
    [
      'misuse codes in only 2 months of history',
      aDevice({ months: months([{ rate: 1, faultCodes: { 'J-110': 50 } }, 1]) }),
      false,
    ],
  ])('%s: fires %s', (_, device, fires) => {
    expect(misuseRule.evaluate(input(device)) !== null).toBe(fires);
  });

  it('offers user training with the codes counted and their rate per page', () => {
    const finding = misuseRule.evaluate(input(misused))!;
    expect(finding).toMatchObject({
      kind: 'observed',
      offer: { kind: 'user-training', productId: null },
      figures: { codes: ['C-001', 'J-110'], countsByCode: [12, 60], events: 72 },
    });
    expect(finding.reason).toMatch(/^60 × J-110, 12 × C-001 in 3 months: 20\.\d per 10,000 pages/);
  });

  it("takes the codes from the model's fault table in the registry, and any the settings add", () => {
    const device = withCodes([{ 'X-7': 10 }, { 'X-7': 10 }, {}]);
    expect(misuseRule.evaluate(input(device))).toBeNull();
    expect(misuseRule.evaluate(input({ ...device, misuseCodes: ['X-7'] }))).not.toBeNull();
    const withSettings = settings({ misuse: { codes: ['X-7'] } });
    expect(
      misuseRule.evaluate(input({ ...device, misuseCodes: [] }, { settings: withSettings })),
    ).not.toBeNull();
    expect(misuseRule.evaluate(input({ ...misused, misuseCodes: [] }))).toBeNull();
  });

  it('fires once, is held back after a dismissal, and fires again after the cool-down', () => {
    expect(coolDownTimeline(misuseRule, () => [misused]).counts).toEqual(FIRES_ONCE_THEN_COOLS_DOWN);
  });
});
