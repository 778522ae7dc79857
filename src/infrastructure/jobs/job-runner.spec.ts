import 'reflect-metadata';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { APP_CONFIG, loadConfig } from '../../config/app-config.js';
import { DomainEventBus } from '../../events/domain-event-bus.js';
import type { DomainEvents } from '../../events/domain-events.js';
import { EventsModule } from '../../events/events.module.js';
import { MetricsModule } from '../metrics/metrics.module.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { InMemoryJobLeaseRepository } from './in-memory-job-lease.repository.js';
import { JOB_LEASE_REPOSITORY } from './job-lease.repository.js';
import { JobRunner } from './job-runner.js';

/** One replica: its own runner and bus, the lease store shared with the others. */
async function replica(leases: InMemoryJobLeaseRepository): Promise<INestApplicationContext> {
  @Module({
    imports: [MetricsModule, EventsModule],
    providers: [
      JobRunner,
      { provide: JOB_LEASE_REPOSITORY, useValue: leases },
      { provide: APP_CONFIG, useValue: loadConfig({ JOB_LEASE_MS: '60000' }) },
    ],
  })
  class ReplicaModule {}
  const app = await NestFactory.createApplicationContext(ReplicaModule, { logger: false });
  await app.init();
  return app;
}

describe(InMemoryJobLeaseRepository.name, () => {
  it.each([
    // [who holds, until, who asks, at, granted]
    [null, 0, 'b', 1000, true],
    ['a', 2000, 'b', 1000, false],
    ['a', 2000, 'a', 1000, true],
    ['a', 2000, 'b', 2000, true],
    ['a', 2000, 'b', 2500, true],
  ] as const)('lease held by %s until %d: %s asking at %d gets it: %s', async (h, until, asker, at, ok) => {
    const leases = new InMemoryJobLeaseRepository();
    if (h) await leases.acquire('job', h, until - 100, 100);
    expect(await leases.acquire('job', asker, at, 100)).toBe(ok);
    expect(await leases.holder('job', at)).toBe(ok ? asker : h);
  });
});

describe(JobRunner.name, () => {
  const apps: INestApplicationContext[] = [];
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
  });

  it('runs a tick on the replica holding the lease only, and hands over when it stops', async () => {
    const leases = new InMemoryJobLeaseRepository();
    const [a, b] = [await replica(leases), await replica(leases)];
    apps.push(b);
    const runs: string[] = [];
    for (const [name, app] of [
      ['a', a],
      ['b', b],
    ] as const)
      app.get(JobRunner).register({
        name: 'count',
        intervalMs: 0,
        run: () => {
          runs.push(name);
          return Promise.resolve(name);
        },
      });
    await a.get(JobRunner).tick('count');
    await b.get(JobRunner).tick('count');
    await a.get(JobRunner).tick('count');
    expect(runs).toEqual(['a', 'a']);

    await a.close(); // releases its lease
    await b.get(JobRunner).tick('count');
    expect(runs).toEqual(['a', 'a', 'b']);
    expect(await leases.holder('count', Date.now())).toBe(b.get(JobRunner).holderId);
  });

  it('publishes job.finished with the summary or the error, and counts runs by outcome', async () => {
    const app = await replica(new InMemoryJobLeaseRepository());
    apps.push(app);
    const finished: Array<DomainEvents['job.finished']> = [];
    app.get(DomainEventBus).subscribe('job.finished', 'test', (e) => {
      finished.push(e);
    });
    const runner = app.get(JobRunner);
    let fail = false;
    runner.register({
      name: 'flaky',
      intervalMs: 0,
      run: () => (fail ? Promise.reject(new Error('store down')) : Promise.resolve({ rows: 3 })),
    });
    await runner.tick('flaky');
    fail = true;
    await runner.tick('flaky'); // never throws
    await expect(runner.runNow('flaky')).rejects.toThrow('store down');
    await app.get(DomainEventBus).whenIdle();
    expect(finished.map((f) => [f.outcome, f.result ?? f.error])).toEqual([
      ['ok', { rows: 3 }],
      ['failed', 'store down'],
      ['failed', 'store down'],
    ]);
    const metrics = await app.get(MetricsService).registry.metrics();
    expect(metrics).toContain('fleet_job_runs_total{job="flaky",outcome="ok"} 1');
    expect(metrics).toContain('fleet_job_runs_total{job="flaky",outcome="failed"} 2');
  });

  it('answers Conflict to runNow while another replica holds the lease', async () => {
    const leases = new InMemoryJobLeaseRepository();
    const app = await replica(leases);
    apps.push(app);
    app.get(JobRunner).register({ name: 'busy', intervalMs: 0, run: () => Promise.resolve() });
    await leases.acquire('busy', 'other-replica', Date.now(), 60_000);
    await expect(app.get(JobRunner).runNow('busy')).rejects.toThrow(/runs on replica other-replica/);
  });

  it('skips a tick while the previous run of the job is still going', async () => {
    const app = await replica(new InMemoryJobLeaseRepository());
    apps.push(app);
    const runner = app.get(JobRunner);
    let release: () => void = () => undefined;
    let runs = 0;
    runner.register({
      name: 'slow',
      intervalMs: 0,
      run: () => {
        runs++;
        return new Promise<void>((r) => (release = r));
      },
    });
    const first = runner.tick('slow');
    await new Promise((r) => setImmediate(r));
    await runner.tick('slow');
    release();
    await first;
    expect(runs).toBe(1);
  });
});
