import type { RecordsDatabase } from '../../src/ports/records-database.port.js';
import {
  SqlWebhookOutboxRepository,
  SqlWebhookSubscriptionRepository,
} from '../../src/webhooks/sql-webhook.repository.js';
import type { WebhookSubscription } from '../../src/webhooks/webhook.js';
import type {
  NewDelivery,
  WebhookOutboxRepository,
  WebhookSubscriptionRepository,
} from '../../src/webhooks/webhook.repository.js';

const sub = (id: string, createdAt: number): WebhookSubscription => ({
  id,
  url: `http://127.0.0.1:9/${id}`,
  secret: `secret-of-${id}-0123456789`,
  events: ['work-order.*'],
  description: null,
  active: true,
  createdAt,
});
const delivery = (n: number, subscriptionId: string, createdAt = 1000): NewDelivery => ({
  deliveryId: `del-${n}`,
  subscriptionId,
  event: 'work-order.changed',
  body: `{"n":${n}}`,
  createdAt,
});

/** Subscriptions and the outbox, on an empty, migrated records database. */
export function describeWebhookRepositoryContract(
  name: string,
  records: () => Promise<RecordsDatabase>,
): void {
  describe(`Webhook repositories contract: ${name}`, () => {
    let db: RecordsDatabase;
    let subs: WebhookSubscriptionRepository;
    let outbox: WebhookOutboxRepository;
    beforeEach(async () => {
      db = await records();
      subs = new SqlWebhookSubscriptionRepository(db);
      outbox = new SqlWebhookOutboxRepository(db);
      await subs.create(sub('a', 1));
      await subs.create(sub('b', 2));
    });

    it('keeps subscriptions; removing one drops its deliveries', async () => {
      expect(await subs.get('a')).toEqual(sub('a', 1));
      expect((await subs.list()).map((s) => s.id)).toEqual(['a', 'b']);
      await outbox.enqueue([delivery(1, 'a'), delivery(2, 'b')]);
      expect(await subs.remove('a')).toBe(true);
      expect(await subs.remove('a')).toBe(false);
      expect((await outbox.list({ limit: 10 })).map((d) => d.deliveryId)).toEqual(['del-2']);
    });

    it('gives a subscription its pending deliveries in the order written', async () => {
      await outbox.enqueue([delivery(1, 'a'), delivery(2, 'b'), delivery(3, 'a')]);
      await outbox.enqueue([delivery(4, 'a')]);
      const pending = await outbox.pending('a', 10);
      expect(pending.map((d) => d.deliveryId)).toEqual(['del-1', 'del-3', 'del-4']);
      expect(pending[0]).toMatchObject({
        status: 'pending',
        attempts: 0,
        nextAttemptAt: 1000,
        body: '{"n":1}',
      });
      expect(await outbox.dueSubscriptions(1000)).toEqual(['a', 'b']);
      expect(await outbox.dueSubscriptions(999)).toEqual([]);
    });

    it('holds a subscription back while its oldest delivery waits for a retry', async () => {
      await outbox.enqueue([delivery(1, 'a'), delivery(2, 'a')]);
      const [head] = await outbox.pending('a', 1);
      await outbox.markFailed(head.seq, 1, 5000, 503, 'HTTP 503');
      expect(await outbox.dueSubscriptions(4999)).toEqual([]);
      expect(await outbox.dueSubscriptions(5000)).toEqual(['a']);
      expect((await outbox.pending('a', 1))[0]).toMatchObject({
        attempts: 1,
        nextAttemptAt: 5000,
        lastStatus: 503,
        lastError: 'HTTP 503',
      });
    });

    it('marks deliveries delivered or dead, lists them newest first and prunes the old ones', async () => {
      await outbox.enqueue([delivery(1, 'a', 100), delivery(2, 'a', 100), delivery(3, 'b', 900)]);
      const [d1, d2] = await outbox.pending('a', 2);
      await outbox.markDelivered(d1.seq, 150, 2, 204);
      await outbox.markFailed(d2.seq, 15, null, null, 'ECONNREFUSED');
      expect((await outbox.pending('a', 5)).map((d) => d.deliveryId)).toEqual([]);
      expect(await outbox.list({ limit: 10, status: 'delivered' })).toEqual([
        expect.objectContaining({
          deliveryId: 'del-1',
          status: 'delivered',
          deliveredAt: 150,
          attempts: 2,
          lastStatus: 204,
          lastError: null,
        }),
      ]);
      expect((await outbox.list({ limit: 10, status: 'dead' }))[0]).toMatchObject({
        deliveryId: 'del-2',
        attempts: 15,
      });
      const all = await outbox.list({ limit: 2 });
      expect(all.map((d) => d.deliveryId)).toEqual(['del-3', 'del-2']);
      expect((await outbox.list({ limit: 5, beforeSeq: all[1].seq })).map((d) => d.deliveryId)).toEqual([
        'del-1',
      ]);
      expect((await outbox.list({ limit: 5, subscriptionId: 'b' })).map((d) => d.deliveryId)).toEqual([
        'del-3',
      ]);
      // pending deliveries are never pruned, however old
      expect(await outbox.prune(1000)).toBe(2);
      expect((await outbox.list({ limit: 5 })).map((d) => d.deliveryId)).toEqual(['del-3']);
    });

    it('writes nothing when the transaction that enqueued rolls back (the outbox goes with the change)', async () => {
      await expect(
        db.transaction(async () => {
          await outbox.enqueue([delivery(1, 'a')]);
          throw new Error('the order update failed');
        }),
      ).rejects.toThrow('the order update failed');
      expect(await outbox.list({ limit: 10 })).toEqual([]);
    });
  });
}
