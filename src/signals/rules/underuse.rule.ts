import { fmt, meanRate, round, times } from '../signal-facts.js';
import { confidence, type Finding, type RuleInput, type SignalRule } from './signal-rule.js';

/**
 * Observed: a machine far below its rated duty, month after month, at a site where a
 * machine of the same kind has room for its volume: a candidate for consolidation
 * (one machine fewer to serve, the peer better used). Without such a peer it stays
 * quiet: there is nothing to offer.
 */
export const underuseRule: SignalRule = {
  id: 'underuse',
  kind: 'observed',
  description:
    'Average use far below the rated duty while a machine of the same kind at the site has room for the volume: offer consolidation.',
  settings: 'underuse',
  evaluate({ device, peers, settings }: RuleInput): Finding | null {
    const s = settings.underuse;
    const rated = device.ratedMonthlyDuty;
    const rate = meanRate(device, s.months);
    if (!rated || rate === null || rate >= s.shareOfRated * rated) return null;
    let best: { peer: (typeof peers)[number]; rate: number; room: number } | null = null;
    for (const peer of peers) {
      if (peer.siteId !== device.siteId || peer.equipmentKind !== device.equipmentKind) continue;
      if (peer.usageUnit !== device.usageUnit || !peer.ratedMonthlyDuty) continue;
      const peerRate = meanRate(peer, s.months);
      if (peerRate === null) continue;
      const room = s.peerMaxShareAfter * peer.ratedMonthlyDuty - peerRate - rate;
      if (room < 0) continue;
      if (!best || room > best.room || (room === best.room && peer.deviceId < best.peer.deviceId))
        best = { peer, rate: peerRate, room };
    }
    if (!best) return null;
    const share = rate / rated;
    const peerAfter = (best.rate + rate) / best.peer.ratedMonthlyDuty!;
    return {
      rule: 'underuse',
      kind: 'observed',
      deviceId: device.deviceId,
      offer: { kind: 'consolidation', productId: null },
      reason:
        `used at ${times(share)} its rated duty (${fmt(rate)} of ${fmt(rated)} ${device.usageUnit} a month) over ${s.months} months; ` +
        `${best.peer.deviceId}${best.peer.department ? ` in ${best.peer.department}` : ''} could take its volume (${times(peerAfter)} its duty after)`,
      figures: {
        usagePerMonth: Math.round(rate),
        ratedMonthlyDuty: rated,
        shareOfRated: round(share),
        peerDeviceId: best.peer.deviceId,
        peerUsagePerMonth: Math.round(best.rate),
        peerRatedMonthlyDuty: best.peer.ratedMonthlyDuty,
        peerShareAfter: round(peerAfter),
        months: s.months,
      },
      confidence: confidence(0.5 + 0.45 * Math.min(1, (s.shareOfRated - share) / s.shareOfRated)),
    };
  },
};
