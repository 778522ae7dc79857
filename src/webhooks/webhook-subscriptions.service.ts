import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import type { Page } from '../common/http/paged-response.js';
import { decodeCursor, encodeCursor, parseEnum, parseLimit } from '../common/http/query-params.js';
import { bodyValidator } from '../common/http/request-body.js';
import { CREATE_SUBSCRIPTION_SCHEMA, type CreateSubscriptionRequest } from './webhook.dto.js';
import { DELIVERY_STATUSES, type WebhookDelivery, type WebhookSubscription } from './webhook.js';
import {
  WEBHOOK_OUTBOX_REPOSITORY,
  WEBHOOK_SUBSCRIPTION_REPOSITORY,
  type WebhookOutboxRepository,
  type WebhookSubscriptionRepository,
} from './webhook.repository.js';

export type PublicSubscription = Omit<WebhookSubscription, 'secret'>;
export type PublicDelivery = Omit<WebhookDelivery, 'body'>;

const validCreate = bodyValidator<CreateSubscriptionRequest>(CREATE_SUBSCRIPTION_SCHEMA);
const hide = ({ secret: _secret, ...s }: WebhookSubscription): PublicSubscription => s;

/** Subscriptions (who gets which events) and the outbox as the API shows them. */
@Injectable()
export class WebhookSubscriptionsService {
  constructor(
    @Inject(WEBHOOK_SUBSCRIPTION_REPOSITORY) private readonly subscriptions: WebhookSubscriptionRepository,
    @Inject(WEBHOOK_OUTBOX_REPOSITORY) private readonly outbox: WebhookOutboxRepository,
  ) {}

  async create(body: unknown, now = Date.now()): Promise<PublicSubscription & { secret: string }> {
    const req = validCreate(body);
    const s: WebhookSubscription = {
      id: `wh-${randomBytes(6).toString('hex')}`,
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

  async deliveries(q: {
    status?: string;
    subscriptionId?: string;
    limit?: string;
    cursor?: string;
  }): Promise<Page<PublicDelivery>> {
    const limit = parseLimit(q.limit, 100, 1000);
    const status = q.status ? parseEnum('status', q.status, DELIVERY_STATUSES, 'pending') : undefined;
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
