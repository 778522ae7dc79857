import { DAY_MS } from '../signal-facts.js';
import { NOW, aDevice, input, visitsAt } from '../signal-facts.factory.js';
import { FIRES_ONCE_THEN_COOLS_DOWN, coolDownTimeline } from './rule-spec-kit.js';
import { tmAfterWarrantyRule } from './tm-after-warranty.rule.js';

const daysAgo = (...days: number[]) => visitsAt(...days.map((d) => NOW - d * DAY_MS));
// out of warranty since January 2024, on time and materials
const tm = aDevice({ contractType: 'time-and-materials', contractEnd: null, visits: daysAgo(150, 90, 20) });

describe('time-and-materials after warranty rule', () => {
  it.each([
    ['3 visits in 180 days on time and materials', tm, true],
    ['2 visits', { ...tm, visits: daysAgo(90, 20) }, false],
    ['3 visits, one of them 200 days ago', { ...tm, visits: daysAgo(200, 90, 20) }, false],
    ['3 visits under warranty', { ...tm, warrantyEnd: NOW + 30 * DAY_MS }, false],
    ['3 visits, 2 of them before the warranty ended', { ...tm, warrantyEnd: NOW - 100 * DAY_MS }, false],
    [
      '3 visits on a running full-service contract',
      { ...tm, contractType: 'full-service' as const, contractEnd: NOW + DAY_MS },
      false,
    ],
    [
      '3 visits after a full-service contract ran out',
      { ...tm, contractType: 'full-service' as const, contractEnd: NOW - 160 * DAY_MS },
      true,
    ],
    [
      '3 visits, nothing known of warranty or contract',
      { ...tm, contractType: null, warrantyEnd: null },
      false,
    ],
    ['3 visits on time and materials, no warranty date', { ...tm, warrantyEnd: null }, true],
    [
      '3 visits after the warranty, one not billed by its work order (goodwill)',
      {
        ...tm,
        visits: tm.visits.map((v, i) => (i === 0 ? { ...v, billable: false, workOrderId: 'WO-1' } : v)),
      },
      false,
    ],
    [
      '3 visits, 2 before the warranty ended but billed by their work orders (not covered)',
      {
        ...tm,
        warrantyEnd: NOW - 100 * DAY_MS,
        visits: tm.visits.map((v, i) => (i < 2 ? { ...v, billable: true, workOrderId: `WO-${i}` } : v)),
      },
      true,
    ],
  ])('%s: fires %s', (_, device, fires) => {
    expect(tmAfterWarrantyRule.evaluate(input(device)) !== null).toBe(fires);
  });

  it('offers a full-service contract with the visits and what they billed', () => {
    const finding = tmAfterWarrantyRule.evaluate(input(tm))!;
    expect(finding).toMatchObject({
      kind: 'passive',
      offer: { kind: 'full-service-contract', productId: null },
      reason:
        '3 billable visits in the last 180 days, all after its cover ended on 2024-01-10 (about 780 billed)',
      figures: { visits: 3, visitDates: ['2026-02-15', '2026-04-16', '2026-06-25'], estimatedBilled: 780 },
    });
  });

  it('fires once, is held back after a dismissal, and fires again after the cool-down', () => {
    // the visits keep coming: always 3 in the last 180 days of each evaluation
    const t = coolDownTimeline(tmAfterWarrantyRule, (at) => [
      { ...tm, visits: visitsAt(...[150, 90, 20].map((d) => at - d * DAY_MS)) },
    ]);
    expect(t.counts).toEqual(FIRES_ONCE_THEN_COOLS_DOWN);
  });
});
