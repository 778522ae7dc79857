import type { Offer, OfferKind } from './signal.js';
import { meanRate, type DeviceFacts } from './signal-facts.js';
import { settingsFor, type SignalsConfig } from './signal-rules.config.js';

/**
 * What an offer is worth, estimated from the configured prices (rules as data): a
 * year of a contract or plan, the list price of a machine. An estimate for ranking
 * and forecasting, not a quote.
 */
export function estimateValue(
  offer: { kind: OfferKind; productId: string | null },
  device: DeviceFacts | null,
  config: SignalsConfig,
): number {
  const own = settingsFor(config, device?.modelId ?? '').pricing;
  const product = settingsFor(config, offer.productId ?? device?.modelId ?? '').pricing;
  switch (offer.kind) {
    case 'upgrade':
    case 'additional-capacity':
      return product.listPrice;
    case 'extended-warranty':
      return Math.round(own.listPrice * own.extendedWarrantyShare);
    case 'contract-renewal':
    case 'full-service-contract': {
      // a year at the device's recent volume, never below the contract minimum
      const rate = device ? (meanRate(device, 3) ?? meanRate(device, 1)) : null;
      return Math.round(Math.max(own.fullServiceMinPerYear, (rate ?? 0) * 12 * own.fullServicePerUnit));
    }
    case 'pm-plan':
      return Math.round(own.pmVisitPrice * own.pmVisitsPerYear);
    case 'consolidation':
      return own.consolidationValue;
    case 'user-training':
      return own.trainingPrice;
    case 'consultation':
      return 0;
  }
}

/** The offer in words a salesperson reads. */
export function describeOffer(offer: { kind: OfferKind; productId: string | null }): Offer {
  const p = offer.productId;
  const text: Record<OfferKind, string> = {
    upgrade: p ? `Upgrade to ${p}` : 'Upgrade to a model with a higher rated duty',
    'extended-warranty': 'Extend the warranty',
    'contract-renewal': 'Renew the full-service contract',
    'full-service-contract': 'Full-service contract instead of time-and-materials billing',
    'pm-plan': 'Preventive-maintenance plan',
    consolidation: 'Consolidate: move the volume of an underused machine to one with room',
    'user-training': 'User training: media, lids and jams',
    'additional-capacity': p ? `More capacity: another ${p} or a bigger model` : 'More capacity',
    consultation: 'Call the customer back: a request to qualify',
  };
  return { kind: offer.kind, productId: p, description: text[offer.kind] };
}
