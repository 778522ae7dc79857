import { aVisit, aWorkOrder } from './work-order.factory.js';
import {
  commandsFor,
  isLegal,
  transition,
  TRANSITIONS,
  type TransitionRequest,
} from './work-order-lifecycle.js';
import { WORK_ORDER_STATUSES, type WorkOrderStatus } from './work-order.js';

const AT = 1_000_000;

/** Every (from, to) pair, and whether a person may make it: the spec of the lifecycle. */
const LEGAL: Array<[WorkOrderStatus, WorkOrderStatus]> = [
  ['new', 'scheduled'],
  ['new', 'assigned'],
  ['new', 'cancelled'],
  ['scheduled', 'assigned'],
  ['scheduled', 'on-hold'],
  ['scheduled', 'cancelled'],
  ['assigned', 'scheduled'],
  ['assigned', 'en-route'],
  ['assigned', 'in-progress'],
  ['assigned', 'on-hold'],
  ['assigned', 'cancelled'],
  ['en-route', 'assigned'],
  ['en-route', 'in-progress'],
  ['en-route', 'on-hold'],
  ['en-route', 'cancelled'],
  ['in-progress', 'completed'],
  ['in-progress', 'cannot-complete'],
  ['in-progress', 'on-hold'],
  ['on-hold', 'scheduled'],
  ['on-hold', 'assigned'],
  ['on-hold', 'in-progress'],
  ['on-hold', 'cancelled'],
  ['completed', 'closed'],
  ['completed', 'in-progress'],
  ['cannot-complete', 'scheduled'],
  ['cannot-complete', 'assigned'],
  ['cannot-complete', 'cancelled'],
];
const legal = new Set(LEGAL.map(([a, b]) => `${a}>${b}`));
const allPairs = WORK_ORDER_STATUSES.flatMap((from) =>
  WORK_ORDER_STATUSES.map((to) => [from, to, legal.has(`${from}>${to}`)] as const),
);

/** A request carrying everything any guard asks for, so only the table decides. */
const fullRequest = (to: WorkOrderStatus): TransitionRequest => ({
  to,
  actor: 'dispatcher:ann',
  at: AT,
  note: 'because',
  assignee: 'tech-7',
  scheduledStart: AT + 3_600_000,
  visit: aVisit(),
});

