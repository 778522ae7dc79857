import { AVERAGE_MONTH_DAYS, lastMonths, round } from '../signal-facts.js';
import { confidence, type Finding, type RuleInput, type SignalRule } from './signal-rule.js';

/** P(X ≥ k) for X Poisson with mean λ. */
export function poissonAtLeast(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  let term = Math.exp(-lambda);
  let below = term;
  for (let i = 1; i < k; i++) {
    term *= lambda / i;
    below += term;
  }
  return Math.max(0, 1 - below);
}

/**
 * Passive: the machine keeps breaking down, far more often than its model does across
 * the fleet. At least `minFailures` machine-down failures in the last months, and so
 * many that the model's failure rate makes them unlikely (Poisson, `maxProbability`).
 * On a full-service contract the OEM pays for every one: offer the successor; on time
 * and materials the customer pays: offer a full-service contract.
 */
export const repeatBreakdownsRule: SignalRule = {
  id: 'repeat-breakdowns',
  kind: 'passive',
  description:
    "Machine-down failures in the last months well above the model's fleet-wide rate: a full-service contract, or the successor on one.",
  settings: 'repeatBreakdowns',
  evaluate({ device, settings, norm }: RuleInput): Finding | null {
    const s = settings.repeatBreakdowns;
    if (!norm) return null;
    const months = lastMonths(device, s.months);
    if (months.length < s.months) return null;
    const failures = months.reduce((n, m) => n + m.failures, 0);
    if (failures < s.minFailures) return null;
    const deviceMonths = months.reduce((n, m) => n + m.inServiceDays, 0) / AVERAGE_MONTH_DAYS;
    const expected = norm.failuresPerDeviceMonth * deviceMonths;
    const p = poissonAtLeast(failures, expected);
    if (p > s.maxProbability) return null;
    const onContract = device.contractType === 'full-service';
    return {
      rule: 'repeat-breakdowns',
      kind: 'passive',
      deviceId: device.deviceId,
      offer: onContract
        ? { kind: 'upgrade', productId: device.successorModelId }
        : { kind: 'full-service-contract', productId: null },
      reason:
        `${failures} machine-down failures in ${s.months} months where the ${device.modelId} fleet ` +
        `averages ${round(expected, 1)} (chance ${p < 0.0001 ? '< 0.01 %' : `${round(p * 100, 2)} %`})`,
      figures: {
        months: months.map((m) => m.label),
        failuresPerMonth: months.map((m) => m.failures),
        failures,
        expectedFailures: round(expected, 2),
        modelFailuresPerDeviceMonth: round(norm.failuresPerDeviceMonth, 4),
        probability: round(p, 6),
        contractType: device.contractType,
      },
      // each factor of ten below the threshold adds to it
      confidence: confidence(0.55 + 0.2 * Math.log10(s.maxProbability / Math.max(p, 1e-12))),
    };
  },
};
