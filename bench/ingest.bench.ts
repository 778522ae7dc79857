import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Aedes } from 'aedes';
import mqtt from 'mqtt';
import { createServer, type AddressInfo } from 'node:net';
import { loadConfig } from '../src/config/app-config.js';
import { startApp } from '../src/bootstrap.js';
import { MetricsService } from '../src/infrastructure/metrics/metrics.service.js';
import { tempDir } from '../test/helpers/temp-dir.js';

const PUBLISHER = fileURLToPath(new URL('./publisher.js', import.meta.url));
export const POINTS_PER_MESSAGE = 4;

export interface IngestBenchOptions {
  messages: number;
  connections: number;
  devices: number;
}

function publish(url: string, o: IngestBenchOptions): Promise<void> {
  const child = fork(PUBLISHER, [
    url,
    String(o.connections),
    String(o.messages / o.connections),
    String(o.devices),
    '0',
  ]);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`publisher exited with ${code}`)),
    );
  });
}

function rssSampler(): { stop: () => number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return { stop: () => (clearInterval(timer), peak) };
}

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 10));
  }
  return false;
}

/** Publisher → aedes → a plain subscriber that only counts: the ceiling. */
export async function rawAedes(o: IngestBenchOptions): Promise<{ rate: number; received: number }> {
  const aedes = await Aedes.createBroker();
  const server = createServer((s) => aedes.handle(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `mqtt://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sub = mqtt.connect(url, { clientId: 'svc-bench-raw' });
  await new Promise((r) => sub.once('connect', r));
  await sub.subscribeAsync('fleet/#', { qos: 0 });
  let received = 0;
  let first = 0;
  let last = 0;
  sub.on('message', () => {
    if (received++ === 0) first = performance.now();
    last = performance.now();
  });
  const started = performance.now();
  await publish(url, o);
  await waitFor(() => received >= o.messages, 5_000);
  await sub.endAsync();
  await new Promise((r) => aedes.close(() => r(undefined)));
  server.close();
  return { rate: received / ((last - Math.min(first, started)) / 1000), received };
}

/** Publisher → embedded broker → ingest → SQLite, counted when written. */
export async function endToEnd(
  o: IngestBenchOptions,
  env: Record<string, string> = {},
): Promise<{ rate: number; stored: number; peakRssMb: number }> {
  const dir = tempDir('fleet-bench-');
  const running = await startApp(
    loadConfig({
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: '0',
      MQTT_HOST: '127.0.0.1',
      MQTT_PORT: '0',
      MQTT_WS_PORT: '-1',
      MQTT_QOS: '0',
      LOG_LEVEL: 'warn',
      DATA_DIR: dir.path,
      ...env,
    }),
  );
  const metrics = running.app.get(MetricsService);
  const written = async (): Promise<number> => (await metrics.pointsWritten.get()).values[0]?.value ?? 0;
  const rss = rssSampler();
  const started = performance.now();
  await publish(`mqtt://127.0.0.1:${running.brokerPorts!.mqtt}`, o);
  await waitFor(async () => (await written()) >= o.messages * POINTS_PER_MESSAGE, 120_000);
  const seconds = (performance.now() - started) / 1000;
  const stored = (await written()) / POINTS_PER_MESSAGE;
  const peakRssMb = rss.stop() / 2 ** 20;
  await running.close();
  dir.remove();
  return { rate: stored / seconds, stored, peakRssMb };
}
