import type {
  DeviceEvent,
  DeviceStatus,
  FaultSeverity,
  MaintenanceCommand,
  MessageKind,
  TelemetrySample,
} from '../src/contract/index.js';
import { FAULT_CODE_BY_CODE, MODEL_BY_ID, type ComponentSpec, type EquipmentModel } from './catalog.js';
import type { DeviceSpec, Fleet } from './fleet.js';
import type { TruthRecord } from './ground-truth.js';
import { Random } from './random.js';
import { monthlyWeightHours, usageWeight } from './usage.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const round2 = (x: number): number => Math.round(x * 100) / 100;

export interface SimulationOptions {
  seed: number;
  /** Simulation start, ms since the epoch. */
  start: number;
  /** One telemetry sample per device per step. */
  stepMs: number;
  /** Multiplies every component's failure rate (divides its life scale). */
  failureRateMultiplier: number;
  /** Life of components in an overused device, as a share of the normal life. */
  overuseLifeFactor: number;
  /** Share of machine-down visits where the technician misdiagnoses and the fault returns. */
  misdiagnosisRate: number;
  /** Technician response (call to arrival) and repair time: log-normal, median and σ of the log. */
  response: { medianMs: number; sigma: number };
  repair: { medianMs: number; sigma: number };
  /** Scheduled preventive maintenance on or off. */
  preventiveMaintenance: boolean;
  /**
   * Who repairs failures. `simulated` (default): the customer calls, a technician
   * comes and repairs (misdiagnosing some). `external`: nobody comes by themselves: a
   * failed part waits for a `replace-part` command (a field force outside the
   * simulator, e.g. the platform's work orders); a visit that leaves it failed makes
   * the machine show its fault again.
   */
  repairs: 'simulated' | 'external';
}

export const DEFAULT_SIMULATION_OPTIONS: Omit<SimulationOptions, 'seed' | 'start'> = {
  stepMs: MINUTE,
  failureRateMultiplier: 1,
  overuseLifeFactor: 0.6,
  misdiagnosisRate: 0.1,
  response: { medianMs: 4 * HOUR, sigma: 0.6 },
  repair: { medianMs: 90 * MINUTE, sigma: 0.5 },
  preventiveMaintenance: true,
  repairs: 'simulated',
};

export interface SimMessage {
  deviceId: string;
  kind: MessageKind;
  payload: TelemetrySample | DeviceEvent | DeviceStatus;
}

export interface SimulationSinks {
  message(m: SimMessage): void;
  truth(r: TruthRecord): void;
}

interface ComponentState {
  spec: ComponentSpec;
  /** Accumulated wear in usage units (accelerated by overuse). */
  age: number;
  /** Age at which it fails. */
  life: number;
  /** Age at which warning signs start; null when this life ends without warning. */
  precursorAt: number | null;
  precursorShown: boolean;
  /** Failed and awaiting a repair visit. */
  failed: boolean;
  cause: 'wear' | 'misdiagnosis';
  /** The failure a misdiagnosed visit left unfixed (the next failure is its return); null otherwise. */
  returnOf: number | null;
  /** What the warning signs of this part's life showed, for the ground truth only (no random draws). */
  signs: PrecursorSigns;
}

/** Observable warning signs of one part's life so far: what a predictor could have seen. */
interface PrecursorSigns {
  /** When the precursor stage began; null before it. */
  startTs: number | null;
  /** Times of the precursor fault codes emitted (after de-duplication of open codes). */
  codeTs: number[];
  /** Noise-free drift of its precursor gauge at the latest sample, in the gauge's noise sd. */
  drift: number;
  /** [ts, drift] about hourly over the last two days: the drift a day before a failure. */
  driftLog: Array<[number, number]>;
}

interface Visit {
  component: ComponentState;
  failureTs: number;
  callTs: number;
  arrivalTs: number;
  finishTs: number;
  repairMs: number;
  machineDown: boolean;
  misdiagnosed: boolean;
  started: boolean;
  visitId: string;
}

