import { FleetPublisher, connectionGroups } from '../device-simulator/fleet-publisher.js';
import { generateFleet, type Fleet } from '../device-simulator/fleet.js';
import type { TruthRecord } from '../device-simulator/ground-truth.js';
import { Random } from '../device-simulator/random.js';
import { catalogAsMaintenancePlans, catalogAsRegistryModels } from '../device-simulator/registry-export.js';
import { FleetSimulation, type SimMessage, type SimulationOptions } from '../device-simulator/simulation.js';
import type { DeviceEvent, MaintenanceCommand, TelemetrySample } from '../src/contract/index.js';
import { DomainError, ErrorCode } from '../src/common/domain-error.js';
import { DomainEventBus } from '../src/events/domain-event-bus.js';
import { JobRunner } from '../src/infrastructure/jobs/job-runner.js';
import type { WorkOrder } from '../src/work-orders/work-order.js';
import { WorkOrdersService } from '../src/work-orders/work-orders.service.js';
import { startBenchApp } from './bench-support.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/**
 * Where prediction scoring plugs into the loop. Called at every simulated day
 * boundary with the simulated time; it publishes `prediction.alert-raised` on the
 * app's bus (directly, or by running the scoring job in simulated time).
 */
export type Predictor = (loop: { bus: DomainEventBus; jobs: JobRunner; now: number }) => Promise<void>;

export interface ClosedLoopOptions {
  devices: number;
  days: number;
  seed: number;
  /**
   * `none`: PM plans and corrective orders only; `platform`: runs the scoring job
   * (`scoringJob`) at every day boundary, and the training job (`trainingJob`) every
   * `trainingEveryDays`; `oracle`: an upper bound that is not a
   * prediction model: alerts from the simulator's ground truth, `oracleLagDays` after
   * a part's warning signs start.
   */
  predictor: 'none' | 'platform' | 'oracle';
  scoringJob: string;
  /** Run (when the app has it) before the first scoring and every `trainingEveryDays`. */
  trainingJob: string;
  trainingEveryDays: number;
  oracleLagDays: number;
  log: (line: string) => void;
}

/** What one run did to the fleet, from the simulator's ground truth. */
export interface RunFigures {
  machineDownFailures: number;
  downtimeHours: number;
  availability: number;
  /** Up time per machine-down failure; null without failures. */
  mtbfHours: number | null;
  visits: number;
  parts: number;
  /** Orders the platform opened, by kind (platform run only). */
  orders?: Record<string, number>;
  wallSeconds: number;
}

export interface ClosedLoopResult {
  reactive: RunFigures;
  simulatorPm: RunFigures;
  platform: RunFigures;
  predictor: string;
}

/**
 * The closed loop: one seeded fleet run three times over the same period.
 * 1. reactive: repairs after failures only (the simulator's technicians, misdiagnoses included);
 * 2. the simulator's own PM schedule, for reference;
 * 3. the platform in the loop: the simulator publishes over MQTT into the real app in
 *    simulated time (hourly samples; every hour's messages stored and reacted to before
 *    the clock moves on); the app's jobs run at simulated day boundaries through
 *    `JobRunner.runNow(name, simNow)` (maintenance plans, SLA timers, and prediction
 *    scoring when wired); a simulated field force works the orders it opens (response
 *    times as the simulator's technicians for breakdowns, planned visits within days
 *    for proactive and preventive work), completing them through the work-orders
 *    service, which sends the maintenance commands over MQTT; the simulator, whose own
 *    repairs and PM are off, obeys them and reports what it did.
 */
