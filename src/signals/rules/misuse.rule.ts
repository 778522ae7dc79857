import { fmt, lastMonths, round } from '../signal-facts.js';
import { confidence, type Finding, type RuleInput, type SignalRule } from './signal-rule.js';

/**
 * Observed: fault codes the catalog ties to misuse (jams on unsupported media, lids
 * left open) come often, in count and per page. The codes are those the registry
 * model's fault table marks as caused by the user (likelyComponent null), plus any the
 * settings add. The parts pay for it (the simulator wears a misused pickup roller 25 %
 * faster). Offer user training.
 */
export const misuseRule: SignalRule = {
  id: 'misuse',
  kind: 'observed',
  description:
    'Fault codes tied to misuse (wrong media, lids left open) often, in count and per 10,000 pages: offer user training.',
  settings: 'misuse',
  evaluate({ device, settings }: RuleInput): Finding | null {
    const s = settings.misuse;
    const codes = [...new Set([...device.misuseCodes, ...s.codes])];
    if (!codes.length) return null;
    const months = lastMonths(device, s.months);
    if (months.length < s.months) return null;
    const byCode: Record<string, number> = {};
    for (const m of months)
      for (const code of codes)
        if (m.faultCodes[code]) byCode[code] = (byCode[code] ?? 0) + m.faultCodes[code];
    const events = Object.values(byCode).reduce((a, b) => a + b, 0);
    if (events < s.minEvents) return null;
    const known = months.filter((m) => m.usage !== null);
    const usage = known.length === months.length ? known.reduce((a, m) => a + m.usage!, 0) : null;
    const rate = usage ? (events / usage) * 10_000 : null;
    // without a usage reading the count alone decides
    if (rate !== null && rate < s.per10kUnits) return null;
    const counted = Object.entries(byCode)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([code, n]) => `${n} × ${code}`)
      .join(', ');
    return {
      rule: 'misuse',
      kind: 'observed',
      deviceId: device.deviceId,
      offer: { kind: 'user-training', productId: null },
      reason:
        `${counted} in ${s.months} months` +
        (rate !== null
          ? `: ${round(rate, 1)} per 10,000 ${device.usageUnit} (${fmt(usage!)} ${device.usageUnit})`
          : ''),
      figures: {
        months: months.map((m) => m.label),
        codes: Object.keys(byCode).sort(),
        countsByCode: Object.keys(byCode)
          .sort()
          .map((c) => byCode[c]),
        events,
        usage,
        per10kUnits: rate === null ? null : round(rate, 2),
        unit: device.usageUnit,
      },
      confidence: confidence(0.5 + 0.45 * Math.min(1, (events - s.minEvents) / (2 * s.minEvents))),
    };
  },
};
