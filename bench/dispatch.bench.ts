import { performance } from 'node:perf_hooks';
import { mulberry32 } from '../src/common/seeded-random.js';
import type { DispatchOrder } from '../src/dispatch/dispatch-model.js';
import { aDispatchOrder } from '../src/dispatch/dispatch.factory.js';
import { normaliseWeights } from '../src/dispatch/dispatch-score.js';
import {
  dispatchBatch,
  planDays,
  type DispatchSettings,
  type DispatchStrategy,
  type TechnicianState,
} from '../src/dispatch/dispatcher.js';
import { aTechnician, MONDAY, north } from '../src/technicians/technician.factory.js';
import type { Priority } from '../src/work-orders/work-order.js';

const HOUR = 3_600_000;

export interface DispatchFigures {
  strategy: DispatchStrategy;
  ms: number;
  assigned: number;
  unassignable: number;
  /** Mean road km driven to each assigned visit. */
  kmPerVisit: number;
  /** Share of assigned visits on site by their due time. */
  onTime: number;
  /** Mean hours from the order's opening to the planned arrival. */
  responseH: number;
}

const PRIORITIES: Priority[] = ['critical', 'high', 'medium', 'low'];
const MODELS = ['MFP-C300', 'MFP-C500', 'RT-50'];

/**
 * One batch: `orders` open orders over `technicians` technicians in a 200 × 200 km
 * region (each covering 80 km around home, skills on one or two of three models,
 * Monday to Friday 08:00–17:00, at most 6 jobs a day), dispatched at Monday 06:00 in
 * one `dispatchBatch` (the most urgent first, each seeing the plans the earlier
 * made), under each strategy, same seed.
 */
export function dispatchBench(orders: number, technicians: number, seed: number): DispatchFigures[] {
  const out: DispatchFigures[] = [];
  for (const strategy of ['scored', 'nearest', 'random'] as const) {
    const rnd = mulberry32(seed);
    const at = (): { lat: number; lon: number } => north(rnd() * 200, rnd() * 200);
    const now = MONDAY + 6 * HOUR;
    const states: TechnicianState[] = Array.from({ length: technicians }, (_, i) => {
      const home = at();
      const models = MODELS.filter((_m, k) => k === i % 3 || rnd() < 0.3);
      const t = aTechnician({
        technicianId: `tech-${String(i).padStart(4, '0')}`,
        homeBase: home,
        skills: models.map((modelId) => ({ modelId, level: 1 + Math.floor(rnd() * 5) })),
        territory: { areas: [{ ...home, radiusKm: 80 }] },
        vanStock: rnd() < 0.5 ? [{ component: 'fuser', quantity: 1 }] : [],
      });
      return {
        technician: t,
        overallRating: 3 + rnd() * 2,
        overallCount: Math.floor(rnd() * 30),
        customerRatings: new Map(),
        days: planDays(t, now, 7),
      };
    });
    const batch: DispatchOrder[] = Array.from({ length: orders }, (_, i) => {
      const priority = PRIORITIES[Math.floor(rnd() * 4)];
      const opened = now - rnd() * 12 * HOUR;
      const dueH = priority === 'critical' ? 4 : priority === 'high' ? 24 : priority === 'medium' ? 72 : 168;
      return aDispatchOrder({
        orderId: `WO-${String(i).padStart(6, '0')}`,
        customerId: `cust-${i % 50}`,
        modelId: MODELS[Math.floor(rnd() * 3)],
        priority,
        location: at(),
        durationMin: 45 + Math.floor(rnd() * 90),
        earliestStart: opened,
        createdAt: opened,
        dueAt: opened + dueH * HOUR,
      });
    });
    const s: DispatchSettings = {
      now,
      strategy,
      weights: normaliseWeights({
        travel: 0.3,
        sla: 0.25,
        skill: 0.15,
        rating: 0.1,
        workload: 0.1,
        parts: 0.1,
      }),
      travel: { speedKmh: 50, roadFactor: 1.3 },
      travelScaleKm: 100,
      lateWeight: 10,
      certificationWarningDays: 30,
      priorWeight: 5,
      random: mulberry32(seed + 1),
    };
    const byId = new Map(batch.map((o) => [o.orderId, o]));
    const t0 = performance.now();
    const r = dispatchBatch(batch, states, s, true, byId);
    const ms = performance.now() - t0;
    // the final decision of each order (a bumped one is decided again)
    const last = new Map(r.decisions.map((d) => [d.orderId, d]));
    let km = 0;
    let onTime = 0;
    let response = 0;
    let assigned = 0;
    for (const d of last.values()) {
      if (d.outcome !== 'assigned') continue;
      const o = byId.get(d.orderId)!;
      assigned++;
      km += d.proposal.travelKm;
      if (o.dueAt === null || d.proposal.arrival <= o.dueAt) onTime++;
      response += (d.proposal.arrival - o.createdAt) / HOUR;
    }
    out.push({
      strategy,
      ms,
      assigned,
      unassignable: last.size - assigned,
      kmPerVisit: assigned ? km / assigned : 0,
      onTime: assigned ? onTime / assigned : 0,
      responseH: assigned ? response / assigned : 0,
    });
  }
  return out;
}
