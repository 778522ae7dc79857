import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { countingBroker, startBenchApp } from './bench-support.js';
import { deviceTopic } from '../src/contract/index.js';
import { rulePublish } from '../src/device-identity/mqtt-access-rules.js';
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

/** Gateway client ids of the publisher: `gw-bench-0` … */
export const benchGateways = (connections: number): string[] =>
  Array.from({ length: connections }, (_, i) => `gw-bench-${i}`);
export const benchDevices = (devices: number): string[] =>
  Array.from({ length: devices }, (_, d) => `bench-${String(d).padStart(5, '0')}`);

function publish(url: string, o: IngestBenchOptions, passwords?: Map<string, string>): Promise<void> {
  const child = fork(
    PUBLISHER,
    [url, String(o.connections), String(o.messages / o.connections), String(o.devices), String(o.qos ?? 0)],
    // gateway passwords by environment (end to end: authentication and ACL on)
    { env: { ...process.env, BENCH_PASSWORDS: JSON.stringify(Object.fromEntries(passwords ?? [])) } },
  );
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

/** Publisher → embedded broker (authentication, ACL, packet guard) → ingest → SQLite, counted when written. */
export async function endToEnd(
  o: IngestBenchOptions,
  env: Record<string, string> = {},
): Promise<{ rate: number; stored: number; peakRssMb: number }> {
  const running = await startBenchApp({ MQTT_QOS: String(o.qos ?? 0), ...env });
  const metrics = running.app.get(IngestMetrics);
  const written = async (): Promise<number> => (await metrics.pointsWritten.get()).values[0]?.value ?? 0;
  // each publisher connection is a gateway allowed for the bench's devices
  const passwords = await running.gateways(benchGateways(o.connections), benchDevices(o.devices));
  const rss = rssSampler();
  const started = performance.now();
  await publish(`mqtt://127.0.0.1:${running.brokerPorts!.mqtt}`, o, passwords);
  await waitFor(async () => (await written()) >= o.messages * POINTS_PER_MESSAGE, 120_000);
  const seconds = (performance.now() - started) / 1000;
  const stored = (await written()) / POINTS_PER_MESSAGE;
  const peakRssMb = rss.stop() / 2 ** 20;
  await running.close();
  running.remove();
  return { rate: stored / seconds, stored, peakRssMb };
}

/**
 * The topic ACL's own cost per message, as the embedded broker pays it on every
 * publish of a gateway allowed for `devices` devices: nanoseconds per ruling.
 */
export function aclCostNs(devices: number, rulings = 1_000_000): number {
  const ids = benchDevices(devices);
  const gateway = { kind: 'gateway', id: 'gw-bench-0', devices: new Set(ids), customerId: null } as const;
  const topics = ids.map((id) => deviceTopic(id, 'telemetry'));
  let allowed = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < rulings; i++)
    if (rulePublish(gateway, topics[i % topics.length]).ruling === 'allow') allowed++;
  const ns = Number(process.hrtime.bigint() - started) / rulings;
  if (allowed !== rulings) throw new Error(`the ACL refused ${rulings - allowed} of the bench's own topics`);
  return ns;
}
