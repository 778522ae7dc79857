import { aCertification, aTechnician, MONDAY, north } from '../technicians/technician.factory.js';
import type { Technician } from '../technicians/technician.js';
import { aDispatchOrder } from './dispatch.factory.js';
import type { DispatchOrder } from './dispatch-model.js';
import { normaliseWeights } from './dispatch-score.js';
import {
  dispatchBatch,
  evaluateOrder,
  planDays,
  proposalsOf,
  routeOfDay,
  type DispatchSettings,
  type TechnicianState,
} from './dispatcher.js';
import { eligibility } from './eligibility.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const NOW = MONDAY + 6 * HOUR;

const SETTINGS: DispatchSettings = {
  now: NOW,
  strategy: 'scored',
  weights: normaliseWeights({ travel: 0.3, sla: 0.25, skill: 0.15, rating: 0.1, workload: 0.1, parts: 0.1 }),
  // a kilometre is a minute
  travel: { speedKmh: 60, roadFactor: 1 },
  travelScaleKm: 100,
  lateWeight: 10,
  certificationWarningDays: 30,
  priorWeight: 5,
  random: () => 0,
};

function stateOf(
  t: Technician,
  ratings: {
    overall?: number;
    count?: number;
    customers?: Record<string, { sum: number; count: number }>;
  } = {},
  now = NOW,
): TechnicianState {
  return {
    technician: t,
    overallRating: ratings.overall ?? 4,
    overallCount: ratings.count ?? 0,
    customerRatings: new Map(Object.entries(ratings.customers ?? {})),
    days: planDays(t, now, 7),
  };
}

/** 10 km from the order, skill 3, no parts, no ratings yet. */
const near = (): TechnicianState => stateOf(aTechnician({ technicianId: 'tech-near', homeBase: north(0) }));
/** 50 km from it, skill 5, the fuser in the van, well rated by this customer. */
const far = (): TechnicianState =>
  stateOf(
    aTechnician({
      technicianId: 'tech-far',
      homeBase: north(60),
      skills: [{ modelId: 'MFP-C300', level: 5 }],
      vanStock: [{ component: 'fuser', quantity: 2 }],
    }),
    { overall: 4.6, count: 20, customers: { 'cust-1': { sum: 10, count: 2 } } },
  );
const unskilled = (): TechnicianState =>
  stateOf(aTechnician({ technicianId: 'tech-hvac', skills: [{ modelId: 'RT-50', level: 4 }] }));