export async function closedLoop(o: ClosedLoopOptions): Promise<ClosedLoopResult> {
  const start = Date.UTC(2025, 0, 1);
  const end = start + o.days * DAY;
  const fleet = generateFleet({
    devices: o.devices,
    customers: Math.max(1, Math.round(o.devices / 8)),
    seed: o.seed,
    start,
    overuseShare: 0.1,
    misuseShare: 0.05,
  });
  o.log(`  reactive run (simulator alone, repairs after failures, no PM)…`);
  const reactive = simulatorOnly(fleet, o.seed, start, end, { preventiveMaintenance: false });
  o.log(`  simulator's own PM schedule…`);
  const simulatorPm = simulatorOnly(fleet, o.seed, start, end, { preventiveMaintenance: true });
  o.log(`  platform in the loop (real app over MQTT in simulated time)…`);
  const platform = await withPlatform(fleet, o, start, end);
  return { reactive, simulatorPm, platform, predictor: o.predictor };
}

function simulatorOnly(
  fleet: Fleet,
  seed: number,
  start: number,
  end: number,
  options: Partial<SimulationOptions>,
): RunFigures {
  const wall = Date.now();
  const truth: TruthRecord[] = [];
  const sim = new FleetSimulation(
    fleet,
    { seed, start, stepMs: HOUR, ...options },
    { message: () => undefined, truth: (r) => truth.push(r) },
  );
  sim.advanceTo(end);
  const visits =
    truth.filter((r) => r.type === 'repair').length +
    truth.filter((r) => r.type === 'pm' && r.source === 'schedule').length;
  return {
    ...figures(truth, fleet.devices.length, start, end, visits),
    wallSeconds: (Date.now() - wall) / 1000,
  };
}

/** Machine-down failures, downtime (union per device), availability, MTBF and parts from the ground truth. */
export function figures(
  truth: readonly TruthRecord[],
  devices: number,
  start: number,
  end: number,
  visits: number,
): Omit<RunFigures, 'wallSeconds'> {
  const restored = new Map<string, number>();
  for (const r of truth)
    if (r.type === 'repair') restored.set(`${r.deviceId}/${r.component}/${r.failureTs}`, r.finishTs);
  const down = new Map<string, Array<[number, number]>>();
  let failures = 0;
  for (const r of truth) {
    if (r.type !== 'failure' || r.severity !== 'machine-down') continue;
    failures++;
    const until = Math.min(end, restored.get(`${r.deviceId}/${r.component}/${r.ts}`) ?? end);
    down.set(r.deviceId, [...(down.get(r.deviceId) ?? []), [r.ts, until]]);
  }
  let downMs = 0;
  for (const spans of down.values()) {
    spans.sort((a, b) => a[0] - b[0]);
    let [s, e] = spans[0];
    for (const [a, b] of spans.slice(1)) {
      if (a > e) {
        downMs += e - s;
        [s, e] = [a, b];
      } else e = Math.max(e, b);
    }
    downMs += e - s;
  }
  const inService = devices * (end - start);
  const upMs = inService - downMs;
  return {
    machineDownFailures: failures,
    downtimeHours: downMs / HOUR,
    availability: upMs / inService,
    mtbfHours: failures ? upMs / failures / HOUR : null,
    visits,
    parts: truth.filter((r) => r.type === 'replacement').length,
  };
}

/** A technician's visit the simulated field force has planned for an order. */
interface PlannedVisit {
  orderId: string;
  arrival: number;
  finish: number;
}

