import type { RecordsDatabase } from '../ports/records-database.port.js';
import type { DeliveryStatus, WebhookDelivery, WebhookSubscription } from './webhook.js';
import type {
  DeliveryListQuery,
  NewDelivery,
  WebhookOutboxRepository,
  WebhookSubscriptionRepository,
} from './webhook.repository.js';

interface SubscriptionRow {
  id: string;
  url: string;
  secret: string;
  events: string[];
  description: string | null;
  active: boolean;
  created_at: number;
}

const subscription = (r: SubscriptionRow): WebhookSubscription => ({
  id: r.id,
  url: r.url,
  secret: r.secret,
  events: r.events,
  description: r.description,
  active: r.active,
  createdAt: r.created_at,
});

/** Webhook subscriptions on the records database. */
export class SqlWebhookSubscriptionRepository implements WebhookSubscriptionRepository {
  constructor(private readonly db: RecordsDatabase) {}

  async create(s: WebhookSubscription): Promise<void> {
    await this.db.query(
      `INSERT INTO webhook_subscriptions (id, url, secret, events, description, active, created_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7)`,
      [s.id, s.url, s.secret, JSON.stringify(s.events), s.description, s.active, s.createdAt],
    );
  }

  async get(id: string): Promise<WebhookSubscription | null> {
    const { rows } = await this.db.query<SubscriptionRow>(
      'SELECT * FROM webhook_subscriptions WHERE id = $1',
      [id],
    );
    return rows[0] ? subscription(rows[0]) : null;
  }

  async list(): Promise<WebhookSubscription[]> {
    const { rows } = await this.db.query<SubscriptionRow>(
      'SELECT * FROM webhook_subscriptions ORDER BY created_at, id',
    );
    return rows.map(subscription);
  }

  async remove(id: string): Promise<boolean> {
    const { rowCount } = await this.db.query('DELETE FROM webhook_subscriptions WHERE id = $1', [id]);
    return rowCount > 0;
  }
}

interface DeliveryRow {
  seq: number;
  delivery_id: string;
  subscription_id: string;
  event: string;
  body: string;
  created_at: number;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: number;
  last_status: number | null;
  last_error: string | null;
  delivered_at: number | null;
}

const delivery = (r: DeliveryRow): WebhookDelivery => ({
  seq: r.seq,
  deliveryId: r.delivery_id,
  subscriptionId: r.subscription_id,
  event: r.event,
  body: r.body,
  createdAt: r.created_at,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastStatus: r.last_status,
  lastError: r.last_error,
  deliveredAt: r.delivered_at,
});

/** The webhook outbox on the records database. */
export class SqlWebhookOutboxRepository implements WebhookOutboxRepository {
  constructor(private readonly db: RecordsDatabase) {}

  async enqueue(deliveries: readonly NewDelivery[]): Promise<void> {
    if (!deliveries.length) return;
    // one statement, in the given order: the sequence keeps it
    await this.db.query(
      `INSERT INTO webhook_deliveries (delivery_id, subscription_id, event, body, created_at, status, next_attempt_at)
       SELECT d.id, d.sub, d.event, d.body, d.at, 'pending', d.at
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[]) WITH ORDINALITY AS d(id, sub, event, body, at, n)
       ORDER BY d.n`,
      [
        deliveries.map((d) => d.deliveryId),
        deliveries.map((d) => d.subscriptionId),
        deliveries.map((d) => d.event),
        deliveries.map((d) => d.body),
        deliveries.map((d) => d.createdAt),
      ],
    );
  }

  async dueSubscriptions(now: number): Promise<string[]> {
    // the head (oldest pending) of each subscription decides: later ones wait behind it
    const { rows } = await this.db.query<{ subscription_id: string }>(
      `SELECT h.subscription_id FROM (
         SELECT DISTINCT ON (subscription_id) subscription_id, next_attempt_at
         FROM webhook_deliveries WHERE status = 'pending' ORDER BY subscription_id, seq
       ) h WHERE h.next_attempt_at <= $1 ORDER BY h.subscription_id`,
      [now],
    );
    return rows.map((r) => r.subscription_id);
  }

  async pending(subscriptionId: string, limit: number): Promise<WebhookDelivery[]> {
    const { rows } = await this.db.query<DeliveryRow>(
      `SELECT * FROM webhook_deliveries WHERE subscription_id = $1 AND status = 'pending' ORDER BY seq LIMIT $2`,
      [subscriptionId, limit],
    );
    return rows.map(delivery);
  }

  async markDelivered(seq: number, at: number, attempts: number, status: number): Promise<void> {
    await this.db.query(
      `UPDATE webhook_deliveries SET status = 'delivered', delivered_at = $2, attempts = $3, last_status = $4,
         last_error = NULL WHERE seq = $1`,
      [seq, at, attempts, status],
    );
  }

  async markFailed(
    seq: number,
    attempts: number,
    nextAttemptAt: number | null,
    status: number | null,
    error: string,
  ): Promise<void> {
    await this.db.query(
      `UPDATE webhook_deliveries SET attempts = $2, status = CASE WHEN $3::bigint IS NULL THEN 'dead' ELSE 'pending' END,
         next_attempt_at = COALESCE($3::bigint, next_attempt_at), last_status = $4, last_error = $5 WHERE seq = $1`,
      [seq, attempts, nextAttemptAt, status, error],
    );
  }

  async list(q: DeliveryListQuery): Promise<WebhookDelivery[]> {
    const where: string[] = [];
    const params: Array<string | number> = [];
    const add = (sql: string, value: string | number): void => {
      params.push(value);
      where.push(sql.replace('$n', `$${params.length}`));
    };
    if (q.status) add('status = $n', q.status);
    if (q.subscriptionId) add('subscription_id = $n', q.subscriptionId);
    if (q.beforeSeq !== undefined) add('seq < $n', q.beforeSeq);
    params.push(q.limit);
    const { rows } = await this.db.query<DeliveryRow>(
      `SELECT * FROM webhook_deliveries ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY seq DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(delivery);
  }

  async prune(before: number): Promise<number> {
    const { rowCount } = await this.db.query(
      `DELETE FROM webhook_deliveries WHERE status <> 'pending' AND created_at < $1`,
      [before],
    );
    return rowCount;
  }
}
