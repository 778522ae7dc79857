import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deviceTopic } from '../src/contract/index.js';
import { EmbeddedBroker } from '../src/infrastructure/broker/embedded-broker.js';
import { FleetPublisher } from '../device-simulator/fleet-publisher.js';
import type { TruthRecord } from '../device-simulator/ground-truth.js';
import { SimulatorRunner, type RunnerOptions } from '../device-simulator/simulator-runner.js';
import { freePort } from './helpers/mosquitto.js';
import { openBrokerPolicy } from './helpers/open-broker-policy.js';
import { tempDir } from './helpers/temp-dir.js';
import { connectClient, eventually, startTestApp, type TestApp } from './helpers/test-app.js';

const DAY = 86_400_000;

function options(url: string, over: Partial<RunnerOptions>): RunnerOptions {
  return {
    url,
    devices: 12,
    customers: 3,
    seed: 11,
    start: Date.now() - 2 * DAY,
    durationMs: 2 * DAY,
    speed: 'max',
    stepMs: 15 * 60_000,
    qos: 1,
    gateways: 0,
    truthFile: null,
    overuseShare: 0.2,
    misuseShare: 0.2,
    failureRateMultiplier: 40,
    bufferLimit: 1000,
    progress: false,
    ...over,
  };
}

describe('Device simulator against the platform', () => {
  let app: TestApp;
  const dir = tempDir('fleet-sim-');
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
    dir.remove();
  });

  it('seeds history that the platform stores in full, with ground truth on the side', async () => {
    const truthFile = join(dir.path, 'truth.jsonl');
    // the devices provision themselves with a key, as real ones would
    const provisioningKey = await app.simulatorProvisioningKey();
    const runner = new SimulatorRunner(options(app.mqttUrl, { truthFile, provisioningKey }));
    const summary = await runner.run();
    const steps = (2 * DAY) / (15 * 60_000);
    expect(summary.simulatedMs).toBe(2 * DAY);
    expect(summary.dropped).toBe(0);

    const devices = await eventually(async () => {
      const r = await app.get<{ data: Array<{ deviceId: string; model: string; online: boolean }> }>(
        '/api/v1/devices',
      );
      return r.body.data.length === 12 ? r.body.data : undefined;
    });
    expect(devices.every((d) => d.model)).toBe(true);
    const from = options('', {}).start - DAY;
    const telemetry = await eventually(async () => {
      const r = await app.get<{ data: unknown[] }>(
        `/api/v1/devices/sim-00003/telemetry/${devices[2].model === 'RT-50' ? 'run_hours' : 'pages.total'}?from=${from}&limit=1000`,
      );
      return r.body.data.length === steps ? r.body.data : undefined;
    }, 20_000);
    expect(telemetry).toHaveLength(steps);
    const dead = await app.get<{ data: unknown[] }>('/api/v1/dead-letters');
    expect(dead.body.data).toEqual([]);

    const truth = readFileSync(truthFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as TruthRecord);
    expect(truth[0].type).toBe('params');
    expect(truth.filter((r) => r.type === 'device')).toHaveLength(12);
    const failures = truth.filter((r) => r.type === 'failure');
    expect(failures.length).toBe(summary.failures);
    // every fault the truth knows, the platform heard about (once ingest has written them all)
    const missing = await eventually(async () => {
      const events = await app.get<{ data: Array<{ deviceId: string; ts: number; type: string }> }>(
        `/api/v1/events?type=fault.raised&from=${from}&limit=10000`,
      );
      const heard = new Set(events.body.data.map((e) => `${e.deviceId}@${e.ts}`));
      const left = failures.filter((f) => !heard.has(`${f.deviceId}@${f.ts}`));
      return left.length === 0 ? left : undefined;
    }, 20_000);
    expect(missing).toEqual([]);
  });

  it('carries out a maintenance command sent over MQTT, and the platform sees the part replaced', async () => {
    const runner = new SimulatorRunner(
      options(app.mqttUrl, {
        provisioningKey: await app.simulatorProvisioningKey(),
        devices: 2,
        durationMs: null,
        speed: 60,
        stepMs: 60_000,
        start: Date.now() - 3_600_000,
      }),
    );
    const running = runner.run();
    const ops = await connectClient(app.mqttUrl, 'svc-test-dispatch');
    try {
      await eventually(() => (runner.simulation ? true : undefined));
      await new Promise((r) => setTimeout(r, 500));
      // whatever the model, replace its first component
      const component = runner.simulation!.componentState('sim-00001')[0].name;
      await ops.publishAsync(
        deviceTopic('sim-00001', 'commands'),
        JSON.stringify({ action: 'replace-part', component, workOrderId: 'WO-42' }),
        { qos: 1 },
      );
      const replaced = await eventually(async () => {
        const r = await app.get<{ data: Array<{ component: string; visitId: string }> }>(
          `/api/v1/devices/sim-00001/events?type=part.replaced&from=${Date.now() - 2 * 3_600_000}`,
        );
        return r.body.data.find((e) => e.visitId === 'sim-00001-wo-WO-42');
      });
      expect(replaced.component).toBe(component);
    } finally {
      runner.stop();
    }
    const summary = await running;
    expect(summary.commands).toBe(1);
    await ops.endAsync();
  });
});