async function withPlatform(
  fleet: Fleet,
  o: ClosedLoopOptions,
  start: number,
  end: number,
): Promise<RunFigures> {
  const wall = Date.now();
  const app = await startBenchApp({
    LOG_LEVEL: 'error',
    WRITE_FLUSH_INTERVAL_MS: '10',
    KPI_REFRESH_INTERVAL_MS: '0',
    WORK_ORDER_SLA_INTERVAL_MS: '0',
    WORK_ORDER_PM_INTERVAL_MS: '0',
    WORK_ORDER_LEARN_INTERVAL_MS: '0',
    WEBHOOK_DELIVERY_INTERVAL_MS: '0',
  });
  try {
    await registerFleet(app.httpUrl, fleet, app.adminKey);
    for (const plan of catalogAsMaintenancePlans())
      await http(app.httpUrl, 'PUT', '/api/v1/maintenance-plans', plan, app.adminKey);
    const bus = app.app.get(DomainEventBus);
    const jobs = app.app.get(JobRunner);
    const orders = app.app.get(WorkOrdersService);
    const rng = new Random(o.seed, 0xf1e1d);

    // what ingest has stored, to know when an hour of messages is in
    const stored = { points: 0, events: 0 };
    const expected = { points: 0, events: 0 };
    let storedWaiter: (() => void) | null = null;
    const storedCheck = (): void => {
      if (storedWaiter && stored.points >= expected.points && stored.events >= expected.events) {
        const w = storedWaiter;
        storedWaiter = null;
        w();
      }
    };
    bus.subscribe('telemetry.stored', 'closed-loop', (p) => {
      for (const d of p.devices) stored.points += d.points;
      storedCheck();
    });
    bus.subscribe('events.stored', 'closed-loop', (p) => {
      for (const e of p.events) if (!e.type.startsWith('device.')) stored.events++;
      storedCheck();
    });
    const allStored = (): Promise<void> =>
      new Promise((resolve) => {
        storedWaiter = resolve;
        storedCheck();
      });

    // the field force plans a visit for every order opened
    const planned: PlannedVisit[] = [];
    const opened: Record<string, number> = {};
    bus.subscribe('work-order.created', 'closed-loop', ({ order }) => {
      opened[order.kind] = (opened[order.kind] ?? 0) + 1;
      planned.push(planVisit(order, rng));
    });

    // the oracle stand-in for predictions: ground truth, labelled as such
    const oracleAlerts: Array<{ at: number; deviceId: string; component: string }> = [];
    const truth: TruthRecord[] = [];
    const outbox: SimMessage[] = [];
    const sim = new FleetSimulation(
      fleet,
      { seed: o.seed, start, stepMs: HOUR, preventiveMaintenance: false, repairs: 'external' },
      {
        message: (m) => outbox.push(m),
        truth: (r) => {
          truth.push(r);
          if (o.predictor === 'oracle' && r.type === 'wear')
            oracleAlerts.push({
              at: r.ts + o.oracleLagDays * DAY,
              deviceId: r.deviceId,
              component: r.component,
            });
        },
      },
    );
    const visitTimes = new Map<string, number>();
    let commandsReceived = 0;
    let commandsExpected = 0;
    let commandWaiter: (() => void) | null = null;
    const publisher = new FleetPublisher({
      url: `mqtt://127.0.0.1:${app.brokerPorts!.mqtt}`,
      deviceIds: fleet.devices.map((d) => d.deviceId),
      gateways: 4,
      // each gateway's password: it may publish for its own devices only
      passwords: await app.gateways(
        connectionGroups(
          fleet.devices.map((d) => d.deviceId),
          4,
        ).map((g) => g.clientId),
        fleet.devices.map((d) => d.deviceId),
      ),
      qos: 1,
      bufferLimit: 10_000_000,
      birth: (id) => sim.birth(id, sim.now),
      onCommand: (id: string, command: MaintenanceCommand) => {
        sim.applyCommand(id, command, visitTimes.get(command.workOrderId ?? '') ?? sim.now);
        commandsReceived++;
        if (commandWaiter && commandsReceived >= commandsExpected) commandWaiter();
      },
    });
    await publisher.start();

    const predictor = predictorFor(o, oracleAlerts);
    let visits = 0;
    const progressEvery = Math.max(1, Math.round(o.days / 10));
    for (let t = start; t < end; t += HOUR) {
      const now = t + HOUR;
      sim.advanceTo(now);
      for (const m of outbox.splice(0)) {
        count(m, expected);
        const drained = publisher.publish(m);
        if (drained) await drained;
      }
      await allStored();
      await bus.whenIdle();
      if (now % DAY === 0) {
        await jobs.runNow('work-orders.maintenance-plans', now);
        await jobs.runNow('work-orders.sla', now);
        await predictor({ bus, jobs, now });
        await bus.whenIdle();
        const day = (now - start) / DAY;
        if (day % progressEvery === 0)
          o.log(
            `    day ${day}: ${visits} visits, ${Object.values(opened).reduce((a, b) => a + b, 0)} orders, ${Math.round((Date.now() - wall) / 1000)} s`,
          );
      }
      // visits that end within this hour
      const due = planned.filter((v) => v.finish <= now).sort((a, b) => a.finish - b.finish);
      for (const v of due) {
        planned.splice(planned.indexOf(v), 1);
        const sent = await carryOut(orders, v, visitTimes);
        if (sent === null) continue;
        visits++;
        commandsExpected += sent;
      }
      if (commandsReceived < commandsExpected)
        await new Promise<void>((resolve) => {
          commandWaiter = resolve;
          if (commandsReceived >= commandsExpected) resolve();
        });
      commandWaiter = null;
    }
    await publisher.stop();
    return {
      ...figures(truth, fleet.devices.length, start, end, visits),
      orders: opened,
      wallSeconds: (Date.now() - wall) / 1000,
    };
  } finally {
    await app.close();
    app.remove();
  }
}

