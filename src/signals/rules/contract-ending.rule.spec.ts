import { DAY_MS } from '../signal-facts.js';
import { NOW, aDevice, input } from '../signal-facts.factory.js';
import { contractEndingRule } from './contract-ending.rule.js';
import { FIRES_ONCE_THEN_COOLS_DOWN, coolDownTimeline } from './rule-spec-kit.js';

const inDays = (d: number): number => NOW + d * DAY_MS;
const underWarranty = aDevice({ contractType: 'warranty', warrantyEnd: inDays(30), contractEnd: inDays(30) });

describe('contract ending rule', () => {
  it.each([
    ['a warranty ending in 30 days', underWarranty, 'extended-warranty'],
    [
      'a warranty ending in 89 days',
      { ...underWarranty, warrantyEnd: inDays(89), contractEnd: inDays(89) },
      'extended-warranty',
    ],
    [
      'a warranty ending in 91 days',
      { ...underWarranty, warrantyEnd: inDays(91), contractEnd: inDays(91) },
      null,
    ],
    [
      'a warranty that ended yesterday',
      { ...underWarranty, warrantyEnd: inDays(-1), contractEnd: inDays(-1) },
      null,
    ],
    [
      'a warranty ending, a full-service contract after it',
      { ...underWarranty, contractType: 'full-service' as const, contractEnd: inDays(400) },
      null,
    ],
    ['a full-service contract ending in 60 days', aDevice({ contractEnd: inDays(60) }), 'contract-renewal'],
    [
      'a time-and-materials agreement ending in 10 days',
      aDevice({ contractType: 'time-and-materials', contractEnd: inDays(10) }),
      'full-service-contract',
    ],
    [
      'a warranty ending, no contract on file',
      aDevice({ contractType: null, contractEnd: null, warrantyEnd: inDays(5) }),
      'extended-warranty',
    ],
    ['a full-service contract renewed to next year', aDevice({ contractEnd: inDays(400) }), null],
    ['nothing on file', aDevice({ contractType: null, contractEnd: null, warrantyEnd: null }), null],
  ])('%s: offers %s', (_, device, offer) => {
    expect(contractEndingRule.evaluate(input(device))?.offer.kind ?? null).toBe(offer);
  });

  it('says what ends when, and is surer the nearer the end', () => {
    const soon = contractEndingRule.evaluate(input(underWarranty))!;
    expect(soon).toMatchObject({
      kind: 'observed',
      reason: 'its warranty ends on 2026-08-14, in 30 days, with nothing after it',
      figures: { ends: 'warranty', endsOn: '2026-08-14', daysLeft: 30 },
    });
    const later = contractEndingRule.evaluate(input(aDevice({ contractEnd: inDays(80) })))!;
    expect(soon.confidence).toBeGreaterThan(later.confidence);
  });

  it('fires once, is held back after a dismissal, and fires again after the cool-down', () => {
    // every evaluation sees a warranty 30 days from its time (a new device each time would too)
    const t = coolDownTimeline(contractEndingRule, (at) => [
      { ...underWarranty, warrantyEnd: at + 30 * DAY_MS, contractEnd: at + 30 * DAY_MS },
    ]);
    expect(t.counts).toEqual(FIRES_ONCE_THEN_COOLS_DOWN);
  });
});
