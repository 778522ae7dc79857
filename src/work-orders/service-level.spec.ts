import {
  entitlementOf,
  priorityFor,
  recordSlaAlerts,
  serviceLevelFor,
  slaAlerts,
  type ContractFacts,
  type SlaPolicy,
} from './service-level.js';
import { aWorkOrder } from './work-order.factory.js';
import type { Coverage, Priority, WorkOrderKind } from './work-order.js';

const H = 3_600_000;
const DAY = 24 * H;
const at = (iso: string): number => Date.parse(iso);

const POLICY: SlaPolicy = {
  targets: {
    warranty: { responseHours: 8, resolutionHours: 24 },
    'full-service': { responseHours: 4, resolutionHours: 12 },
    'time-and-materials': { responseHours: 24, resolutionHours: 72 },
    expired: { responseHours: 72, resolutionHours: 168 },
  },
  warningShare: 0.75,
};

describe(entitlementOf.name, () => {
  it.each<[string, ContractFacts | null, string, Coverage, boolean]>([
    [
      'under warranty',
      { contractType: 'warranty', warrantyEnd: '2026-06-30' },
      '2026-03-01T10:00:00Z',
      'warranty',
      false,
    ],
    [
      'warranty covers its last day',
      { contractType: 'warranty', warrantyEnd: '2026-06-30' },
      '2026-06-30T23:00:00Z',
      'warranty',
      false,
    ],
    [
      'warranty ended, no contract',
      { contractType: 'warranty', warrantyEnd: '2026-06-30' },
      '2026-07-01T00:00:00Z',
      'expired',
      true,
    ],
    [
      'full service after the warranty',
      { contractType: 'full-service', warrantyEnd: '2025-01-01', contractEnd: '2027-01-01' },
      '2026-03-01T00:00:00Z',
      'full-service',
      false,
    ],
    [
      'full service without an end date',
      { contractType: 'full-service' },
      '2026-03-01T00:00:00Z',
      'full-service',
      false,
    ],
    [
      'full service ended',
      { contractType: 'full-service', warrantyEnd: '2024-01-01', contractEnd: '2026-01-01' },
      '2026-03-01T00:00:00Z',
      'expired',
      true,
    ],
    [
      'time and materials is billed',
      { contractType: 'time-and-materials', warrantyEnd: '2024-01-01', contractEnd: '2027-01-01' },
      '2026-03-01T00:00:00Z',
      'time-and-materials',
      true,
    ],
    [
      'time and materials still inside the warranty is not billed',
      { contractType: 'time-and-materials', warrantyEnd: '2026-12-31', contractEnd: '2027-01-01' },
      '2026-03-01T00:00:00Z',
      'warranty',
      false,
    ],
    ['an unregistered device is billed', null, '2026-03-01T00:00:00Z', 'expired', true],
    [
      'no contract on file, warranty over',
      { warrantyEnd: '2025-01-01' },
      '2026-03-01T00:00:00Z',
      'expired',
      true,
    ],
    [
      'no contract on file, under warranty',
      { warrantyEnd: '2026-12-31' },
      '2026-03-01T00:00:00Z',
      'warranty',
      false,
    ],
  ])('%s', (_name, device, when, coverage, billable) => {
    const e = entitlementOf(device, at(when));
    expect([e.coverage, e.billable]).toEqual([coverage, billable]);
    expect(e.reason.length).toBeGreaterThan(5);
  });
});

describe(priorityFor.name, () => {
  it.each<[WorkOrderKind, Parameters<typeof priorityFor>[1], Coverage, Priority]>([
    ['corrective', { severity: 'machine-down' }, 'full-service', 'critical'],
    ['corrective', { severity: 'machine-down' }, 'warranty', 'critical'],
    ['corrective', { severity: 'machine-down' }, 'time-and-materials', 'high'],
    ['corrective', { severity: 'machine-down' }, 'expired', 'high'],
    ['corrective', { severity: 'major' }, 'full-service', 'high'],
    ['corrective', { severity: 'major' }, 'expired', 'medium'],
    ['corrective', { severity: 'minor' }, 'time-and-materials', 'low'],
    ['proactive', { probability: 0.6, remainingDays: 20 }, 'full-service', 'medium'],
    ['proactive', { probability: 0.6, remainingDays: 2 }, 'full-service', 'high'],
    ['proactive', { probability: 0.95, remainingDays: null }, 'expired', 'high'],
    ['customer-request', {}, 'full-service', 'high'],
    ['customer-request', {}, 'time-and-materials', 'medium'],
    ['preventive', {}, 'full-service', 'low'],
    ['installation', {}, 'warranty', 'low'],
  ])('%s %j under %s → %s', (kind, urgency, coverage, priority) => {
    expect(priorityFor(kind, urgency, coverage)).toBe(priority);
  });
});

