import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './mosquitto.js';
import { tempDir } from './temp-dir.js';

const BINARY = '/usr/bin/influxd';

export interface Influxd {
  url: string;
  /** Stops the server, keeping its data (start() brings it back on the same port). */
  stop(signal?: NodeJS.Signals): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes its files. */
  remove(): Promise<void>;
  /** InfluxQL against it, for checks that do not go through the platform. */
  query(
    q: string,
    db?: string,
  ): Promise<Array<{ name: string; tags?: Record<string, string>; columns: string[]; values: unknown[][] }>>;
}

/** Debian's InfluxDB 1.6 on free ports with its files in a temp folder (`.ci/run` installs it). */
export async function startInfluxd(): Promise<Influxd> {
  if (!existsSync(BINARY))
    throw new Error('influxd is not installed: apt-get install influxdb (see .ci/run)');
  const dir = tempDir('influxd-');
  const [http, rpc] = [await freePort(), await freePort()];
  const conf = join(dir.path, 'influxdb.conf');
  for (const d of ['meta', 'data', 'wal']) mkdirSync(join(dir.path, d), { recursive: true });
  writeFileSync(
    conf,
    [
      'reporting-disabled = true',
      `bind-address = "127.0.0.1:${rpc}"`,
      '[meta]',
      `  dir = "${join(dir.path, 'meta')}"`,
      '[data]',
      `  dir = "${join(dir.path, 'data')}"`,
      `  wal-dir = "${join(dir.path, 'wal')}"`,
      '  query-log-enabled = false',
      '[http]',
      `  bind-address = "127.0.0.1:${http}"`,
      '  log-enabled = false',
      '[logging]',
      '  level = "error"',
      '[monitor]',
      '  store-enabled = false',
      '[continuous_queries]',
      '  enabled = false',
      '',
    ].join('\n'),
  );
  const url = `http://127.0.0.1:${http}`;
  let proc: ChildProcess | null = null;

  const start = async (): Promise<void> => {
    if (proc && proc.exitCode === null) return; // running already
    proc = spawn(BINARY, ['-config', conf], { stdio: 'ignore' });
    const until = Date.now() + 30_000;
    for (;;) {
      const up = await fetch(`${url}/ping`)
        .then((r) => r.status === 204)
        .catch(() => false);
      if (up) return;
      if (Date.now() > until) throw new Error('influxd did not answer /ping within 30 s');
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const stop = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<void> => {
    const p = proc;
    if (!p || p.exitCode !== null) return;
    const exited = new Promise((resolve) => p.once('exit', resolve));
    p.kill(signal);
    await exited;
    proc = null;
  };
  await start();
  return {
    url,
    start,
    stop,
    async remove() {
      await stop();
      dir.remove();
    },
    async query(q, db) {
      const form = new URLSearchParams({ q, epoch: 'ms' });
      if (db) form.set('db', db);
      const res = await fetch(`${url}/query`, { method: 'POST', body: form });
      const body = (await res.json()) as {
        results: Array<{
          series?: Array<{
            name: string;
            tags?: Record<string, string>;
            columns: string[];
            values: unknown[][];
          }>;
          error?: string;
        }>;
      };
      if (body.results[0]?.error) throw new Error(body.results[0].error);
      return body.results[0]?.series ?? [];
    },
  };
}
