import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { tempDir } from './temp-dir.js';

const BINARY = ['/usr/sbin/mosquitto', '/usr/bin/mosquitto'].find((p) => existsSync(p));

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: '127.0.0.1' }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`nothing listening on ${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface Mosquitto {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Debian's dynamic-security plugin (`mosquitto` package). */
export const DYNSEC_PLUGIN = [
  '/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so',
  '/usr/lib/mosquitto_dynamic_security.so',
].find((p) => existsSync(p));

export interface MosquittoOptions {
  /** Anonymous clients allowed (the default, as before security). */
  anonymous?: boolean;
  /** Files written next to the configuration first, by name: `%dir%` in the config lines is that folder. */
  files?: Record<string, string>;
}

/** Debian's Mosquitto on a free port with its files in a temp folder (`.ci/run` installs it). */
export async function startMosquitto(
  extraConfig: string[] = [],
  options: MosquittoOptions = {},
): Promise<Mosquitto> {
  if (!BINARY) throw new Error('mosquitto is not installed: apt-get install mosquitto (see .ci/run)');
  const dir = tempDir('mosquitto-');
  const port = await freePort();
  const conf = join(dir.path, 'mosquitto.conf');
  // Mosquitto started as root drops to its own user: it must be able to read these
  if (options.files) chmodSync(dir.path, 0o755);
  for (const [name, content] of Object.entries(options.files ?? {}))
    writeFileSync(join(dir.path, name), content, { mode: 0o644 });
  writeFileSync(
    conf,
    [
      `listener ${port} 127.0.0.1`,
      `allow_anonymous ${options.anonymous === false ? 'false' : 'true'}`,
      'persistence false',
      ...(extraConfig.some((l) => l.startsWith('log_dest')) ? [] : ['log_dest none']),
      ...extraConfig.map((line) => line.replaceAll('%dir%', dir.path)),
      '',
    ].join('\n'),
  );
  // MOSQ_DEBUG=1 shows Mosquitto's own errors (add `log_dest stderr` to the config lines)
  const proc: ChildProcess = spawn(BINARY, ['-c', conf], {
    stdio: ['ignore', 'ignore', process.env.MOSQ_DEBUG ? 'inherit' : 'ignore'],
  });
  await waitForPort(port, 10_000);
  return {
    url: `mqtt://127.0.0.1:${port}`,
    port,
    async stop() {
      if (proc.exitCode === null) {
        const exited = new Promise((resolve) => proc.once('exit', resolve));
        proc.kill('SIGTERM');
        await exited;
      }
      dir.remove();
    },
  };
}
