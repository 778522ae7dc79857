import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startBenchApp } from './bench-support.js';

const CLIENT = fileURLToPath(new URL('./hostile-client.js', import.meta.url));

export interface HostileResult {
  baselineRssMb: number;
  peakRssMb: number;
  afterRssMb: number;
  /** What the attackers managed to write before the broker closed them, MB. */
  writtenMb: number;
  closedEarly: number;
  seconds: number;
}

/**
 * `clients` devices each publish a payload of `megabytes` MB at once (the issue's
 * tester: 8 × 250 MB); the service's RSS is sampled throughout. With the packet size
 * guard the broker closes each connection as soon as the PUBLISH header arrives.
 * `maxPacketBytes` set to the MQTT maximum shows what aedes does without it.
 */
export async function oversizePublishes(
  clients: number,
  megabytes: number,
  env: Record<string, string> = {},
): Promise<HostileResult> {
  const app = await startBenchApp({ MQTT_WS_PORT: '-1', ...env });
  const ids = Array.from({ length: clients }, (_, i) => `hostile-${i}`);
  const credentials = await app.devices(ids);
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const results = await new Promise<Array<{ written: number; closedEarly: boolean }>>((resolve, reject) => {
    const child = fork(CLIENT, [
      `mqtt://127.0.0.1:${app.brokerPorts!.mqtt}`,
      String(megabytes),
      JSON.stringify(Object.fromEntries(credentials)),
    ]);
    child.once('message', (m: { results: Array<{ written: number; closedEarly: boolean }> }) =>
      resolve(m.results),
    );
    child.once('exit', (code) => code !== 0 && reject(new Error(`hostile client exited with ${code}`)));
  });
  const seconds = (performance.now() - started) / 1000;
  // what aedes held, if anything, is released once the sockets are gone
  await new Promise((r) => setTimeout(r, 1000));
  clearInterval(sampler);
  global.gc?.();
  const after = process.memoryUsage().rss;
  await app.close();
  app.remove();
  const mb = (b: number): number => b / 2 ** 20;
  return {
    baselineRssMb: mb(baseline),
    peakRssMb: mb(peak),
    afterRssMb: mb(after),
    writtenMb: results.reduce((n, r) => n + r.written, 0) / 1e6,
    closedEarly: results.filter((r) => r.closedEarly).length,
    seconds,
  };
}
