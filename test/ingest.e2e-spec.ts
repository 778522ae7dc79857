import type { MqttClient } from 'mqtt';
import { deviceTopic } from '../src/contract/index.js';
import { connectClient, eventually, startTestApp, type TestApp } from './helpers/test-app.js';
import { tempDir } from './helpers/temp-dir.js';

interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
interface Row {
  ts: number;
  value: number;
  time: string;
}

const MIN = 60_000;

function publish(client: MqttClient, topic: string, body: unknown, qos: 0 | 1 = 1): Promise<void> {
  const payload = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  return client.publishAsync(topic, payload, { qos }).then(() => undefined);
}

async function allRows(app: TestApp, path: string): Promise<Row[]> {
  const rows: Row[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res: { status: number; body: Page<Row> } = await app.get<Page<Row>>(
      `${path}${sep}limit=7${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(res.status).toBe(200);
    rows.push(...res.body.data);
    cursor = res.body.nextCursor;
  } while (cursor);
  return rows;
}

describe('Ingest end to end (embedded broker, SQLite)', () => {
  let app: TestApp;
  let gateway: MqttClient;
  // whole minutes, two hours ago: windows of 5 minutes line up with the samples
  const t0 = Math.floor((Date.now() - 2 * 3_600_000) / (5 * MIN)) * 5 * MIN;

  beforeAll(async () => {
    app = await startTestApp();
    gateway = await connectClient(app.mqttUrl, 'gw-test', {
      devices: ['dev-a', 'dev-b', 'dev-c', 'dev-agg', 'dev-ev1', 'dev-ev2', 'dev-mixed'],
    });
  });
  afterAll(async () => {
    await gateway?.endAsync();
    await app?.stop();
  });

  it('stores every accepted sample, single and batched, and serves it raw and paged', async () => {
    const devices = ['dev-a', 'dev-b', 'dev-c'];
    const expected = new Map<string, Array<[number, number]>>();
    for (const [d, deviceId] of devices.entries()) {
      const samples = Array.from({ length: 30 }, (_, i) => ({
        ts: t0 + i * MIN,
        gauges: { 'fuser.temp_c': 170 + d * 5 + ((i * 7) % 11) / 2 },
        counters: { 'pages.total': 1000 * d + i * 13 },
      }));
      expected.set(
        deviceId,
        samples.map((s) => [s.ts, s.gauges['fuser.temp_c']]),
      );
      // first ten one by one, the rest as two batched arrays
      for (const s of samples.slice(0, 10)) await publish(gateway, deviceTopic(deviceId, 'telemetry'), s);
      await publish(gateway, deviceTopic(deviceId, 'telemetry'), samples.slice(10, 20));
      await publish(gateway, deviceTopic(deviceId, 'telemetry'), samples.slice(20), 0);
    }
    const range = `from=${t0}&to=${t0 + 60 * MIN}`;
    for (const deviceId of devices) {
      const rows = await eventually(async () => {
        const r = await allRows(app, `/api/v1/devices/${deviceId}/telemetry/fuser.temp_c?${range}`);
        return r.length === 30 ? r : undefined;
      });
      expect(rows.map((r) => [r.ts, r.value])).toEqual(expected.get(deviceId));
      expect(rows[0].time).toBe(new Date(t0).toISOString());
    }
    const counters = await app.get<Page<Row> & { kind: string }>(
      `/api/v1/devices/dev-b/telemetry/pages.total?${range}`,
    );
    expect(counters.body.kind).toBe('counter');
    expect(counters.body.data.map((r) => r.value)).toEqual(
      Array.from({ length: 30 }, (_, i) => 1000 + i * 13),
    );
    expect((await app.get('/api/v1/devices/dev-a/metrics')).body).toEqual(['fuser.temp_c', 'pages.total']);
  });

  it('aggregates into windows as computed here, for every function', async () => {
    const deviceId = 'dev-agg';
    const values = Array.from({ length: 24 }, (_, i) => ({
      ts: t0 + i * MIN + 1234,
      v: Math.round(Math.sin(i) * 1000) / 10,
    }));
    await publish(
      gateway,
      deviceTopic(deviceId, 'telemetry'),
      values.map(({ ts, v }) => ({ ts, gauges: { 'motor.current_a': v } })),
    );
    const range = `from=${t0}&to=${t0 + 30 * MIN}`;
    await eventually(async () => {
      const r = await app.get<Page<Row>>(`/api/v1/devices/${deviceId}/telemetry/motor.current_a?${range}`);
      return r.body.data.length === 24 ? true : undefined;
    });
    const windows = new Map<number, number[]>();
    for (const { ts, v } of values) {
      const start = Math.floor(ts / (5 * MIN)) * 5 * MIN;
      windows.set(start, [...(windows.get(start) ?? []), v]);
    }
    const fns: Record<string, (xs: number[]) => number> = {
      mean: (xs) => xs.reduce((a, b) => a + b, 0) / xs.length,
      min: (xs) => Math.min(...xs),
      max: (xs) => Math.max(...xs),
      sum: (xs) => xs.reduce((a, b) => a + b, 0),
      count: (xs) => xs.length,
      last: (xs) => xs[xs.length - 1],
    };
    for (const [fn, compute] of Object.entries(fns)) {
      const res = await app.get<Page<Row> & { fn: string; window: string }>(
        `/api/v1/devices/${deviceId}/telemetry/motor.current_a?${range}&window=5m&fn=${fn}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.fn).toBe(fn);
      expect(res.body.data.map((r) => r.ts)).toEqual([...windows.keys()]);
      res.body.data.forEach((r) => expect(r.value).toBeCloseTo(compute(windows.get(r.ts)!), 9));
    }
    const csv = await app.get(
      `/api/v1/devices/${deviceId}/telemetry/motor.current_a?${range}&window=1h&fn=count`,
      {
        accept: 'text/csv',
      },
    );
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('time,ts,value');
    expect(lines.slice(1).reduce((n, l) => n + Number(l.split(',')[2]), 0)).toBe(24);
  });

  it('stores events and serves them by device, by type and for the fleet, as JSON and CSV', async () => {
    const ts = t0 + 3 * MIN;
    await publish(gateway, deviceTopic('dev-ev1', 'events'), [
      { ts, type: 'fault.raised', code: 'IQ-204', component: 'pickup_roller', severity: 'machine-down' },
      { ts: ts + MIN, type: 'service.started', visitId: 'V-1' },
      {
        ts: ts + 2 * MIN,
        type: 'part.replaced',
        component: 'pickup_roller',
        visitId: 'V-1',
        note: 'worn, "glazed"',
      },
    ]);
    await publish(gateway, deviceTopic('dev-ev2', 'events'), {
      ts,
      type: 'consumable.replaced',
      component: 'toner.black',
    });
    const range = `from=${t0}&to=${t0 + 60 * MIN}`;
    const device = await eventually(async () => {
      const r = await app.get<Page<{ type: string; deviceId: string }>>(
        `/api/v1/devices/dev-ev1/events?${range}`,
      );
      return r.body.data.length === 3 ? r.body : undefined;
    });
    expect(device.data.map((e) => e.type)).toEqual(['fault.raised', 'service.started', 'part.replaced']);
    const faults = await app.get<Page<{ code: string }>>(`/api/v1/events?${range}&type=fault.raised`);
    expect(faults.body.data.map((e) => e.code)).toEqual(['IQ-204']);
    const fleet = await app.get<Page<{ deviceId: string }>>(
      `/api/v1/events?${range}&type=fault.raised,consumable.replaced`,
    );
    expect(fleet.body.data.map((e) => e.deviceId).sort()).toEqual(['dev-ev1', 'dev-ev2']);
    const csv = await app.get(`/api/v1/devices/dev-ev1/events?${range}&format=csv`);
    expect(csv.text).toContain('"worn, ""glazed"""');
  });

  it('dead-letters every kind of bad input with its reason and keeps the good messages around it', async () => {
    const good = (i: number): unknown => ({ ts: t0 + i * 1000, gauges: { 'bad.neighbour': i } });
    const topic = deviceTopic('dev-mixed', 'telemetry');
    const bad: Array<[string, string | Buffer, string]> = [
      [topic, '{not json', 'invalid_json'],
      [topic, JSON.stringify({ ts: t0, gauges: { 'bad.neighbour': 'warm' } }), 'schema_violation'],
      [topic, JSON.stringify({ gauges: { 'bad.neighbour': 1 } }), 'schema_violation'],
      [topic, `{"ts":${t0},"gauges":{"bad.neighbour":1e999}}`, 'non_finite_number'],
      [
        topic,
        JSON.stringify({ ts: Date.now() + 86_400_000, gauges: { 'bad.neighbour': 1 } }),
        'timestamp_out_of_range',
      ],
      [
        topic,
        JSON.stringify({ ts: Date.UTC(1999, 0, 1), gauges: { 'bad.neighbour': 1 } }),
        'timestamp_out_of_range',
      ],
      [
        topic,
        JSON.stringify({ ts: t0, gauges: { 'bad.neighbour': 1 }, pad: 'x'.repeat(300_000) }),
        'payload_too_large',
      ],
      ['fleet/v1/dev-mixed/telemetry/extra', JSON.stringify(good(0)), 'unknown_topic'],
      ['fleet/v1/dev-mixed/whatever', JSON.stringify(good(0)), 'unknown_topic'],
      [
        topic,
        JSON.stringify({ ts: t0, deviceId: 'dev-other', gauges: { 'bad.neighbour': 1 } }),
        'device_mismatch',
      ],
    ];
    let i = 1;
    for (const [badTopic, payload] of bad) {
      await publish(gateway, topic, good(i++));
      await publish(gateway, badTopic, payload);
    }
    await publish(gateway, topic, good(i++));

    // a device publishing on another device's topic is refused by the broker
    const intruder = await connectClient(app.mqttUrl, 'dev-intruder');
    const closed = new Promise<void>((resolve) => intruder.once('close', () => resolve()));
    intruder.publish(deviceTopic('dev-mixed', 'telemetry'), JSON.stringify(good(99)), { qos: 1 });
    await closed;
    await intruder.endAsync(true);

    const range = `from=${t0}&to=${t0 + 3_600_000}`;
    const stored = await eventually(async () => {
      const r = await app.get<Page<Row>>(`/api/v1/devices/dev-mixed/telemetry/bad.neighbour?${range}`);
      return r.body.data.length === i - 1 ? r.body.data : undefined;
    });
    expect(stored.map((r) => r.value)).toEqual(Array.from({ length: i - 1 }, (_, k) => k + 1));

    const letters = await eventually(async () => {
      const r = await app.get<Page<{ reason: string; topic: string; payload: string; payloadBytes: number }>>(
        '/api/v1/dead-letters?deviceId=dev-mixed&limit=100',
      );
      return r.body.data.length === bad.length + 1 ? r.body.data : undefined;
    });
    // MQTT orders messages per topic only [MQTT-4.6.0-5]: compare the reasons, not their order across topics
    const reasons = letters.map((l) => l.reason).sort();
    expect(reasons).toEqual([...bad.map(([, , reason]) => reason), 'device_mismatch'].sort());
    const oversize = letters.find((l) => l.reason === 'payload_too_large')!;
    expect(oversize.payloadBytes).toBeGreaterThan(300_000);
    expect(oversize.payload.length).toBeLessThanOrEqual(1024);
    expect(letters[0].topic).toBe('fleet/v1/dev-mixed/telemetry');

    const metrics = (await app.get('/metrics')).text;
    expect(metrics).toMatch(/fleet_ingest_rejected_total\{reason="timestamp_out_of_range"\} 2/);
    expect(metrics).toMatch(/fleet_ingest_rejected_total\{reason="device_mismatch"\} 2/);
  });

  it('tracks devices online from birth and offline from the last will', async () => {
    const device = await connectClient(app.mqttUrl, 'dev-lwt', {
      will: {
        topic: deviceTopic('dev-lwt', 'status'),
        payload: Buffer.from('{"state":"offline"}'),
        qos: 1,
        retain: true,
      },
    });
    await publish(device, deviceTopic('dev-lwt', 'status'), {
      ts: Date.now(),
      state: 'online',
      model: 'MFP-C300',
      firmware: '2.4.1',
    });
    const online = await eventually(async () => {
      const r = await app.get<{ online: boolean; model: string }>('/api/v1/devices/dev-lwt');
      return r.status === 200 && r.body.online ? r.body : undefined;
    });
    expect(online.model).toBe('MFP-C300');
    // a crash, not a clean disconnect: the broker publishes the will
    device.stream.destroy();
    await eventually(async () => {
      const r = await app.get<{ online: boolean }>('/api/v1/devices/dev-lwt');
      return r.body.online === false ? true : undefined;
    });
    const offline = await app.get<Page<{ deviceId: string }>>('/api/v1/devices?online=false');
    expect(offline.body.data.map((d) => d.deviceId)).toContain('dev-lwt');
    device.end(true);
  });

  it('takes MQTT over WebSocket, as a browser would', async () => {
    const ws = await connectClient(`ws://127.0.0.1:${app.brokerPorts!.ws}`, 'dev-ws');
    await publish(ws, deviceTopic('dev-ws', 'telemetry'), { ts: t0, gauges: { 'over.ws': 42 } });
    await ws.endAsync();
    const rows = await eventually(async () => {
      const r = await app.get<Page<Row>>(`/api/v1/devices/dev-ws/telemetry/over.ws?from=${t0}&to=${t0 + 1}`);
      return r.body.data.length ? r.body.data : undefined;
    });
    expect(rows.map((r) => r.value)).toEqual([42]);
  });

  it('answers bad queries with 4xx and a reason', async () => {
    const cases: Array<[string, number, RegExp]> = [
      ['/api/v1/devices/dev-a/telemetry/fuser.temp_c?from=yesterday', 400, /from must be/],
      ['/api/v1/devices/dev-a/telemetry/fuser.temp_c?from=2000&to=1000', 400, /before/],
      ['/api/v1/devices/dev-a/telemetry/fuser.temp_c?window=5 minutes', 400, /window/],
      ['/api/v1/devices/dev-a/telemetry/fuser.temp_c?window=5m&fn=median', 400, /fn: must be one of/],
      ['/api/v1/devices/dev-a/telemetry/fuser.temp_c?limit=0', 400, /limit/],
      ['/api/v1/devices/dev-a/telemetry/fuser.temp_c?limit=99999999', 400, /at most/],
      ['/api/v1/devices/dev-a/telemetry/fuser.temp_c?cursor=garbage', 400, /cursor/],
      ['/api/v1/devices/dev-a/telemetry/fuser.temp_c?from=0&to=999999999999&window=1s', 422, /windows/],
      ['/api/v1/devices/dev-a/telemetry/Not A Metric', 400, /metric/],
      ['/api/v1/events?type=exploded', 400, /type/],
      ['/api/v1/dead-letters?reason=meh', 400, /reason/],
      ['/api/v1/devices?online=maybe', 400, /online/],
      ['/api/v1/devices/never-seen', 404, /not been seen/],
      ['/api/v1/nothing-here', 404, /./],
    ];
    const rejectedCounts = async (): Promise<Map<string, number>> => {
      const text = (await app.get('/metrics')).text;
      const counts = new Map<string, number>();
      for (const m of text.matchAll(/fleet_http_rejected_total\{status="(\d+)",error="(\w+)"\} (\d+)/g)) {
        counts.set(`${m[1]} ${m[2]}`, Number(m[3]));
      }
      return counts;
    };
    const before = await rejectedCounts();
    for (const [path, status, message] of cases) {
      const res = await app.get<{ error: string; message: string }>(path);
      expect([path, res.status]).toEqual([path, status]);
      expect(res.body.message).toMatch(message);
    }
    // and each is counted
    const after = await rejectedCounts();
    const delta = (key: string): number => (after.get(key) ?? 0) - (before.get(key) ?? 0);
    expect(delta('400 invalid_argument')).toBe(11);
    expect(delta('422 result_too_large')).toBe(1);
    expect(delta('404 not_found')).toBe(2);
  });

  it('serves health, metrics and the OpenAPI document', async () => {
    expect((await app.get('/health/live')).status).toBe(200);
    const ready = await app.get<{ status: string; info: Record<string, unknown> }>('/health/ready');
    expect(ready.status).toBe(200);
    expect(Object.keys(ready.body.info)).toEqual(['broker', 'store', 'records']);
    const metrics = (await app.get('/metrics')).text;
    expect(metrics).toMatch(/fleet_mqtt_messages_received_total\{kind="telemetry"\} \d+/);
    expect(metrics).toMatch(/fleet_store_points_written_total \d+/);
    expect(metrics).toMatch(/fleet_store_write_duration_seconds_count \d+/);
    const doc = await app.get<{ paths: Record<string, unknown> }>('/docs/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/devices/{deviceId}/telemetry/{metric}',
        '/api/v1/events',
        '/api/v1/dead-letters',
      ]),
    );
  });
});

describe('Graceful shutdown', () => {
  it('writes what is buffered before it exits', async () => {
    const dir = tempDir();
    // a flush interval far longer than the test: only the shutdown can write these
    const first = await startTestApp({ WRITE_FLUSH_INTERVAL_MS: '600000' }, dir.path);
    const client = await connectClient(first.mqttUrl, 'dev-shutdown');
    const t = Date.now() - 60_000;
    await client.publishAsync(
      deviceTopic('dev-shutdown', 'telemetry'),
      JSON.stringify(Array.from({ length: 50 }, (_, i) => ({ ts: t + i, gauges: { x: i } }))),
      { qos: 1 },
    );
    await client.endAsync();
    await first.close();

    const second = await startTestApp({}, dir.path);
    const res = await second.get<Page<Row>>(
      `/api/v1/devices/dev-shutdown/telemetry/x?from=${t}&to=${t + 1000}`,
    );
    expect(res.body.data).toHaveLength(50);
    await second.close();
    dir.remove();
  });
});