interface DeviceState {
  spec: DeviceSpec;
  model: EquipmentModel;
  rng: Random;
  components: ComponentState[];
  /** Page counter or run hours. */
  usageTotal: number;
  consumables: number[];
  /** Open fault codes raised by the device, cleared later. */
  openMinor: Array<{ code: string; clearAt: number }>;
  /** Repair visits owed, in failure order; the head is the one under way or next. */
  visits: Visit[];
  /** External repairs: failures waiting for a replace-part command. */
  awaiting: Array<{ component: ComponentState; failureTs: number; machineDown: boolean; severity: string }>;
  lastPmTs: number;
  lastPmUsage: number;
  rate: number;
  /** The customer's yearly usage growth. */
  growth: number;
  visitCount: number;
}

/**
 * The fleet in simulated time. Pure: no I/O, no clock; the caller advances it and
 * receives messages (what devices publish) and ground truth (what really happened).
 * Each device draws from its own random stream, so the same seed gives the same run.
 */
export class FleetSimulation {
  readonly options: SimulationOptions;
  private readonly devices: DeviceState[];
  private readonly byId = new Map<string, DeviceState>();
  now: number;

  constructor(
    fleet: Fleet,
    options: Partial<SimulationOptions> & Pick<SimulationOptions, 'seed' | 'start'>,
    private readonly sinks: SimulationSinks,
  ) {
    this.options = { ...DEFAULT_SIMULATION_OPTIONS, ...options };
    this.now = this.options.start;
    sinks.truth({
      type: 'params',
      seed: this.options.seed,
      options: this.options,
      devices: fleet.devices.length,
    });
    for (const c of fleet.customers) sinks.truth({ type: 'customer', ...c });
    for (const s of fleet.sites) sinks.truth({ type: 'site', ...s });
    const weightHours = { copier: monthlyWeightHours('copier'), hvac: monthlyWeightHours('hvac') };
    const growth = new Map(fleet.customers.map((c) => [c.customerId, c.growthPerYear]));
    this.devices = fleet.devices.map((spec, index) => {
      const model = MODEL_BY_ID.get(spec.modelId);
      if (!model) throw new Error(`unknown model ${spec.modelId}`);
      const rng = new Random(this.options.seed, index + 1);
      sinks.truth({ type: 'device', ...spec, successor: model.successor });
      const state: DeviceState = {
        spec,
        model,
        rng,
        components: [],
        usageTotal: 0,
        consumables: model.consumables.map(() => rng.uniform(0.2, 1)),
        openMinor: [],
        visits: [],
        awaiting: [],
        lastPmTs: this.options.start - rng.uniform(0, model.pmEvery.days) * DAY,
        lastPmUsage: 0,
        // usage per weighted hour that yields loadFactor × the rated monthly duty
        rate: (model.usage.ratedMonthly * spec.loadFactor) / weightHours[model.kind],
        growth: growth.get(spec.customerId) ?? 0,
        visitCount: 0,
      };
      // usage already on the clock at the start
      const monthsInService = Math.max(0, (this.options.start - spec.installDate) / (30.44 * DAY));
      state.usageTotal = Math.round(monthsInService * model.usage.ratedMonthly * spec.loadFactor);
      state.lastPmUsage = state.usageTotal - rng.uniform(0, model.pmEvery.usage);
      state.components = model.components.map((c) => this.install(state, c, this.now, state.usageTotal));
      return state;
    });
    for (const d of this.devices) this.byId.set(d.spec.deviceId, d);
  }

  /** Messages a device publishes when it connects: its birth, with its reporting interval when it has one. */
  birth(deviceId: string, ts: number, reportingIntervalMs?: number): SimMessage {
    const d = this.device(deviceId);
    const payload: DeviceStatus = {
      ts,
      state: 'online',
      model: d.model.id,
      firmware: d.spec.firmware,
      serial: d.spec.serial,
    };
    if (reportingIntervalMs !== undefined) payload.reportingIntervalMs = reportingIntervalMs;
    return { deviceId, kind: 'status', payload };
  }

  /**
   * Runs every device up to `until` in steps (default the configured step; a run may
   * change it, e.g. coarse steps for history, then fine ones in real time); returns
   * the number of steps taken.
   */
  advanceTo(until: number, stepMs = this.options.stepMs): number {
    let steps = 0;
    while (this.now + stepMs <= until) {
      const from = this.now;
      const to = from + stepMs;
      // usage weight depends on time and kind only: once per step, not per device
      const mid = from + (to - from) / 2;
      const weights = { copier: usageWeight('copier', mid), hvac: usageWeight('hvac', mid) };
      for (const d of this.devices) this.step(d, from, to, weights[d.model.kind]);
      this.now = to;
      steps++;
    }
    return steps;
  }

