import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { TruthRecord } from '../device-simulator/ground-truth.js';
import { SimulatorRunner } from '../device-simulator/simulator-runner.js';
import type { ReliabilityKpis } from '../src/reliability/reliability-kpis.js';
import type { Signal } from '../src/signals/signal.js';
import { monthStart } from '../src/signals/signal-facts.js';
import type { SignalRunSummary } from '../src/signals/signal-evaluation.service.js';
import type { RuleView } from '../src/signals/signals.service.js';
import type { WebhookBody } from '../src/webhooks/webhook-outbox.js';
import { verifyWebhook, WEBHOOK_HEADERS } from '../src/webhooks/webhook-signature.js';
import { nextEvent } from './helpers/domain-events.js';
import { readTruth, registerFleetFromTruth } from './helpers/registry-from-truth.js';
import { tempDir } from './helpers/temp-dir.js';
import { eventually, startTestApp, type TestApp } from './helpers/test-app.js';

type DeviceTruth = Extract<TruthRecord, { type: 'device' }>;
const HOUR = 3_600_000;
// four complete months of history, up to the start of this month
const END = monthStart(Date.now());
const START = monthStart(END, -4);

interface Delivery {
  event: string;
  body: WebhookBody<{ signal: Signal }>;
  signed: boolean;
}