describe(serviceLevelFor.name, () => {
  const T0 = at('2026-03-02T09:00:00Z');
  it.each<[WorkOrderKind, Coverage, Parameters<typeof serviceLevelFor>[4], number | null, number | null]>([
    ['corrective', 'full-service', {}, T0 + 4 * H, T0 + 12 * H],
    ['corrective', 'time-and-materials', {}, T0 + 24 * H, T0 + 72 * H],
    ['customer-request', 'expired', {}, T0 + 72 * H, T0 + 168 * H],
    // halfway to the predicted failure
    ['proactive', 'full-service', { remainingDays: 10, horizonDays: 30 }, null, T0 + 5 * DAY],
    // never sooner than the contract's resolution time
    ['proactive', 'full-service', { remainingDays: 0.2, horizonDays: 30 }, null, T0 + 12 * H],
    ['proactive', 'warranty', { remainingDays: null, horizonDays: 14 }, null, T0 + 7 * DAY],
    ['preventive', 'full-service', { dueAt: T0 + 9 * DAY }, null, T0 + 9 * DAY],
    ['preventive', 'full-service', { dueAt: T0 - DAY }, null, T0],
    ['installation', 'warranty', {}, null, null],
  ])('%s under %s %j', (kind, coverage, target, response, resolution) => {
    const s = serviceLevelFor(kind, coverage, T0, POLICY, target);
    expect([s.responseDueAt, s.resolutionDueAt]).toEqual([response, resolution]);
  });
});

describe(slaAlerts.name, () => {
  // a full-service breakdown opened at 0: response due at 4 h (warn at 3 h), resolution at 12 h (warn at 9 h)
  const order = (over: Parameters<typeof aWorkOrder>[0] = {}) =>
    aWorkOrder({ createdAt: 0, sla: serviceLevelFor('corrective', 'full-service', 0, POLICY), ...over });

  it.each<[string, number, Parameters<typeof aWorkOrder>[0], string[]]>([
    ['nothing yet at 2 h', 2 * H, {}, []],
    ['the response warning at 3 h', 3 * H, {}, ['response:warning']],
    ['the response breach at 4 h', 4 * H, {}, ['response:breach']],
    [
      'a response breach and the resolution warning at 9 h',
      9 * H,
      {},
      ['response:breach', 'resolution:warning'],
    ],
    ['both breached at 12 h', 12 * H, {}, ['response:breach', 'resolution:breach']],
    ['a technician on site stops the response clock', 5 * H, { status: 'in-progress', assignee: 't' }, []],
    ['completed work stops the resolution clock', 13 * H, { status: 'completed' }, []],
    ['a cancelled order raises nothing', 13 * H, { status: 'cancelled' }, []],
  ])('%s', (_name, now, over, expected) => {
    let o = order(over);
    if (over?.status === 'in-progress') o = { ...o, sla: { ...o.sla, respondedAt: 3.5 * H } };
    if (over?.status === 'completed') o = { ...o, sla: { ...o.sla, respondedAt: 3 * H, resolvedAt: 11 * H } };
    expect(slaAlerts(o, now, POLICY.warningShare).map((a) => `${a.target}:${a.stage}`)).toEqual(expected);
  });

  it('raises each warning and breach once as the clock runs', () => {
    let o = order();
    const raised: string[] = [];
    for (let now = 0; now <= 14 * H; now += H / 2) {
      const alerts = slaAlerts(o, now, POLICY.warningShare);
      raised.push(...alerts.map((a) => `${now / H}h ${a.target}:${a.stage}`));
      o = { ...o, sla: recordSlaAlerts(o.sla, alerts, now) };
    }
    expect(raised).toEqual([
      '3h response:warning',
      '4h response:breach',
      '9h resolution:warning',
      '12h resolution:breach',
    ]);
  });
});
