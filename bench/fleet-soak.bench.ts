import { startBenchApp } from './bench-support.js';
import { IngestMetrics } from '../src/ingest/ingest.metrics.js';
import { fork } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { linearRegression } from 'simple-statistics';

const PUBLISHER = fileURLToPath(new URL('./soak-publisher.js', import.meta.url));

export interface SoakOptions {
  devices: number;
  minutes: number;
  /** Messages per device per minute. */
  perMinute: number;
}

export interface SoakResult {
  samples: Array<{ minute: number; rssMb: number; heapMb: number; written: number }>;
  /** Least-squares slope of RSS over the second half, MB per minute. */
  rssSlopeMbPerMin: number;
  messagesPerSecond: number;
}

/** N devices sending on a schedule for M minutes; RSS sampled to show it stays flat. */
export async function fleetSoak(o: SoakOptions, log: (line: string) => void): Promise<SoakResult> {
  const running = await startBenchApp();
  const url = `mqtt://127.0.0.1:${running.brokerPorts!.mqtt}`;
  const metrics = running.app.get(IngestMetrics);
  // every device with credentials of its own, handed to the publisher in a 0600 file
  const ids = Array.from({ length: o.devices }, (_, d) => `soak-${String(d).padStart(5, '0')}`);
  const credentials = join(tmpdir(), `fleet-soak-${process.pid}.json`);
  writeFileSync(credentials, JSON.stringify(Object.fromEntries(await running.devices(ids))), { mode: 0o600 });
  const publisher = fork(PUBLISHER, [url, String(o.devices), String(o.perMinute), credentials]);
  await new Promise<void>((resolve, reject) => {
    publisher.once('message', () => resolve());
    publisher.once('exit', (code) => reject(new Error(`soak publisher exited with ${code}`)));
  });
  log(`soak: ${o.devices} devices, one MQTT connection each, ${o.perMinute}/min each, ${o.minutes} min`);

  const samples: SoakResult['samples'] = [];
  const started = Date.now();
  const sampleEveryMs = 30_000;
  while (Date.now() - started < o.minutes * 60_000) {
    await new Promise((r) => setTimeout(r, sampleEveryMs));
    global.gc?.();
    const m = process.memoryUsage();
    const written = (await metrics.pointsWritten.get()).values[0]?.value ?? 0;
    const sample = {
      minute: (Date.now() - started) / 60_000,
      rssMb: m.rss / 2 ** 20,
      heapMb: m.heapUsed / 2 ** 20,
      written,
    };
    samples.push(sample);
    log(
      `  t=${sample.minute.toFixed(1)} min  rss=${sample.rssMb.toFixed(1)} MB  heap=${sample.heapMb.toFixed(1)} MB  points=${written}`,
    );
  }
  const sent = await new Promise<number>((resolve) => {
    publisher.removeAllListeners('exit');
    publisher.once('message', (m: { sent: number }) => resolve(m.sent));
    publisher.send({ stop: true });
  });
  await running.close();
  running.remove();
  rmSync(credentials, { force: true });
  const half = samples.slice(Math.floor(samples.length / 2));
  const slope = half.length >= 2 ? linearRegression(half.map((s) => [s.minute, s.rssMb])).m : 0;
  return { samples, rssSlopeMbPerMin: slope, messagesPerSecond: sent / ((Date.now() - started) / 1000) };
}
