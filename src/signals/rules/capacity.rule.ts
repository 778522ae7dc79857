import { fmt, lastMonths, monthlyRate, round } from '../signal-facts.js';
import { confidence, type Finding, type RuleInput, type SignalRule } from './signal-rule.js';

/**
 * Passive: the volume is more than the machine can handle. Months at or over its rated
 * duty, or jobs queueing (when the model reports a queue gauge named in the settings):
 * the customer waits at the machine. Offer the successor model.
 */
export const capacityRule: SignalRule = {
  id: 'capacity',
  kind: 'passive',
  description:
    'Most recent months at or over the rated duty, or jobs queueing at the machine: offer the successor model.',
  settings: 'capacity',
  evaluate({ device, settings }: RuleInput): Finding | null {
    const s = settings.capacity;
    const rated = device.ratedMonthlyDuty;
    const months = lastMonths(device, s.months);
    const rates = months.map(monthlyRate);
    const atCapacity = rated ? rates.filter((r) => r !== null && r >= s.shareOfRated * rated).length : 0;
    const queueing =
      s.queueMetric !== null && device.queueDepth !== null && device.queueDepth >= s.queueThreshold;
    if ((atCapacity < s.atLeast || months.length < s.months) && !queueing) return null;
    const parts: string[] = [];
    if (atCapacity >= s.atLeast && rated)
      parts.push(
        `${atCapacity} of the last ${months.length} months at or over ${round(s.shareOfRated)}× its rated duty (${fmt(rated)} ${device.usageUnit})`,
      );
    if (queueing) parts.push(`jobs queueing: ${round(device.queueDepth!, 1)} waiting at the daily peak`);
    return {
      rule: 'capacity',
      kind: 'passive',
      deviceId: device.deviceId,
      offer: { kind: 'upgrade', productId: device.successorModelId },
      reason: parts.join('; '),
      figures: {
        months: months.map((m) => m.label),
        usagePerMonth: rates.map((r) => (r === null ? null : Math.round(r))),
        shareOfRated: rates.map((r) => (r === null || !rated ? null : round(r / rated))),
        ratedMonthlyDuty: rated,
        monthsAtCapacity: atCapacity,
        queueDepth: device.queueDepth,
        unit: device.usageUnit,
      },
      confidence: confidence(
        0.5 + (atCapacity >= s.atLeast ? 0.15 * (1 + atCapacity - s.atLeast) : 0) + (queueing ? 0.25 : 0),
      ),
    };
  },
};