  /** A maintenance action from outside (a work order carried out): applied at the current time. */
  applyCommand(deviceId: string, command: MaintenanceCommand, ts = this.now): void {
    const d = this.device(deviceId);
    const visitId = `${deviceId}-wo-${command.workOrderId ?? ++d.visitCount}`;
    this.event(d, { ts, type: 'service.started', visitId });
    if (command.action === 'pm-visit') {
      this.preventiveMaintenance(d, ts, visitId, 'command');
    } else {
      const c = d.components.find((x) => x.spec.name === command.component);
      if (!c) {
        this.event(d, { ts, type: 'service.finished', visitId, note: `no component ${command.component}` });
        return;
      }
      const waiting = d.awaiting.findIndex((a) => a.component === c);
      this.replace(d, c, ts, visitId, 'command');
      if (waiting >= 0) this.repairedExternally(d, d.awaiting.splice(waiting, 1)[0], ts, visitId);
    }
    this.event(d, { ts, type: 'service.finished', visitId });
    // the visit left a failure unrepaired: the machine still shows it
    for (const a of d.awaiting) {
      const code = a.component.spec.failureCode;
      this.event(d, {
        ts,
        type: 'fault.raised',
        code,
        component: a.component.spec.name,
        severity: a.severity as FaultSeverity,
      });
    }
  }

  /** An external visit replaced a failed part: service restored, its repair in the ground truth. */
  private repairedExternally(
    d: DeviceState,
    a: DeviceState['awaiting'][number],
    ts: number,
    visitId: string,
  ): void {
    const code = a.component.spec.failureCode;
    this.event(d, { ts, type: 'fault.cleared', code });
    this.sinks.truth({
      type: 'repair',
      deviceId: d.spec.deviceId,
      component: a.component.spec.name,
      failureTs: a.failureTs,
      callTs: a.failureTs,
      arrivalTs: ts,
      finishTs: ts,
      responseMs: ts - a.failureTs,
      repairMs: 0,
      downtimeMs: a.machineDown ? ts - a.failureTs : 0,
      machineDown: a.machineDown,
      misdiagnosed: false,
      visitId,
    });
  }

  componentState(deviceId: string): Array<{ name: string; age: number; life: number; failed: boolean }> {
    return this.device(deviceId).components.map((c) => ({
      name: c.spec.name,
      age: c.age,
      life: c.life,
      failed: c.failed,
    }));
  }

  private device(deviceId: string): DeviceState {
    const d = this.byId.get(deviceId);
    if (!d) throw new Error(`unknown device ${deviceId}`);
    return d;
  }

  private lifeScale(d: DeviceState, c: ComponentSpec): number {
    const overuse = d.spec.overused ? this.options.overuseLifeFactor : 1;
    // misuse (wrong media) wears the paper path
    const misuse = d.spec.misused && c.name === 'pickup_roller' ? 0.8 : 1;
    return (c.life.scale * overuse * misuse) / this.options.failureRateMultiplier;
  }

  /** A new component: its life drawn now. `age` > 0 for parts already in service at the start. */
  private install(d: DeviceState, spec: ComponentSpec, ts: number, usageOnClock: number): ComponentState {
    const scale = this.lifeScale(d, spec);
    const life = d.rng.weibull(spec.life.shape, scale);
    // parts of a machine in service are part-way through their life
    const age = usageOnClock > 0 ? Math.min(usageOnClock, life) * d.rng.uniform(0, 0.85) : 0;
    const p = spec.precursor;
    const precursorAt =
      p && d.rng.chance(p.probability) ? life * (1 - d.rng.uniform(...p.leadFraction)) : null;
    d.rng.next();
    this.sinks.truth({
      type: 'install',
      deviceId: d.spec.deviceId,
      component: spec.name,
      ts,
      age,
      life,
      lifeScale: scale,
      shape: spec.life.shape,
      unit: d.model.usage.unit,
      precursorAt,
    });
    return {
      spec,
      age,
      life,
      precursorAt,
      precursorShown: false,
      failed: false,
      cause: 'wear',
      returnOf: null,
      signs: { startTs: null, codeTs: [], drift: 0, driftLog: [] },
    };
  }

