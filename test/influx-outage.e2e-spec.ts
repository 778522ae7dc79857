import type { MqttClient } from 'mqtt';
import { deviceTopic } from '../src/contract/index.js';
import { startInfluxd, type Influxd } from './helpers/influxdb.js';
import { tempDir } from './helpers/temp-dir.js';
import { connectClient, eventually, startTestApp } from './helpers/test-app.js';

const T0 = Date.UTC(2026, 9, 1);
const MIN = 60_000;

function influxEnv(url: string, db: string, extra: Record<string, string> = {}): Record<string, string> {
  return { INFLUX_URL: url, INFLUX_API: 'v1', INFLUX_DATABASE: db, INFLUX_TIMEOUT_MS: '2000', ...extra };
}

async function publishSamples(
  client: MqttClient,
  deviceId: string,
  from: number,
  count: number,
): Promise<void> {
  // batches of 50 samples per message, QoS 1
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, (_, j) => ({
      ts: from + (i + j) * MIN,
      gauges: { 'fuser.temp_c': 180 + ((i + j) % 7) },
      counters: { 'pages.total': 1000 + i + j },
    }));
    await client.publishAsync(deviceTopic(deviceId, 'telemetry'), JSON.stringify(batch), { qos: 1 });
  }
}

function metric(text: string, name: string): number {
  const m = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
  return m ? Number(m[1]) : NaN;
}

