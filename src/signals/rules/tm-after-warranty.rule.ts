import { DAY_MS, dayLabel, fmt } from '../signal-facts.js';
import { coveredUntil } from './coverage.js';
import { confidence, type Finding, type RuleInput, type SignalRule } from './signal-rule.js';

/**
 * Passive: time-and-materials visits pile up after the warranty (and any full-service
 * contract) ended; each one is a bill the customer did not plan for. Offer a
 * full-service contract. Visits are the device's service visits (`service.started`);
 * where a work order billed one, its entitlement says whether the customer paid,
 * otherwise a visit after the cover ended is taken as billed.
 */
export const tmAfterWarrantyRule: SignalRule = {
  id: 'tm-after-warranty',
  kind: 'passive',
  description:
    'Billable visits piling up after the warranty and any full-service contract ended: offer a full-service contract.',
  settings: 'tmAfterWarranty',
  evaluate({ device, settings, now }: RuleInput): Finding | null {
    const s = settings.tmAfterWarranty;
    const covered = coveredUntil(device);
    if (covered === null && device.contractType !== 'time-and-materials') return null;
    if (covered !== null && covered > now) return null;
    const since = Math.max(now - s.days * DAY_MS, covered ?? -Infinity);
    const visits = device.visits
      .filter((v) => v.ts >= now - s.days * DAY_MS && v.ts < now)
      .filter((v) => v.billable ?? v.ts >= since)
      .map((v) => v.ts);
    if (visits.length < s.minVisits) return null;
    const billed = visits.length * settings.pricing.tmVisitPrice;
    return {
      rule: 'tm-after-warranty',
      kind: 'passive',
      deviceId: device.deviceId,
      offer: { kind: 'full-service-contract', productId: null },
      reason:
        `${visits.length} billable visits in the last ${s.days} days` +
        (covered !== null ? `, all after its cover ended on ${dayLabel(covered)}` : '') +
        ` (about ${fmt(billed)} billed)`,
      figures: {
        visits: visits.length,
        visitDates: visits.map(dayLabel),
        coveredUntil: covered === null ? null : dayLabel(covered),
        contractType: device.contractType,
        windowDays: s.days,
        estimatedBilled: billed,
      },
      confidence: confidence(0.55 + 0.1 * (visits.length - s.minVisits)),
    };
  },
};