/** A CRM that takes every delivery and checks its signature. */
async function crm(secret: string): Promise<{ url: string; got: Delivery[]; close: () => Promise<void> }> {
  const got: Delivery[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', () => {
      const h = (name: string): string | undefined => req.headers[name] as string | undefined;
      got.push({
        event: h(WEBHOOK_HEADERS.event)!,
        body: JSON.parse(raw) as WebhookBody<{ signal: Signal }>,
        signed: verifyWebhook(
          secret,
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
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/crm/signals`,
    got,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

describe('Upsell signals end to end (real app, aedes, SQLite store, PGlite records)', () => {
  const dir = tempDir('fleet-signals-');
  const truthFile = join(dir.path, 'truth.jsonl');
  const secret = 'a-crm-secret-of-some-length';
  let app: TestApp;
  let receiver: Awaited<ReturnType<typeof crm>>;
  let truth: TruthRecord[];
  let overused: DeviceTruth;
  let run: SignalRunSummary;

  beforeAll(async () => {
    app = await startTestApp({
      KPI_REFRESH_INTERVAL_MS: '0',
      SIGNALS_EVALUATE_INTERVAL_MS: '0',
      WEBHOOK_DELIVERY_INTERVAL_MS: '100',
    });
    receiver = await crm(secret);
    const sub = await app.request('POST', '/api/v1/webhooks/subscriptions', {
      url: receiver.url,
      events: ['signal.*'],
      secret,
      description: 'CRM',
    });
    expect(sub.status).toBe(201);

    // four months of a small fleet, published over MQTT as devices would
    await new SimulatorRunner({
      url: app.mqttUrl,
      devices: 10,
      customers: 3,
      seed: 21,
      start: START,
      durationMs: END - START,
      speed: 'max',
      stepMs: HOUR,
      qos: 1,
      gateways: 2,
      passwords: await app.simulatorGateways(10, 2),
      truthFile,
      overuseShare: 0.3,
      misuseShare: 0.2,
      failureRateMultiplier: 1,
      bufferLimit: 100_000,
      progress: false,
    }).run();
    truth = readTruth(truthFile);
    await registerFleetFromTruth(app, truth);
    const devices = truth.filter((r): r is DeviceTruth => r.type === 'device');
    overused = devices.find((d) => d.overused && d.modelId.startsWith('MFP'))!;
    expect(overused).toBeDefined();
    // the last hour of every device is stored
    for (const d of devices)
      await eventually(
        async () => {
          const metric = d.modelId === 'RT-50' ? 'run_hours' : 'pages.total';
          const r = await app.get<{ data: unknown[] }>(
            `/api/v1/devices/${d.deviceId}/telemetry/${metric}?from=${END - HOUR}&to=${END}`,
          );
          return r.body.data.length ? true : undefined;
        },
        60_000,
        `the last sample of ${d.deviceId}`,
      );
    const kpis = await app.request<{ computedThrough: number }>('POST', '/api/v1/kpis/refresh');
    expect(kpis.status).toBe(200);

    const raised = nextEvent(
      app.app,
      'signal.raised',
      ({ signal }) => signal.rules.includes('overuse') && signal.deviceIds.includes(overused.deviceId),
    );
    const evaluated = await app.request<SignalRunSummary>('POST', '/api/v1/signals/evaluate?full=true');
    expect(evaluated.status).toBe(200);
    run = evaluated.body;
    await raised;
  }, 300_000);

  afterAll(async () => {
    await app?.stop();
    await receiver?.close();
    dir.remove();
  });

  it('raises an observed signal for the overused device: its successor as the offer, its usage per month as evidence', async () => {
    expect(run).toMatchObject({ full: true, devices: 10, ruleFailures: 0 });
    const list = await app.get<{ data: Signal[] }>(
      `/api/v1/signals?deviceId=${overused.deviceId}&rule=overuse`,
    );
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(1);
    const signal = list.body.data[0];
    const successor = truth.find(
      (r): r is DeviceTruth => r.type === 'device' && r.deviceId === overused.deviceId,
    )!.successor;
    expect(signal).toMatchObject({
      customerId: overused.customerId,
      siteId: overused.siteId,
      status: 'open',
      offer: { kind: 'upgrade', productId: successor },
    });
    const evidence = signal.evidence.find((e) => e.rule === 'overuse' && e.deviceId === overused.deviceId)!;
    expect(evidence.kind).toBe('observed');
    expect(evidence.estimatedValue).toBeGreaterThan(0);
    expect(evidence.confidence).toBeGreaterThan(0.5);

    // the numbers are the device's usage the KPI API gives for those months, per average month
    const months = evidence.figures.months as string[];
    expect(months).toEqual([1, 2, 3].map((k) => new Date(monthStart(START, k)).toISOString().slice(0, 7)));
    const kpis = await app.get<{ periods: ReliabilityKpis[] }>(
      `/api/v1/kpis?scope=device&id=${overused.deviceId}&from=${monthStart(START, 1)}&to=${END}&interval=month`,
    );
    const perMonth = kpis.body.periods.map((p) => {
      const days = (p.window.to - p.window.from) / 86_400_000;
      return Math.round((p.usage! * (365.25 / 12)) / days);
    });
    expect(evidence.figures.usagePerMonth).toEqual(perMonth);
    // and what the simulator was told: loadFactor × the rated duty (± the season and down time)
    const rated = evidence.figures.ratedMonthlyDuty as number;
    for (const usage of perMonth) expect(usage / rated).toBeGreaterThan(overused.loadFactor * 0.6);
    for (const share of evidence.figures.shareOfReference as number[])
      expect(share).toBeGreaterThanOrEqual(1.2);
  });

  it('tells the CRM through a signed webhook', async () => {
    const delivery = await eventually(
      () =>
        receiver.got.find(
          (d) =>
            d.event === 'signal.raised' &&
            d.body.data.signal.rules.includes('overuse') &&
            d.body.data.signal.deviceIds.includes(overused.deviceId),
        ),
      30_000,
      'the signal at the CRM',
    );
    expect(delivery.signed).toBe(true);
    expect(delivery.body.data.signal.offer.kind).toBe('upgrade');
  });

  it('fires once: evaluating again refreshes the evidence and raises nothing new', async () => {
    const again = await app.request<SignalRunSummary>('POST', '/api/v1/signals/evaluate?full=true');
    expect(again.body).toMatchObject({ raised: 0, changed: 0, refreshed: run.raised + run.changed });
    const all = await app.get<{ data: Signal[] }>('/api/v1/signals?limit=1000');
    const keys = all.body.data.filter((s) => s.status === 'open').map((s) => `${s.customerId} ${s.offerKey}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('moves through its lifecycle by API, refusing what the table forbids, and counts a win for its rules', async () => {
    const [signal] = (
      await app.get<{ data: Signal[] }>(`/api/v1/signals?deviceId=${overused.deviceId}&rule=overuse`)
    ).body.data;
    const to = (status: string, extra: Record<string, string> = {}) =>
      app.request<Signal & { error?: string; message?: string }>(
        'POST',
        `/api/v1/signals/${signal.id}/transitions`,
        { to: status, actor: 'ann', ...extra },
      );
    const changed = nextEvent(app.app, 'signal.changed', (e) => e.signal.id === signal.id);
    expect((await to('acknowledged')).status).toBe(200);
    expect((await changed).changes[0]).toMatchObject({
      type: 'transition',
      from: 'open',
      to: 'acknowledged',
    });
    const illegal = await to('won');
    expect(illegal.status).toBe(409);
    expect(illegal.body.message).toBe('a signal acknowledged can go to offered, dismissed, not won');
    expect((await to('dismissed')).status).toBe(400);
    expect((await to('offered')).status).toBe(200);
    const won = await to('won', { note: 'signed for the MFP' });
    expect(won.body).toMatchObject({ status: 'won', closedAt: expect.any(Number) as number, version: 5 });
    const missing = await app.request('POST', '/api/v1/signals/sig-000000/transitions', {
      to: 'acknowledged',
    });
    expect(missing.status).toBe(404);

    const rules = await app.get<{ data: RuleView[] }>('/api/v1/signals/rules');
    const overuse = rules.body.data.find((r) => r.id === 'overuse')!;
    expect(overuse.outcomes.won).toBe(1);
    expect(overuse.observedPrecision).toBe(1);
    expect(overuse.settings).toMatchObject({ shareOfRated: 1.2, months: 3 });
    expect(rules.body.data.map((r) => r.id)).toContain('overt-request');

    // won: held back for the cool-down, not raised again
    const after = await app.request<SignalRunSummary>('POST', '/api/v1/signals/evaluate?full=true');
    expect(after.body.suppressed).toBeGreaterThan(0);
    const open = await app.get<{ data: Signal[] }>(
      `/api/v1/signals?deviceId=${overused.deviceId}&status=active`,
    );
    expect(open.body.data.filter((s) => s.offerKey === signal.offerKey)).toEqual([]);
  });

  it("takes a customer's request in their words, classified, joining its active signal for the same offer", async () => {
    const device = truth.find(
      (r): r is DeviceTruth => r.type === 'device' && r.deviceId !== overused.deviceId,
    )!;
    const ask = (text: string) =>
      app.request<{ classification: { offer: string }; signal: Signal; created: boolean }>(
        'POST',
        '/api/v1/signals/requests',
        { customerId: device.customerId, deviceId: device.deviceId, text, channel: 'email' },
      );
    const first = await ask('Our machine comes off warranty soon, do you offer an extension?');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      classification: { offer: 'extended-warranty' },
      created: true,
      signal: {
        kind: 'overt',
        rule: 'overt-request',
        offer: { kind: 'extended-warranty' },
        deviceId: device.deviceId,
      },
    });
    expect(first.body.signal.evidence[0].figures.words).toBe(
      'Our machine comes off warranty soon, do you offer an extension?',
    );
    const second = await ask('Can we extend the warranty please?');
    expect(second.body).toMatchObject({ created: false, signal: { id: first.body.signal.id } });
    expect(second.body.signal.evidence).toHaveLength(2);

    const wrongCustomer = await app.request('POST', '/api/v1/signals/requests', {
      customerId: 'nobody',
      text: 'hello',
    });
    expect(wrongCustomer.status).toBe(404);
    const bad = await app.request<{ message: string }>('POST', '/api/v1/signals/requests', {
      customerId: 'x',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('missing field "text"');
  });

  it('rolls signals up per customer and exports the list as CSV', async () => {
    const customers = await app.get<{
      data: Array<{ customerId: string; active: number; activeValue: number }>;
    }>('/api/v1/signals/customers');
    expect(customers.status).toBe(200);
    const values = customers.body.data.map((c) => c.activeValue);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const one = await app.get<{ active: number; activeSignals: Signal[]; byStatus: Record<string, number> }>(
      `/api/v1/signals/customers/${overused.customerId}`,
    );
    expect(one.body.byStatus.won).toBe(1);
    expect(one.body.activeSignals).toHaveLength(one.body.active);

    const csv = await app.get('/api/v1/signals?format=csv&limit=1000');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'id,status,kind,rule,rules,customerId,siteId,deviceId,deviceIds,offer,productId,estimatedValue,currency,confidence,reason,statusReason,raisedAt,updatedAt,closedAt',
    );
    const json = await app.get<{ data: Signal[] }>('/api/v1/signals?limit=1000');
    expect(lines).toHaveLength(json.body.data.length + 1);
    expect((await app.get('/api/v1/signals?status=maybe')).status).toBe(400);
  });
});