describe('Simulator backfill: history, then accelerated, then real time', () => {
  it('never publishes a device time ahead of the clock, and runs in real time once caught up', async () => {
    const broker = new EmbeddedBroker({
      host: '127.0.0.1',
      port: 0,
      wsPort: null,
      policy: openBrokerPolicy,
      maxPacketBytes: 1 << 20,
      connectTimeoutMs: 10_000,
    });
    await broker.start();
    const url = `mqtt://127.0.0.1:${broker.tcpPort}`;
    const listener = await connectClient(url, 'svc-clock-check');
    const ahead: string[] = [];
    const births: Array<{ reportingIntervalMs?: number }> = [];
    const samples: Array<{ ts: number; at: number }> = [];
    listener.on('message', (topic, payload) => {
      const at = Date.now();
      const body = JSON.parse(payload.toString()) as {
        ts?: number;
        state?: string;
        reportingIntervalMs?: number;
      };
      if (body.state === 'online') births.push(body);
      if (typeof body.ts === 'number' && body.ts > at) ahead.push(`${topic} ${body.ts - at} ms ahead`);
      if (topic === deviceTopic('sim-00001', 'telemetry') && typeof body.ts === 'number')
        samples.push({ ts: body.ts, at });
    });
    await listener.subscribeAsync('fleet/#', { qos: 1 });
    const now = Date.now();
    let historyDone: number | null = null;
    const runner = new SimulatorRunner(
      options(url, {
        devices: 3,
        start: now - 2 * DAY,
        durationMs: null,
        speed: 7200,
        stepMs: 1000,
        historyUntil: now - 2 * 3_600_000,
        historyStepMs: 3_600_000,
        catchUpStepMs: 600_000,
        reportingIntervalMs: 1000,
        qos: 1,
        onHistoryDone: () => {
          historyDone = Date.now();
        },
      }),
    );
    const running = runner.run();
    try {
      // caught up: samples one second apart, each within a few seconds of the clock
      await eventually(
        () => {
          const last = samples.slice(-3);
          const live =
            last.length === 3 &&
            last.every((p, i) => i === 0 || p.ts - last[i - 1].ts === 1000) &&
            last.every((p) => p.at - p.ts < 3000);
          return live ? true : undefined;
        },
        30_000,
        'real-time samples',
      );
    } finally {
      runner.stop();
    }
    await running;
    await listener.endAsync();
    await broker.stop();
    expect(historyDone).not.toBeNull();
    expect(ahead).toEqual([]);
    expect(births.every((b) => b.reportingIntervalMs === 1000)).toBe(true);
    // the history came in hourly steps, the catch-up in 10-minute ones
    const gaps = new Set(samples.slice(0, 40).map((p, i, all) => (i ? p.ts - all[i - 1].ts : 0)));
    expect(gaps.has(3_600_000)).toBe(true);
  });
});

describe(FleetPublisher.name, () => {
  it('buffers a bounded number of messages while the broker is away and sends them on reconnect', async () => {
    const port = await freePort();
    const start = (): Promise<EmbeddedBroker> => {
      const b = new EmbeddedBroker({
        host: '127.0.0.1',
        port,
        wsPort: null,
        policy: openBrokerPolicy,
        maxPacketBytes: 1 << 20,
        connectTimeoutMs: 10_000,
      });
      return b.start().then(() => b);
    };
    let broker = await start();
    const publisher = new FleetPublisher({
      url: `mqtt://127.0.0.1:${port}`,
      deviceIds: ['dev-buf'],
      gateways: 0,
      qos: 1,
      bufferLimit: 5,
      birth: (id) => ({
        deviceId: id,
        kind: 'status',
        payload: { ts: Date.now(), state: 'online', model: 'DT-200' },
      }),
      onCommand: () => undefined,
    });
    await publisher.start();
    await broker.stop();
    await eventually(() => (publisher.connected === 0 ? true : undefined));
    for (let i = 0; i < 12; i++) {
      void publisher.publish({
        deviceId: 'dev-buf',
        kind: 'telemetry',
        payload: { ts: Date.now(), gauges: { seq: i } },
      });
    }
    expect(publisher.buffered).toBe(5);
    expect(publisher.dropped).toBe(7);

    broker = await start();
    const listener = await connectClient(`mqtt://127.0.0.1:${port}`, 'svc-listener');
    const seen: number[] = [];
    listener.on('message', (_t, payload) => {
      const body = JSON.parse(payload.toString()) as { gauges?: { seq: number } };
      if (body.gauges) seen.push(body.gauges.seq);
    });
    await listener.subscribeAsync('fleet/#', { qos: 1 });
    await eventually(() => (seen.length === 5 ? true : undefined), 15_000);
    // the newest five survive, in order
    expect(seen).toEqual([7, 8, 9, 10, 11]);
    expect(publisher.buffered).toBe(0);
    await listener.endAsync();
    await publisher.stop();
    await broker.stop();
  });
});
