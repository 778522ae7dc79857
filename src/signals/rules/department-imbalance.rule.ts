import { fmt, meanRate, round, times } from '../signal-facts.js';
import { confidence, type Finding, type RuleInput, type SignalRule } from './signal-rule.js';

/**
 * Passive: a department's machine is strained (near or over its rated duty) while the
 * machine in another department of the same site is far quieter, or far faster for
 * less work. Offer the strained one's successor (the quiet one may move or stay).
 */
export const departmentImbalanceRule: SignalRule = {
  id: 'department-imbalance',
  kind: 'passive',
  description:
    'A strained machine far busier (or far slower) than a peer in another department of the same site: offer its successor.',
  settings: 'departmentImbalance',
  evaluate({ device, peers, settings }: RuleInput): Finding | null {
    const s = settings.departmentImbalance;
    const rated = device.ratedMonthlyDuty;
    const rate = meanRate(device, s.months);
    if (!rated || rate === null || rate < s.minShareOfRated * rated) return null;
    let best: {
      peer: (typeof peers)[number];
      rate: number;
      busier: boolean;
      slower: boolean;
      score: number;
    } | null = null;
    for (const peer of peers) {
      if (peer.siteId !== device.siteId || peer.usageUnit !== device.usageUnit) continue;
      if (!peer.department || !device.department || peer.department === device.department) continue;
      const peerRate = meanRate(peer, s.months);
      if (peerRate === null || !peer.ratedMonthlyDuty) continue;
      const busier = rate >= s.ratio * peerRate;
      // a far faster machine next door doing no more work
      const slower = peer.ratedMonthlyDuty >= s.ratio * rated && peerRate <= rate;
      if (!busier && !slower) continue;
      const score = Math.max(rate / Math.max(peerRate, 1), peer.ratedMonthlyDuty / rated);
      if (!best || score > best.score || (score === best.score && peer.deviceId < best.peer.deviceId))
        best = { peer, rate: peerRate, busier, slower, score };
    }
    if (!best) return null;
    const { peer } = best;
    const why = best.busier
      ? `${times(rate / Math.max(best.rate, 1))} the volume of ${peer.deviceId} in ${peer.department}`
      : `rated ${times(rated / peer.ratedMonthlyDuty!)} of ${peer.deviceId} in ${peer.department}, which does less`;
    return {
      rule: 'department-imbalance',
      kind: 'passive',
      deviceId: device.deviceId,
      offer: { kind: 'upgrade', productId: device.successorModelId },
      reason: `the ${device.department} machine runs at ${times(rate / rated)} its rated duty (${fmt(rate)} ${device.usageUnit} a month), ${why}`,
      figures: {
        department: device.department,
        usagePerMonth: Math.round(rate),
        ratedMonthlyDuty: rated,
        shareOfRated: round(rate / rated),
        peerDeviceId: peer.deviceId,
        peerDepartment: peer.department,
        peerUsagePerMonth: Math.round(best.rate),
        peerRatedMonthlyDuty: peer.ratedMonthlyDuty,
        months: s.months,
      },
      confidence: confidence(
        0.5 + 0.15 * Math.log2(best.score / s.ratio) + 0.2 * Math.min(1, rate / rated - s.minShareOfRated),
      ),
    };
  },
};
