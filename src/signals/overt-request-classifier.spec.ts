import type { OfferKind } from './signal.js';
import { classifyRequest, normalise } from './overt-request-classifier.js';

/** What customers write, and the offer sales would file it under. */
const REQUESTS: Array<[string, OfferKind]> = [
  // the issue's own examples
  ['Our machine comes off warranty soon, do you offer an extension?', 'extended-warranty'],
  ['We need something that handles our volume', 'upgrade'],
  // warranty and contracts
  ['Can we extend the warranty on the printer in accounts?', 'extended-warranty'],
  ['The warranty expires next month.', 'extended-warranty'],
  ['Our service contract runs out in June, we would like to renew.', 'contract-renewal'],
  [
    "We're tired of getting an invoice for every visit. Is there an all-inclusive option?",
    'full-service-contract',
  ],
  ['Do you have a full-service deal with a cost per page?', 'full-service-contract'],
  ['We keep paying for repairs on the old copier', 'full-service-contract'],
  // capacity
  ["The copier on the 3rd floor can't keep up anymore, it's far too slow", 'upgrade'],
  ['Looking for a faster model, ideally the newer one', 'upgrade'],
  ['We are opening a new office in Ghent and need a second printer', 'additional-capacity'],
  ['Hiring 40 people this year: we will need more printers', 'additional-capacity'],
  // maintenance, consolidation, training
  ['Could you service it regularly before our busy season?', 'pm-plan'],
  ['We want a preventive maintenance plan for all units', 'pm-plan'],
  ['We have too many printers; the one in the basement is barely used', 'consolidation'],
  ['Can we consolidate the two machines on floor 2?', 'consolidation'],
  ['Staff keep loading labels and the thing jams all the time; can you train them?', 'user-training'],
  ['People leave the lid open. Do you offer training?', 'user-training'],
  // negation and nothing to go on
  ["We don't need another printer, but the warranty ends in May", 'extended-warranty'],
  ['Please call me back about the invoice address', 'consultation'],
  ['Hello', 'consultation'],
];

describe('overt request classifier', () => {
  it.each(REQUESTS)('files "%s" under %s', (text, offer) => {
    expect(classifyRequest(text).offer).toBe(offer);
  });

  it('names the phrases that decided it and is surer when nothing else competes', () => {
    const clear = classifyRequest('Can we extend the warranty? The warranty ends in May.');
    expect(clear.matched).toEqual(['extend the warranty', 'warranty ends']);
    const mixed = classifyRequest('Extend the warranty, or maybe a faster model?');
    expect(clear.confidence).toBeGreaterThan(mixed.confidence);
    expect(clear.confidence).toBeLessThanOrEqual(0.95);
  });

  it('files words without any known phrase as a consultation, with a low confidence', () => {
    expect(classifyRequest('Bonjour, pouvez-vous me rappeler ?')).toEqual({
      offer: 'consultation',
      confidence: 0.3,
      matched: [],
    });
  });

  it('reads curly apostrophes, accents and spacing as plain text', () => {
    expect(normalise('We  DON’T   need a Café\n printer')).toBe("we don't need a cafe printer");
    expect(classifyRequest('It can’t keep up').offer).toBe('upgrade');
  });
});
