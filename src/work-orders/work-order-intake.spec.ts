import type { PredictionAlert } from '../events/domain-events.js';
import type { EventRecord } from '../ports/records.js';
import type { FaultTableEntry } from './diagnosis/symptoms.js';
import { aWorkOrder } from './work-order.factory.js';
import { decideIntake, mergeEvidence, type IntakeContext, type Trigger } from './work-order-intake.js';
import type { Evidence, WorkOrder } from './work-order.js';

const TABLE: FaultTableEntry[] = [
  {
    code: 'F-301',
    symptom: 'Fuser temperature out of range',
    likelyComponent: 'fuser',
    severity: 'machine-down',
  },
  { code: 'F-302', symptom: 'Fuser slow to warm up', likelyComponent: 'fuser', severity: 'minor' },
];
const CTX: IntakeContext = { coverage: 'full-service', faultTable: TABLE };

const alert = (over: Partial<PredictionAlert> = {}): PredictionAlert => ({
  deviceId: 'dev-1',
  component: 'fuser',
  ts: 1000,
  horizonDays: 30,
  probability: 0.7,
  threshold: 0.5,
  remainingDays: 12,
  remainingUsage: 20_000,
  evidence: ['fuser.temp_c 9 °C below baseline'],
  modelVersion: 'm1',
  ...over,
});
const event = (type: EventRecord['type'], over: Partial<EventRecord> = {}): EventRecord => ({
  deviceId: 'dev-1',
  ts: 2000,
  type,
  ...over,
});
const fault = (severity: 'minor' | 'major' | 'machine-down', code = 'F-301'): Trigger => ({
  type: severity === 'minor' ? 'symptom' : 'fault',
  event: event('fault.raised', { code, severity, component: 'fuser' }),
  component: 'fuser',
});
const proactive = aWorkOrder({ id: 'WO-000010', kind: 'proactive', priority: 'medium', component: 'fuser' });
const corrective = aWorkOrder({
  id: 'WO-000011',
  kind: 'corrective',
  priority: 'critical',
  component: 'fuser',
});
const preventive = aWorkOrder({ id: 'WO-000012', kind: 'preventive', component: null, planId: 'pm-1' });
const ours = aWorkOrder({ id: 'WO-000013', kind: 'proactive', status: 'completed', component: 'fuser' });

