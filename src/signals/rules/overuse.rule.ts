import { fmt, lastMonths, monthlyRate, round, times } from '../signal-facts.js';
import { confidence, type Finding, type RuleInput, type SignalRule } from './signal-rule.js';

/**
 * Observed: the machine is used beyond its rated duty cycle (or the maker's recommended
 * monthly volume), month after month. It wears out faster (the simulator shortens its
 * parts' lives to 60 %) and the customer outgrew it: offer the model's successor.
 */
export const overuseRule: SignalRule = {
  id: 'overuse',
  kind: 'observed',
  description:
    'Monthly use at or above a share of the rated duty (or recommended volume) for consecutive complete months: offer the successor model.',
  settings: 'overuse',
  evaluate({ device, settings }: RuleInput): Finding | null {
    const s = settings.overuse;
    const reference = s.recommendedMonthlyVolume ?? device.ratedMonthlyDuty;
    if (!reference) return null;
    const months = lastMonths(device, s.months);
    if (months.length < s.months) return null;
    const rates = months.map(monthlyRate);
    if (rates.some((r) => r === null || r < s.shareOfRated * reference)) return null;
    const shares = (rates as number[]).map((r) => r / reference);
    const lowest = Math.min(...shares);
    const highest = Math.max(...shares);
    const basis = s.recommendedMonthlyVolume ? 'recommended monthly volume' : 'rated monthly duty';
    return {
      rule: 'overuse',
      kind: 'observed',
      deviceId: device.deviceId,
      offer: { kind: 'upgrade', productId: device.successorModelId },
      reason:
        `used at ${lowest === highest ? times(lowest) : `${times(lowest)}–${times(highest)}`} its ${basis} ` +
        `(${fmt(reference)} ${device.usageUnit}) for ${s.months} months in a row`,
      figures: {
        months: months.map((m) => m.label),
        usagePerMonth: (rates as number[]).map((r) => Math.round(r)),
        shareOfReference: shares.map((x) => round(x)),
        referenceMonthlyVolume: reference,
        ratedMonthlyDuty: device.ratedMonthlyDuty,
        threshold: s.shareOfRated,
        unit: device.usageUnit,
      },
      // at the threshold 0.6, 30 % beyond it and more 0.99
      confidence: confidence(0.6 + 0.39 * Math.min(1, (lowest / s.shareOfRated - 1) / 0.3)),
    };
  },
};
