import { offerKeyOf, type Signal, type SignalEvidence } from './signal.js';

/** One piece of evidence with every field filled, for specs and contract suites. */
export function anEvidence(over: Partial<SignalEvidence> = {}): SignalEvidence {
  return {
    rule: 'overuse',
    kind: 'observed',
    deviceId: 'dev-1',
    reason: 'used at 1.6× its rated monthly duty for 3 months',
    figures: { months: ['2026-01', '2026-02', '2026-03'], usage: [32_000, 31_000, 33_000] },
    estimatedValue: 9_000,
    confidence: 0.8,
    firstSeenAt: 1_000,
    lastSeenAt: 1_000,
    ...over,
  };
}

/** An open signal with every field filled, for specs and contract suites. */
export function aSignal(over: Partial<Signal> = {}): Signal {
  const offer = over.offer ?? { kind: 'upgrade', productId: 'MFP-C500', description: 'Upgrade to MFP-C500' };
  const evidence = over.evidence ?? [anEvidence()];
  return {
    id: 'sig-000001',
    customerId: 'cust-1',
    siteId: 'site-1',
    deviceId: 'dev-1',
    deviceIds: ['dev-1'],
    kind: 'observed',
    rule: 'overuse',
    rules: ['overuse'],
    offer,
    offerKey: offerKeyOf(offer),
    reason: evidence[0]?.reason ?? 'a reason',
    estimatedValue: 9_000,
    currency: 'EUR',
    confidence: 0.8,
    status: 'open',
    statusReason: null,
    evidence,
    history: [{ at: 1_000, type: 'raised', actor: 'rules', rule: 'overuse', deviceId: 'dev-1' }],
    raisedAt: 1_000,
    updatedAt: 1_000,
    closedAt: null,
    version: 1,
    ...over,
  };
}
