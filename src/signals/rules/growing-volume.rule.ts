import { lastMonths, meanRate, monthlyRate, round, type DeviceFacts } from '../signal-facts.js';
import { confidence, type Finding, type RuleInput, type SignalRule } from './signal-rule.js';

/**
 * Theil–Sen slope: the median of the slopes between every pair of points. A quiet
 * August or December (two of twelve) barely moves it, where least squares would tilt.
 * Also the share of pairwise slopes above zero: how consistently it rises.
 */
export function theilSen(ys: readonly number[]): { slope: number; risingShare: number } {
  const slopes: number[] = [];
  for (let i = 0; i < ys.length; i++)
    for (let j = i + 1; j < ys.length; j++) slopes.push((ys[j] - ys[i]) / (j - i));
  if (!slopes.length) return { slope: 0, risingShare: 0 };
  slopes.sort((a, b) => a - b);
  const mid = slopes.length >> 1;
  const slope = slopes.length % 2 ? slopes[mid] : (slopes[mid - 1] + slopes[mid]) / 2;
  return { slope, risingShare: slopes.filter((s) => s > 0).length / slopes.length };
}

/**
 * Passive: the customer's volume grows, and with it what its machines must handle.
 * The monthly volume of the customer's machines (those with a reading every month,
 * in the usage units the settings name) is fitted on a log scale; a growth of
 * `growthPerYear` or more a year fires once per customer, on its busiest machine.
 * Offer more capacity: another of that model or a bigger one.
 */
export const growingVolumeRule: SignalRule = {
  id: 'growing-volume',
  kind: 'passive',
  description:
    "The customer's monthly volume growing by a yearly rate or more (robust trend over the last months): offer more capacity.",
  settings: 'growingVolume',
  evaluate({ device, peers, settings }: RuleInput): Finding | null {
    const s = settings.growingVolume;
    if (!s.usageUnits.includes(device.usageUnit)) return null;
    const fleet = [device, ...peers].filter((d) => d.usageUnit === device.usageUnit);
    // the customer's finding goes on its busiest machine only
    const busiest = (d: DeviceFacts): number => meanRate(d, 3) ?? -1;
    const anchor = [...fleet].sort(
      (a, b) => busiest(b) - busiest(a) || a.deviceId.localeCompare(b.deviceId),
    )[0];
    if (anchor.deviceId !== device.deviceId) return null;
    const n = Math.min(s.months, device.months.length);
    if (n < s.minMonths) return null;
    const counted = fleet.filter((d) => {
      const last = lastMonths(d, n);
      return last.length === n && last.every((m) => monthlyRate(m) !== null && monthlyRate(m)! > 0);
    });
    if (!counted.length) return null;
    const totals = Array.from({ length: n }, (_, i) =>
      counted.reduce((sum, d) => sum + monthlyRate(lastMonths(d, n)[i])!, 0),
    );
    const { slope, risingShare } = theilSen(totals.map(Math.log));
    const growth = Math.exp(12 * slope) - 1;
    if (growth < s.growthPerYear) return null;
    return {
      rule: 'growing-volume',
      kind: 'passive',
      deviceId: device.deviceId,
      offer: { kind: 'additional-capacity', productId: device.modelId },
      reason:
        `the customer's volume grows ${round(growth * 100, 1)} % a year over ${n} months ` +
        `(${counted.length} machine${counted.length > 1 ? 's' : ''}); ${device.deviceId} is its busiest`,
      figures: {
        months: lastMonths(device, n).map((m) => m.label),
        customerUsagePerMonth: totals.map((t) => Math.round(t)),
        growthPerYear: round(growth, 3),
        risingShare: round(risingShare, 2),
        devices: counted.map((d) => d.deviceId),
        unit: device.usageUnit,
      },
      confidence: confidence(
        0.3 + 0.6 * Math.max(0, 2 * risingShare - 1) + Math.min(0.1, growth - s.growthPerYear),
      ),
    };
  },
};
