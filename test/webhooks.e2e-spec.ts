import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DomainEventBus } from '../src/events/domain-event-bus.js';
import type { WebhookBody } from '../src/webhooks/webhook-outbox.js';
import { verifyWebhook, WEBHOOK_HEADERS } from '../src/webhooks/webhook-signature.js';
import type { WebhookDelivery } from '../src/webhooks/webhook.js';
import type { WorkOrder } from '../src/work-orders/work-order.js';
import { nextEvent } from './helpers/domain-events.js';
import { eventually, startTestApp, type TestApp } from './helpers/test-app.js';
import { tempDir } from './helpers/temp-dir.js';
import { anAlert, MANUAL_JOBS, move, registerDevices } from './helpers/work-orders.js';

const HOUR = 3_600_000;

interface Received {
  deliveryId: string;
  event: string;
  body: WebhookBody<{ order: WorkOrder }>;
  signed: boolean;
  answered: number;
}

/** A receiver that refuses (503) while told to and for at least `refusals` attempts, then takes everything. */
async function flakyReceiver(refusals: number): Promise<{
  url: string;
  got: Received[];
  close: () => Promise<void>;
  secret: { value: string };
  recover: () => void;
}> {
  const got: Received[] = [];
  const secret = { value: '' };
  let left = refusals;
  let refusing = true;
  const server: Server = createServer((req: IncomingMessage, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', () => {
      const h = (name: string): string | undefined => req.headers[name] as string | undefined;
      const answered = left > 0 || refusing ? 503 : 204;
      if (left > 0) left--;
      got.push({
        deliveryId: h(WEBHOOK_HEADERS.delivery)!,
        event: h(WEBHOOK_HEADERS.event)!,
        body: JSON.parse(raw) as WebhookBody<{ order: WorkOrder }>,
        signed: verifyWebhook(
          secret.value,
          raw,
          { timestamp: h(WEBHOOK_HEADERS.timestamp), signature: h(WEBHOOK_HEADERS.signature) },
          Math.floor(Date.now() / 1000),
        ),
        answered,
      });
      res.statusCode = answered;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/work-orders`,
    got,
    secret,
    recover: () => (refusing = false),
    close: () => new Promise((r) => server.close(() => r())),
  };
}

const ENV = {
  ...MANUAL_JOBS,
  WEBHOOK_DELIVERY_INTERVAL_MS: '100',
  WEBHOOK_RETRY_BASE_MS: '20',
  WEBHOOK_RETRY_MAX_MS: '200',
  WEBHOOK_MAX_ATTEMPTS: '100',
};

describe('Signed webhooks with an outbox (real app, PGlite records)', () => {
  const dir = tempDir('fleet-webhooks-');
  let app: TestApp;
  afterAll(async () => {
    await app?.stop();
    dir.remove();
  });

  it('delivers every created and changed order exactly once, in order, to a receiver that fails for a while, across a restart', async () => {
    const receiver = await flakyReceiver(12);
    try {
      app = await startTestApp(ENV, dir.path);
      await registerDevices(app, [{ deviceId: 'hook-1' }, { deviceId: 'hook-2' }]);
      const sub = await app.request<{ id: string; secret: string }>(
        'POST',
        '/api/v1/webhooks/subscriptions',
        {
          url: receiver.url,
          events: ['work-order.*'],
          description: 'CRM mirror',
        },
      );
      expect(sub.status).toBe(201);
      receiver.secret.value = sub.body.secret;
      const listed = await app.get<Array<Record<string, unknown>>>('/api/v1/webhooks/subscriptions');
      expect(listed.body[0]).not.toHaveProperty('secret');
      const bad = await app.request<{ message: string }>('POST', '/api/v1/webhooks/subscriptions', {
        url: 'ftp://x',
        events: [],
      });
      expect(bad.status).toBe(400);

      // some orders and changes while the receiver refuses
      const bus = app.app.get(DomainEventBus);
      const t0 = Date.now() - 2 * HOUR;
      const first = nextEvent(app.app, 'work-order.created', (c) => c.order.deviceId === 'hook-1');
      bus.publish('prediction.alert-raised', anAlert('hook-1', 'fuser', t0));
      const { order } = await first;
      await move(app, order.id, { to: 'assigned', assignee: 'tech-1' });
      await move(app, order.id, { to: 'en-route', actor: 'tech-1' });
      const second = nextEvent(app.app, 'work-order.created', (c) => c.order.deviceId === 'hook-2');
      bus.publish('prediction.alert-raised', anAlert('hook-2', 'drum', t0));
      await second;
      // the receiver has refused at least once: some deliveries wait in the outbox
      await nextEvent(app.app, 'webhook.attempt-failed');

      // the service stops with deliveries undelivered, and starts again on the same records
      await app.stop();
      const refusedBeforeRestart = receiver.got.filter((g) => g.answered !== 204).length;
      app = await startTestApp(ENV, dir.path);
      await move(app, order.id, { to: 'in-progress', actor: 'tech-1' });
      // it refuses a few more times after the restart, then recovers
      receiver.recover();

      // every delivery of the outbox delivered: wait for it, not for the clock
      const deliveries = await eventually(
        async () => {
          const res = await app.get<{ data: WebhookDelivery[] }>('/api/v1/webhooks/deliveries?limit=100');
          const all = res.body.data;
          return all.length >= 5 && all.every((d) => d.status === 'delivered') ? all : undefined;
        },
        30_000,
        'every delivery delivered',
      );
      const taken = receiver.got.filter((g) => g.answered === 204);
      // exactly once each, in the order they were written
      expect(taken.map((g) => g.deliveryId)).toEqual(
        [...deliveries].sort((a, b) => a.seq - b.seq).map((d) => d.deliveryId),
      );
      expect(new Set(taken.map((g) => g.deliveryId)).size).toBe(taken.length);
      expect(taken.map((g) => g.event)).toEqual([
        'work-order.created',
        'work-order.changed',
        'work-order.changed',
        'work-order.created',
        'work-order.changed',
      ]);
      expect(taken.map((g) => g.body.data.order.status)).toEqual([
        'new',
        'assigned',
        'en-route',
        'new',
        'in-progress',
      ]);
      // signed, and retried: the refused attempts were the same deliveries again
      expect(receiver.got.every((g) => g.signed)).toBe(true);
      expect(receiver.got.filter((g) => g.answered === 503).length).toBeGreaterThanOrEqual(12);
      expect(refusedBeforeRestart).toBeGreaterThan(0);
      expect(new Set(receiver.got.map((g) => g.deliveryId))).toEqual(new Set(taken.map((g) => g.deliveryId)));
      expect(
        deliveries.find((d) => d.seq === Math.min(...deliveries.map((x) => x.seq)))!.attempts,
      ).toBeGreaterThan(1);
      expect(taken[0].body).toMatchObject({
        id: taken[0].deliveryId,
        event: 'work-order.created',
        data: { order: { id: order.id } },
      });
    } finally {
      await receiver.close();
    }
  });
});
