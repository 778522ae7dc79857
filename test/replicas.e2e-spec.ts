import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { newApiKeyToken } from '../src/api-keys/api-key.js';
import { deviceTopic } from '../src/contract/index.js';
import { buildService, startService, whenReady } from './helpers/built-service.js';
import { startInfluxd, type Influxd } from './helpers/influxdb.js';
import { freePort, startMosquitto, type Mosquitto } from './helpers/mosquitto.js';
import { startPostgres, type Postgres } from './helpers/postgres.js';
import { tempDir } from './helpers/temp-dir.js';
import { connectClient, eventually } from './helpers/test-app.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const today = Date.now() - (Date.now() % DAY);
/** The admin key both replicas take (API_ADMIN_KEY): they share one records database. */
const ADMIN_KEY = newApiKeyToken().token;
const AUTH = { authorization: `Bearer ${ADMIN_KEY}` };

interface Replica {
  name: string;
  url: string;
  env: Record<string, string>;
  process: ChildProcess;
}

/** A metric's value from a replica's /metrics (0 when absent). */
async function metric(r: Replica, pattern: RegExp): Promise<number> {
  const text = await (await fetch(`${r.url}/metrics`)).text();
  return Number(pattern.exec(text)?.[1] ?? 0);
}
const holds = (r: Replica): Promise<number> => metric(r, /^fleet_job_lease_held\{job="kpi-refresh"\} (\d+)/m);
const runs = (r: Replica): Promise<number> =>
  metric(r, /^fleet_job_runs_total\{job="kpi-refresh",outcome="ok"\} (\d+)/m);

async function json<T>(r: Replica, path: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  const res = await fetch(`${r.url}${path}`, { ...init, headers: { ...AUTH, ...init?.headers } });
  return { status: res.status, body: (await res.json()) as T };
}

/**
 * Production's shape on one machine: two service processes sharing one PostgreSQL
 * (records), one InfluxDB (time series) and one Mosquitto (a shared subscription
 * splits the stream). Everything but the broker session is shared.
 */
