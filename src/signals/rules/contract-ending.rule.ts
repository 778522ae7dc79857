import type { OfferKind } from '../signal.js';
import { DAY_MS, dayLabel } from '../signal-facts.js';
import { confidence, type Finding, type RuleInput, type SignalRule } from './signal-rule.js';

/**
 * Observed: the warranty or the contract ends within the window and nothing follows
 * it (a renewal moves the registry's contract end, and a won renewal signal holds new
 * ones back for its cool-down). The warranty → extend it; a full-service contract →
 * renew it; a time-and-materials agreement → a full-service contract.
 */
export const contractEndingRule: SignalRule = {
  id: 'contract-ending',
  kind: 'observed',
  description:
    'Warranty or contract ending within the window with nothing after it: extended warranty, renewal, or a full-service contract.',
  settings: 'contractEnding',
  evaluate({ device, settings, now }: RuleInput): Finding | null {
    const until = now + settings.contractEnding.withinDays * DAY_MS;
    const ending = (t: number | null): t is number => t !== null && t >= now && t < until;
    const candidates: Array<{ at: number; what: string; offer: OfferKind }> = [];
    const contractEnd = device.contractEnd;
    // a full-service contract that runs on after the warranty takes over from it
    const followedByContract =
      device.contractType === 'full-service' &&
      contractEnd !== null &&
      device.warrantyEnd !== null &&
      contractEnd > device.warrantyEnd;
    if (ending(device.warrantyEnd) && !followedByContract)
      candidates.push({ at: device.warrantyEnd, what: 'warranty', offer: 'extended-warranty' });
    if (ending(contractEnd))
      switch (device.contractType) {
        case 'full-service':
          candidates.push({ at: contractEnd, what: 'full-service contract', offer: 'contract-renewal' });
          break;
        case 'time-and-materials':
          candidates.push({
            at: contractEnd,
            what: 'time-and-materials agreement',
            offer: 'full-service-contract',
          });
          break;
        case 'warranty':
          if (contractEnd !== device.warrantyEnd)
            candidates.push({ at: contractEnd, what: 'warranty', offer: 'extended-warranty' });
          break;
        case null:
          break;
      }
    if (!candidates.length) return null;
    const first = candidates.sort((a, b) => a.at - b.at)[0];
    const daysLeft = Math.ceil((first.at - now) / DAY_MS);
    return {
      rule: 'contract-ending',
      kind: 'observed',
      deviceId: device.deviceId,
      offer: { kind: first.offer, productId: null },
      reason: `its ${first.what} ends on ${dayLabel(first.at)}, in ${daysLeft} day${daysLeft === 1 ? '' : 's'}, with nothing after it`,
      figures: {
        ends: first.what,
        endsOn: dayLabel(first.at),
        daysLeft,
        contractType: device.contractType,
        warrantyEnd: device.warrantyEnd === null ? null : dayLabel(device.warrantyEnd),
        contractEnd: contractEnd === null ? null : dayLabel(contractEnd),
      },
      // the nearer the end, the surer the need
      confidence: confidence(0.6 + 0.39 * (1 - daysLeft / settings.contractEnding.withinDays)),
    };
  },
};