  private step(d: DeviceState, from: number, to: number, weight: number): void {
    const rng = d.rng;
    const hours = (to - from) / HOUR;
    // a machine restored during this step runs (and can fail) only after its restore
    const upFrom = d.visits.length ? this.progressVisits(d, from, to) : from;
    // down while any machine-down failure waits for its repair
    const down = d.visits.some((v) => v.machineDown) || d.awaiting.some((a) => a.machineDown);

    // usage in this step
    const years = (from - this.options.start) / (365.25 * DAY);
    const growth = Math.pow(1 + d.growth, years);
    const active = down ? 0 : (to - upFrom) / (to - from);
    const expected = Math.min(d.model.usage.maxPerHour * hours, d.rate * weight * hours * growth) * active;
    const used = d.model.usage.unit === 'pages' ? rng.poisson(expected) : expected;
    d.usageTotal += used;

    if (used > 0) {
      for (const c of d.components) {
        if (c.failed) continue;
        const before = c.age;
        c.age += used;
        if (c.precursorAt !== null && !c.precursorShown && c.age >= c.precursorAt) {
          c.precursorShown = true;
          c.signs.startTs = to;
          this.sinks.truth({
            type: 'wear',
            deviceId: d.spec.deviceId,
            component: c.spec.name,
            ts: to,
            stage: 'precursor',
            leadUnits: c.life - c.precursorAt,
          });
        }
        const p = c.spec.precursor;
        if (c.precursorShown && p?.faultCode && p.faultRate) {
          const progress = Math.min(1, (c.age - c.precursorAt!) / (c.life - c.precursorAt!));
          const n = rng.poisson(p.faultRate * progress * used);
          for (let i = 0; i < n; i++) {
            const ts = this.minorFault(d, p.faultCode, rng.uniform(from, to), c.spec.name);
            if (ts !== null) c.signs.codeTs.push(ts);
          }
        }
        if (c.age >= c.life) {
          const ts = Math.round(upFrom + ((c.life - before) / (c.age - before)) * (to - upFrom));
          this.fail(d, c, Math.min(to - 1, Math.max(upFrom, ts)));
          if (d.visits.some((v) => v.machineDown) || d.awaiting.some((a) => a.machineDown)) break;
        }
      }
      if (d.spec.misused) {
        for (const f of d.model.misuseFaults) {
          const n = rng.poisson(f.ratePerUnit * used * 3);
          for (let i = 0; i < n; i++) this.minorFault(d, f.code, rng.uniform(from, to), undefined);
        }
      }
      d.model.consumables.forEach((spec, i) => {
        d.consumables[i] -= used / spec.capacity;
        if (d.consumables[i] < 0.03) {
          const ts = Math.round(rng.uniform(from, to));
          this.event(d, { ts, type: 'consumable.replaced', component: spec.name });
          this.sinks.truth({ type: 'consumable', deviceId: d.spec.deviceId, name: spec.name, ts });
          d.consumables[i] = 1;
        }
      });
    }

    // minor faults clear themselves (the user clears the jam, closes the lid)
    d.openMinor = d.openMinor.filter((f) => {
      if (f.clearAt >= to) return true;
      this.event(d, { ts: f.clearAt, type: 'fault.cleared', code: f.code });
      return false;
    });

    if (this.options.preventiveMaintenance && !d.visits.length) {
      const due =
        d.usageTotal - d.lastPmUsage >= d.model.pmEvery.usage ||
        to - d.lastPmTs >= d.model.pmEvery.days * DAY;
      if (due) {
        const visitId = `${d.spec.deviceId}-pm-${++d.visitCount}`;
        this.event(d, { ts: to - 1, type: 'service.started', visitId });
        this.preventiveMaintenance(d, to - 1, visitId, 'schedule');
        this.event(d, { ts: to - 1, type: 'service.finished', visitId });
      }
    }

    // visits for failures of this step may start or end within it: keep their times exact
    if (d.visits.length) this.progressVisits(d, from, to);
    this.sample(d, to, weight, used);
  }