describe('dispatch', () => {
  it('scores every technician who passes the hard rules and explains each proposal (hand-computed)', () => {
    const e = evaluateOrder(aDispatchOrder(), [near(), far(), unskilled()], SETTINGS);
    const [first, second] = proposalsOf(e);
    // tech-far: travel 1 − 50/100 = 0.5; on site 08:50, 190 of 360 min left; skill 1; rating (5 × 4.6 + 10)/7 = 33/7;
    // workload 1; parts 1 → 0.15 + 0.25 × 190/360 + 0.15 + 0.1 × (33/7 − 1)/4 + 0.1 + 0.1
    expect(first).toMatchObject({
      technicianId: 'tech-far',
      rank: 1,
      day: '2026-03-02',
      arrival: MONDAY + 8 * HOUR + 50 * MIN,
    });
    expect(first.score).toBeCloseTo(
      0.15 + (0.25 * 190) / 360 + 0.15 + (0.1 * (33 / 7 - 1)) / 4 + 0.1 + 0.1,
      12,
    );
    // tech-near: travel 0.9; on site 08:10, 230 of 360 left; skill 0.6; rating 4 (the prior) → 0.75; workload 1; no parts
    expect(second).toMatchObject({ technicianId: 'tech-near', rank: 2, travelFrom: 'home base' });
    expect(second.score).toBeCloseTo(0.27 + (0.25 * 230) / 360 + 0.09 + 0.075 + 0.1 + 0, 12);
    expect(second.terms.map((t) => [t.term, t.weight])).toEqual([
      ['travel', 0.3],
      ['sla', 0.25],
      ['skill', 0.15],
      ['rating', 0.1],
      ['workload', 0.1],
      ['parts', 0.1],
    ]);
    expect(second.terms.reduce((s, t) => s + t.contribution, 0)).toBeCloseTo(second.score, 12);
    expect(e.rejected).toEqual([
      { technicianId: 'tech-hvac', reasons: [{ code: 'no-skill', detail: 'no skill for MFP-C300 / fuser' }] },
    ]);
  });

  it('gives the nearest technician the work under the nearest baseline, and any under the random one', () => {
    const nearest = evaluateOrder(aDispatchOrder(), [near(), far()], { ...SETTINGS, strategy: 'nearest' });
    expect(nearest.candidates[0].proposal.technicianId).toBe('tech-near');
    const random = evaluateOrder(aDispatchOrder(), [near(), far()], {
      ...SETTINGS,
      strategy: 'random',
      random: () => 0.99,
    });
    expect(random.candidates[0].proposal.technicianId).toBe('tech-near');
    const random0 = evaluateOrder(aDispatchOrder(), [near(), far()], {
      ...SETTINGS,
      strategy: 'random',
      random: () => 0,
    });
    expect(random0.candidates[0].proposal.technicianId).toBe('tech-far');
  });

  it('plans an order on the earliest day with room, and says why nobody can take it', () => {
    // not before Thursday evening: Friday; not before Saturday: nothing in the week's horizon
    const later = aDispatchOrder({
      orderId: 'WO-000009',
      earliestStart: MONDAY + 3 * DAY + 18 * HOUR,
      dueAt: null,
    });
    const r = dispatchBatch([later], [near()], SETTINGS, true);
    expect(r.decisions[0]).toMatchObject({
      outcome: 'assigned',
      proposal: { day: '2026-03-06', technicianId: 'tech-near' },
    });
    const weekend = aDispatchOrder({ orderId: 'WO-000009', earliestStart: MONDAY + 5 * DAY, dueAt: null });
    expect(dispatchBatch([weekend], [near()], SETTINGS, true).decisions[0]).toEqual({
      orderId: 'WO-000009',
      outcome: 'unassignable',
      rejected: [
        {
          technicianId: 'tech-near',
          reasons: [{ code: 'off-duty', detail: 'no shift in the planning horizon' }],
        },
      ],
    });
    const nobody = dispatchBatch(
      [aDispatchOrder({ location: north(500) })],
      [near(), unskilled()],
      SETTINGS,
      true,
    );
    expect(nobody.decisions[0]).toEqual({
      orderId: 'WO-000001',
      outcome: 'unassignable',
      rejected: [
        {
          technicianId: 'tech-near',
          reasons: [{ code: 'outside-territory', detail: 'site site-1 is 400.0 km outside the territory' }],
        },
        {
          technicianId: 'tech-hvac',
          reasons: [
            { code: 'no-skill', detail: 'no skill for MFP-C300 / fuser' },
            { code: 'outside-territory', detail: 'site site-1 is 400.0 km outside the territory' },
          ],
        },
      ],
    });
  });

  it('dispatches a batch most urgent first; later orders see the plans the earlier ones made', () => {
    const one = near();
    const orders = [
      aDispatchOrder({
        orderId: 'WO-000002',
        location: north(20),
        dueAt: null,
        priority: 'low',
        kind: 'preventive',
      }),
      aDispatchOrder({ orderId: 'WO-000001', location: north(10) }),
    ];
    const r = dispatchBatch(orders, [one], SETTINGS, true);
    expect(r.decisions.map((d) => d.orderId)).toEqual(['WO-000001', 'WO-000002']);
    const second = r.decisions[1];
    expect(second.outcome === 'assigned' && second.proposal).toMatchObject({
      travelFrom: 'previous visit WO-000001',
      arrival: MONDAY + 8 * HOUR + 10 * MIN + 90 * MIN + 10 * MIN,
    });
    expect(
      second.outcome === 'assigned' && second.proposal.terms.find((t) => t.term === 'workload')?.detail,
    ).toBe('1 of 6 visits planned that day');
    expect(r.plans).toEqual([
      {
        technicianId: 'tech-near',
        day: '2026-03-02',
        visits: [
          expect.objectContaining({ orderId: 'WO-000001' }),
          expect.objectContaining({ orderId: 'WO-000002' }),
        ],
      },
    ]);
  });

  it('only proposes when told not to assign: the plans stay as they were', () => {
    const one = near();
    const r = dispatchBatch([aDispatchOrder()], [one, far()], SETTINGS, false);
    expect(r.decisions[0]).toMatchObject({
      outcome: 'proposed',
      proposals: [{ technicianId: 'tech-far' }, { technicianId: 'tech-near' }],
    });
    expect(r.plans).toEqual([]);
    expect(one.days[0].visits).toEqual([]);
  });

  it('re-plans the day when an urgent order arrives: the least urgent visit is bumped and dispatched again', () => {
    const t = aTechnician({ technicianId: 'tech-1', maxJobsPerDay: 2 });
    const other = aTechnician({
      technicianId: 'tech-2',
      homeBase: north(80),
      skills: [{ modelId: 'MFP-C300', level: 1 }],
    });
    const pm = aDispatchOrder({
      orderId: 'WO-000010',
      kind: 'preventive',
      priority: 'low',
      dueAt: null,
      location: north(5),
    });
    const medium = aDispatchOrder({
      orderId: 'WO-000011',
      priority: 'medium',
      dueAt: MONDAY + 2 * DAY,
      location: north(6),
    });
    const states = [stateOf(t), stateOf(other)];
    // the morning plan: tech-1 (nearer) takes both, the day is full
    const morning = dispatchBatch([pm, medium], states, SETTINGS, true);
    expect(morning.decisions.map((d) => d.outcome === 'assigned' && d.proposal.technicianId)).toEqual([
      'tech-1',
      'tech-1',
    ]);
    const urgent = aDispatchOrder({
      orderId: 'WO-000012',
      priority: 'critical',
      location: north(4),
      dueAt: MONDAY + 10 * HOUR,
    });
    const r = dispatchBatch(
      [urgent],
      states,
      SETTINGS,
      true,
      new Map([
        [pm.orderId, pm],
        [medium.orderId, medium],
      ]),
    );
    expect(r.decisions[0]).toMatchObject({
      orderId: 'WO-000012',
      outcome: 'assigned',
      proposal: { technicianId: 'tech-1', bumps: ['WO-000010'] },
      bumped: ['WO-000010'],
    });
    // the bumped PM goes to the next technician or day with room
    expect(r.decisions[1]).toMatchObject({ orderId: 'WO-000010', outcome: 'assigned' });
    const today = states[0].days[0];
    expect(today.visits.map((v) => v.orderId).sort()).toEqual(['WO-000011', 'WO-000012']);
    expect(routeOfDay(today, SETTINGS).stops[0].orderId).toBe('WO-000012');
  });

  it('never plans a day that breaks a hard rule (20 technicians, 300 orders at random)', () => {
    let seed = 99;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const models = ['MFP-C300', 'MFP-C500', 'RT-50'];
    const techs = Array.from({ length: 20 }, (_, i) =>
      aTechnician({
        technicianId: `tech-${i}`,
        homeBase: north(rand() * 200, rand() * 200),
        skills: models
          .filter(() => rand() < 0.6)
          .map((modelId) => ({ modelId, level: 1 + Math.floor(rand() * 5) })),
        certifications:
          rand() < 0.8 ? [aCertification({ expiresAt: NOW + Math.floor(rand() * 10) * DAY })] : [],
        territory: { areas: [{ ...north(rand() * 200, rand() * 200), radiusKm: 40 + rand() * 100 }] },
        maxJobsPerDay: 2 + Math.floor(rand() * 5),
        absences: rand() < 0.2 ? [{ from: NOW + DAY, to: NOW + 3 * DAY, reason: 'leave' }] : [],
      }),
    );
    const orders: DispatchOrder[] = Array.from({ length: 300 }, (_, i) => {
      const modelId = models[Math.floor(rand() * models.length)];
      return aDispatchOrder({
        orderId: `WO-${String(i).padStart(6, '0')}`,
        modelId,
        component: rand() < 0.2 ? null : 'fuser',
        location: north(rand() * 200, rand() * 200),
        priority: (['critical', 'high', 'medium', 'low'] as const)[Math.floor(rand() * 4)],
        dueAt: rand() < 0.7 ? NOW + Math.floor(rand() * 72) * HOUR : null,
        durationMin: 30 + Math.floor(rand() * 150),
        requiredCertifications: modelId === 'RT-50' ? ['f-gas'] : [],
      });
    });
    const states = techs.map((t) => stateOf(t));
    const byId = new Map(orders.map((o) => [o.orderId, o]));
    const r = dispatchBatch(orders, states, SETTINGS, true, byId);
    const assigned = r.decisions.filter((d) => d.outcome === 'assigned');
    expect(assigned.length).toBeGreaterThan(50);
    // each assignment passed every hard rule in its slot
    for (const d of assigned) {
      if (d.outcome !== 'assigned') continue;
      const state = states.find((s) => s.technician.technicianId === d.proposal.technicianId)!;
      const day = state.days.find((x) => x.day === d.proposal.day)!;
      const e = eligibility(
        state.technician,
        byId.get(d.orderId)!,
        {
          day: day.day,
          window: day.window,
          jobs: 0,
          arrival: d.proposal.arrival,
          departure: d.proposal.departure,
        },
        NOW,
        30,
      );
      expect([d.orderId, e.reasons]).toEqual([d.orderId, []]);
    }
    // and the plans they make: never more jobs than the day takes, never past the shift, every visit's rules still met
    for (const state of states)
      for (const day of state.days) {
        expect(day.visits.length).toBeLessThanOrEqual(state.technician.maxJobsPerDay);
        const route = routeOfDay(day, SETTINGS);
        expect(route.feasible).toBe(true);
        for (const stop of route.stops) {
          const e = eligibility(
            state.technician,
            byId.get(stop.orderId)!,
            { day: day.day, window: day.window, jobs: 0, arrival: stop.arrival, departure: stop.departure },
            NOW,
            30,
          );
          expect([stop.orderId, e.reasons]).toEqual([stop.orderId, []]);
        }
      }
  });
});
