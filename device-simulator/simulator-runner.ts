import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import { FleetPublisher } from './fleet-publisher.js';
import { generateFleet } from './fleet.js';
import { GroundTruthWriter, type TruthRecord } from './ground-truth.js';
import { FleetSimulation, type SimMessage } from './simulation.js';

export interface RunnerOptions {
  url: string;
  devices: number;
  customers: number;
  seed: number;
  /** Simulated start time, ms since the epoch. */
  start: number;
  /** Simulated time to run; null runs until stop(). */
  durationMs: number | null;
  /** Simulated ms per wall-clock ms; 'max' (history mode): as fast as the broker takes it. */
  speed: number | 'max';
  stepMs: number;
  qos: 0 | 1;
  gateways: number;
  truthFile: string | null;
  overuseShare: number;
  misuseShare: number;
  failureRateMultiplier: number;
  /** The simulator's own scheduled PM (default on). */
  preventiveMaintenance?: boolean;
  /** Who repairs failures (default: the simulated technicians); see SimulationOptions.repairs. */
  repairs?: 'simulated' | 'external';
  bufferLimit: number;
  progress: boolean;
  username?: string;
  passwordTemplate?: string;
  /** Passwords by client id (devices, gateways `gw-sim-N`). */
  passwords?: ReadonlyMap<string, string>;
  /** Devices without a password provision themselves over MQTT with this key. */
  provisioningKey?: string;
  /** CA of the broker's certificate (mqtts://, wss://). */
  ca?: Buffer;
  /**
   * History first: up to this simulated time the run goes as fast as the broker takes
   * it, in steps of `historyStepMs`; then it is paced at `speed`. Null: no history phase.
   */
  historyUntil?: number | null;
  historyStepMs?: number;
  /**
   * Paced runs never run ahead of the wall clock: a run started in the past at a speed
   * above 1 catches up, in steps of `catchUpStepMs` while it is more than a step behind,
   * then goes on in real time in steps of `stepMs`.
   */
  catchUpStepMs?: number;
  /** Declared in the births (`reportingIntervalMs`): how often a device reports in real time. */
  reportingIntervalMs?: number;
  /** Called once the history phase is published, before the paced run. */
  onHistoryDone?: (summary: RunnerSummary) => void;
  /** The wall clock; tests pass their own. */
  clock?: () => number;
}

export interface RunnerSummary {
  devices: number;
  messages: number;
  failures: number;
  repairs: number;
  dropped: number;
  commands: number;
  simulatedMs: number;
  wallMs: number;
  messagesPerSecond: number;
}

/** Runs a simulated fleet against a broker: the CLI and the integration tests use it. */
export class SimulatorRunner {
  private publisher: FleetPublisher | null = null;
  private sim: FleetSimulation | null = null;
  private truth: GroundTruthWriter | null = null;
  private stopped = false;
  private wake: (() => void) | null = null;
  private counts = { failures: 0, repairs: 0, commands: 0 };

  constructor(private readonly o: RunnerOptions) {}

  get simulation(): FleetSimulation | null {
    return this.sim;
  }

