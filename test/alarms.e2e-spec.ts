import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MqttClient } from 'mqtt';
import type { Alarm, AlarmDetail } from '../src/alarms/alarm.js';
import type { AlarmNotification } from '../src/alarms/alarm-notifier.js';
import { deviceTopic } from '../src/contract/topics.js';
import { verifyWebhook, WEBHOOK_HEADERS } from '../src/webhooks/webhook-signature.js';
import { connectClient, eventually, startTestApp, type TestApp } from './helpers/test-app.js';
import { MANUAL_JOBS, registerDevices } from './helpers/work-orders.js';

const MINUTE = 60_000;

/** A webhook receiver that takes everything and checks each signature. */
async function receiver(): Promise<{
  url: string;
  got: Array<{ event: string; body: { data: { alarm: Alarm } }; signed: boolean }>;
  secret: { value: string };
  close: () => Promise<void>;
}> {
  const got: Array<{ event: string; body: { data: { alarm: Alarm } }; signed: boolean }> = [];
  const secret = { value: '' };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', () => {
      const h = (name: string): string | undefined => req.headers[name] as string | undefined;
      got.push({
        event: h(WEBHOOK_HEADERS.event)!,
        body: JSON.parse(raw) as { data: { alarm: Alarm } },
        signed: verifyWebhook(
          secret.value,
          raw,
          { timestamp: h(WEBHOOK_HEADERS.timestamp), signature: h(WEBHOOK_HEADERS.signature) },
          Math.floor(Date.now() / 1000),
        ),
      });
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/alarms`,
    got,
    secret,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

describe('Alarms through MQTT and HTTP (real app, real broker, PGlite records)', () => {
  let app: TestApp;
  let device: MqttClient;
  let listener: MqttClient;
  let hooks: Awaited<ReturnType<typeof receiver>>;
  const heard: Array<{ topic: string; body: AlarmNotification }> = [];
  const t0 = Date.now() - 30 * MINUTE;

  const COMPONENT: Record<string, string> = { 'F-301': 'fuser', 'F-302': 'fuser', 'D-401': 'drum' };
  const fault = (code: string, severity: string, ts: number, type = 'fault.raised'): Promise<unknown> =>
    device.publishAsync(
      deviceTopic('alm-1', 'events'),
      JSON.stringify({ ts, type, code, component: COMPONENT[code], severity }),
      { qos: 1 },
    );
  const alarmOf = async (type: string, status = 'active'): Promise<Alarm | undefined> =>
    (await app.get<{ data: Alarm[] }>(`/api/v1/alarms?deviceId=alm-1&type=${type}&status=${status}`)).body
      .data[0];

  beforeAll(async () => {
    hooks = await receiver();
    app = await startTestApp({ ...MANUAL_JOBS, WEBHOOK_DELIVERY_INTERVAL_MS: '100' });
    await registerDevices(app, [{ deviceId: 'alm-1' }]);
    const sub = await app.request<{ secret: string }>('POST', '/api/v1/webhooks/subscriptions', {
      url: hooks.url,
      events: ['alarm.*'],
    });
    expect(sub.status).toBe(201);
    hooks.secret.value = sub.body.secret;
    const rules = [
      {
        name: 'ops',
        minSeverity: 'major',
        customerId: 'cust-1',
        target: { kind: 'mqtt', topic: 'alarms/{customerId}/{severity}' },
      },
      {
        name: 'pager',
        minSeverity: 'critical',
        on: ['raised'],
        target: { kind: 'mqtt', topic: 'alarms/pager/{deviceId}' },
      },
      { name: 'crm', minSeverity: 'critical', target: { kind: 'webhook' } },
    ];
    for (const rule of rules)
      expect((await app.request('POST', '/api/v1/alarm-notification-rules', rule)).status).toBe(201);
    // an integration reading notifications with the platform's service credential
    listener = await connectClient(app.mqttUrl, 'svc-alarm-listener');
    listener.on('message', (topic, payload) =>
      heard.push({ topic, body: JSON.parse(payload.toString()) as AlarmNotification }),
    );
    await listener.subscribeAsync('alarms/#', { qos: 1 });
    device = await connectClient(app.mqttUrl, 'alm-1');
  });

  afterAll(async () => {
    await device?.endAsync();
    await listener?.endAsync();
    await app?.stop();
    await hooks?.close();
  });

  it('raises one alarm per device and type, counts repeats up and notifies by severity and customer', async () => {
    await fault('F-301', 'machine-down', t0);
    await fault('F-301', 'machine-down', t0 + MINUTE);
    await fault('D-401', 'major', t0 + 2 * MINUTE);
    await fault('F-302', 'minor', t0 + 3 * MINUTE);

    const critical = await eventually(
      async () => ((await alarmOf('fault:F-301'))?.count === 2 ? alarmOf('fault:F-301') : undefined),
      20_000,
      'the F-301 alarm counted twice',
    );
    expect(critical).toMatchObject({
      severity: 'critical',
      status: 'active',
      acknowledged: false,
      firstRaisedAt: t0,
      lastRaisedAt: t0 + MINUTE,
      customerId: 'cust-1',
      siteId: 'site-1',
    });
    const major = await eventually(() => alarmOf('fault:D-401'), 20_000, 'the D-401 alarm');
    expect(major).toMatchObject({ severity: 'major', count: 1 });
    // a minor fault is a precursor, not an operator's alarm
    expect(await alarmOf('fault:F-302')).toBeUndefined();

    // MQTT: the customer's rule gets both raises (a repeat is not sent again), the pager the critical one only
    await eventually(() => (heard.length >= 3 ? true : undefined), 20_000, 'three notifications');
    expect(heard.map((h) => [h.topic, h.body.event, h.body.alarm.type]).sort()).toEqual(
      [
        ['alarms/cust-1/critical', 'alarm.raised', 'fault:F-301'],
        ['alarms/cust-1/major', 'alarm.raised', 'fault:D-401'],
        ['alarms/pager/alm-1', 'alarm.raised', 'fault:F-301'],
      ].sort(),
    );
    // the webhook rule (critical only) went through the signed outbox
    const hook = await eventually(() => hooks.got[0], 20_000, 'the alarm webhook');
    expect(hook).toMatchObject({ event: 'alarm.raised', signed: true });
    expect(hook.body.data.alarm).toMatchObject({ id: critical.id, type: 'fault:F-301' });
  });

  it('is worked by an operator: acknowledged once, assigned, commented; viewers, unknown alarms and wildcard topics are refused', async () => {
    const alarm = (await alarmOf('fault:D-401'))!;
    // reading is a viewer's; working an alarm an operator's; rules an admin's
    const viewer = app.as('viewer');
    const operator = app.as('operator');
    expect((await viewer.get(`/api/v1/alarms/${alarm.id}`)).status).toBe(200);
    expect((await viewer.request('POST', `/api/v1/alarms/${alarm.id}/acknowledge`, {})).status).toBe(403);
    const rule = { name: 'x', minSeverity: 'warning', target: { kind: 'mqtt', topic: 'alarms/x' } };
    expect((await operator.request('POST', '/api/v1/alarm-notification-rules', rule)).status).toBe(403);
    const ack = await operator.request<AlarmDetail>('POST', `/api/v1/alarms/${alarm.id}/acknowledge`, {
      note: 'on it',
    });
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({ acknowledged: true, status: 'active' });
    // who: the operator's key, by id, never the key itself
    expect(ack.body.acknowledgedBy).toMatch(/^api-key:/);
    const again = await operator.request<{ message: string }>(
      'POST',
      `/api/v1/alarms/${alarm.id}/acknowledge`,
      {},
    );
    expect(again.status).toBe(409);
    expect(
      (await operator.request('PUT', `/api/v1/alarms/${alarm.id}/assignee`, { assignee: 'ann' })).status,
    ).toBe(200);
    const commented = await operator.request<AlarmDetail>('POST', `/api/v1/alarms/${alarm.id}/comments`, {
      text: 'drum ordered',
    });
    expect(commented.body.assignee).toBe('ann');
    // the order its fault opened may have linked it meanwhile (by `system`)
    expect(commented.body.history[0]).toMatchObject({ action: 'raised', actor: 'system' });
    expect(commented.body.history.filter((h) => h.actor !== 'system').map((h) => [h.action, h.note])).toEqual(
      [
        ['acknowledged', 'on it'],
        ['assigned', 'assigned to ann'],
        ['commented', 'drum ordered'],
      ],
    );
    expect((await operator.request('POST', '/api/v1/alarms/al-nothere/acknowledge', {})).status).toBe(404);
    const wildcard = await app.request<{ message: string }>('POST', '/api/v1/alarm-notification-rules', {
      name: 'all',
      minSeverity: 'warning',
      target: { kind: 'mqtt', topic: 'alarms/#' },
    });
    expect(wildcard.status).toBe(400);
    expect(wildcard.body.message).toMatch(/wildcard/);
    const elsewhere = await app.request('POST', '/api/v1/alarm-notification-rules', {
      ...rule,
      target: { kind: 'mqtt', topic: 'pager/{deviceId}' },
    });
    expect(elsewhere.status).toBe(400);
  });

  it('clears when the device clears the fault; the next fault opens a new alarm', async () => {
    const before = (await alarmOf('fault:F-301'))!;
    await fault('F-301', 'machine-down', t0 + 10 * MINUTE, 'fault.cleared');
    const cleared = await eventually(() => alarmOf('fault:F-301', 'cleared'), 20_000, 'F-301 cleared');
    expect(cleared).toMatchObject({ id: before.id, clearedAt: t0 + 10 * MINUTE });
    await eventually(() => heard.find((h) => h.body.event === 'alarm.cleared'), 20_000, 'the clear notified');
    // the pager rule takes raises only
    expect(heard.filter((h) => h.body.event === 'alarm.cleared').map((h) => h.topic)).toEqual([
      'alarms/cust-1/critical',
    ]);

    await fault('F-301', 'machine-down', t0 + 20 * MINUTE);
    const next = await eventually(() => alarmOf('fault:F-301'), 20_000, 'a new F-301 alarm');
    expect(next.id).not.toBe(before.id);
    expect(next.count).toBe(1);

    // everything sent on MQTT, once the last raise arrived: nothing more, nothing less
    await eventually(
      () => (heard.filter((h) => h.body.alarm.id === next.id).length === 2 ? true : undefined),
      20_000,
      'the new alarm notified',
    );
    expect(heard.map((h) => `${h.topic} ${h.body.event} ${h.body.alarm.type}`).sort()).toEqual([
      'alarms/cust-1/critical alarm.cleared fault:F-301',
      'alarms/cust-1/critical alarm.raised fault:F-301',
      'alarms/cust-1/critical alarm.raised fault:F-301',
      'alarms/cust-1/major alarm.raised fault:D-401',
      'alarms/pager/alm-1 alarm.raised fault:F-301',
      'alarms/pager/alm-1 alarm.raised fault:F-301',
    ]);
  });
});
