import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Aedes } from 'aedes';
import mqtt from 'mqtt';

const CLI = fileURLToPath(new URL('../device-simulator/cli.js', import.meta.url));

export interface SimulatorBenchResult {
  /** The simulator's own count: messages written to its sockets per second of its run. */
  publishedRate: number;
  received: number;
  seconds: number;
  rate: number;
  /** Peak resident memory of the simulator process. */
  peakRssMb: number;
}

/** Runs the simulator CLI in its own process against aedes, counting what a plain subscriber receives. */
export async function simulatorRun(args: string[]): Promise<SimulatorBenchResult> {
  const aedes = await Aedes.createBroker();
  const server = createServer((s) => aedes.handle(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `mqtt://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sub = mqtt.connect(url, { clientId: 'svc-bench-counter' });
  await new Promise((r) => sub.once('connect', r));
  await sub.subscribeAsync('fleet/#', { qos: 0 });
  let received = 0;
  let first = 0;
  let last = 0;
  sub.on('message', () => {
    if (received++ === 0) first = performance.now();
    last = performance.now();
  });
  const child = fork(CLI, ['--url', url, '--truth', '-', '--no-progress', ...args], { stdio: 'pipe' });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let peakKb = 0;
  const sampler = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
    } catch {
      // the child has exited
    }
  }, 200);
  await new Promise((resolve) => child.once('exit', resolve));
  clearInterval(sampler);
  await new Promise((r) => setTimeout(r, 500));
  await sub.endAsync();
  await new Promise((r) => aedes.close(() => r(undefined)));
  server.close();
  const seconds = (last - first) / 1000;
  const publishedRate = Number(/messages \((\d+)\/s\)/.exec(stderr)?.[1] ?? NaN);
  return { publishedRate, received, seconds, rate: received / seconds, peakRssMb: peakKb / 1024 };
}
