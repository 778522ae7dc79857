import { emptyServiceLevel } from '../work-orders/service-level.js';
import { aVisit, aWorkOrder } from '../work-orders/work-order.factory.js';
import { bandOf, loyaltyRisk, orderFacts, type OrderFacts } from './loyalty-risk.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 6, 1);

const anOrder = (over: Partial<OrderFacts> = {}): OrderFacts => ({
  orderId: 'WO-1',
  deviceId: 'dev-1',
  kind: 'corrective',
  createdAt: NOW - 60 * DAY,
  completedAt: NOW - 59 * DAY,
  slaBreached: false,
  slaDecided: true,
  billable: false,
  coverage: 'full-service',
  ...over,
});

const factor = (r: ReturnType<typeof loyaltyRisk>, name: string) => r.factors.find((f) => f.factor === name)!;

describe('loyalty risk', () => {
  it('is low for a happy customer on a full-service contract', () => {
    const r = loyaltyRisk(
      'cust-1',
      [5, 4, 5].map((rating, i) => ({ rating, at: NOW - (i + 1) * 10 * DAY })),
      [anOrder()],
      NOW,
      180,
    );
    expect(r.score).toBe(0);
    expect(r.band).toBe('low');
  });

  it('adds up low ratings, repeat failures, SLA breaches and T&M bills (hand-made history)', () => {
    const ratings = [
      { rating: 1, at: NOW - 5 * DAY },
      { rating: 2, at: NOW - 20 * DAY },
      { rating: 4, at: NOW - 40 * DAY },
      // outside the 180-day window: not counted
      { rating: 1, at: NOW - 200 * DAY },
    ];
    const orders = [
      // dev-1 breaks down 10 days after a visit, and again 20 days after that one: two repeats
      anOrder({
        orderId: 'WO-1',
        createdAt: NOW - 100 * DAY,
        completedAt: NOW - 99 * DAY,
        billable: true,
        coverage: 'time-and-materials',
      }),
      anOrder({
        orderId: 'WO-2',
        createdAt: NOW - 89 * DAY,
        completedAt: NOW - 88 * DAY,
        slaBreached: true,
        billable: true,
        coverage: 'time-and-materials',
      }),
      anOrder({
        orderId: 'WO-3',
        createdAt: NOW - 68 * DAY,
        completedAt: NOW - 67 * DAY,
        billable: true,
        coverage: 'time-and-materials',
      }),
      // dev-2: a failure 45 days after its visit is not a repeat; a preventive order never is
      anOrder({
        orderId: 'WO-4',
        deviceId: 'dev-2',
        createdAt: NOW - 150 * DAY,
        completedAt: NOW - 149 * DAY,
      }),
      anOrder({
        orderId: 'WO-5',
        deviceId: 'dev-2',
        createdAt: NOW - 104 * DAY,
        completedAt: null,
        slaBreached: true,
      }),
      anOrder({
        orderId: 'WO-6',
        deviceId: 'dev-2',
        kind: 'preventive',
        createdAt: NOW - 100 * DAY,
        completedAt: NOW - 90 * DAY,
        slaDecided: false,
      }),
    ];
    const r = loyaltyRisk('cust-1', ratings, orders, NOW, 180);
    // low ratings: 2 of 3, ÷ (3 + 2) = 0.4
    expect(factor(r, 'lowRatings')).toMatchObject({ value: 0.4, counts: { low: 2, ratings: 3 } });
    // repeats: WO-2 and WO-3 → 2/3
    expect(factor(r, 'repeatFailures').value).toBeCloseTo(2 / 3, 12);
    expect(factor(r, 'repeatFailures').counts).toEqual({ repeats: 2 });
    // SLA: 2 breached of 5 decided, ÷ (5 + 1)
    expect(factor(r, 'slaBreaches')).toMatchObject({ value: 2 / 6, counts: { breached: 2, decided: 5 } });
    // bills: 3 ÷ 4
    expect(factor(r, 'timeAndMaterials')).toMatchObject({ value: 0.75, counts: { bills: 3, visits: 5 } });
    // 0.14 + 0.1667 + 0.0833 + 0.1125 = 0.5025
    const expected = 0.35 * 0.4 + 0.25 * (2 / 3) + 0.25 * (2 / 6) + 0.15 * 0.75;
    expect(r.score).toBeCloseTo(expected, 12);
    expect(r.score).toBeCloseTo(0.5025, 12);
    expect(r.band).toBe('high');
    expect(factor(r, 'slaBreaches').detail).toBe('2 of 5 order(s) with an SLA target breached it');
  });

  it('does not let one bad rating alone make a customer high risk', () => {
    const r = loyaltyRisk('cust-1', [{ rating: 1, at: NOW - DAY }], [], NOW, 180);
    expect(factor(r, 'lowRatings').value).toBeCloseTo(1 / 3, 12);
    expect(r.score).toBeCloseTo(0.35 / 3, 12);
    expect(r.band).toBe('low');
  });

  it('saturates: every rating bad, many repeats, every order late, many bills is 1', () => {
    const ratings = Array.from({ length: 98 }, (_, i) => ({ rating: 1, at: NOW - (i + 1) * HOUR }));
    const orders = Array.from({ length: 99 }, (_, i) =>
      anOrder({
        orderId: `WO-${i}`,
        createdAt: NOW - (i + 2) * DAY,
        completedAt: NOW - (i + 1) * DAY - HOUR,
        slaBreached: true,
        billable: true,
      }),
    );
    const r = loyaltyRisk('cust-1', ratings, orders, NOW, 180);
    expect(r.score).toBeCloseTo(0.35 * 0.98 + 0.25 + 0.25 * 0.99 + 0.15, 12);
    expect(r.band).toBe('high');
  });

  it.each([
    [0, 'low'],
    [0.2499, 'low'],
    [0.25, 'medium'],
    [0.4999, 'medium'],
    [0.5, 'high'],
  ] as const)('puts %d in the %s band', (score, band) => {
    expect(bandOf(score)).toBe(band);
  });

  it('reads an order’s SLA as far as it is known at the time', () => {
    const due = { ...emptyServiceLevel(), responseDueAt: NOW - 10 * HOUR, resolutionDueAt: NOW + 10 * HOUR };
    expect(orderFacts(aWorkOrder({ sla: due }), NOW)).toMatchObject({ slaBreached: true, slaDecided: true });
    expect(orderFacts(aWorkOrder({ sla: { ...due, respondedAt: NOW - 11 * HOUR } }), NOW)).toMatchObject({
      slaBreached: false,
      slaDecided: true,
    });
    expect(
      orderFacts(aWorkOrder({ sla: { ...emptyServiceLevel(), resolutionDueAt: NOW + HOUR } }), NOW),
    ).toMatchObject({
      slaBreached: false,
      slaDecided: false,
    });
    const billed = aWorkOrder({
      entitlement: { coverage: 'time-and-materials', billable: true, reason: 'T&M' },
      billing: { ...aVisit(), billable: true, coverage: 'time-and-materials', completedAt: NOW - DAY },
    });
    expect(orderFacts(billed, NOW)).toMatchObject({
      billable: true,
      completedAt: NOW - DAY,
      coverage: 'time-and-materials',
    });
  });
});
