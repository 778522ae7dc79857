import type { MqttClient } from 'mqtt';
import { deviceTopic, type DeviceEvent } from '../src/contract/index.js';
import { DomainEventBus } from '../src/events/domain-event-bus.js';
import type { DomainEventName, DomainEvents } from '../src/events/domain-events.js';
import { JobRunner } from '../src/infrastructure/jobs/job-runner.js';
import type { WorkOrder } from '../src/work-orders/work-order.js';
import { nextEvent } from './helpers/domain-events.js';
import { connectClient, eventually, startTestApp, type TestApp } from './helpers/test-app.js';
import {
  anAlert,
  detail,
  MANUAL_JOBS,
  move,
  ordersOf,
  registerDevices,
  type TestDevice,
} from './helpers/work-orders.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** Everything the bus carries for these events from now on, to count what was published. */
function record<K extends DomainEventName>(
  app: TestApp,
  ...events: K[]
): Array<{ event: K; payload: DomainEvents[K] }> {
  const seen: Array<{ event: K; payload: DomainEvents[K] }> = [];
  const bus = app.app.get(DomainEventBus);
  for (const event of events)
    bus.subscribe(event, `test:${event}`, (payload) => void seen.push({ event, payload }));
  return seen;
}

describe('Work orders (real app, embedded broker, PGlite records)', () => {
  let app: TestApp;
  let gw: MqttClient;
  let bus: DomainEventBus;
  const t0 = Math.floor((Date.now() - 3 * DAY) / HOUR) * HOUR;

  const publishEvents = async (deviceId: string, events: DeviceEvent[]): Promise<void> => {
    for (const e of events)
      await gw.publishAsync(deviceTopic(deviceId, 'events'), JSON.stringify(e), { qos: 1 });
  };

  beforeAll(async () => {
    app = await startTestApp(MANUAL_JOBS);
    bus = app.app.get(DomainEventBus);
    const devices: TestDevice[] = [
      { deviceId: 'burst-1' },
      { deviceId: 'flap-1' },
      { deviceId: 'join-1' },
      { deviceId: 'anyway-1' },
      { deviceId: 'life-1', contractType: 'time-and-materials', contractEnd: '2030-01-01' },
      { deviceId: 'words-1' },
      { deviceId: 'sla-1' },
    ];
    // a gateway publishes for the devices it is given (docs/security.md)
    gw = await connectClient(app.mqttUrl, 'gw-work-orders', { devices: devices.map((d) => d.deviceId) });
    await registerDevices(app, devices);
  });
  afterAll(async () => {
    await gw?.endAsync();
    await app?.stop();
  });

  it('opens one order for a burst of 1,000 machine-down events for one device, never a duplicate', async () => {
    const seen = record(app, 'work-order.created', 'work-order.changed');
    const burst: DeviceEvent[] = Array.from({ length: 1000 }, (_, i) => ({
      ts: t0 + i * 1000,
      type: 'fault.raised',
      code: 'F-301',
      severity: 'machine-down',
    }));
    // as fast as the client goes, not waiting for each acknowledgement
    await Promise.all(
      burst.map((e) => gw.publishAsync(deviceTopic('burst-1', 'events'), JSON.stringify(e), { qos: 1 })),
    );
    const order = await eventually(
      async () => {
        const [o] = await ordersOf(app, 'deviceId=burst-1');
        return o?.evidence[0]?.count === 1000 ? o : undefined;
      },
      60_000,
      'the burst counted on one order',
    );
    await bus.whenIdle();
    expect(await ordersOf(app, 'deviceId=burst-1')).toHaveLength(1);
    expect(order).toMatchObject({
      kind: 'corrective',
      component: 'fuser',
      priority: 'critical',
      status: 'new',
    });
    expect(order.evidence).toEqual([
      expect.objectContaining({
        kind: 'fault',
        key: 'F-301',
        count: 1000,
        firstAt: t0,
        lastAt: t0 + 999_000,
      }),
    ]);
    expect(seen.filter((s) => s.event === 'work-order.created')).toHaveLength(1);
    // repeats within the debounce are counted, not announced
    expect(seen.filter((s) => s.event === 'work-order.changed')).toHaveLength(0);
    expect(order.diagnosis?.causes[0]).toMatchObject({ cause: 'fuser' });
    expect(order.diagnosis?.parts.map((p) => p.component)).toEqual(['fuser']);
  });

  it('debounces a flapping fault: one order, one announcement; again only after a quiet spell', async () => {
    const seen = record(app, 'work-order.created', 'work-order.changed');
    const flaps: DeviceEvent[] = [];
    for (let i = 0; i < 20; i++) {
      flaps.push({ ts: t0 + i * 15_000, type: 'fault.raised', code: 'M-501', severity: 'machine-down' });
      flaps.push({ ts: t0 + i * 15_000 + 5_000, type: 'fault.cleared', code: 'M-501' });
    }
    await publishEvents('flap-1', flaps);
    await eventually(async () =>
      (await ordersOf(app, 'deviceId=flap-1'))[0]?.evidence[0]?.count === 20 ? true : undefined,
    );
    await bus.whenIdle();
    expect(seen.map((s) => s.event)).toEqual(['work-order.created']);
    // back after an hour of quiet: announced once more, on the same order
    await publishEvents('flap-1', [
      { ts: t0 + HOUR, type: 'fault.raised', code: 'M-501', severity: 'machine-down' },
    ]);
    const changed = await nextEvent(app.app, 'work-order.changed', (c) => c.order.deviceId === 'flap-1');
    expect(changed.changes.map((c) => c.type)).toEqual(['evidence']);
    expect(await ordersOf(app, 'deviceId=flap-1')).toHaveLength(1);
  });

  it('opens a proactive order from a prediction, and a fault arriving meanwhile joins it', async () => {
    const created = nextEvent(app.app, 'work-order.created', (c) => c.order.deviceId === 'join-1');
    bus.publish('prediction.alert-raised', anAlert('join-1', 'fuser', t0));
    const { order } = await created;
    expect(order).toMatchObject({ kind: 'proactive', component: 'fuser', priority: 'medium', status: 'new' });
    expect(order.diagnosis?.causes[0].cause).toBe('fuser');
    expect(order.sla.resolutionDueAt).toBe(t0 + 6 * DAY);

    const joined = nextEvent(app.app, 'work-order.changed', (c) => c.order.id === order.id);
    await publishEvents('join-1', [
      { ts: t0 + HOUR, type: 'fault.raised', code: 'F-301', severity: 'machine-down' },
    ]);
    const { order: after, changes } = await joined;
    expect(changes.map((c) => c.type)).toEqual(['evidence', 'priority', 'note']);
    expect(changes[2].note).toMatch(/joins/);
    expect(after).toMatchObject({ id: order.id, kind: 'proactive', priority: 'critical' });
    expect(after.evidence.map((e) => e.kind)).toEqual(['prediction', 'fault']);
    expect(await ordersOf(app, 'deviceId=join-1')).toHaveLength(1);
  });

  it('cancels a proactive order whose part was replaced anyway', async () => {
    const created = nextEvent(app.app, 'work-order.created', (c) => c.order.deviceId === 'anyway-1');
    bus.publish('prediction.alert-raised', anAlert('anyway-1', 'pickup_roller', t0));
    const { order } = await created;
    const cancelled = nextEvent(app.app, 'work-order.changed', (c) => c.order.id === order.id);
    await publishEvents('anyway-1', [
      { ts: t0 + 2 * HOUR, type: 'service.started', visitId: 'anyway-1-v-9' },
      { ts: t0 + 3 * HOUR, type: 'part.replaced', component: 'pickup_roller', visitId: 'anyway-1-v-9' },
      { ts: t0 + 3 * HOUR, type: 'service.finished', visitId: 'anyway-1-v-9' },
    ]);
    const { order: after, changes } = await cancelled;
    expect(after).toMatchObject({ status: 'cancelled', closedAt: t0 + 3 * HOUR });
    expect(after.outcome).toMatch(/replaced anyway.*anyway-1-v-9/);
    expect(changes[0]).toMatchObject({
      type: 'transition',
      from: 'new',
      to: 'cancelled',
      actor: 'device:anyway-1',
    });
  });

  it('moves through the lifecycle by API: 409 with the reason when illegal, every change kept, billing on completion', async () => {
    const created = nextEvent(app.app, 'work-order.created', (c) => c.order.deviceId === 'life-1');
    await publishEvents('life-1', [
      { ts: t0, type: 'fault.raised', code: 'J-102', severity: 'machine-down' },
    ]);
    const { order } = await created;
    expect(order.entitlement).toMatchObject({ coverage: 'time-and-materials', billable: true });
    expect(order.priority).toBe('high');

    const illegal = await app.request<{ error: string; message: string }>(
      'POST',
      `/api/v1/work-orders/${order.id}/transitions`,
      { to: 'completed', actor: 'tech-7' },
    );
    expect(illegal.status).toBe(409);
    expect(illegal.body).toMatchObject({ error: 'conflict' });
    expect(illegal.body.message).toMatch(
      /cannot go from new to completed; from new it can go to scheduled, assigned, cancelled/,
    );
    const noAssignee = await app.request('POST', `/api/v1/work-orders/${order.id}/transitions`, {
      to: 'assigned',
      actor: 'a',
    });
    expect(noAssignee.status).toBe(409);
    const badBody = await app.request<{ message: string }>(
      'POST',
      `/api/v1/work-orders/${order.id}/transitions`,
      {
        to: 'flying',
        actor: 'a',
      },
    );
    expect(badBody.status).toBe(400);
    expect(badBody.body.message).toMatch(/to: must be one of/);

    await move(app, order.id, { to: 'scheduled', scheduledStart: new Date(Date.now() + HOUR).toISOString() });
    await move(app, order.id, { to: 'assigned', assignee: 'tech-7' });
    await move(app, order.id, { to: 'en-route', actor: 'tech-7' });
    await move(app, order.id, { to: 'on-hold', actor: 'tech-7', note: 'site closed for lunch' });
    await move(app, order.id, { to: 'in-progress', actor: 'tech-7' });
    const note = await app.request('POST', `/api/v1/work-orders/${order.id}/notes`, {
      actor: 'tech-7',
      note: 'roller glazed, replacing',
    });
    expect(note.status).toBe(200);
    const completed = nextEvent(app.app, 'work-order.changed', (c) =>
      c.changes.some((x) => x.to === 'completed' && c.order.id === order.id),
    );
    const wrongPart = await app.request<{ message: string }>(
      'POST',
      `/api/v1/work-orders/${order.id}/transitions`,
      {
        to: 'completed',
        actor: 'tech-7',
        visit: { labourMinutes: 50, parts: [{ component: 'compressor' }] },
      },
    );
    expect(wrongPart.status).toBe(400);
    expect(wrongPart.body.message).toMatch(/no part compressor/);
    await move(app, order.id, {
      to: 'completed',
      actor: 'tech-7',
      visit: { labourMinutes: 50, travelMinutes: 25, travelKm: 14, parts: [{ component: 'pickup_roller' }] },
    });
    await completed;

    const d = await detail(app, order.id);
    expect(d.status).toBe('completed');
    expect(d.billing).toMatchObject({
      billable: true,
      coverage: 'time-and-materials',
      labourMinutes: 50,
      travelMinutes: 25,
      travelKm: 14,
      technician: 'tech-7',
      parts: [{ component: 'pickup_roller', quantity: 1 }],
    });
    expect(d.commands[0].command).toEqual({
      action: 'replace-part',
      component: 'pickup_roller',
      workOrderId: order.id,
    });
    expect(d.diagnosis?.causes[0].cause).toBe('pickup_roller');
    expect(
      d.history.filter((h) => h.type === 'transition').map((h) => [h.from, h.to, h.actor, h.note ?? null]),
    ).toEqual([
      ['new', 'scheduled', 'dispatcher:ann', null],
      ['scheduled', 'assigned', 'dispatcher:ann', null],
      ['assigned', 'en-route', 'tech-7', null],
      ['en-route', 'on-hold', 'tech-7', 'site closed for lunch'],
      ['on-hold', 'in-progress', 'tech-7', null],
      ['in-progress', 'completed', 'tech-7', null],
    ]);
    expect(d.history.map((h) => h.type)).toEqual(expect.arrayContaining(['created', 'note', 'command-sent']));
    expect(d.history.every((h) => h.at > 0 && h.actor)).toBe(true);

    // the list filters, pages and exports CSV
    const mine = await ordersOf(app, 'assignee=tech-7&status=completed&kind=corrective');
    expect(mine.map((o) => o.id)).toEqual([order.id]);
    const page = await app.get<{ data: WorkOrder[]; nextCursor: string }>('/api/v1/work-orders?limit=2');
    const next = await app.get<{ data: WorkOrder[] }>(
      `/api/v1/work-orders?limit=2&cursor=${page.body.nextCursor}`,
    );
    expect(next.body.data.map((o) => o.id)).not.toContain(page.body.data[0].id);
    const csv = await app.get(`/api/v1/work-orders?deviceId=life-1&format=csv`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.text.split('\r\n')[0]).toMatch(/^id,deviceId,component,kind,status,priority,title/);
    expect(csv.text).toContain(`${order.id},life-1,pickup_roller,corrective,completed,high`);
    expect(csv.text).toContain('pickup_roller×1');
    const bad = await app.get<{ message: string }>('/api/v1/work-orders?status=done');
    expect(bad.status).toBe(400);
  });

  it("diagnoses a customer's words: a cleaning asked for black marks is a transfer roller", async () => {
    const res = await app.request<WorkOrder>('POST', '/api/v1/work-orders', {
      deviceId: 'words-1',
      kind: 'customer-request',
      description: 'Copies come out with black marks, please send someone to clean the machine',
      requestedBy: 'customer:front-desk',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'customer-request', component: 'transfer_roller', status: 'new' });
    expect(res.body.diagnosis?.causes[0]).toMatchObject({
      cause: 'transfer_roller',
      action: 'replace transfer_roller',
    });
    expect(res.body.diagnosis?.causes[0].evidence.join(' ')).toMatch(/IQ-204/);
    // the same complaint again joins the open order
    const again = await app.request<WorkOrder>('POST', '/api/v1/work-orders', {
      deviceId: 'words-1',
      kind: 'customer-request',
      description: 'still black streaks on every page',
      requestedBy: 'customer:front-desk',
    });
    expect(again.body.id).toBe(res.body.id);
    const preview = await app.request<{ causes: Array<{ cause: string }> }>(
      'POST',
      '/api/v1/work-orders/diagnose',
      {
        deviceId: 'words-1',
        codes: ['J-110'],
      },
    );
    expect(preview.status).toBe(200);
    expect(preview.body.causes[0].cause).toBe('operator');
    expect(
      (
        await app.request('POST', '/api/v1/work-orders', {
          deviceId: 'nobody',
          kind: 'customer-request',
          description: 'x',
          requestedBy: 'y',
        })
      ).status,
    ).toBe(404);
  });

  it('raises an SLA warning before the breach and an event at it, in simulated time', async () => {
    const created = nextEvent(app.app, 'work-order.created', (c) => c.order.deviceId === 'sla-1');
    await publishEvents('sla-1', [{ ts: t0, type: 'fault.raised', code: 'E-900', severity: 'machine-down' }]);
    const { order } = await created;
    // full service: response due in 4 h (warning at 3 h), resolution in 12 h (warning at 9 h)
    expect(order.sla).toMatchObject({ responseDueAt: t0 + 4 * HOUR, resolutionDueAt: t0 + 12 * HOUR });
    const seen = record(app, 'work-order.sla-warning', 'work-order.sla-breached');
    const jobs = app.app.get(JobRunner);
    for (const h of [1, 3, 3.5, 4, 9, 12, 13]) {
      await jobs.runNow('work-orders.sla', t0 + h * HOUR);
      await bus.whenIdle();
    }
    const mine = seen.filter((s) => s.payload.order.id === order.id);
    expect(mine.map((s) => [s.event, s.payload.target, (s.payload.at - t0) / HOUR])).toEqual([
      ['work-order.sla-warning', 'response', 3],
      ['work-order.sla-breached', 'response', 4],
      ['work-order.sla-warning', 'resolution', 9],
      ['work-order.sla-breached', 'resolution', 12],
    ]);
    const d = await detail(app, order.id);
    expect(d.sla).toMatchObject({
      responseWarnedAt: t0 + 3 * HOUR,
      responseBreachedAt: t0 + 4 * HOUR,
      resolutionWarnedAt: t0 + 9 * HOUR,
      resolutionBreachedAt: t0 + 12 * HOUR,
    });
    expect(d.history.filter((h) => h.type.startsWith('sla-')).map((h) => h.type)).toEqual([
      'sla-warning',
      'sla-breach',
      'sla-warning',
      'sla-breach',
    ]);
  });
});