describe('Two replicas on one PostgreSQL, one InfluxDB and one Mosquitto', () => {
  let postgres: Postgres;
  let influx: Influxd;
  let mosquitto: Mosquitto;
  const dirs = tempDir('fleet-replicas-');
  const replicas: Replica[] = [];

  async function start(name: string, env: Record<string, string>): Promise<Replica> {
    const e = env;
    const replica: Replica = {
      name,
      url: `http://127.0.0.1:${e.HTTP_PORT}`,
      env: e,
      process: startService(e),
    };
    await whenReady(replica.url);
    return replica;
  }

  beforeAll(async () => {
    buildService();
    [postgres, influx, mosquitto] = await Promise.all([startPostgres(), startInfluxd(), startMosquitto()]);
    const shared = await postgres.createDatabase('fleet');
    const base = async (name: string): Promise<Record<string, string>> => ({
      DATABASE_URL: shared,
      API_ADMIN_KEY: ADMIN_KEY,
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: String(await freePort()),
      DATA_DIR: join(dirs.path, name),
      LOG_LEVEL: 'error',
      MQTT_URL: mosquitto.url,
      MQTT_CLIENT_ID: `svc-ingest-${name}`,
      MQTT_SHARE_GROUP: 'fleet-ingest',
      INFLUX_URL: influx.url,
      INFLUX_API: 'v1',
      INFLUX_DATABASE: 'fleet',
      KPI_REFRESH_INTERVAL_MS: '300',
      JOB_LEASE_MS: '1500',
    });
    // started together: their migrations meet under the advisory lock
    replicas.push(...(await Promise.all(['a', 'b'].map(async (n) => start(n, await base(n))))));
  }, 240_000);

  afterAll(async () => {
    for (const r of replicas) r.process.kill('SIGKILL');
    await Promise.all([postgres?.remove(), influx?.remove(), mosquitto?.stop()]);
    dirs.remove();
  });

  it('reads through one replica a device registered through the other', async () => {
    const [a, b] = replicas;
    const model = {
      modelId: 'RM-1',
      name: 'Replica model',
      kind: 'printer',
      usageUnit: 'pages',
      ratedMonthlyDuty: 5000,
    };
    const device = {
      deviceId: 'rep-1',
      modelId: 'RM-1',
      installDate: new Date(today - 3 * DAY).toISOString().slice(0, 10),
    };
    const post = (r: Replica, path: string, body: unknown): Promise<Response> =>
      fetch(`${r.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...AUTH },
        body: JSON.stringify(body),
      });
    expect((await post(a, '/api/v1/registry/models', model)).status).toBe(201);
    expect((await post(a, '/api/v1/registry/devices', device)).status).toBe(201);
    const read = await json<{ deviceId: string; modelId: string }>(b, '/api/v1/registry/devices/rep-1');
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject(device);
    // and the second cannot register it again
    expect((await post(b, '/api/v1/registry/devices', device)).status).toBe(409);
  });

  it('splits what devices publish between both, and both read all of it', async () => {
    const gateway = await connectClient(mosquitto.url, 'gw-replicas');
    const N = 200;
    const t0 = today - 2 * DAY;
    for (let i = 0; i < N; i++)
      await gateway.publishAsync(
        deviceTopic('rep-1', 'telemetry'),
        JSON.stringify({ ts: t0 + i * 60_000, counters: { 'pages.total': i * 10 } }),
        { qos: 1 },
      );
    // a machine-down failure yesterday, two hours to repair
    for (const e of [
      {
        ts: today - DAY + 10 * HOUR,
        type: 'fault.raised',
        code: 'F-1',
        component: 'fuser',
        severity: 'machine-down',
      },
      { ts: today - DAY + 12 * HOUR, type: 'fault.cleared', code: 'F-1' },
    ])
      await gateway.publishAsync(deviceTopic('rep-1', 'events'), JSON.stringify(e), { qos: 1 });
    await gateway.endAsync();

    const received = async (r: Replica): Promise<number> =>
      metric(r, /^fleet_mqtt_messages_received_total\{kind="telemetry"\} (\d+)/m);
    const counts = await eventually(async () => {
      const c = await Promise.all(replicas.map(received));
      return c[0] + c[1] >= N ? c : undefined;
    }, 60_000);
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[1]).toBeGreaterThan(0);
    for (const r of replicas) {
      const page = await eventually(async () => {
        const res = await json<{ data: Array<{ value: number }> }>(
          r,
          `/api/v1/devices/rep-1/telemetry/pages.total?from=${t0}&to=${t0 + N * 60_000}&limit=1000`,
        );
        return res.body.data?.length === N ? res.body.data : undefined;
      }, 60_000);
      expect(page.map((p) => p.value)).toEqual(Array.from({ length: N }, (_, i) => i * 10));
    }
  });

  it('runs each KPI tick on one replica, hands the job over on kill -9, and both serve the same KPIs', async () => {
    const window = `/api/v1/kpis?scope=device&id=rep-1&from=${today - DAY}&to=${today}`;
    const kpis = async (r: Replica): Promise<unknown> => (await json<{ kpis: unknown }>(r, window)).body.kpis;
    // the late failure has been counted by whichever replica runs the ledger
    await eventually(
      async () => {
        const k = (await kpis(replicas[0])) as { failures: number; mttrMs: number | null };
        return k.failures === 1 && k.mttrMs === 2 * HOUR ? k : undefined;
      },
      60_000,
      'the failure in the KPIs',
    );
    expect(await kpis(replicas[1])).toEqual(await kpis(replicas[0]));

    // exactly one holds the lease, and only it runs the ticks
    const [holder, other] = (await holds(replicas[0])) === 1 ? replicas : [replicas[1], replicas[0]];
    expect(await holds(holder)).toBe(1);
    expect(await holds(other)).toBe(0);
    const otherRuns = await runs(other);
    const holderRuns = await runs(holder);
    await eventually(async () => ((await runs(holder)) >= holderRuns + 3 ? true : undefined), 60_000);
    expect(await runs(other)).toBe(otherRuns);

    // the holder dies without a word: the other takes the job over once the lease expires
    holder.process.kill('SIGKILL');
    await eventually(async () => ((await holds(other)) === 1 ? true : undefined), 60_000, 'takeover');
    const after = await runs(other);
    await eventually(async () => ((await runs(other)) >= after + 2 ? true : undefined), 60_000);

    // the killed replica comes back on the same settings: both answer the same KPIs again
    const back = await start(`${holder.name}2`, { ...holder.env, HTTP_PORT: String(await freePort()) });
    replicas.splice(replicas.indexOf(holder), 1, back);
    expect(await kpis(back)).toEqual(await kpis(other));
    expect(await holds(back)).toBe(0);
  });
});
