import { emptyServiceLevel } from '../work-orders/service-level.js';
import { aWorkOrder } from '../work-orders/work-order.factory.js';
import { plannedMinutes, toDispatchOrder, visitDueAt } from './dispatch-order.js';

const HOUR = 3_600_000;

describe('a work order as dispatch sees it', () => {
  it.each([
    [
      'the response due time while nobody responded',
      { responseDueAt: 4 * HOUR, resolutionDueAt: 12 * HOUR },
      null,
      4 * HOUR,
    ],
    [
      'the resolution due time less the work once someone responded',
      { responseDueAt: 4 * HOUR, respondedAt: 3 * HOUR, resolutionDueAt: 12 * HOUR },
      null,
      12 * HOUR - 1.5 * HOUR,
    ],
    ['a plan’s due date less the work', {}, 48 * HOUR, 48 * HOUR - 1.5 * HOUR],
    ['nothing', {}, null, null],
  ])('is due on site at %s', (_what, sla, dueAt, expected) => {
    expect(visitDueAt(aWorkOrder({ sla: { ...emptyServiceLevel(), ...sla }, dueAt }))).toBe(expected);
  });

  it('plans the work by kind, and a plan carried along adds its PM', () => {
    expect(plannedMinutes({ kind: 'preventive', planId: 'pm-1' })).toBe(60);
    expect(plannedMinutes({ kind: 'proactive', planId: 'pm-1' })).toBe(105);
    expect(plannedMinutes({ kind: 'installation', planId: null })).toBe(180);
  });

  it('brings the diagnosed parts and the part the order is about; needs the certifications the work matches', () => {
    const o = aWorkOrder({
      component: 'fuser',
      diagnosis: {
        at: 0,
        symptoms: [],
        causes: [],
        parts: [
          { component: 'transfer_roller', quantity: 1, probability: 0.6 },
          { component: 'fuser', quantity: 1, probability: 0.4 },
        ],
        action: 'replace',
        confidence: 0.6,
        basis: { learnedFixes: 0, faultTableCodes: 0 },
      },
      status: 'scheduled',
      scheduledStart: 5 * HOUR,
      createdAt: HOUR,
    });
    const d = toDispatchOrder(o, { location: { lat: 45, lon: 4 }, equipmentKind: 'copier' }, [
      { requirementId: 'r', certification: 'copier-basics', equipmentKinds: ['copier'] },
      { requirementId: 'h', certification: 'f-gas', equipmentKinds: ['hvac'] },
    ]);
    expect(d).toMatchObject({
      parts: ['transfer_roller', 'fuser'],
      requiredCertifications: ['copier-basics'],
      earliestStart: 5 * HOUR,
      durationMin: 90,
      location: { lat: 45, lon: 4 },
    });
  });
});
