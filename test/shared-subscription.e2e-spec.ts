import { deviceTopic } from '../src/contract/index.js';
import { startMosquitto, type Mosquitto } from './helpers/mosquitto.js';
import { connectClient, eventually, startTestApp, type TestApp } from './helpers/test-app.js';

interface Page {
  data: Array<{ ts: number; value: number }>;
  nextCursor: string | null;
}

describe('Two replicas behind Mosquitto with a shared subscription', () => {
  let broker: Mosquitto;
  const replicas: TestApp[] = [];

  beforeAll(async () => {
    broker = await startMosquitto();
    // each replica has its own store, so a message delivered to both would show up twice
    for (const name of ['a', 'b']) {
      replicas.push(
        await startTestApp({
          MQTT_URL: broker.url,
          MQTT_SHARE_GROUP: 'ingest-test',
          MQTT_CLIENT_ID: `svc-ingest-${name}`,
        }),
      );
    }
  });
  afterAll(async () => {
    for (const r of replicas) await r.stop();
    await broker?.stop();
  });

  it('starts no embedded broker when MQTT_URL is set', () => {
    expect(replicas.map((r) => r.brokerPorts)).toEqual([null, null]);
  });

  it('stores each message exactly once across the replicas', async () => {
    const gateway = await connectClient(broker.url, 'gw-shared-test');
    const t0 = Date.now() - 3_600_000;
    const N = 400;
    for (let i = 0; i < N; i++) {
      const deviceId = `dev-${i % 8}`;
      await gateway.publishAsync(
        deviceTopic(deviceId, 'telemetry'),
        JSON.stringify({ ts: t0 + i, gauges: { seq: i } }),
        {
          qos: 1,
        },
      );
    }
    await gateway.endAsync();

    const fetchAll = async (app: TestApp): Promise<number[]> => {
      const values: number[] = [];
      for (let d = 0; d < 8; d++) {
        const res = await app.get<Page>(
          `/api/v1/devices/dev-${d}/telemetry/seq?from=${t0}&to=${t0 + N}&limit=10000`,
        );
        // a replica that never heard from a device (its own SQLite) answers 404 for it
        if (res.status !== 404) values.push(...res.body.data.map((p) => p.value));
      }
      return values;
    };
    const [a, b] = await eventually(async () => {
      const parts = await Promise.all(replicas.map(fetchAll));
      return parts[0].length + parts[1].length >= N ? parts : undefined;
    }, 20_000);

    // both replicas took part, and no message was stored by both
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    const all = [...a, ...b].sort((x, y) => x - y);
    expect(all).toEqual(Array.from({ length: N }, (_, i) => i));
  });

  it('is ready while connected to the external broker', async () => {
    for (const r of replicas) expect((await r.get('/health/ready')).status).toBe(200);
  });
});