  private fail(d: DeviceState, c: ComponentState, ts: number): void {
    const code = c.spec.failureCode;
    const severity = FAULT_CODE_BY_CODE.get(code)?.severity ?? 'machine-down';
    c.failed = true;
    this.event(d, { ts, type: 'fault.raised', code, component: c.spec.name, severity });
    // what was observable before it: codes emitted before it, the gauge's drift then and a day earlier
    const codes = c.signs.codeTs.filter((x) => x < ts);
    const gauge = c.spec.precursor?.gauge !== undefined;
    let dayBefore = 0;
    for (const [at, drift] of c.signs.driftLog) if (at <= ts - DAY) dayBefore = drift;
    this.sinks.truth({
      type: 'failure',
      deviceId: d.spec.deviceId,
      component: c.spec.name,
      ts,
      code,
      severity,
      cause: c.cause,
      age: c.life,
      warned: c.precursorShown,
      precursorStartTs: c.signs.startTs,
      precursorCodes: codes.length,
      firstPrecursorCodeTs: codes.length ? Math.min(...codes) : null,
      gaugeDrift: gauge ? round2(c.signs.drift) : null,
      gaugeDrift24h: gauge ? round2(dayBefore) : null,
      returnOf: c.cause === 'misdiagnosis' ? c.returnOf : null,
    });
    if (this.options.repairs === 'external') {
      d.awaiting.push({ component: c, failureTs: ts, machineDown: severity === 'machine-down', severity });
      return;
    }
    const rng = d.rng;
    const callTs = ts + Math.round(rng.exponential(20 * MINUTE));
    const previous = d.visits.at(-1);
    // one technician per device: a visit starts after the one before it ends
    const arrivalTs = Math.max(
      callTs + Math.round(rng.lognormal(this.options.response.medianMs, this.options.response.sigma)),
      previous ? previous.finishTs : 0,
    );
    const repairMs = Math.round(rng.lognormal(this.options.repair.medianMs, this.options.repair.sigma));
    d.visits.push({
      component: c,
      failureTs: ts,
      callTs,
      arrivalTs,
      finishTs: arrivalTs + repairMs,
      repairMs,
      machineDown: severity === 'machine-down',
      misdiagnosed: rng.chance(this.options.misdiagnosisRate),
      started: false,
      visitId: `${d.spec.deviceId}-v-${++d.visitCount}`,
    });
  }

  /** Starts and ends the visits due in [from, to); returns when the machine was last restored in it. */
  private progressVisits(d: DeviceState, from: number, to: number): number {
    let upFrom = from;
    while (d.visits.length) {
      const v = d.visits[0];
      if (!v.started && v.arrivalTs < to) {
        v.started = true;
        this.event(d, { ts: Math.max(from, v.arrivalTs), type: 'service.started', visitId: v.visitId });
      }
      if (v.finishTs >= to) break;
      d.visits.shift();
      const ts = Math.max(from, v.finishTs);
      this.finishVisit(d, v, ts);
      if (v.machineDown) upFrom = Math.max(upFrom, ts);
    }
    return upFrom;
  }

  private finishVisit(d: DeviceState, v: Visit, ts: number): void {
    const c = v.component;
    if (v.misdiagnosed) {
      // the technician cleans instead of replacing: the fault comes back soon
      c.failed = false;
      c.cause = 'misdiagnosis';
      c.returnOf = v.failureTs;
      c.life = c.age + d.rng.exponential(0.02 * c.spec.life.scale);
      this.event(d, { ts, type: 'service.finished', visitId: v.visitId, note: 'cleaned and adjusted' });
    } else {
      this.replace(d, c, ts, v.visitId, 'repair');
      this.event(d, { ts, type: 'service.finished', visitId: v.visitId });
    }
    this.event(d, { ts, type: 'fault.cleared', code: c.spec.failureCode });
    this.sinks.truth({
      type: 'repair',
      deviceId: d.spec.deviceId,
      component: c.spec.name,
      failureTs: v.failureTs,
      callTs: v.callTs,
      arrivalTs: v.arrivalTs,
      finishTs: v.finishTs,
      responseMs: v.arrivalTs - v.callTs,
      repairMs: v.repairMs,
      downtimeMs: v.machineDown ? v.finishTs - v.failureTs : 0,
      machineDown: v.machineDown,
      misdiagnosed: v.misdiagnosed,
      visitId: v.visitId,
    });
  }

