import type { OfferKind } from './signal.js';
import { describeOffer, estimateValue } from './offer-pricing.js';
import { aDevice, months } from './signal-facts.factory.js';
import { signalsConfigFrom } from './signal-rules.config.js';

const config = signalsConfigFrom({
  defaults: { pricing: { listPrice: 6_000, fullServicePerUnit: 0.01, fullServiceMinPerYear: 600 } },
  models: { 'MFP-C500': { pricing: { listPrice: 11_000 } } },
});
const device = aDevice({ months: months([10_000, 10_000, 10_000]) });

describe('offer pricing', () => {
  it.each<[OfferKind, string | null, number]>([
    ['upgrade', 'MFP-C500', 11_000], // the successor's list price
    ['additional-capacity', 'MFP-C300', 6_000],
    ['extended-warranty', null, 600], // a year at 10 % of the model's list price
    ['full-service-contract', null, 1_200], // 10,000 pages a month × 12 × 0.01
    ['contract-renewal', null, 1_200],
    ['pm-plan', null, 720], // 4 visits at 180
    ['consolidation', null, 1_200],
    ['user-training', null, 450],
    ['consultation', null, 0],
  ])('values %s (%s) at %d', (kind, productId, value) => {
    expect(estimateValue({ kind, productId }, device, config)).toBe(value);
  });

  it('values a full-service contract at its minimum for a quiet or unmetered machine', () => {
    const quiet = aDevice({ months: months([1_000, 1_000, 1_000]) });
    expect(estimateValue({ kind: 'full-service-contract', productId: null }, quiet, config)).toBe(600);
    expect(estimateValue({ kind: 'full-service-contract', productId: null }, null, config)).toBe(600);
  });

  it('describes offers in words, naming the product', () => {
    expect(describeOffer({ kind: 'upgrade', productId: 'MFP-C500' })).toEqual({
      kind: 'upgrade',
      productId: 'MFP-C500',
      description: 'Upgrade to MFP-C500',
    });
    expect(describeOffer({ kind: 'upgrade', productId: null }).description).toContain('higher rated duty');
  });
});
