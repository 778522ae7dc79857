import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { countingBroker } from './bench-support.js';

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
  const broker = await countingBroker();
  const url = broker.url;
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
  const received = broker.received();
  const seconds = broker.spanMs() / 1000;
  await broker.close();
  const publishedRate = Number(/messages \((\d+)\/s\)/.exec(stderr)?.[1] ?? NaN);
  return { publishedRate, received, seconds, rate: received / seconds, peakRssMb: peakKb / 1024 };
}
