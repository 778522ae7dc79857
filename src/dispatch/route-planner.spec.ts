import { MONDAY, north } from '../technicians/technician.factory.js';
import { aVisit } from './dispatch.factory.js';
import type { RouteStart, Visit } from './dispatch-model.js';
import {
  cheapestInsertion,
  evaluateRoute,
  fitDay,
  insertBumping,
  optimizeRoute,
  twoOpt,
  type RouteOptions,
} from './route-planner.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const SHIFT = { start: MONDAY + 8 * HOUR, end: MONDAY + 17 * HOUR };
const HOME: RouteStart = { position: north(0), at: SHIFT.start, from: 'home base' };
/** 60 km/h on straight roads: a kilometre is a minute. */
const O: RouteOptions = { travel: { speedKmh: 60, roadFactor: 1 }, lateWeight: 10 };

const at = (h: number, m = 0): number => MONDAY + h * HOUR + m * MIN;
const ids = (visits: ReadonlyArray<{ orderId: string }>): string[] => visits.map((v) => v.orderId);

describe('route planner', () => {
  it('times a route: travel at the model speed, waiting for the shift and a visit’s earliest start', () => {
    const r = evaluateRoute(
      { ...HOME, at: at(7) },
      SHIFT,
      [
        aVisit({ orderId: 'A', location: north(10), durationMin: 60 }),
        aVisit({ orderId: 'B', location: north(30), durationMin: 30, earliestStart: at(10) }),
      ],
      O,
    );
    // ready at 07:00, but the day (driving included) starts with the shift: on site 08:10
    expect(r.stops.map((s) => [s.orderId, s.arrival, s.departure])).toEqual([
      ['A', at(8, 10), at(9, 10)],
      ['B', at(10), at(10, 30)],
    ]);
    expect(r.travelKm).toBeCloseTo(30, 9);
    expect(r.stops[1].travelMin).toBeCloseTo(20, 9);
    expect(r).toMatchObject({ feasible: true, lateMin: 0, endsAt: at(10, 30) });
  });

  it('orders by travel when nothing is due: nearest first (30 km instead of 50)', () => {
    const visits = [
      aVisit({ orderId: 'far', location: north(30) }),
      aVisit({ orderId: 'near', location: north(10) }),
    ];
    expect(evaluateRoute(HOME, SHIFT, visits, O).travelKm).toBeCloseTo(50, 9);
    const r = optimizeRoute(HOME, SHIFT, visits, O);
    expect(ids(r.stops)).toEqual(['near', 'far']);
    expect(r.travelKm).toBeCloseTo(30, 9);
  });

  it('puts a visit due soon first even when it is farther (SLA before travel)', () => {
    const visits = [
      aVisit({ orderId: 'near', location: north(10) }),
      aVisit({ orderId: 'due', location: north(40), dueAt: at(8, 45), priority: 'critical' }),
    ];
    // near first: due reached 09:40, 55 min late → 40 + 10 × 55 = 590; due first: 70 min of driving, on time
    const r = optimizeRoute(HOME, SHIFT, visits, O);
    expect(ids(r.stops)).toEqual(['due', 'near']);
    expect(r.lateMin).toBe(0);
    expect(r.cost).toBeCloseTo(70, 9);
  });

  it('uncrosses a route with 2-opt', () => {
    const crossing = [
      aVisit({ orderId: 'a', location: north(0, 10), durationMin: 10 }),
      aVisit({ orderId: 'c', location: north(10, 0), durationMin: 10 }),
      aVisit({ orderId: 'b', location: north(10, 10), durationMin: 10 }),
    ];
    const before = evaluateRoute(HOME, SHIFT, crossing, O);
    const after = twoOpt(HOME, SHIFT, crossing, O);
    expect(ids(after.stops)).toEqual(['a', 'b', 'c']);
    expect(after.travelKm).toBeLessThan(before.travelKm - 4);
    expect(after.travelKm).toBeCloseTo(30, 0);
  });

  it('keeps visits under way first, as they are', () => {
    const visits = [
      aVisit({ orderId: 'on-site', location: north(50), pinned: true }),
      aVisit({ orderId: 'x', location: north(5) }),
      aVisit({ orderId: 'y', location: north(45) }),
    ];
    expect(ids(optimizeRoute(HOME, SHIFT, visits, O).stops)).toEqual(['on-site', 'y', 'x']);
  });

  it('drops the least urgent visits that do not fit the shift, never a pinned one', () => {
    // five two-hour visits at the door in a nine-hour shift: four fit
    const visits: Visit[] = [
      aVisit({ orderId: 'pm', durationMin: 120, location: north(1), priority: 'low' }),
      aVisit({ orderId: 'due-noon', durationMin: 120, location: north(1), dueAt: at(12), priority: 'high' }),
      aVisit({ orderId: 'medium', durationMin: 120, location: north(1), priority: 'medium' }),
      aVisit({ orderId: 'pinned-low', durationMin: 120, location: north(1), priority: 'low', pinned: true }),
      aVisit({ orderId: 'due-3pm', durationMin: 120, location: north(1), dueAt: at(15), priority: 'medium' }),
    ];
    const { route, dropped } = fitDay(HOME, SHIFT, visits, 6, O);
    expect(ids(dropped)).toEqual(['pm']);
    expect(route.feasible).toBe(true);
    expect(ids(route.stops)[0]).toBe('pinned-low');
    expect(route.stops.every((s) => s.departure <= SHIFT.end)).toBe(true);
  });

  it('keeps to the most visits a day', () => {
    const visits = ['a', 'b', 'c', 'd'].map((orderId) => aVisit({ orderId, durationMin: 10 }));
    const { route, dropped } = fitDay(HOME, SHIFT, visits, 3, O);
    expect(route.stops).toHaveLength(3);
    expect(dropped).toHaveLength(1);
  });

  it('inserts a visit where it costs least, and says when it fits nowhere', () => {
    const day = [
      aVisit({ orderId: 'a', location: north(10) }),
      aVisit({ orderId: 'c', location: north(30) }),
    ];
    const r = cheapestInsertion(HOME, SHIFT, day, aVisit({ orderId: 'b', location: north(20) }), O);
    expect(ids(r!.stops)).toEqual(['a', 'b', 'c']);
    const long = aVisit({ orderId: 'long', durationMin: 9 * 60 });
    expect(cheapestInsertion(HOME, SHIFT, day, long, O)).toBeNull();
  });

  it('lets an urgent visit bump the least urgent planned work, never work due before it', () => {
    const full = [
      aVisit({ orderId: 'due-9', durationMin: 180, location: north(1), dueAt: at(9), priority: 'critical' }),
      aVisit({ orderId: 'pm', durationMin: 180, location: north(1), priority: 'low' }),
      aVisit({ orderId: 'medium', durationMin: 170, location: north(1), priority: 'medium' }),
    ];
    const urgent = aVisit({
      orderId: 'urgent',
      durationMin: 120,
      location: north(2),
      dueAt: at(11),
      priority: 'critical',
    });
    expect(cheapestInsertion(HOME, SHIFT, full, urgent, O)).toBeNull();
    const r = insertBumping(HOME, SHIFT, full, urgent, 6, O);
    expect(ids(r!.bumped)).toEqual(['pm']);
    expect(ids(r!.route.stops).sort()).toEqual(['due-9', 'medium', 'urgent']);
    expect(r!.route.feasible).toBe(true);
    // nothing less urgent to bump: it stays out
    const critical = full.map((v) => ({ ...v, dueAt: at(9), priority: 'critical' as const }));
    expect(insertBumping(HOME, SHIFT, critical, urgent, 6, O)).toBeNull();
  });

  it('never plans a day that breaks a hard rule, whatever the visits (200 random days)', () => {
    let seed = 12345;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let day = 0; day < 200; day++) {
      const n = 1 + Math.floor(rand() * 12);
      const max = 1 + Math.floor(rand() * 8);
      const visits: Visit[] = Array.from({ length: n }, (_, i) =>
        aVisit({
          orderId: `v${i}`,
          location: north(rand() * 80 - 40, rand() * 80 - 40),
          durationMin: 20 + Math.floor(rand() * 180),
          dueAt: rand() < 0.5 ? at(8 + Math.floor(rand() * 10)) : null,
          earliestStart: rand() < 0.2 ? at(8 + Math.floor(rand() * 6)) : MONDAY,
          priority: (['critical', 'high', 'medium', 'low'] as const)[Math.floor(rand() * 4)],
          pinned: i === 0 && rand() < 0.3,
        }),
      );
      const { route, dropped } = fitDay(HOME, SHIFT, visits, max, O);
      const pinnedOverrun = route.stops.some((s) => s.pinned && s.departure > SHIFT.end);
      if (!pinnedOverrun) {
        expect(route.stops.length).toBeLessThanOrEqual(max);
        for (const s of route.stops) expect(s.departure).toBeLessThanOrEqual(SHIFT.end);
      }
      expect(route.stops.every((s) => s.arrival >= SHIFT.start)).toBe(true);
      expect([...ids(route.stops), ...ids(dropped)].sort()).toEqual(ids(visits).sort());
      expect(dropped.some((v) => v.pinned)).toBe(false);
    }
  });
});
