import { FleetPublisher } from '../device-simulator/fleet-publisher.js';
import { generateFleet } from '../device-simulator/fleet.js';
import { catalogAsMaintenancePlans } from '../device-simulator/registry-export.js';
import { FleetSimulation, type SimMessage } from '../device-simulator/simulation.js';
import { DomainEventBus } from '../src/events/domain-event-bus.js';
import { JobRunner } from '../src/infrastructure/jobs/job-runner.js';
import type { DevicePlanStatus } from '../src/work-orders/maintenance-plans.service.js';
import { nextEvent } from './helpers/domain-events.js';
import { eventually, startTestApp, type TestApp } from './helpers/test-app.js';
import { anAlert, detail, MANUAL_JOBS, move, registerDevices } from './helpers/work-orders.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The loop end to end over MQTT: the simulator's own device model publishes through
 * the real broker into the real app, obeys the maintenance commands the app sends,
 * and reports what it did; the order closes on that report and the KPIs count it.
 */
describe('Work orders back to the device (real app, real broker, the simulator obeying)', () => {
  let app: TestApp;
  let sim: FleetSimulation;
  let publisher: FleetPublisher;
  const outbox: SimMessage[] = [];
  const start = Math.floor((Date.now() - 20 * DAY) / DAY) * DAY;
  const fleet = generateFleet({ devices: 1, customers: 1, seed: 11, start, overuseShare: 0, misuseShare: 0 });
  const device = fleet.devices[0];
  const commands: string[] = [];

  /** Publishes what the simulated device produced, and waits until the broker has it all. */
  const flush = async (): Promise<void> => {
    for (const m of outbox.splice(0)) await publisher.publish(m);
    await publisher.whenAcknowledged();
  };

  beforeAll(async () => {
    app = await startTestApp(MANUAL_JOBS);
    await registerDevices(app, [
      {
        deviceId: device.deviceId,
        modelId: device.modelId,
        installDate: new Date(device.installDate).toISOString().slice(0, 10),
        contractType: 'full-service',
      },
    ]);
    sim = new FleetSimulation(
      fleet,
      { seed: 11, start, stepMs: HOUR, preventiveMaintenance: false, repairs: 'external' },
      { message: (m) => outbox.push(m), truth: () => undefined },
    );
    publisher = new FleetPublisher({
      url: app.mqttUrl,
      deviceIds: [device.deviceId],
      gateways: 1,
      // the gateway's password: it may publish for this device only
      passwords: await app.simulatorGateways(1, 1),
      qos: 1,
      bufferLimit: 100_000,
      birth: (id) => sim.birth(id, sim.now),
      onCommand: (id, command) => {
        commands.push(`${command.action}:${command.component ?? ''}`);
        sim.applyCommand(id, command);
        void flush();
      },
    });
    await publisher.start();
    sim.advanceTo(start + 2 * DAY);
    await flush();
  });
  afterAll(async () => {
    await publisher?.stop();
    await app?.stop();
  });

  it('opens an order with a diagnosis when a precursor rises, and closes it when the device reports the part replaced', async () => {
    // the most worn part is the one a prediction would flag
    const worn = sim
      .componentState(device.deviceId)
      .filter((c) => c.name !== 'main_board')
      .sort((a, b) => b.age / b.life - a.age / a.life)[0].name;
    const created = nextEvent(app.app, 'work-order.created', (c) => c.order.deviceId === device.deviceId);
    app.app.get(DomainEventBus).publish('prediction.alert-raised', anAlert(device.deviceId, worn, sim.now));
    const { order } = await created;
    expect(order).toMatchObject({ kind: 'proactive', component: worn, status: 'new' });
    expect(order.diagnosis?.causes[0].cause).toBe(worn);
    expect(order.diagnosis?.parts.map((p) => p.component)).toContain(worn);

    await move(app, order.id, { to: 'assigned', assignee: 'tech-3' });
    await move(app, order.id, { to: 'in-progress', actor: 'tech-3' });
    const closed = nextEvent(
      app.app,
      'work-order.changed',
      (c) => c.order.id === order.id && c.order.status === 'closed',
    );
    await move(app, order.id, {
      to: 'completed',
      actor: 'tech-3',
      visit: {
        labourMinutes: 40,
        travelMinutes: 20,
        travelKm: 9,
        parts: order.diagnosis!.parts.map((p) => ({ component: p.component })),
      },
    });
    const { order: done, changes } = await closed;
    expect(commands).toContain(`replace-part:${worn}`);
    expect(sim.componentState(device.deviceId).find((c) => c.name === worn)!.age).toBe(0);
    expect(changes.map((c) => c.type)).toEqual(['device-confirmed', 'transition']);
    expect(changes[1]).toMatchObject({ from: 'completed', to: 'closed', actor: `device:${device.deviceId}` });
    expect(done.commands.every((c) => c.sentAt !== null && c.confirmedAt !== null)).toBe(true);

    // the device's report is in the store: the KPIs count the service call
    const events = await app.get<{ data: Array<{ type: string; visitId?: string }> }>(
      `/api/v1/devices/${device.deviceId}/events?from=${start}&to=${Date.now() + HOUR}&type=part.replaced,service.started`,
    );
    expect(events.body.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'part.replaced', visitId: `${device.deviceId}-wo-${order.id}` }),
      ]),
    );
    expect((await app.request('POST', '/api/v1/kpis/refresh')).status).toBeLessThan(300);
    const from = new Date(start).toISOString().slice(0, 10);
    const to = new Date(Math.floor(Date.now() / DAY) * DAY + DAY).toISOString().slice(0, 10);
    const kpis = await app.get<{ kpis: { serviceCalls: number } }>(
      `/api/v1/kpis?scope=device&id=${device.deviceId}&from=${from}&to=${to}`,
    );
    expect(kpis.status).toBe(200);
    expect(kpis.body.kpis.serviceCalls).toBeGreaterThanOrEqual(1);
  });

  it('opens a preventive order a lead ahead of its plan, sends the PM visit, and the next due date follows the completion', async () => {
    const plan = catalogAsMaintenancePlans().find((p) => p.modelId === device.modelId)!;
    expect((await app.request('PUT', '/api/v1/maintenance-plans', plan)).status).toBe(200);
    const created = nextEvent(app.app, 'work-order.created', (c) => c.order.kind === 'preventive');
    // no PM on record since the install: due long ago, so due now
    await app.app.get(JobRunner).runNow('work-orders.maintenance-plans', sim.now);
    const { order } = await created;
    expect(order).toMatchObject({ planId: plan.planId, component: null, priority: 'low' });
    // the job again: the plan's order is open, no second one
    await app.app.get(JobRunner).runNow('work-orders.maintenance-plans', sim.now);
    await app.app.get(DomainEventBus).whenIdle();
    expect(
      (await app.get<{ data: unknown[] }>('/api/v1/work-orders?kind=preventive')).body.data,
    ).toHaveLength(1);

    await move(app, order.id, { to: 'assigned', assignee: 'tech-3' });
    await move(app, order.id, { to: 'in-progress', actor: 'tech-3' });
    const closed = nextEvent(
      app.app,
      'work-order.changed',
      (c) => c.order.id === order.id && c.order.status === 'closed',
    );
    const completedFrom = Date.now();
    await move(app, order.id, {
      to: 'completed',
      actor: 'tech-3',
      visit: { labourMinutes: 60, pmDone: true },
    });
    await closed;
    expect(commands).toContain('pm-visit:');
    const status = await eventually(async () => {
      const res = await app.get<DevicePlanStatus[]>(
        `/api/v1/maintenance-plans/${String(plan.planId)}/devices`,
      );
      const mine = res.body.find((s) => s.deviceId === device.deviceId);
      return mine && mine.lastDoneAt >= completedFrom ? mine : undefined;
    });
    // the actual completion moved the plan: the next due date is counted from it, not from the old one
    expect(status.pulledForwardAt).toBeNull();
    expect(status.due!.dueAt).toBeGreaterThan(status.lastDoneAt);
    expect(status.due!.dueAt).toBeLessThanOrEqual(status.lastDoneAt + Number(plan.everyDays) * DAY);
    expect((await detail(app, order.id)).history.map((h) => h.type)).toEqual(
      expect.arrayContaining(['command-sent', 'device-confirmed']),
    );
  });
});
