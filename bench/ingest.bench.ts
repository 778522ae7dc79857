import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { countingBroker, startBenchApp } from './bench-support.js';
import { IngestMetrics } from '../src/ingest/ingest.metrics.js';

const PUBLISHER = fileURLToPath(new URL('./publisher.js', import.meta.url));
export const POINTS_PER_MESSAGE = 4;

export interface IngestBenchOptions {
  messages: number;
  connections: number;
  devices: number;
  /** QoS of publisher and ingest subscription (default 0). */
  qos?: 0 | 1;
}

function publish(url: string, o: IngestBenchOptions): Promise<void> {
  const child = fork(PUBLISHER, [
    url,
    String(o.connections),
    String(o.messages / o.connections),
    String(o.devices),
    String(o.qos ?? 0),
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
  const broker = await countingBroker();
  const started = performance.now();
  await publish(broker.url, o);
  await waitFor(() => broker.received() >= o.messages, 5_000);
  const received = broker.received();
  const rate = received / (broker.spanMs(started) / 1000);
  await broker.close();
  return { rate, received };
}

/** Publisher → embedded broker → ingest → SQLite, counted when written. */
export async function endToEnd(
  o: IngestBenchOptions,
  env: Record<string, string> = {},
): Promise<{ rate: number; stored: number; peakRssMb: number }> {
  const running = await startBenchApp({ MQTT_QOS: String(o.qos ?? 0), ...env });
  const metrics = running.app.get(IngestMetrics);
  const written = async (): Promise<number> => (await metrics.pointsWritten.get()).values[0]?.value ?? 0;
  const rss = rssSampler();
  const started = performance.now();
  await publish(`mqtt://127.0.0.1:${running.brokerPorts!.mqtt}`, o);
  await waitFor(async () => (await written()) >= o.messages * POINTS_PER_MESSAGE, 120_000);
  const seconds = (performance.now() - started) / 1000;
  const stored = (await written()) / POINTS_PER_MESSAGE;
  const peakRssMb = rss.stop() / 2 ** 20;
  await running.close();
  running.remove();
  return { rate: stored / seconds, stored, peakRssMb };
}
