import { payStatement, priceLine, type PayLine } from './pay-statement.js';

const DAY = 86_400_000;
const MARCH = Date.UTC(2026, 2, 1);
const APRIL = Date.UTC(2026, 3, 1);

const EMPLOYEE = {
  currency: 'EUR',
  labourPerHour: 48,
  travelPerHour: 30,
  perKm: 0.35,
  perPartFitted: 0,
  perVisit: 0,
};
const FREELANCER = {
  currency: 'EUR',
  labourPerHour: 65,
  travelPerHour: 0,
  perKm: 0.5,
  perPartFitted: 12.5,
  perVisit: 25,
};

const aLine = (over: Partial<PayLine> = {}): PayLine => ({
  orderId: 'WO-000001',
  technicianId: 'tech-1',
  completedAt: MARCH + 2 * DAY,
  deviceId: 'dev-1',
  customerId: 'cust-1',
  kind: 'corrective',
  labourMinutes: 75,
  travelMinutes: 40,
  travelKm: 23.4,
  parts: [{ component: 'fuser', quantity: 1 }],
  rates: EMPLOYEE,
  ...over,
});

describe('pay statements', () => {
  it('prices a visit at the technician’s rates (hand-computed)', () => {
    // labour 75/60 × 48 = 60.00; travel 40/60 × 30 + 23.4 × 0.35 = 20 + 8.19 = 28.19; parts 0; visit 0
    expect(priceLine(aLine())).toMatchObject({
      labourAmount: 60,
      travelAmount: 28.19,
      partsAmount: 0,
      visitFee: 0,
      total: 88.19,
    });
    // freelancer: 75/60 × 65 = 81.25; 23.4 × 0.5 = 11.70; 2 parts × 12.5 = 25; call-out 25
    const f = priceLine(
      aLine({
        rates: FREELANCER,
        parts: [
          { component: 'fuser', quantity: 1 },
          { component: 'drum', quantity: 1 },
        ],
      }),
    );
    expect(f).toMatchObject({
      labourAmount: 81.25,
      travelAmount: 11.7,
      partsAmount: 25,
      visitFee: 25,
      total: 142.95,
    });
  });

  it('rounds each amount to the cent on its line, so the totals add up as printed', () => {
    // 10 min at 47/h = 7.8333…, three times: 7.83 × 3 = 23.49, not 23.50
    const lines = [1, 2, 3].map((i) =>
      aLine({
        orderId: `WO-00000${i}`,
        labourMinutes: 10,
        travelMinutes: 0,
        travelKm: 0,
        rates: { ...EMPLOYEE, labourPerHour: 47 },
      }),
    );
    const s = payStatement('tech-1', lines, MARCH, APRIL);
    expect(s.lines.map((l) => l.labourAmount)).toEqual([7.83, 7.83, 7.83]);
    expect(s.totals[0]).toMatchObject({ labour: 23.49, total: 23.49, visits: 3 });
  });

  it('takes the technician’s visits completed in the period, in order, with totals', () => {
    const lines = [
      aLine({ orderId: 'WO-000003', completedAt: MARCH + 20 * DAY }),
      aLine({ orderId: 'WO-000001', completedAt: MARCH + 2 * DAY }),
      aLine({ orderId: 'WO-000009', completedAt: APRIL }), // the end is exclusive
      aLine({ orderId: 'WO-000004', completedAt: MARCH + 5 * DAY, technicianId: 'tech-2' }),
      aLine({
        orderId: 'WO-000002',
        completedAt: MARCH + 9 * DAY,
        rates: { ...EMPLOYEE, labourPerHour: 52 },
        parts: [],
      }),
    ];
    const s = payStatement('tech-1', lines, MARCH, APRIL);
    expect(s.lines.map((l) => l.orderId)).toEqual(['WO-000001', 'WO-000002', 'WO-000003']);
    // 88.19 + (65.00 + 28.19) + 88.19: the rate of the day of the visit, not today's
    expect(s.totals).toEqual([
      {
        currency: 'EUR',
        visits: 3,
        labourMinutes: 225,
        travelMinutes: 120,
        travelKm: 70.2,
        partsFitted: 2,
        labour: 185,
        travel: 84.57,
        parts: 0,
        visit: 0,
        total: 269.57,
      },
    ]);
  });

  it('keeps currencies apart', () => {
    const s = payStatement(
      'tech-1',
      [aLine(), aLine({ orderId: 'WO-000002', rates: { ...EMPLOYEE, currency: 'GBP' } })],
      MARCH,
      APRIL,
    );
    expect(s.totals.map((t) => [t.currency, t.total])).toEqual([
      ['EUR', 88.19],
      ['GBP', 88.19],
    ]);
  });
});
