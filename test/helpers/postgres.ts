import { execFile } from 'node:child_process';
import { chownSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './mosquitto.js';
import { tempDir } from './temp-dir.js';

const run = promisify(execFile);

export interface Postgres {
  /** The `postgres` database, as superuser `postgres` (no password). */
  url: string;
  /** A new, empty database; its URL. */
  createDatabase(name: string): Promise<string>;
  /** SQL as superuser on the `postgres` database, for checks that do not go through the platform. */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Stops the server and removes its files. */
  remove(): Promise<void>;
}

/** The newest Debian PostgreSQL's programs (`apt-get install postgresql`; `.ci/run` installs it). */
function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length)
    throw new Error('PostgreSQL is not installed: apt-get install postgresql (see .ci/run)');
  return join(root, versions[0], 'bin');
}

/**
 * initdb and postgres refuse to run as root: as root, the server runs as the
 * `postgres` user (Debian's package creates it) on a temp folder it owns.
 */
async function userOf(dir: string): Promise<string[]> {
  if (process.getuid?.() !== 0) return [];
  const [uid, gid] = await Promise.all(
    ['-u', '-g'].map(async (flag) => Number((await run('id', [flag, 'postgres'])).stdout.trim())),
  );
  chownSync(dir, uid, gid);
  return ['runuser', '-u', 'postgres', '--'];
}

/**
 * Debian's PostgreSQL on a free port, its cluster in a temp folder (initdb, pg_ctl),
 * like influxd in influxdb.ts. The cluster sorts text with ICU's English rules, as a
 * production server with an en_US locale does: code that needs byte order must ask for it.
 * Without fsync unless `durable` (benchmarks).
 */
export async function startPostgres(o: { durable?: boolean } = {}): Promise<Postgres> {
  const bin = binDir();
  const dir = tempDir('postgres-');
  const data = join(dir.path, 'data');
  const as = await userOf(dir.path);
  const cmd = async (program: string, args: string[]): Promise<void> => {
    const [file, ...pre] = as.length ? as : [join(bin, program)];
    await run(file, as.length ? [...pre, join(bin, program), ...args] : args, { cwd: dir.path });
  };
  await cmd('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--locale-provider=icu',
    '--icu-locale=en-US',
    '--no-sync',
  ]);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${dir.path}`,
    '-c listen_addresses=127.0.0.1',
    // a throwaway server: durability buys nothing in tests (benchmarks ask for it)
    ...(o.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
  ].join(' ');
  await cmd('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir.path, 'server.log'),
    '-w',
    '-t',
    '60',
    '-o',
    options,
    'start',
  ]);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  return {
    url,
    async createDatabase(name) {
      await admin.query(`CREATE DATABASE "${name}"`);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async query<R>(sql: string, params: unknown[] = []) {
      return (await admin.query(sql, params)).rows as R[];
    },
    async remove() {
      await admin.end();
      await cmd('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
      dir.remove();
    },
  };
}