  async run(): Promise<RunnerSummary> {
    const o = this.o;
    const fleet = generateFleet({
      devices: o.devices,
      customers: o.customers,
      seed: o.seed,
      start: o.start,
      overuseShare: o.overuseShare,
      misuseShare: o.misuseShare,
    });
    this.truth = o.truthFile ? new GroundTruthWriter(o.truthFile) : null;
    let batch: SimMessage[] = [];
    const sim = new FleetSimulation(
      fleet,
      {
        seed: o.seed,
        start: o.start,
        stepMs: o.stepMs,
        failureRateMultiplier: o.failureRateMultiplier,
        preventiveMaintenance: o.preventiveMaintenance ?? true,
        repairs: o.repairs ?? 'simulated',
      },
      {
        message: (m) => batch.push(m),
        truth: (r: TruthRecord) => {
          if (r.type === 'failure') this.counts.failures++;
          if (r.type === 'repair') this.counts.repairs++;
          this.truth?.write(r);
        },
      },
    );
    this.sim = sim;
    const models = new Map(fleet.devices.map((d) => [d.deviceId, d.modelId]));
    const publisher = new FleetPublisher({
      url: o.url,
      deviceIds: fleet.devices.map((d) => d.deviceId),
      gateways: o.gateways,
      qos: o.qos,
      username: o.username,
      passwordTemplate: o.passwordTemplate,
      passwords: o.passwords,
      provisioningKey: o.provisioningKey,
      modelOf: (id) => models.get(id) ?? 'unknown',
      ca: o.ca,
      bufferLimit: o.bufferLimit,
      birth: (id) => sim.birth(id, sim.now, o.reportingIntervalMs),
      onCommand: (id, command) => {
        this.counts.commands++;
        sim.applyCommand(id, command);
      },
    });
    this.publisher = publisher;
    await publisher.start();

    const end = o.durationMs === null ? Number.POSITIVE_INFINITY : o.start + o.durationMs;
    const clock = o.clock ?? Date.now;
    const historyUntil = o.historyUntil ?? (o.speed === 'max' ? end : null);
    const historyStep =
      o.historyUntil !== undefined && o.historyUntil !== null ? (o.historyStepMs ?? o.stepMs) : o.stepMs;
    const bars =
      o.progress && historyUntil !== null
        ? new MultiBar({ clearOnComplete: false, hideCursor: true }, Presets.shades_classic)
        : null;
    const bar: SingleBar | undefined = bars?.create(
      Number.isFinite(historyUntil) ? Math.ceil((historyUntil! - o.start) / historyStep) : 0,
      0,
      {},
      { format: ' {bar} {percentage}% | step {value}/{total} | {messages} messages | {failures} failures' },
    );
    const wallStart = Date.now();
    let steps = 0;
    // history: as fast as the broker takes it
    while (historyUntil !== null && !this.stopped && sim.now + historyStep <= Math.min(historyUntil, end)) {
      sim.advanceTo(sim.now + historyStep, historyStep);
      steps++;
      const messages = batch;
      batch = [];
      await this.publishAll(messages, 0);
      bar?.update(steps, { messages: publisher.published, failures: this.counts.failures });
    }
    bars?.stop();
    if (historyUntil !== null && !this.stopped) o.onHistoryDone?.(this.summary(wallStart));

    // paced: at `speed`, never ahead of the clock; real time once caught up
    if (o.speed !== 'max') {
      const speed = o.speed;
      const pacedStart = sim.now;
      const pacedWallStart = clock();
      const catchUpStep = o.catchUpStepMs ?? o.stepMs;
      while (!this.stopped) {
        const behind = clock() - sim.now;
        const step = behind > 2 * catchUpStep ? catchUpStep : o.stepMs;
        if (sim.now + step > end) break;
        // simulated time due now: `speed` times the wall time so far, but never past the clock
        const due = (): number => Math.min(clock(), pacedStart + speed * (clock() - pacedWallStart));
        if (due() < sim.now + step) {
          const waitMs = Math.max(sim.now + step - clock(), (sim.now + step - due()) / speed);
          await this.sleep(waitMs);
          continue;
        }
        sim.advanceTo(sim.now + step, step);
        steps++;
        const messages = batch;
        batch = [];
        // caught up: spread the step's messages until the next is due, as real devices would
        const lag = clock() - sim.now;
        await this.publishAll(messages, lag < step ? step - lag : step / speed);
        // paced runs write their truth as they go, so it can be followed while running
        this.truth?.flush();
      }
    }
    await publisher.stop();
    await this.truth?.close();
    return this.summary(wallStart);
  }

  private summary(wallStart: number): RunnerSummary {
    const wallMs = Date.now() - wallStart;
    const published = this.publisher?.published ?? 0;
    return {
      devices: this.o.devices,
      messages: published,
      failures: this.counts.failures,
      repairs: this.counts.repairs,
      dropped: this.publisher?.dropped ?? 0,
      commands: this.counts.commands,
      simulatedMs: (this.sim?.now ?? this.o.start) - this.o.start,
      wallMs,
      messagesPerSecond: published / (wallMs / 1000),
    };
  }

  /** Sends a step's messages; in real time spread over the step, as real devices would. */
  private async publishAll(messages: SimMessage[], spreadMs: number): Promise<void> {
    const chunks = spreadMs >= 200 ? Math.min(messages.length, Math.floor(spreadMs / 100)) : 1;
    const size = Math.ceil(messages.length / Math.max(1, chunks));
    for (let i = 0; i < messages.length; i += size) {
      for (const m of messages.slice(i, i + size)) {
        const drained = this.publisher!.publish(m);
        if (drained) await drained;
      }
      if (chunks > 1 && i + size < messages.length) await this.sleep(spreadMs / chunks);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** Ends the run after the current step; run() then resolves with the summary. */
  stop(): void {
    this.stopped = true;
    this.wake?.();
  }
}