  private replace(d: DeviceState, c: ComponentState, ts: number, visitId: string, source: string): void {
    const index = d.components.indexOf(c);
    // replaced meanwhile (a maintenance command got there first)
    if (index < 0) return;
    this.event(d, { ts, type: 'part.replaced', component: c.spec.name, visitId });
    this.sinks.truth({
      type: 'replacement',
      deviceId: d.spec.deviceId,
      component: c.spec.name,
      ts,
      source,
      ageAtReplacement: c.age,
    });
    d.components[index] = this.install(d, c.spec, ts, 0);
  }

  private preventiveMaintenance(
    d: DeviceState,
    ts: number,
    visitId: string,
    source: 'schedule' | 'command',
  ): void {
    const replaced: string[] = [];
    for (const c of [...d.components]) {
      // failed parts are their repair visit's job
      if (!c.failed && c.age >= c.spec.pmReplaceAt * this.lifeScale(d, c.spec)) {
        replaced.push(c.spec.name);
        this.replace(d, c, ts, visitId, `pm-${source}`);
      }
    }
    d.lastPmTs = ts;
    d.lastPmUsage = d.usageTotal;
    this.event(d, { ts, type: 'pm.done', visitId });
    this.sinks.truth({ type: 'pm', deviceId: d.spec.deviceId, ts, replaced, source });
  }

  /** Raises a minor fault unless the same code is still open; returns its time, or null when not raised. */
  private minorFault(d: DeviceState, code: string, at: number, component: string | undefined): number | null {
    const ts = Math.round(at);
    if (d.openMinor.some((f) => f.code === code)) return null;
    const event: DeviceEvent = { ts, type: 'fault.raised', code, severity: 'minor' };
    if (component) event.component = component;
    this.event(d, event);
    d.openMinor.push({ code, clearAt: ts + Math.round(d.rng.uniform(1, 15) * MINUTE) });
    return ts;
  }

  private sample(d: DeviceState, ts: number, weight: number, used: number): void {
    const rng = d.rng;
    const gauges: Record<string, number> = {};
    for (const g of d.model.gauges) {
      let value = g.base + rng.normal(0, g.noise) + (g.loadEffect ?? 0) * (used > 0 ? weight : 0);
      for (const c of d.components) {
        const gp = c.spec.precursor?.gauge;
        if (gp?.name !== g.name || !c.precursorShown || c.precursorAt === null) continue;
        const progress = Math.min(1, (c.age - c.precursorAt) / (c.life - c.precursorAt));
        value += gp.drift * progress + rng.normal(0, gp.extraNoise * progress);
        this.logDrift(c, ts, Math.abs(gp.drift * progress) / g.noise);
      }
      gauges[g.name] = Math.round(value * 100) / 100;
    }
    d.model.consumables.forEach(
      (c, i) => (gauges[c.gauge] = Math.round(Math.max(0, d.consumables[i]) * 1000) / 10),
    );
    const counter = d.model.usage.unit === 'pages' ? 'pages.total' : 'run_hours';
    const counters = {
      [counter]: d.model.usage.unit === 'pages' ? d.usageTotal : Math.round(d.usageTotal * 100) / 100,
    };
    this.sinks.message({ deviceId: d.spec.deviceId, kind: 'telemetry', payload: { ts, gauges, counters } });
  }

  /** Ground truth only: the gauge drift a part has shown, kept about hourly over two days. */
  private logDrift(c: ComponentState, ts: number, drift: number): void {
    c.signs.drift = drift;
    const log = c.signs.driftLog;
    if (!log.length || ts - log[log.length - 1][0] >= HOUR) log.push([ts, drift]);
    while (log.length >= 2 && log[1][0] <= ts - 2 * DAY) log.shift();
  }

  private event(d: DeviceState, e: DeviceEvent): void {
    this.sinks.message({ deviceId: d.spec.deviceId, kind: 'events', payload: e });
  }
}
