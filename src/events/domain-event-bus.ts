import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Counter, Gauge } from 'prom-client';
import { MetricsService } from '../infrastructure/metrics/metrics.service.js';
import type { DomainEventName, DomainEvents } from './domain-events.js';
import { DOMAIN_EVENT_LISTENER } from './on-domain-event.decorator.js';

type Handler<K extends DomainEventName> = (payload: DomainEvents[K]) => unknown;

interface Subscription {
  /** `Class.method`, for logs and metrics. */
  listener: string;
  handle: (payload: unknown) => unknown;
  /** Deliveries to this listener run one after the other, in publish order. */
  chain: Promise<void>;
  pending: number;
}

/**
 * The in-process domain event bus. Why not @nestjs/event-emitter: we want payloads
 * typed by event name at compile time, per-listener isolation (a listener that throws
 * is logged and counted and never reaches the publisher or the other listeners),
 * delivery in publish order per listener, and `whenIdle()` so tests wait for the
 * reaction instead of the clock. That is this one small class.
 */
@Injectable()
export class DomainEventBus implements OnModuleInit {
  private readonly logger = new Logger(DomainEventBus.name);
  private readonly subscriptions = new Map<DomainEventName, Subscription[]>();
  private readonly all = new Set<Subscription>();
  private readonly published: Counter<'event'>;
  private readonly failures: Counter<'event' | 'listener'>;

  constructor(
    metrics: MetricsService,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {
    this.published = new Counter({
      name: 'fleet_domain_events_published_total',
      help: 'Domain events published, by event.',
      labelNames: ['event'],
      registers: [metrics.registry],
    });
    this.failures = new Counter({
      name: 'fleet_domain_event_listener_failures_total',
      help: 'Listener calls that threw, by event and listener (logged; the publisher never sees them).',
      labelNames: ['event', 'listener'],
      registers: [metrics.registry],
    });
    const pending: Gauge = new Gauge({
      name: 'fleet_domain_event_deliveries_pending',
      help: 'Deliveries queued to listeners and not yet handled (read at scrape time).',
      registers: [metrics.registry],
      collect: () => pending.set(this.pending),
    });
  }

  /** Subscribes every `@OnDomainEvent` method of every provider. */
  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = (instance as Record<string, unknown>)[method];
        if (typeof fn !== 'function') continue;
        const events = this.reflector.get<DomainEventName[] | undefined>(DOMAIN_EVENT_LISTENER, fn);
        if (!events) continue;
        const name = `${instance.constructor.name}.${method}`;
        for (const event of events)
          this.subscribe(event, name, (payload) => (fn as (p: unknown) => unknown).call(instance, payload));
      }
    }
  }

  /** Adds a listener; returns a function that removes it. */
  subscribe<K extends DomainEventName>(event: K, listener: string, handle: Handler<K>): () => void {
    const sub: Subscription = {
      listener,
      handle: handle as (payload: unknown) => unknown,
      chain: Promise.resolve(),
      pending: 0,
    };
    const list = this.subscriptions.get(event) ?? [];
    list.push(sub);
    this.subscriptions.set(event, list);
    this.all.add(sub);
    return () => {
      const remaining = (this.subscriptions.get(event) ?? []).filter((s) => s !== sub);
      this.subscriptions.set(event, remaining);
      this.all.delete(sub);
    };
  }

  /** True when someone listens: publishers skip building payloads nobody reads. */
  hasListeners(event: DomainEventName): boolean {
    return (this.subscriptions.get(event)?.length ?? 0) > 0;
  }

  /** Hands the event to every listener; returns at once and never throws. */
  publish<K extends DomainEventName>(event: K, payload: DomainEvents[K]): void {
    this.published.inc({ event });
    for (const sub of this.subscriptions.get(event) ?? []) {
      sub.pending++;
      sub.chain = sub.chain.then(async () => {
        try {
          await sub.handle(payload);
        } catch (err) {
          this.failures.inc({ event, listener: sub.listener });
          this.logger.error({ err, event, listener: sub.listener }, 'domain event listener failed');
        } finally {
          sub.pending--;
        }
      });
    }
  }

  /** Deliveries queued to listeners and not yet handled. */
  get pending(): number {
    let n = 0;
    for (const sub of this.all) n += sub.pending;
    return n;
  }

  /** Resolves once every delivery queued so far (and any they queue in turn) has been handled. */
  async whenIdle(): Promise<void> {
    while (this.pending > 0) await Promise.all([...this.all].map((s) => s.chain));
  }
}