describe(decideIntake.name, () => {
  it.each<[string, Trigger, WorkOrder[], Record<string, unknown>]>([
    [
      'a prediction opens a proactive order',
      { type: 'prediction', alert: alert() },
      [],
      { action: 'open', kind: 'proactive', component: 'fuser', priority: 'medium' },
    ],
    [
      'a repeated prediction appends to the open order',
      { type: 'prediction', alert: alert() },
      [proactive],
      { action: 'append', orderId: 'WO-000010', raiseTo: null },
    ],
    [
      'a more urgent prediction raises its priority',
      { type: 'prediction', alert: alert({ probability: 0.95 }) },
      [proactive],
      { action: 'append', orderId: 'WO-000010', raiseTo: 'high' },
    ],
    [
      'a machine-down fault opens a corrective order',
      fault('machine-down'),
      [],
      { action: 'open', kind: 'corrective', component: 'fuser', priority: 'critical' },
    ],
    [
      'a fault while a proactive order is open joins it, raising the priority',
      fault('machine-down'),
      [proactive],
      { action: 'append', orderId: 'WO-000010', raiseTo: 'critical', note: expect.stringMatching(/joins/) },
    ],
    [
      'a fault on another part opens its own order',
      {
        type: 'fault',
        event: event('fault.raised', { code: 'J-102', severity: 'machine-down' }),
        component: 'pickup_roller',
      },
      [proactive],
      { action: 'open', component: 'pickup_roller' },
    ],
    [
      'a fault without a known part opens a device-level order',
      {
        type: 'fault',
        event: event('fault.raised', { code: 'X-1', severity: 'machine-down' }),
        component: null,
      },
      [],
      { action: 'open', component: null, kind: 'corrective' },
    ],
    [
      'a minor fault feeds an open order',
      fault('minor', 'F-302'),
      [proactive],
      { action: 'append', orderId: 'WO-000010' },
    ],
    ['a minor fault alone opens nothing', fault('minor', 'F-302'), [], { action: 'ignore' }],
    [
      'a proactive order whose part was replaced anyway is cancelled',
      { type: 'part-replaced', event: event('part.replaced', { component: 'fuser', visitId: 'dev-1-v-4' }) },
      [proactive],
      { action: 'cancel', orderId: 'WO-000010', note: expect.stringMatching(/replaced anyway.*dev-1-v-4/) },
    ],
    [
      'a breakdown repaired by another visit closes its order',
      { type: 'part-replaced', event: event('part.replaced', { component: 'fuser', visitId: 'dev-1-v-4' }) },
      [corrective],
      { action: 'close', orderId: 'WO-000011' },
    ],
    [
      'the device confirming our own visit',
      {
        type: 'part-replaced',
        event: event('part.replaced', { component: 'fuser', visitId: 'dev-1-wo-WO-000013' }),
      },
      [ours],
      { action: 'confirm', orderId: 'WO-000013', command: 'replace-part:fuser' },
    ],
    [
      'PM done by our visit',
      { type: 'pm-done', event: event('pm.done', { visitId: 'dev-1-wo-WO-000012' }) },
      [preventive],
      { action: 'confirm', orderId: 'WO-000012', command: 'pm-visit' },
    ],
    [
      'PM done by another visit closes the preventive order',
      { type: 'pm-done', event: event('pm.done', { visitId: 'dev-1-pm-9' }) },
      [preventive],
      { action: 'close', orderId: 'WO-000012' },
    ],
    [
      'a replacement nobody asked for',
      { type: 'part-replaced', event: event('part.replaced', { component: 'drum' }) },
      [proactive],
      { action: 'ignore' },
    ],
    [
      'a plan coming due opens a preventive order',
      {
        type: 'plan-due',
        planId: 'pm-1',
        planName: 'C300 service',
        dueAt: 5 * 86_400_000,
        reason: 'time',
        at: 3000,
      },
      [proactive],
      {
        action: 'open',
        kind: 'preventive',
        planId: 'pm-1',
        priority: 'low',
        target: { dueAt: 5 * 86_400_000 },
      },
    ],
    [
      'a plan already open is not opened twice',
      { type: 'plan-due', planId: 'pm-1', planName: 'C300 service', dueAt: 0, reason: 'time', at: 3000 },
      [preventive],
      { action: 'ignore' },
    ],
    [
      'a plan pulled into a proactive order is not opened again',
      {
        type: 'plan-due',
        planId: 'pm-1',
        planName: 'C300 service',
        dueAt: 0,
        reason: 'pulled-forward',
        at: 3000,
      },
      [{ ...proactive, planId: 'pm-1' }],
      { action: 'ignore' },
    ],
    [
      "a customer's request about a part with an open order joins it",
      {
        type: 'request',
        kind: 'customer-request',
        at: 1,
        words: 'warm-up takes ages',
        component: 'fuser',
        requestedBy: 'api',
      },
      [proactive],
      { action: 'append', orderId: 'WO-000010', raiseTo: 'high' },
    ],
    [
      "a customer's request opens its own order",
      {
        type: 'request',
        kind: 'customer-request',
        at: 1,
        words: 'please check it',
        component: null,
        requestedBy: 'api',
      },
      [proactive],
      { action: 'open', kind: 'customer-request', component: null },
    ],
  ])('%s', (_name, trigger, open, expected) => {
    expect(decideIntake(trigger, open, CTX)).toMatchObject(expected);
  });
});

describe(mergeEvidence.name, () => {
  const e = (at: number, key = 'F-301'): Evidence => ({
    kind: 'fault',
    key,
    detail: `seen at ${at}`,
    firstAt: at,
    lastAt: at,
    count: 1,
  });

  it('keeps a burst of the same fault as one line with its count, material once', () => {
    let list: Evidence[] = [];
    const material: boolean[] = [];
    for (let i = 0; i < 1000; i++) {
      const r = mergeEvidence(list, e(i * 100), 600_000);
      list = r.evidence;
      material.push(r.material);
    }
    expect(list).toEqual([
      { kind: 'fault', key: 'F-301', detail: 'seen at 99900', firstAt: 0, lastAt: 99_900, count: 1000 },
    ]);
    expect(material.filter(Boolean)).toHaveLength(1);
  });

  it('debounces a flapping fault: material again only after a quiet spell', () => {
    const at = [0, 60_000, 120_000, 900_000, 960_000];
    let list: Evidence[] = [];
    const material = at.map((t) => {
      const r = mergeEvidence(list, e(t), 600_000);
      list = r.evidence;
      return r.material;
    });
    expect(material).toEqual([true, false, false, true, false]);
  });

  it('adds a different code as a new line, and keeps at most 100 lines with the first', () => {
    let list: Evidence[] = [];
    for (let i = 0; i < 150; i++) list = mergeEvidence(list, e(i, `C-${i}`), 0).evidence;
    expect(list).toHaveLength(100);
    expect(list[0].key).toBe('C-0');
    expect(list[1].key).toBe('C-51');
  });
});
