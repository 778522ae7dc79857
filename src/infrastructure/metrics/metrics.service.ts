import { Injectable } from '@nestjs/common';
import {
  Counter,
  Gauge,
  Histogram,
  Registry,
  collectDefaultMetrics,
  type CounterConfiguration,
  type GaugeConfiguration,
  type HistogramConfiguration,
} from 'prom-client';

/**
 * The Prometheus registry of one app instance (two instances in one process, as in
 * tests and benchmarks, keep their own counts), Node's process metrics, and the HTTP
 * errors every controller shares. Each feature declares its own metrics in its
 * `*.metrics.ts` through `counter`, `gauge` and `histogram`.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpRejected = this.counter({
    name: 'fleet_http_rejected_total',
    help: 'HTTP requests answered with an error, by status and error code.',
    labelNames: ['status', 'error'] as const,
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'fleet_' });
  }

  /** The counter of this name, created on first use (two features may share one, as imports do). */
  counter<T extends string>(config: Omit<CounterConfiguration<T>, 'registers'>): Counter<T> {
    return this.metric(config.name, Counter, () => new Counter({ ...config, registers: [this.registry] }));
  }

  gauge<T extends string>(config: Omit<GaugeConfiguration<T>, 'registers'>): Gauge<T> {
    return this.metric(config.name, Gauge, () => new Gauge({ ...config, registers: [this.registry] }));
  }

  histogram<T extends string>(config: Omit<HistogramConfiguration<T>, 'registers'>): Histogram<T> {
    return this.metric(
      config.name,
      Histogram,
      () => new Histogram({ ...config, registers: [this.registry] }),
    );
  }

  private metric<M>(name: string, kind: abstract new (...args: never[]) => M, create: () => M): M {
    const existing = this.registry.getSingleMetric(name);
    if (existing === undefined) return create();
    if (!(existing instanceof kind)) throw new Error(`metric ${name} is registered already as another kind`);
    return existing;
  }
}
