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
      { seed: o.seed, start: o.start, stepMs: o.stepMs, failureRateMultiplier: o.failureRateMultiplier },
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
      birth: (id) => sim.birth(id, sim.now),
      onCommand: (id, command) => {
        this.counts.commands++;
        sim.applyCommand(id, command);
      },
    });
    this.publisher = publisher;
    await publisher.start();

    const end = o.durationMs === null ? Number.POSITIVE_INFINITY : o.start + o.durationMs;
    const bars = o.progress
      ? new MultiBar({ clearOnComplete: false, hideCursor: true }, Presets.shades_classic)
      : null;
    const bar: SingleBar | undefined = bars?.create(
      Number.isFinite(end) ? Math.ceil((end - o.start) / o.stepMs) : 0,
      0,
      {},
      { format: ' {bar} {percentage}% | step {value}/{total} | {messages} messages | {failures} failures' },
    );
    const wallStart = Date.now();
    let steps = 0;
    while (!this.stopped && sim.now + o.stepMs <= end) {
      if (o.speed !== 'max') {
        // wait until wall time catches up with the next step
        const dueAt = wallStart + (sim.now + o.stepMs - o.start) / o.speed;
        await this.sleep(dueAt - Date.now());
        if (this.stopped) break;
      }
      sim.advanceTo(sim.now + o.stepMs);
      steps++;
      const messages = batch;
      batch = [];
      await this.publishAll(messages, o.speed === 'max' ? 0 : o.stepMs / o.speed);
      // paced runs write their truth as they go, so it can be followed while running
      if (o.speed !== 'max') this.truth?.flush();
      bar?.update(steps, { messages: publisher.published, failures: this.counts.failures });
    }
    bars?.stop();
    const wallMs = Date.now() - wallStart;
    await publisher.stop();
    await this.truth?.close();
    return {
      devices: o.devices,
      messages: publisher.published,
      failures: this.counts.failures,
      repairs: this.counts.repairs,
      dropped: publisher.dropped,
      commands: this.counts.commands,
      simulatedMs: sim.now - o.start,
      wallMs,
      messagesPerSecond: publisher.published / (wallMs / 1000),
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