/** Points and events a message will store. */
function count(m: SimMessage, expected: { points: number; events: number }): void {
  if (m.kind === 'telemetry') {
    const s = m.payload as TelemetrySample;
    expected.points += Object.keys(s.gauges ?? {}).length + Object.keys(s.counters ?? {}).length;
  } else if (m.kind === 'events') {
    expected.events += Array.isArray(m.payload) ? (m.payload as DeviceEvent[]).length : 1;
  }
}

/**
 * When a technician gets there: breakdowns and customer calls as the simulator's own
 * technicians (log-normal, median 4 h); planned work (proactive, preventive) within
 * days (median 2), never after its due time; the work itself log-normal, median 90 min.
 */
function planVisit(order: WorkOrder, rng: Random): PlannedVisit {
  const work = rng.lognormal(90 * MIN, 0.5);
  let arrival: number;
  if (order.kind === 'corrective' || order.kind === 'customer-request')
    arrival = order.createdAt + rng.lognormal(4 * HOUR, 0.6);
  else {
    arrival = order.createdAt + rng.lognormal(2 * DAY, 0.5);
    const due = order.sla.resolutionDueAt ?? order.dueAt;
    if (due !== null) arrival = Math.max(order.createdAt, Math.min(arrival, due - work));
  }
  return { orderId: order.id, arrival: Math.round(arrival), finish: Math.round(arrival + work) };
}

/**
 * The visit, through the work-orders service in simulated time: assigned, on site,
 * completed with the parts the diagnosis lists (and the predicted part), the PM when
 * the order carries a plan. Returns how many commands go to the device; null when the
 * order was closed or cancelled before the technician came.
 */
async function carryOut(
  orders: WorkOrdersService,
  v: PlannedVisit,
  visitTimes: Map<string, number>,
): Promise<number | null> {
  const order = await orders.get(v.orderId);
  if (order.status === 'closed' || order.status === 'cancelled') return null;
  // a PM visit replaces what its plan says (the device decides by wear); other work brings the diagnosed parts
  const parts = new Set(
    order.kind === 'preventive' ? [] : (order.diagnosis?.parts.map((p) => p.component) ?? []),
  );
  if (order.component) parts.add(order.component);
  const actor = 'tech:field-force';
  visitTimes.set(order.id, v.finish);
  try {
    await orders.applyTransition(order.id, {
      to: 'assigned',
      actor: 'dispatch:closed-loop',
      at: v.arrival - 30 * MIN,
      assignee: actor,
    });
    await orders.applyTransition(order.id, { to: 'in-progress', actor, at: v.arrival });
    const done = await orders.applyTransition(order.id, {
      to: 'completed',
      actor,
      at: v.finish,
      visit: {
        parts: [...parts].map((component) => ({ component, quantity: 1 })),
        pmDone: order.kind === 'preventive' || order.planId !== null,
        labourMinutes: Math.round((v.finish - v.arrival) / MIN),
        travelMinutes: 30,
        travelKm: 20,
        technician: actor,
      },
    });
    return done.commands.length;
  } catch (err) {
    // the device closed it meanwhile (its part replaced by another visit)
    if (err instanceof DomainError && err.code === ErrorCode.Conflict) return null;
    throw err;
  }
}

