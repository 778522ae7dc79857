import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import type { Page } from '../common/http/paged-response.js';
import { checkLimit, decodeCursor, encodeCursor } from '../common/http/query-params.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { CreateSubscriptionBody, DeliveryQuery } from './webhook.dto.js';
import type { WebhookDelivery, WebhookSubscription } from './webhook.js';
import {
  WEBHOOK_OUTBOX_REPOSITORY,
  WEBHOOK_SUBSCRIPTION_REPOSITORY,
  type WebhookOutboxRepository,
  type WebhookSubscriptionRepository,
} from './webhook.repository.js';

export type PublicSubscription = Omit<WebhookSubscription, 'secret'>;
export type PublicDelivery = Omit<WebhookDelivery, 'body'>;

const hide = ({ secret: _secret, ...s }: WebhookSubscription): PublicSubscription => s;

/** Subscriptions (who gets which events) and the outbox as the API shows them. */
@Injectable()
export class WebhookSubscriptionsService {
  constructor(
    @Inject(WEBHOOK_SUBSCRIPTION_REPOSITORY) private readonly subscriptions: WebhookSubscriptionRepository,
    @Inject(WEBHOOK_OUTBOX_REPOSITORY) private readonly outbox: WebhookOutboxRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(
    req: CreateSubscriptionBody,
    now = Date.now(),
  ): Promise<PublicSubscription & { secret: string }> {
    if (req.id && (await this.subscriptions.get(req.id)))
      throw new DomainError(ErrorCode.Conflict, `webhook subscription ${req.id} exists`);
    const s: WebhookSubscription = {
      id: req.id ?? `wh-${randomBytes(6).toString('hex')}`,
      url: req.url,
      secret: req.secret ?? randomBytes(24).toString('base64url'),
      events: req.events,
      description: req.description ?? null,
      active: true,
      createdAt: now,
    };
    await this.subscriptions.create(s);
    return { ...hide(s), secret: s.secret };
  }

  async list(): Promise<PublicSubscription[]> {
    return (await this.subscriptions.list()).map(hide);
  }

  async get(id: string): Promise<PublicSubscription> {
    const s = await this.subscriptions.get(id);
    if (!s) throw new DomainError(ErrorCode.NotFound, `no webhook subscription ${id}`);
    return hide(s);
  }

  async remove(id: string): Promise<void> {
    if (!(await this.subscriptions.remove(id)))
      throw new DomainError(ErrorCode.NotFound, `no webhook subscription ${id}`);
  }

  async deliveries(q: DeliveryQuery): Promise<Page<PublicDelivery>> {
    const limit = checkLimit(q.limit, 100, this.config.apiMaxPoints);
    const status = q.status;
    const before = decodeCursor(q.cursor, (v): v is number => Number.isInteger(v));
    const rows = await this.outbox.list({
      status,
      subscriptionId: q.subscriptionId,
      limit: limit + 1,
      beforeSeq: before,
    });
    const page = rows.slice(0, limit).map(({ body: _body, ...d }) => d);
    return { data: page, nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].seq) : null };
  }
}
