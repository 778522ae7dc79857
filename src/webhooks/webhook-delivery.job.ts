import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DomainEventBus } from '../events/domain-event-bus.js';
import { JobRunner } from '../infrastructure/jobs/job-runner.js';
import { MetricsService } from '../infrastructure/metrics/metrics.service.js';
import { retryDelay } from './webhook-retry.js';
import { signWebhook, WEBHOOK_HEADERS } from './webhook-signature.js';
import type { WebhookDelivery, WebhookSubscription } from './webhook.js';
import {
  WEBHOOK_OUTBOX_REPOSITORY,
  WEBHOOK_SUBSCRIPTION_REPOSITORY,
  type WebhookOutboxRepository,
  type WebhookSubscriptionRepository,
} from './webhook.repository.js';
import { WebhookOutbox } from './webhook-outbox.js';

const BATCH = 50;
const DAY = 86_400_000;

/**
 * Sends the outbox: per subscription, oldest first, one at a time, so a receiver
 * sees a record's changes in order; the first failure stops that subscription until
 * its retry is due (exponential backoff with jitter), the others go on. Runs under
 * the job lease (one replica sends), every WEBHOOK_DELIVERY_INTERVAL_MS and when
 * a feature kicks it. Retries run on wall time.
 */
@Injectable()
export class WebhookDeliveryJob implements OnModuleInit {
  static readonly NAME = 'webhooks.delivery';
  private readonly logger = new Logger(WebhookDeliveryJob.name);
  private kicked = false;
  private lastPrune = 0;
  private readonly outcomes: Counter<'outcome'>;
  private readonly pending: Gauge;

  constructor(
    private readonly jobs: JobRunner,
    private readonly bus: DomainEventBus,
    private readonly outboxService: WebhookOutbox,
    @Inject(WEBHOOK_OUTBOX_REPOSITORY) private readonly outbox: WebhookOutboxRepository,
    @Inject(WEBHOOK_SUBSCRIPTION_REPOSITORY) private readonly subscriptions: WebhookSubscriptionRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    metrics: MetricsService,
  ) {
    this.outcomes = new Counter({
      name: 'fleet_webhook_attempts_total',
      help: 'Webhook delivery attempts, by outcome (delivered, retry, dead).',
      labelNames: ['outcome'],
      registers: [metrics.registry],
    });
    this.pending = new Gauge({
      name: 'fleet_webhook_deliveries_due',
      help: 'Subscriptions with a delivery due but not sent, after the last delivery run.',
      registers: [metrics.registry],
    });
  }

  onModuleInit(): void {
    this.jobs.register({
      name: WebhookDeliveryJob.NAME,
      intervalMs: this.config.webhooks.deliveryIntervalMs,
      run: () => this.deliverAll(),
    });
    this.outboxService.onKick(() => {
      this.kicked = true;
      void this.jobs.tick(WebhookDeliveryJob.NAME);
    });
  }

  /** Sends everything due; again while kicks arrive during the run. */
  async deliverAll(): Promise<{ delivered: number; failed: number }> {
    const total = { delivered: 0, failed: 0 };
    do {
      this.kicked = false;
      const subs = await this.outbox.dueSubscriptions(Date.now());
      for (const id of subs) {
        const sub = await this.subscriptions.get(id);
        if (!sub?.active) continue;
        const r = await this.deliverFor(sub);
        total.delivered += r.delivered;
        total.failed += r.failed;
      }
    } while (this.kicked);
    this.pending.set((await this.outbox.dueSubscriptions(Date.now())).length);
    if (Date.now() - this.lastPrune > DAY / 24) {
      this.lastPrune = Date.now();
      await this.outbox.prune(Date.now() - this.config.webhooks.retentionDays * DAY);
    }
    return total;
  }

  private async deliverFor(sub: WebhookSubscription): Promise<{ delivered: number; failed: number }> {
    let delivered = 0;
    for (;;) {
      const batch = await this.outbox.pending(sub.id, BATCH);
      if (!batch.length) return { delivered, failed: 0 };
      for (const d of batch) {
        if (d.nextAttemptAt > Date.now()) return { delivered, failed: 0 };
        if (!(await this.attempt(sub, d))) return { delivered, failed: 1 };
        delivered++;
      }
    }
  }

  /** One attempt; true when the receiver took it. */
  private async attempt(sub: WebhookSubscription, d: WebhookDelivery): Promise<boolean> {
    const attempts = d.attempts + 1;
    const timestamp = Math.floor(Date.now() / 1000);
    let status: number | null = null;
    let error: string;
    try {
      const res = await fetch(sub.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'fleet-telemetry-webhooks/1',
          [WEBHOOK_HEADERS.event]: d.event,
          [WEBHOOK_HEADERS.delivery]: d.deliveryId,
          [WEBHOOK_HEADERS.timestamp]: String(timestamp),
          [WEBHOOK_HEADERS.signature]: signWebhook(sub.secret, timestamp, d.body),
        },
        body: d.body,
        signal: AbortSignal.timeout(this.config.webhooks.timeoutMs),
        redirect: 'manual',
      });
      status = res.status;
      // read the answer so the connection is reused; its content does not matter
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) {
        const at = Date.now();
        await this.outbox.markDelivered(d.seq, at, attempts, status);
        this.outcomes.inc({ outcome: 'delivered' });
        this.bus.publish('webhook.delivered', {
          deliveryId: d.deliveryId,
          subscriptionId: sub.id,
          event: d.event,
          attempts,
          status,
        });
        return true;
      }
      error = `HTTP ${status}`;
    } catch (err) {
      error = describeFetchError(err);
    }
    const delay = retryDelay(attempts, this.config.webhooks.retry);
    const nextAttemptAt = delay === null ? null : Date.now() + delay;
    await this.outbox.markFailed(d.seq, attempts, nextAttemptAt, status, error.slice(0, 500));
    this.outcomes.inc({ outcome: nextAttemptAt === null ? 'dead' : 'retry' });
    if (nextAttemptAt === null)
      this.logger.warn(
        { subscription: sub.id, delivery: d.deliveryId, attempts, error },
        'webhook delivery given up',
      );
    this.bus.publish('webhook.attempt-failed', {
      deliveryId: d.deliveryId,
      subscriptionId: sub.id,
      event: d.event,
      attempts,
      status,
      error,
      nextAttemptAt,
    });
    return false;
  }
}

function describeFetchError(err: unknown): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError') return 'timed out';
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(err);
}