function predictorFor(
  o: ClosedLoopOptions,
  oracle: Array<{ at: number; deviceId: string; component: string }>,
): Predictor {
  switch (o.predictor) {
    case 'none':
      return () => Promise.resolve();
    case 'platform': {
      // the hook: training (every `trainingEveryDays`, when the app has such a job) and scoring in
      // simulated time; scoring publishes prediction.alert-raised, the work orders listen
      let lastTraining = Number.NEGATIVE_INFINITY;
      const run = async (jobs: JobRunner, name: string, now: number, needed: boolean): Promise<void> => {
        try {
          await jobs.runNow(name, now);
        } catch (err) {
          if (!(err instanceof DomainError && err.code === ErrorCode.NotFound)) throw err;
          if (needed)
            throw new Error(
              `no job ${name}: prediction scoring is not wired into the app yet (use --predictor none or oracle)`,
              { cause: err },
            );
        }
      };
      return async ({ jobs, now }) => {
        if (now - lastTraining >= o.trainingEveryDays * DAY) {
          lastTraining = now;
          await run(jobs, o.trainingJob, now, false);
        }
        await run(jobs, o.scoringJob, now, true);
      };
    }
    case 'oracle':
      return ({ bus, now }) => {
        for (const a of oracle.filter((x) => x.at <= now)) {
          oracle.splice(oracle.indexOf(a), 1);
          bus.publish('prediction.alert-raised', {
            deviceId: a.deviceId,
            component: a.component,
            ts: now,
            horizonDays: 30,
            probability: 0.8,
            threshold: 0.5,
            remainingDays: null,
            remainingUsage: null,
            evidence: ['oracle: the simulator ground truth says this part shows warning signs'],
            modelVersion: 'oracle (ground truth, an upper bound)',
          });
        }
        return Promise.resolve();
      };
  }
}

async function http(
  base: string,
  method: string,
  path: string,
  body: unknown,
  key: string,
): Promise<unknown> {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? (JSON.parse(text) as unknown) : null;
}

/** The fleet in the registry, as an OEM onboards it: models (with fault tables), customers, sites, devices. */
async function registerFleet(base: string, fleet: Fleet, key: string): Promise<void> {
  const iso = (ms: number): string => new Date(ms).toISOString();
  await http(base, 'POST', '/api/v1/registry/models/import', catalogAsRegistryModels(), key);
  await http(
    base,
    'POST',
    '/api/v1/registry/customers/import',
    fleet.customers.map((c) => ({ customerId: c.customerId, name: c.name })),
    key,
  );
  await http(
    base,
    'POST',
    '/api/v1/registry/sites/import',
    fleet.sites.map((s) => ({
      siteId: s.siteId,
      customerId: s.customerId,
      name: s.name,
      lat: s.lat,
      lon: s.lon,
      departments: s.floors,
    })),
    key,
  );
  await http(
    base,
    'POST',
    '/api/v1/registry/devices/import',
    fleet.devices.map((d) => ({
      deviceId: d.deviceId,
      serial: d.serial,
      modelId: d.modelId,
      siteId: d.siteId,
      department: d.floor,
      installDate: iso(d.installDate),
      warrantyEnd: iso(d.warrantyEnd),
      contractType: d.contract,
      contractEnd: iso(d.contractEnd),
    })),
    key,
  );
}
