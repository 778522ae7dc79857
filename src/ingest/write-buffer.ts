import type { EventRecord, TelemetryPoint } from '../ports/records.js';
import type { TelemetryStore } from '../ports/telemetry-store.port.js';

export interface WriteBufferOptions {
  /** Points plus events per store write. */
  batchSize: number;
  /** Longest a record waits before a write. */
  flushIntervalMs: number;
  /** Depth above which `whenBelowHighWater()` makes the caller wait. */
  highWater: number;
  /** Longest wait between retries of a failed write. */
  maxRetryDelayMs?: number;
}

export interface WriteBufferObserver {
  /** A batch is durable; the arrays are the batch itself (read them, don't keep them). */
  written(points: readonly TelemetryPoint[], events: readonly EventRecord[], seconds: number): void;
  failed(error: unknown, records: number, retryInMs: number): void;
}

/**
 * Collects accepted records and writes them in batches, one write at a time, in
 * arrival order. A failed write keeps its batch at the head and is retried with
 * backoff: nothing accepted is dropped while the process runs.
 */
export class WriteBuffer {
  private points: TelemetryPoint[] = [];
  private events: EventRecord[] = [];
  private writing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private retryDelayMs = 0;
  private waiters: Array<() => void> = [];
  /** Points and events ever added and ever written (each queue is FIFO): a record is durable once written passes its number. */
  private added = { points: 0, events: 0 };
  private written = { points: 0, events: 0 };
  /** Promises of durability, in order of their targets. */
  private tickets: Array<{ points: number; events: number; resolve: () => void }> = [];

  constructor(
    private readonly store: TelemetryStore,
    private readonly options: WriteBufferOptions,
    private readonly observer: WriteBufferObserver,
  ) {}

  get depth(): number {
    return this.points.length + this.events.length;
  }

  add(points: readonly TelemetryPoint[], events: readonly EventRecord[]): void {
    for (const p of points) this.points.push(p);
    for (const e of events) this.events.push(e);
    this.added.points += points.length;
    this.added.events += events.length;
    if (this.depth >= this.options.batchSize || this.tickets.length) this.kick();
    else this.schedule(this.options.flushIntervalMs);
  }

  /**
   * Adds records and resolves once the store holds them (the acknowledgement point
   * of a QoS 1 message). Someone waiting makes the buffer write at once rather than
   * on its interval: the next batch is whatever arrived while the last one was written.
   */
  addDurable(points: readonly TelemetryPoint[], events: readonly EventRecord[]): Promise<void> {
    const target = { points: this.added.points + points.length, events: this.added.events + events.length };
    const durable = new Promise<void>((resolve) => this.tickets.push({ ...target, resolve }));
    this.add(points, events);
    return durable;
  }

  /** Undefined below the high-water mark (go on at once), else a promise of writes catching up. */
  whenBelowHighWater(): Promise<void> | undefined {
    if (this.depth < this.options.highWater) return undefined;
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Writes everything buffered; rejects if the store keeps failing past `deadline`. */
  async drain(deadlineMs = 30_000): Promise<void> {
    const until = Date.now() + deadlineMs;
    while (this.depth > 0 || this.writing) {
      if (Date.now() > until) throw new Error(`write buffer not drained: ${this.depth} records left`);
      if (this.writing) await this.writing;
      else if (this.retryDelayMs > 0)
        await new Promise((r) => setTimeout(r, Math.min(this.retryDelayMs, 200)));
      else this.kick();
    }
  }

  async close(): Promise<void> {
    await this.drain();
  }

  private schedule(delayMs: number): void {
    if (this.timer || this.writing) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.kick();
    }, delayMs);
  }

  private kick(): void {
    if (this.writing || this.depth === 0) return;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.writing = this.writeOne().finally(() => {
      this.writing = null;
      this.releaseWaiters();
      if (this.depth === 0) return;
      if (this.retryDelayMs > 0) this.schedule(this.retryDelayMs);
      else if (this.depth >= this.options.batchSize || this.tickets.length) this.kick();
      else this.schedule(this.options.flushIntervalMs);
    });
  }

  private async writeOne(): Promise<void> {
    const n = this.options.batchSize;
    const points = this.points.splice(0, n);
    const events = this.events.splice(0, Math.max(0, n - points.length));
    const started = process.hrtime.bigint();
    try {
      await this.store.write(points, events);
      this.retryDelayMs = 0;
      this.written.points += points.length;
      this.written.events += events.length;
      // targets grow in both queues, so the satisfied tickets are at the head
      while (
        this.tickets.length &&
        this.tickets[0].points <= this.written.points &&
        this.tickets[0].events <= this.written.events
      )
        this.tickets.shift()!.resolve();
      this.observer.written(points, events, Number(process.hrtime.bigint() - started) / 1e9);
    } catch (error) {
      // put the batch back at the head, in order
      this.points = points.concat(this.points);
      this.events = events.concat(this.events);
      const max = this.options.maxRetryDelayMs ?? 30_000;
      this.retryDelayMs = Math.min(max, Math.max(100, this.retryDelayMs * 2));
      this.observer.failed(error, points.length + events.length, this.retryDelayMs);
    }
  }

  private releaseWaiters(): void {
    if (this.depth >= this.options.highWater || !this.waiters.length) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
