import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import type { ApiKeyView } from '../src/api-keys/api-key.js';
import { ApiKeyService } from '../src/api-keys/api-key.service.js';
import { SqlApiKeyRepository } from '../src/api-keys/sql-api-key.repository.js';
import { RECORDS_MIGRATIONS } from '../src/app.module.js';
import { SqlAuditLogRepository } from '../src/audit/sql-audit-log.repository.js';
import type { AppConfig } from '../src/config/app-config.js';
import { openRecordsDatabase } from '../src/infrastructure/records/open-records-database.js';
import { applyMigrations } from '../src/infrastructure/records/records-migrator.js';
import { ROLES, isRole, type Role } from '../src/api-keys/roles.js';
import type { AuditEntry } from '../src/audit/audit-entry.js';
import { parseTime } from '../src/common/http/query-params.js';

export const KEYS_USAGE = `API keys: create, list, rotate and revoke.

  npm run keys -- create --name NAME --role ROLE [--expires DATE]   a new key, printed once
  npm run keys -- list                                              every key (never the key itself)
  npm run keys -- rotate --id KEY_ID                                a new key for the record, printed once
  npm run keys -- revoke --id KEY_ID                                the key stops working at once

  roles: ${ROLES.join(', ')}
  --expires   epoch milliseconds or an ISO 8601 date; none: the key does not expire

Where the keys are: the records database of this service's configuration (DATA_DIR
or DATABASE_URL; .env is read too). With the embedded database (PGlite) stop the
service first: only one process may open it. Or, with the service running:
  --api URL   go through its API, with an admin key in FLEET_API_KEY
Changes are written to the audit log. Exit status: 0 done, 1 refused, 2 bad usage.`;

/** Where the CLI acts: the records database directly, or a running service's API. */
export interface KeysBackend {
  list(): Promise<ApiKeyView[]>;
  create(name: string, role: Role, expiresAt: number | null): Promise<ApiKeyView & { key: string }>;
  rotate(id: string): Promise<ApiKeyView & { key: string }>;
  revoke(id: string): Promise<void>;
}

export interface CliOutput {
  log(line: string): void;
  error(line: string): void;
}

class UsageError extends Error {}

/** The keys on the records database: what the service would do, and an audit entry for each change. */
export function databaseBackend(
  keys: ApiKeyService,
  audit: (entry: AuditEntry) => Promise<void>,
): KeysBackend {
  const actor = `cli:${userInfo().username}`;
  const record = (action: string, target: string): Promise<void> =>
    audit({
      at: Date.now(),
      actor,
      actorName: null,
      role: 'admin',
      action,
      target,
      status: 200,
      source: 'cli',
    });
  return {
    list: () => keys.list(),
    async create(name, role, expiresAt) {
      const { record: view, key } = await keys.create({ name, role, expiresAt }, actor);
      await record('keys create', view.id);
      return { ...view, key };
    },
    async rotate(id) {
      const { record: view, key } = await keys.rotate(id);
      await record('keys rotate', id);
      return { ...view, key };
    },
    async revoke(id) {
      await keys.revoke(id);
      await record('keys revoke', id);
    },
  };
}

