import { aDevice, input, visitsAt } from '../signal-facts.factory.js';
import { costToServeRule } from './cost-to-serve.rule.js';
import { FIRES_ONCE_THEN_COOLS_DOWN, coolDownTimeline } from './rule-spec-kit.js';

// 12 months July 2025 – June 2026 at 12,000 pages: the contract brings 144,000 × 0.008 = 1,152
const inMonth = (year: number, month: number, day = 10): number => Date.UTC(year, month, day);
const lateVisits = [inMonth(2026, 1), inMonth(2026, 2), inMonth(2026, 3), inMonth(2026, 4), inMonth(2026, 5)];
const costly = aDevice({
  visits: visitsAt(inMonth(2025, 8), ...lateVisits),
  parts: lateVisits.map((ts) => ({ ts, component: 'fuser' })),
});

describe('cost to serve rule', () => {
  it.each([
    ['6 visits and 5 parts (1,920) against 1,152, rising', costly, true],
    [
      'the same cost, level across the year',
      {
        ...costly,
        visits: visitsAt(
          ...[2025, 2025, 2025, 2026, 2026, 2026].map((y, i) => inMonth(y, y === 2025 ? 7 + i : i)),
        ),
        parts: [],
      },
      false,
    ],
    ['2 visits (440)', { ...costly, visits: visitsAt(...lateVisits.slice(0, 2)), parts: [] }, false],
    [
      'costly, on time and materials (the customer pays)',
      { ...costly, contractType: 'time-and-materials' as const },
      false,
    ],
    ['costly, the contract already ended', { ...costly, contractEnd: inMonth(2026, 5) }, false],
    [
      'costly, at 40,000 pages a month (the contract brings 3,840)',
      aDevice({ ...costly, months: aDevice().months.map((m) => ({ ...m, usage: (m.usage! * 40) / 12 })) }),
      false,
    ],
  ])('%s: fires %s', (_, device, fires) => {
    expect(costToServeRule.evaluate(input(device)) !== null).toBe(fires);
  });

  it('offers the successor with the cost, the contract value and both halves', () => {
    const finding = costToServeRule.evaluate(input(costly))!;
    expect(finding.offer).toEqual({ kind: 'upgrade', productId: 'MFP-C500' });
    expect(finding.figures).toMatchObject({
      visits: 6,
      parts: 5,
      costToServe: 1_920,
      costFirstHalf: 220,
      costSecondHalf: 1_700,
    });
    expect(finding.figures.contractValue).toBe(
      Math.round(aDevice().months.reduce((s, m) => s + m.usage!, 0) * 0.008),
    );
  });

  it('fires once, is held back after a dismissal, and fires again after the cool-down', () => {
    const t = coolDownTimeline(costToServeRule, () => [costly]);
    expect(t.counts).toEqual(FIRES_ONCE_THEN_COOLS_DOWN);
  });
});
