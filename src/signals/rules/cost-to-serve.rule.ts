import { fmt, lastMonths, round } from '../signal-facts.js';
import { confidence, type Finding, type RuleInput, type SignalRule } from './signal-rule.js';

/**
 * Observed: a device on a full-service contract costs more to serve (visits and parts,
 * at the configured costs) than its contract brings (per-page price × its volume, at
 * least the contract minimum), and the cost is rising: the second half of the window
 * cost more than the first. Replacing it with the successor costs the OEM less.
 */
export const costToServeRule: SignalRule = {
  id: 'cost-to-serve',
  kind: 'observed',
  description:
    "Visits and parts costing more than a full-service contract's value, and rising: offer the successor model.",
  settings: 'costToServe',
  evaluate({ device, settings, now }: RuleInput): Finding | null {
    const s = settings.costToServe;
    const price = settings.pricing;
    if (device.contractType !== 'full-service' || (device.contractEnd !== null && device.contractEnd <= now))
      return null;
    const months = lastMonths(device, s.months);
    if (months.length < s.months || months.length < 2) return null;
    const from = months[0].start;
    const to = months[months.length - 1].end;
    const middle = months[Math.floor(months.length / 2)].start;
    const costIn = (a: number, b: number): number =>
      device.visits.filter((v) => v.ts >= a && v.ts < b).length * price.visitCost +
      device.parts.filter((p) => p.ts >= a && p.ts < b).length * price.partCost;
    const cost = costIn(from, to);
    const usage = months.reduce((sum, m) => sum + (m.usage ?? 0), 0);
    const value = Math.max(
      price.fullServiceMinPerYear * (months.length / 12),
      usage * price.fullServicePerUnit,
    );
    if (cost < s.ratio * value) return null;
    const earlier = costIn(from, middle);
    const later = costIn(middle, to);
    if (later <= earlier) return null;
    return {
      rule: 'cost-to-serve',
      kind: 'observed',
      deviceId: device.deviceId,
      offer: { kind: 'upgrade', productId: device.successorModelId },
      reason:
        `cost ${fmt(cost)} to serve in ${months.length} months against a contract worth ${fmt(value)} ` +
        `(${round(cost / value)}×), rising from ${fmt(earlier)} to ${fmt(later)} a half`,
      figures: {
        from: months[0].label,
        to: months[months.length - 1].label,
        costToServe: Math.round(cost),
        contractValue: Math.round(value),
        ratio: round(cost / value),
        visits: device.visits.filter((v) => v.ts >= from && v.ts < to).length,
        parts: device.parts.filter((p) => p.ts >= from && p.ts < to).length,
        costFirstHalf: Math.round(earlier),
        costSecondHalf: Math.round(later),
      },
      confidence: confidence(
        0.45 +
          0.25 * Math.min(1, cost / value - s.ratio) +
          0.2 * Math.min(1, (later - earlier) / Math.max(later, 1)),
      ),
    };
  },
};
