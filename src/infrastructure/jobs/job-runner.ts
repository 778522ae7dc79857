import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Counter, Gauge, Histogram } from 'prom-client';
import { DomainError, ErrorCode } from '../../common/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { DomainEventBus } from '../../events/domain-event-bus.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { JOB_LEASE_REPOSITORY, type JobLeaseRepository } from './job-lease.repository.js';

/** A periodic job: a `*.job.ts` provider registers one with the runner in `onModuleInit`. */
export interface JobSpec {
  /** Unique name: the lease key and the metrics label. */
  name: string;
  /** Time between ticks; 0 or less: never scheduled, only run on demand (`runNow`). */
  intervalMs: number;
  /** One run at `now`. What it returns is the run's summary (in `job.finished`). */
  run(now: number): Promise<unknown>;
}

interface RegisteredJob {
  spec: JobSpec;
  timer: NodeJS.Timeout | null;
  running: Promise<unknown> | null;
}

/**
 * Runs periodic jobs so that each tick runs on exactly one replica: a lease in the
 * records database says which replica runs a job. The holder renews it at every
 * tick and while a run lasts; when it dies, another replica takes the job over once
 * the lease expires (JOB_LEASE_MS, at least two intervals). Every run publishes
 * `job.finished` and is counted and timed in /metrics.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  /** This replica, as a lease holder. */
  readonly holderId = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  private readonly jobs = new Map<string, RegisteredJob>();
  private started = false;
  private stopping = false;
  private readonly runs: Counter<'job' | 'outcome'>;
  private readonly duration: Histogram<'job'>;
  private readonly held: Gauge<'job'>;
  private readonly lastSuccess: Gauge<'job'>;

  constructor(
    @Inject(JOB_LEASE_REPOSITORY) private readonly leases: JobLeaseRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly bus: DomainEventBus,
    metrics: MetricsService,
  ) {
    const registers = [metrics.registry];
    this.runs = new Counter({
      name: 'fleet_job_runs_total',
      help: 'Job runs on this replica, by job and outcome (ok, failed).',
      labelNames: ['job', 'outcome'],
      registers,
    });
    this.duration = new Histogram({
      name: 'fleet_job_duration_seconds',
      help: 'Time one job run took, by job.',
      labelNames: ['job'],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 1800],
      registers,
    });
    this.held = new Gauge({
      name: 'fleet_job_lease_held',
      help: '1 while this replica holds the job lease (it runs the job), by job.',
      labelNames: ['job'],
      registers,
    });
    this.lastSuccess = new Gauge({
      name: 'fleet_job_last_success_timestamp_seconds',
      help: 'When the job last ran successfully on this replica.',
      labelNames: ['job'],
      registers,
    });
  }

  register(spec: JobSpec): void {
    if (this.jobs.has(spec.name)) throw new Error(`job ${spec.name} is registered twice`);
    const job: RegisteredJob = { spec, timer: null, running: null };
    this.jobs.set(spec.name, job);
    for (const outcome of ['ok', 'failed']) this.runs.inc({ job: spec.name, outcome }, 0);
    this.held.set({ job: spec.name }, 0);
    if (this.started) this.schedule(job);
  }

  onApplicationBootstrap(): void {
    this.started = true;
    for (const job of this.jobs.values()) this.schedule(job);
  }

  /** How long a lease lasts for this job. */
  leaseMs(spec: JobSpec): number {
    return Math.max(this.config.jobs.leaseMs, 2 * Math.max(0, spec.intervalMs));
  }

  /** One scheduled tick: runs the job when this replica holds (or takes) its lease. Never throws. */
  async tick(name: string): Promise<void> {
    const job = this.jobs.get(name);
    if (!job || job.running || this.stopping) return;
    try {
      if (!(await this.lease(job))) return;
      await this.execute(job, Date.now());
    } catch {
      // counted, logged and published by execute(); the next tick tries again
    }
  }

  /**
   * Runs a job now, on demand (an API call): waits for a run under way here, then runs
   * once this replica holds the lease. Another replica holding it answers Conflict.
   * `now` is the time the run computes for (a simulation drives jobs in simulated time).
   */
  async runNow(name: string, now = Date.now()): Promise<unknown> {
    const job = this.jobs.get(name);
    if (!job) throw new DomainError(ErrorCode.NotFound, `no job ${name}`);
    while (job.running) await job.running.catch(() => undefined);
    if (!(await this.lease(job))) {
      const holder = await this.leases.holder(name, Date.now());
      throw new DomainError(
        ErrorCode.Conflict,
        `job ${name} runs on replica ${holder ?? 'another replica'}; ask again later`,
      );
    }
    return this.execute(job, now);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    for (const job of this.jobs.values()) if (job.timer) clearInterval(job.timer);
    await Promise.all(
      [...this.jobs.values()].map(async (job) => {
        await job.running?.catch(() => undefined);
        await this.leases.release(job.spec.name, this.holderId).catch(() => undefined);
        this.held.set({ job: job.spec.name }, 0);
      }),
    );
  }

  private schedule(job: RegisteredJob): void {
    if (job.spec.intervalMs <= 0 || job.timer) return;
    job.timer = setInterval(() => void this.tick(job.spec.name), job.spec.intervalMs);
    job.timer.unref();
  }

  private async lease(job: RegisteredJob): Promise<boolean> {
    let held = false;
    try {
      held = await this.leases.acquire(job.spec.name, this.holderId, Date.now(), this.leaseMs(job.spec));
    } catch (err) {
      this.logger.error({ err, job: job.spec.name }, 'job lease not reachable; the job waits');
    }
    this.held.set({ job: job.spec.name }, held ? 1 : 0);
    return held;
  }

  private execute(job: RegisteredJob, now: number): Promise<unknown> {
    const { spec } = job;
    const startedAt = Date.now();
    const end = this.duration.startTimer({ job: spec.name });
    const ttl = this.leaseMs(spec);
    // a long run keeps its lease alive
    const heartbeat = setInterval(() => void this.lease(job), Math.max(100, ttl / 3));
    heartbeat.unref();
    const run = (async () => {
      try {
        const result = await spec.run(now);
        this.runs.inc({ job: spec.name, outcome: 'ok' });
        this.lastSuccess.set({ job: spec.name }, Date.now() / 1000);
        this.bus.publish('job.finished', {
          job: spec.name,
          outcome: 'ok',
          startedAt,
          durationMs: Date.now() - startedAt,
          result,
        });
        return result;
      } catch (err) {
        this.runs.inc({ job: spec.name, outcome: 'failed' });
        this.logger.error({ err, job: spec.name }, 'job run failed; it is retried at the next tick');
        this.bus.publish('job.finished', {
          job: spec.name,
          outcome: 'failed',
          startedAt,
          durationMs: Date.now() - startedAt,
          error: err instanceof Error ? err.message : String(err),
        });
        throw err;
      } finally {
        clearInterval(heartbeat);
        end();
      }
    })();
    job.running = run;
    void run
      .finally(() => {
        if (job.running === run) job.running = null;
      })
      .catch(() => undefined);
    return run;
  }
}