describe('work order lifecycle', () => {
  it('has the table the spec lists, nothing more', () => {
    const table = Object.entries(TRANSITIONS).flatMap(([from, tos]) => tos.map((to) => `${from}>${to}`));
    expect(new Set(table)).toEqual(legal);
  });

  it.each(allPairs)('%s → %s is legal: %s', (from, to, ok) => {
    const order = aWorkOrder({ status: from, assignee: 'tech-7', scheduledStart: AT });
    const result = transition(order, fullRequest(to));
    expect(isLegal(from, to)).toBe(ok);
    expect(result.ok).toBe(ok);
    if (result.ok) {
      expect(result.order.status).toBe(to);
      expect(result.order.version).toBe(order.version + 1);
      expect(result.changes).toEqual([
        expect.objectContaining({ at: AT, actor: 'dispatcher:ann', type: 'transition', from, to }),
      ]);
    } else if (from === 'closed' || from === 'cancelled') {
      expect(result.reason).toMatch(/cannot change any more/);
    } else {
      expect(result.reason).toContain(`cannot go from ${from} to ${to}`);
    }
  });

  it.each(WORK_ORDER_STATUSES.map((s) => [s, s !== 'closed' && s !== 'cancelled'] as const))(
    'a device report closes an order that is %s: %s',
    (from, ok) => {
      const result = transition(aWorkOrder({ status: from }), {
        to: 'closed',
        actor: 'device:dev-1',
        at: AT,
        deviceReport: true,
        note: 'part.replaced fuser in visit dev-1-v-3',
      });
      expect(result.ok).toBe(ok);
      if (result.ok) {
        expect(result.order.closedAt).toBe(AT);
        expect(result.order.sla.resolvedAt).toBe(AT);
      }
    },
  );

  it.each<
    [string, WorkOrderStatus, Partial<TransitionRequest>, Partial<Parameters<typeof aWorkOrder>[0]>, RegExp]
  >([
    ['assigning without a technician', 'assigned', {}, { status: 'new' }, /needs an assignee/],
    ['scheduling without a start', 'scheduled', {}, { status: 'new' }, /needs scheduledStart/],
    ['cancelling without a reason', 'cancelled', {}, { status: 'new' }, /needs a reason/],
    [
      'holding without a reason',
      'on-hold',
      {},
      { status: 'scheduled', scheduledStart: AT },
      /needs a reason/,
    ],
    [
      'giving up without a reason',
      'cannot-complete',
      {},
      { status: 'in-progress', assignee: 't' },
      /needs a reason/,
    ],
    [
      'completing without a visit report',
      'completed',
      {},
      { status: 'in-progress', assignee: 't' },
      /visit report/,
    ],
    [
      'completing with a negative labour time',
      'completed',
      { visit: aVisit({ labourMinutes: -5 }) },
      { status: 'in-progress', assignee: 't' },
      /labourMinutes/,
    ],
    [
      'completing with zero of a part',
      'completed',
      { visit: aVisit({ parts: [{ component: 'fuser', quantity: 0 }] }) },
      { status: 'in-progress', assignee: 't' },
      /quantity/,
    ],
    [
      'reopening completed work without a reason',
      'in-progress',
      {},
      { status: 'completed', assignee: 't' },
      /reason/,
    ],
    [
      'a device report that is not a closure',
      'cancelled',
      { deviceReport: true, note: 'x' },
      { status: 'new' },
      /only close/,
    ],
    [
      'a schedule that ends before it starts',
      'scheduled',
      { scheduledStart: AT, scheduledEnd: AT - 1 },
      { status: 'new' },
      /before scheduledStart/,
    ],
  ])('refuses %s', (_name, to, req, over, reason) => {
    const result = transition(aWorkOrder(over), { to, actor: 'a', at: AT, ...req });
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(reason) as string });
  });

  it('records response at in-progress, resolution and billing at completion, from the entitlement', () => {
    let order = aWorkOrder({
      status: 'en-route',
      assignee: 'tech-7',
      entitlement: { coverage: 'time-and-materials', billable: true, reason: 't&m' },
    });
    const started = transition(order, { to: 'in-progress', actor: 'tech-7', at: AT });
    if (!started.ok) throw new Error(started.reason);
    order = started.order;
    expect(order.sla.respondedAt).toBe(AT);
    const done = transition(order, {
      to: 'completed',
      actor: 'tech-7',
      at: AT + 5_400_000,
      visit: aVisit({ technician: null, pmDone: true }),
    });
    if (!done.ok) throw new Error(done.reason);
    expect(done.order.sla).toMatchObject({ respondedAt: AT, resolvedAt: AT + 5_400_000 });
    expect(done.order.billing).toMatchObject({
      billable: true,
      coverage: 'time-and-materials',
      technician: 'tech-7',
      labourMinutes: 75,
      travelKm: 18,
      completedAt: AT + 5_400_000,
    });
    expect(done.order.commands.map((c) => c.command)).toEqual([
      { action: 'replace-part', component: 'fuser', workOrderId: 'WO-000001' },
      { action: 'pm-visit', workOrderId: 'WO-000001' },
    ]);
  });

  it('keeps the reason of a cancellation as the outcome', () => {
    const r = transition(aWorkOrder(), {
      to: 'cancelled',
      actor: 'a',
      at: AT,
      note: 'customer sold the machine',
    });
    expect(r.ok && r.order).toMatchObject({ outcome: 'customer sold the machine', closedAt: AT });
  });

  it('sends one replacement per component however many units, and nothing for an adjustment', () => {
    const parts = [
      { component: 'pickup_roller', quantity: 2 },
      { component: 'pickup_roller', quantity: 1 },
    ];
    expect(commandsFor('WO-9', aVisit({ parts })).map((c) => c.command)).toEqual([
      { action: 'replace-part', component: 'pickup_roller', workOrderId: 'WO-9' },
    ]);
    expect(commandsFor('WO-9', aVisit({ parts: [] }))).toEqual([]);
  });
});