/** The keys through a running service's API (`--api`), with an admin key. */
export function apiBackend(url: string, adminKey: string): KeysBackend {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(new URL(path, url), {
      method,
      headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`the service answered ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    list: () => call('GET', '/api/v1/api-keys'),
    create: (name, role, expiresAt) => call('POST', '/api/v1/api-keys', { name, role, expiresAt }),
    rotate: (id) => call('POST', `/api/v1/api-keys/${encodeURIComponent(id)}/rotate`),
    revoke: (id) => call('DELETE', `/api/v1/api-keys/${encodeURIComponent(id)}`),
  };
}

export interface KeysCommand {
  command: 'create' | 'list' | 'rotate' | 'revoke' | 'help';
  name?: string;
  role?: Role;
  expiresAt?: number | null;
  id?: string;
  /** Through a running service's API. */
  api?: string;
}

/** Reads the command line; throws a UsageError listing what is wrong. */
export function parseKeysArgs(argv: string[]): KeysCommand {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      role: { type: 'string' },
      expires: { type: 'string' },
      id: { type: 'string' },
      api: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const command = positionals[0];
  if (values.help || command === undefined || command === 'help') return { command: 'help' };
  const problems: string[] = [];
  if (positionals.length > 1) problems.push(`one command at a time, got ${positionals.join(' ')}`);
  const parsed: KeysCommand = { command: 'help', api: values.api };
  switch (command) {
    case 'create': {
      if (!values.name) problems.push('--name is required');
      if (!isRole(values.role)) problems.push(`--role is one of ${ROLES.join(', ')}`);
      let expiresAt: number | null = null;
      try {
        expiresAt = values.expires ? parseTime('--expires', values.expires, 0) : null;
      } catch (err) {
        problems.push((err as Error).message);
      }
      Object.assign(parsed, { command, name: values.name, role: values.role, expiresAt });
      break;
    }
    case 'rotate':
    case 'revoke':
      if (!values.id) problems.push('--id is required (npm run keys -- list shows them)');
      Object.assign(parsed, { command, id: values.id });
      break;
    case 'list':
      parsed.command = 'list';
      break;
    default:
      problems.push(`unknown command "${command}"`);
  }
  if (problems.length) throw new UsageError(problems.join('\n'));
  return parsed;
}

/** Runs one command; returns the exit status. */
export async function runKeysCli(
  argv: string[],
  backendFor: (cmd: KeysCommand) => Promise<{ backend: KeysBackend; close: () => Promise<void> }>,
  out: CliOutput = console,
): Promise<number> {
  let cmd: KeysCommand;
  try {
    cmd = parseKeysArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError) && !(err instanceof TypeError)) throw err;
    out.error(`keys: ${err.message}\n\n${KEYS_USAGE}`);
    return 2;
  }
  if (cmd.command === 'help') {
    out.log(KEYS_USAGE);
    return 0;
  }
  const { backend, close } = await backendFor(cmd);
  try {
    switch (cmd.command) {
      case 'list':
        for (const k of await backend.list())
          out.log(
            [
              k.id,
              k.role.padEnd(11),
              `${k.prefix}…`,
              k.revokedAt !== null
                ? 'revoked'
                : k.expiresAt !== null && k.expiresAt <= Date.now()
                  ? 'expired'
                  : 'valid',
              k.name,
            ].join('  '),
          );
        return 0;
      case 'create': {
        const k = await backend.create(cmd.name!, cmd.role!, cmd.expiresAt ?? null);
        out.log(`${k.id} (${k.role}) created. The key, shown this once:\n${k.key}`);
        return 0;
      }
      case 'rotate': {
        const k = await backend.rotate(cmd.id!);
        out.log(`${k.id} rotated; the old key no longer works. The new key, shown this once:\n${k.key}`);
        return 0;
      }
      case 'revoke':
        await backend.revoke(cmd.id!);
        out.log(`${cmd.id} revoked.`);
        return 0;
    }
  } catch (err) {
    out.error(`keys: ${(err as Error).message}`);
    return 1;
  } finally {
    await close();
  }
}

/**
 * Where a command acts: a running service's API with `--api` (the admin key from
 * FLEET_API_KEY), else the records database of the configuration, migrated first.
 */
export async function openKeysBackend(
  cmd: KeysCommand,
  config: Pick<AppConfig, 'dataDir' | 'database'>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ backend: KeysBackend; close: () => Promise<void> }> {
  if (cmd.api) {
    const key = env.FLEET_API_KEY;
    if (!key) throw new Error('--api needs an admin key in FLEET_API_KEY');
    return { backend: apiBackend(cmd.api, key), close: () => Promise.resolve() };
  }
  const db = await openRecordsDatabase(config);
  try {
    await applyMigrations(db, RECORDS_MIGRATIONS);
  } catch (err) {
    await db.close();
    throw err;
  }
  const keys = new ApiKeyService(new SqlApiKeyRepository(db));
  const audit = new SqlAuditLogRepository(db);
  return { backend: databaseBackend(keys, (entry) => audit.append([entry])), close: () => db.close() };
}
