import type { Signal, SignalStatus } from './signal.js';
import { aSignal } from './signal.factory.js';
import type { ValuedFinding } from './signal-evaluation.js';
import { DAY_MS } from './signal-facts.js';
import {
  cooldownUntil,
  signalKey,
  takeFindings,
  type IntakeOptions,
  type IntakeState,
} from './signal-intake.js';

const NOW = Date.UTC(2026, 6, 15);
const COOLDOWN = { dismissed: 90, lost: 180, won: 365 };

function aFinding(over: Partial<ValuedFinding> = {}): ValuedFinding {
  return {
    rule: 'overuse',
    kind: 'observed',
    deviceId: 'dev-1',
    customerId: 'cust-1',
    siteId: 'site-1',
    offer: { kind: 'upgrade', productId: 'MFP-C500', description: 'Upgrade to MFP-C500' },
    reason: 'used at 1.5× its rated monthly duty',
    figures: { usagePerMonth: [30_000, 31_000, 32_000] },
    confidence: 0.8,
    estimatedValue: 9_000,
    ...over,
  };
}

function options(now = NOW): IntakeOptions {
  let n = 0;
  return { now, actor: 'rules', currency: 'EUR', cooldownDays: COOLDOWN, newId: () => `sig-new-${++n}` };
}

const empty: IntakeState = { active: new Map(), lastClosed: new Map() };
const state = (active: Signal[], closed: Signal[] = []): IntakeState => ({
  active: new Map(active.map((s) => [signalKey(s.customerId, s.offerKey), s])),
  lastClosed: new Map(closed.map((s) => [signalKey(s.customerId, s.offerKey), s])),
});

describe('signal intake', () => {
  it('raises one signal per customer and offer, with every device and rule as evidence and the value summed per device', () => {
    const result = takeFindings(
      [
        aFinding(),
        aFinding({ deviceId: 'dev-2', confidence: 0.9, estimatedValue: 9_000 }),
        aFinding({ rule: 'capacity', kind: 'passive', confidence: 0.6, estimatedValue: 9_000 }),
        aFinding({
          rule: 'misuse',
          offer: { kind: 'user-training', productId: null, description: 'Training' },
        }),
        aFinding({ customerId: 'cust-2' }),
      ],
      empty,
      options(),
    );
    expect(result.raised).toHaveLength(3);
    const upgrade = result.raised.find((s) => s.customerId === 'cust-1' && s.offer.kind === 'upgrade')!;
    expect(upgrade).toMatchObject({
      offerKey: 'upgrade:MFP-C500',
      // the strongest finding leads
      deviceId: 'dev-2',
      deviceIds: ['dev-2', 'dev-1'],
      rules: ['capacity', 'overuse'],
      estimatedValue: 18_000,
      confidence: 0.9,
      status: 'open',
      raisedAt: NOW,
      history: [{ at: NOW, type: 'raised', actor: 'rules', rule: 'overuse', deviceId: 'dev-2' }],
    });
    expect(upgrade.evidence).toHaveLength(3);
  });

  it('refreshes the figures of evidence seen again, without a change to publish', () => {
    const active = aSignal({
      evidence: [{ ...aSignal().evidence[0], firstSeenAt: NOW - DAY_MS, lastSeenAt: NOW - DAY_MS }],
    });
    const result = takeFindings(
      [aFinding({ figures: { usagePerMonth: [1, 2, 3] } })],
      state([active]),
      options(),
    );
    expect(result).toMatchObject({ raised: [], changed: [] });
    expect(result.refreshed).toHaveLength(1);
    expect(result.refreshed[0].evidence[0]).toMatchObject({
      firstSeenAt: NOW - DAY_MS,
      lastSeenAt: NOW,
      figures: { usagePerMonth: [1, 2, 3] },
    });
    expect(result.refreshed[0].history).toEqual(active.history);
  });

  it('adds a new device or rule to the active signal as a change', () => {
    const result = takeFindings([aFinding(), aFinding({ deviceId: 'dev-9' })], state([aSignal()]), options());
    expect(result.raised).toEqual([]);
    expect(result.changed).toHaveLength(1);
    const { signal, changes } = result.changed[0];
    expect(changes).toEqual([
      { at: NOW, type: 'evidence-added', actor: 'rules', rule: 'overuse', deviceId: 'dev-9' },
    ]);
    expect(signal).toMatchObject({ deviceIds: ['dev-1', 'dev-9'], estimatedValue: 18_000, updatedAt: NOW });
    expect(signal.history.at(-1)).toEqual(changes[0]);
  });

  it.each<[SignalStatus, number, 'suppressed' | 'raised']>([
    ['dismissed', 89, 'suppressed'],
    ['dismissed', 91, 'raised'],
    ['lost', 179, 'suppressed'],
    ['lost', 181, 'raised'],
    ['won', 364, 'suppressed'],
    ['won', 366, 'raised'],
  ])('after a signal %s %i days ago, a new finding is %s', (status, daysAgo, outcome) => {
    const closed = aSignal({ status, closedAt: NOW - daysAgo * DAY_MS });
    const result = takeFindings([aFinding()], state([], [closed]), options());
    if (outcome === 'raised') expect(result.raised).toHaveLength(1);
    else
      expect(result.suppressed).toEqual([
        {
          finding: aFinding(),
          signalId: closed.id,
          until: closed.closedAt! + COOLDOWN[status as 'won'] * DAY_MS,
        },
      ]);
  });

  it('raises a request the customer made even during a cool-down, and appends each request to an active signal', () => {
    const overt = aFinding({
      rule: 'overt-request',
      kind: 'overt',
      figures: { words: 'we need a bigger one' },
    });
    const dismissed = aSignal({ status: 'dismissed', closedAt: NOW - DAY_MS });
    const during = takeFindings([overt, aFinding()], state([], [dismissed]), options());
    expect(during.raised).toHaveLength(1);
    expect(during.raised[0].rules).toEqual(['overt-request']);
    expect(during.suppressed).toHaveLength(1);

    const active = during.raised[0];
    const again = takeFindings([overt], state([active]), options(NOW + DAY_MS));
    expect(again.changed[0].signal.evidence).toHaveLength(2);
  });

  it('has no cool-down for an active signal', () => {
    expect(cooldownUntil(aSignal({ status: 'offered' }), COOLDOWN)).toBeNull();
  });
});
