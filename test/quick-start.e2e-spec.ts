import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { freePort } from './helpers/mosquitto.js';
import { tempDir } from './helpers/temp-dir.js';
import { eventually } from './helpers/test-app.js';

const DAY = 86_400_000;

/** The README's first command, as a user runs it: `npm start`, on a clean data folder. */
function npmStart(
  env: Record<string, string>,
  detached = false,
): { child: ChildProcess; out: () => string; err: () => string } {
  const child = spawn('npm', ['start'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached,
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  return { child, out: () => out, err: () => err };
}

/** Every process below `pid`. */
function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((s) => Number(s.trim()))
      .filter((n) => n > 0);
  } catch {
    // ps exits 1 when there is none
  }
  return children.flatMap((c) => [c, ...descendants(c)]);
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const portFree = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
  });

async function allGone(pids: number[], ports: number[]): Promise<void> {
  await eventually(
    async () => {
      if (pids.some(alive)) return undefined;
      for (const port of ports) if (!(await portFree(port))) return undefined;
      return true;
    },
    30_000,
    `processes ${pids.join(', ')} gone and ports ${ports.join(', ')} free`,
  );
}

describe('npm start, as the README says', () => {
  const data = tempDir('fleet-quick-start-');
  let env: Record<string, string>;
  let ports: number[];
  let running: { child: ChildProcess; out: () => string; err: () => string } | null = null;

  beforeAll(async () => {
    ports = [await freePort(), await freePort(), await freePort()];
    env = {
      DATA_DIR: data.path,
      HTTP_PORT: String(ports[0]),
      MQTT_PORT: String(ports[1]),
      MQTT_WS_PORT: String(ports[2]),
      SIMULATOR_DEVICES: '25',
    };
  });
  afterAll(() => {
    if (running?.child.exitCode === null) running.child.kill('SIGKILL');
    data.remove();
  });

  it('seeds a year of history, serves it with KPIs, and SIGTERM to npm stops every process it started', async () => {
    running = npmStart(env);
    const banner = await eventually(
      () => (running!.out().includes('Ctrl-C stops everything') ? running!.out() : undefined),
      240_000,
      `the banner (stderr: ${running.err().slice(-500)})`,
    );
    expect(banner).toContain('a year of history seeded');
    // security on as in production: the banner shows the demo's admin key, kept in the data folder
    const { adminKey } = JSON.parse(readFileSync(join(data.path, 'demo-keys.json'), 'utf8')) as {
      adminKey: string;
    };
    expect(banner).toContain(`export FLEET_API_KEY=${adminKey}`);
    const api = `http://127.0.0.1:${ports[0]}`;
    const fetch = (url: string): Promise<Response> =>
      globalThis.fetch(url, { headers: { authorization: `Bearer ${adminKey}` } });
    const yearAgo = new Date(Date.now() - 365 * DAY).toISOString().slice(0, 10);

    // the seeded history is there: a device's telemetry from months ago
    const points = (await (
      await fetch(
        `${api}/api/v1/devices/sim-00001/telemetry/pages.total?from=${Date.now() - 365 * DAY}&to=${Date.now() - 300 * DAY}&limit=5`,
      )
    ).json()) as { data: Array<{ ts: number }> };
    const rt = (await (
      await fetch(
        `${api}/api/v1/devices/sim-00001/telemetry/run_hours?from=${Date.now() - 365 * DAY}&to=${Date.now() - 300 * DAY}&limit=5`,
      )
    ).json()) as { data?: Array<{ ts: number }> };
    expect([...points.data, ...(rt.data ?? [])].length).toBeGreaterThan(0);
    // KPIs over the year are not null
    const kpis = (await (await fetch(`${api}/api/v1/kpis?from=${yearAgo}`)).json()) as {
      kpis: { failures: number; mtbfMs: number | null; mttrMs: number | null; availability: number | null };
    };
    expect(kpis.kpis.failures).toBeGreaterThan(0);
    expect(kpis.kpis.mtbfMs).not.toBeNull();
    expect(kpis.kpis.mttrMs).not.toBeNull();
    expect(kpis.kpis.availability).not.toBeNull();
    // no device reports from the future
    const latest = (await (
      await fetch(`${api}/api/v1/events?limit=10000&from=${Date.now() - DAY}&to=${Date.now() + DAY}`)
    ).json()) as {
      data: Array<{ ts: number }>;
    };
    expect(latest.data.filter((e) => e.ts > Date.now())).toEqual([]);

    const started = [running.child.pid!, ...descendants(running.child.pid!)];
    // npm, the service (the start script runs it in its own process) and the simulator
    expect(started.length).toBeGreaterThanOrEqual(3);
    const exited = new Promise((r) => running!.child.once('exit', r));
    running.child.kill('SIGTERM');
    await exited;
    await allGone(started, ports);
  }, 300_000);

  it('starts again without rebuilding or reseeding, and Ctrl-C stops everything', async () => {
    running = npmStart(env, true);
    await eventually(
      () => (running!.out().includes('Ctrl-C stops everything') ? true : undefined),
      120_000,
      `the banner (stderr: ${running.err().slice(-500)})`,
    );
    expect(running.out()).toContain('history kept from an earlier run');
    expect(running.err()).not.toContain('Building');
    const started = [running.child.pid!, ...descendants(running.child.pid!)];
    const exited = new Promise((r) => running!.child.once('exit', r));
    // Ctrl-C: SIGINT to the whole foreground process group
    process.kill(-running.child.pid!, 'SIGINT');
    await exited;
    await allGone(started, ports);
  }, 180_000);
});