describe('InfluxDB as the store: outages lose nothing', () => {
  let influxd: Influxd;
  beforeAll(async () => {
    influxd = await startInfluxd();
  }, 60_000);
  afterAll(() => influxd.remove());

  it('serves what devices publish through InfluxDB, as with the embedded store', async () => {
    const app = await startTestApp(influxEnv(influxd.url, 'serve'));
    try {
      const client = await connectClient(app.mqttUrl, 'dev-a');
      await publishSamples(client, 'dev-a', T0, 120);
      await client.publishAsync(
        deviceTopic('dev-a', 'events'),
        JSON.stringify({
          ts: T0 + 5 * MIN,
          type: 'fault.raised',
          code: 'F-1',
          severity: 'machine-down',
          component: 'fuser',
        }),
        { qos: 1 },
      );
      await client.endAsync();
      const points = await eventually(async () => {
        const r = await app.get<{ data: Array<{ ts: number; value: number }> }>(
          `/api/v1/devices/dev-a/telemetry/pages.total?from=${T0}&to=${T0 + 200 * MIN}&limit=1000`,
        );
        return r.body.data.length === 120 ? r.body.data : undefined;
      });
      expect(points[119]).toMatchObject({ ts: T0 + 119 * MIN, value: 1119 });
      const agg = await app.get<{ data: Array<{ value: number }> }>(
        `/api/v1/devices/dev-a/telemetry/pages.total?from=${T0}&to=${T0 + 120 * MIN}&window=1h&fn=max`,
      );
      expect(agg.body.data.map((w) => w.value)).toEqual([1059, 1119]);
      const metrics = await app.get<string[]>('/api/v1/devices/dev-a/metrics');
      expect(metrics.body).toEqual(['fuser.temp_c', 'pages.total']);
      const events = await app.get<{ data: Array<{ type: string; component: string }> }>(
        `/api/v1/devices/dev-a/events?from=${T0}&to=${T0 + DAY}`,
      );
      expect(events.body.data).toMatchObject([{ type: 'fault.raised', component: 'fuser' }]);
    } finally {
      await app.stop();
    }
  });

  it('spools while InfluxDB is down, replays when it is back, with no duplicate', async () => {
    const app = await startTestApp(influxEnv(influxd.url, 'outage'));
    try {
      const client = await connectClient(app.mqttUrl, 'dev-b');
      await publishSamples(client, 'dev-b', T0, 100);
      await eventually(async () => ((await influxCount(influxd, 'outage')) === 100 ? true : undefined));

      await influxd.stop();
      await publishSamples(client, 'dev-b', T0 + 100 * MIN, 400);
      const spooled = await eventually(async () => {
        const m = (await app.get<string>('/metrics')).text;
        return metric(m, 'fleet_influx_spool_lines') === 800 ? m : undefined;
      }, 20_000);
      expect(metric(spooled, 'fleet_influx_spool_oldest_point_timestamp_seconds')).toBe(
        (T0 + 100 * MIN) / 1000,
      );
      const ready = await app.get<{ info: { store: { detail: string } } }>('/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body.info.store.detail).toContain('InfluxDB unreachable, writes go to the spool');
      // a point sent again while spooled is the same point, not a second one
      await publishSamples(client, 'dev-b', T0 + 100 * MIN, 50);

      await influxd.start();
      await eventually(async () => {
        const m = (await app.get<string>('/metrics')).text;
        return metric(m, 'fleet_influx_spool_lines') === 0 ? true : undefined;
      }, 30_000);
      expect(await influxCount(influxd, 'outage')).toBe(500);
      const m = (await app.get<string>('/metrics')).text;
      expect(metric(m, 'fleet_influx_replayed_lines_total')).toBe(900);
      await client.endAsync();
    } finally {
      await influxd.start().catch(() => undefined);
      await app.stop();
    }
  }, 90_000);

  it('replays on the next start what a stopped service had spooled', async () => {
    const data = tempDir('fleet-influx-restart-');
    let app = await startTestApp(influxEnv(influxd.url, 'restart'), data.path);
    try {
      await influxd.stop();
      const client = await connectClient(app.mqttUrl, 'dev-c');
      await publishSamples(client, 'dev-c', T0, 200);
      await client.endAsync();
      await eventually(async () => {
        const m = (await app.get<string>('/metrics')).text;
        return metric(m, 'fleet_influx_spool_lines') === 400 ? true : undefined;
      });
      await app.close();
      await influxd.start();
      app = await startTestApp(influxEnv(influxd.url, 'restart'), data.path);
      await eventually(
        async () => ((await influxCount(influxd, 'restart')) === 200 ? true : undefined),
        20_000,
      );
    } finally {
      await influxd.start().catch(() => undefined);
      await app.close();
      data.remove();
    }
  }, 60_000);

  it('dead-letters a batch InfluxDB refuses as malformed, with its reason, and goes on', async () => {
    const app = await startTestApp(influxEnv(influxd.url, 'conflict'));
    try {
      await influxd.query('CREATE DATABASE conflict');
      // the same field written as a string first: InfluxDB refuses floats for it in this shard
      const res = await fetch(`${influxd.url}/write?db=conflict&precision=ms`, {
        method: 'POST',
        body: `telemetry,device=dev-d,kind=gauge,metric=fuser.temp_c value="hot" ${T0}`,
      });
      expect(res.status).toBe(204);
      const client = await connectClient(app.mqttUrl, 'dev-d');
      await publishSamples(client, 'dev-d', T0, 10);
      const dead = await eventually(async () => {
        const r = await app.get<{ data: Array<{ reason: string; detail: string; payload: string }> }>(
          '/api/v1/dead-letters?reason=store_rejected',
        );
        return r.body.data.length ? r.body.data : undefined;
      });
      expect(dead[0].detail).toMatch(/InfluxDB refused \d+ lines: 400: .*field type conflict/);
      expect(dead[0].payload).toContain('telemetry,device=dev-d');
      // later data for other series still arrives
      await client.publishAsync(
        deviceTopic('dev-d', 'events'),
        JSON.stringify({ ts: T0 + DAY, type: 'pm.done' }),
        { qos: 1 },
      );
      await eventually(async () => {
        const r = await app.get<{ data: unknown[] }>(
          `/api/v1/devices/dev-d/events?from=${T0}&to=${T0 + 2 * DAY}`,
        );
        return r.body.data.length === 1 ? true : undefined;
      });
      await client.endAsync();
    } finally {
      await app.stop();
    }
  });

  it('holds ingest back when the spool is full, says so, and loses nothing', async () => {
    const app = await startTestApp(
      influxEnv(influxd.url, 'full', { INFLUX_SPOOL_MAX_BYTES: '1048576', WRITE_BATCH_SIZE: '2000' }),
    );
    try {
      await influxd.stop();
      const client = await connectClient(app.mqttUrl, 'dev-e');
      // about 2.5 MB of line protocol: more than the spool takes
      const sending = publishSamples(client, 'dev-e', T0, 15_000);
      const full = await eventually(async () => {
        const r = await app.get<{
          error: string;
          message: string;
          details?: Record<string, { status: string }>;
        }>('/health/ready');
        return r.status === 503 && r.body.error === 'unavailable' && r.body.details?.store?.status === 'down'
          ? r.body.message
          : undefined;
      }, 30_000);
      expect(full).toContain('spool full');
      expect(metric((await app.get<string>('/metrics')).text, 'fleet_influx_spool_full')).toBe(1);

      await influxd.start();
      await sending;
      await eventually(
        async () => ((await influxCount(influxd, 'full')) === 15_000 ? true : undefined),
        60_000,
      );
      await client.endAsync();
    } finally {
      await influxd.start().catch(() => undefined);
      await app.stop();
    }
  }, 120_000);
});

const DAY = 86_400_000;

/** pages.total points stored, counted by InfluxDB itself. */
async function influxCount(influxd: Influxd, db: string): Promise<number> {
  try {
    const series = await influxd.query(`SELECT count(value) FROM telemetry WHERE metric = 'pages.total'`, db);
    return (series[0]?.values[0]?.[1] as number | undefined) ?? 0;
  } catch {
    return -1;
  }
}
