import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { InfluxConfig } from '../src/config/app-config.js';
import {
  InfluxTelemetryStore,
  type InfluxStoreObserver,
} from '../src/infrastructure/influxdb/influx-telemetry.store.js';
import type { TelemetryPoint } from '../src/ports/records.js';
import { eventually } from './helpers/test-app.js';
import { tempDir } from './helpers/temp-dir.js';

interface Received {
  path: string;
  auth: string | undefined;
  gzip: boolean;
  lines: string[];
}

// InfluxDB 2.x cannot run here: a server that speaks its write API stands in for it
async function fakeInfluxV2(): Promise<{
  url: string;
  received: Received[];
  answer: number[];
  close: () => Promise<void>;
}> {
  const received: Received[] = [];
  const answer: number[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/ping') return void res.writeHead(204).end();
      const raw = Buffer.concat(chunks);
      const gzip = req.headers['content-encoding'] === 'gzip';
      const body = (gzip ? gunzipSync(raw) : raw).toString('utf8');
      received.push({ path: req.url ?? '', auth: req.headers.authorization, gzip, lines: body.split('\n') });
      const status = answer.shift() ?? 204;
      if (status === 204) return void res.writeHead(204).end();
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          code: status === 400 ? 'invalid' : 'unavailable',
          message: `status ${status} on purpose`,
        }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    answer,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

const point = (i: number): TelemetryPoint => ({
  deviceId: 'd 1',
  metric: 'pages.total',
  kind: 'counter',
  ts: 1_790_000_000_000 + i,
  value: i,
});

describe('InfluxDB v2 write API on the wire', () => {
  const dir = tempDir('fleet-v2-');
  let fake: Awaited<ReturnType<typeof fakeInfluxV2>>;
  let store: InfluxTelemetryStore;
  const quarantined: string[] = [];
  const observer: InfluxStoreObserver = {
    quarantined: (_lines, reason) => quarantined.push(reason),
    spoolChanged: () => undefined,
    replayed: () => undefined,
    unavailable: () => undefined,
    recovered: () => undefined,
    spoolFull: () => undefined,
  };

  beforeAll(async () => {
    fake = await fakeInfluxV2();
    const config: InfluxConfig = {
      url: fake.url,
      api: 'v2',
      token: 's3cret',
      org: 'oem',
      bucket: 'fleet',
      database: 'fleet',
      retentionPolicy: '',
      username: '',
      password: '',
      timeoutMs: 2000,
      batchLines: 1000,
      spoolMaxBytes: 16 * 1024 * 1024,
    };
    store = new InfluxTelemetryStore(config, join(dir.path, 'spool'), observer);
    await store.start();
  });
  afterAll(async () => {
    await store.close();
    await fake.close();
    dir.remove();
  });

  it('writes line protocol to /api/v2/write with org, bucket, ms precision and the token, gzipped when large', async () => {
    await store.write(
      [point(1)],
      [
        {
          deviceId: 'd 1',
          ts: 1_790_000_000_000,
          type: 'fault.raised',
          code: 'E-1',
          severity: 'machine-down',
          component: 'fuser',
          note: 'said "hi"',
        },
      ],
    );
    const first = fake.received.shift()!;
    expect(first.path).toBe('/api/v2/write?org=oem&bucket=fleet&precision=ms');
    expect(first.auth).toBe('Token s3cret');
    expect(first.lines).toEqual([
      'telemetry,device=d\\ 1,kind=counter,metric=pages.total value=1 1790000000001',
      'events,code=E-1,component=fuser,device=d\\ 1,type=fault.raised n=1i,note="said \\"hi\\"",severity="machine-down" 1790000000000',
    ]);
    await store.write(
      Array.from({ length: 2500 }, (_, i) => point(i)),
      [],
    );
    const sizes = fake.received.splice(0).map((r) => [r.lines.length, r.gzip]);
    expect(sizes).toEqual([
      [1000, true],
      [1000, true],
      [500, false], // under the 64 KiB gzip threshold
    ]);
  });

  it('spools on 503 and 429, replays in order, and quarantines a 400 with the server reason', async () => {
    fake.answer.push(503, 429);
    await store.write([point(10)], []); // 503: spooled
    await store.write([point(11)], []); // behind the spool: spooled, in order
    await eventually(() => (store.spoolStats().lines === 0 ? true : undefined), 15_000);
    // the 429 on the first replay, then both delivered, oldest first
    const paths = fake.received.splice(0).map((r) => r.lines[0]);
    expect(paths.filter((l) => l.endsWith(' 1790000000010'))).toHaveLength(3);
    expect(paths[paths.length - 1]).toContain('value=11 ');

    fake.answer.push(400);
    await store.write([point(12)], []);
    expect(quarantined.pop()).toContain('400');
    expect(store.spoolStats().lines).toBe(0);
  });
});
