import { userInfo } from 'node:os';
import { loadConfig } from '../src/config/app-config.js';
import { openKeysBackend, runKeysCli } from '../scripts/keys-cli.js';
import { tempDir } from './helpers/temp-dir.js';
import { startTestApp } from './helpers/test-app.js';

/** `npm run keys`, on the records database of a stopped service and through a running one's API. */
describe('npm run keys', () => {
  const dir = tempDir('fleet-keys-');
  afterAll(() => dir.remove());

  const cli = async (
    args: string[],
    env: NodeJS.ProcessEnv = {},
  ): Promise<{ status: number; out: string }> => {
    const lines: string[] = [];
    const config = loadConfig({ DATA_DIR: dir.path });
    const status = await runKeysCli(args, (cmd) => openKeysBackend(cmd, config, env), {
      log: (l) => lines.push(l),
      error: (l) => lines.push(l),
    });
    return { status, out: lines.join('\n') };
  };
  const keyIn = (out: string): string => /^fk_[A-Za-z0-9_-]{43}$/m.exec(out)![0];
  const idIn = (out: string): string => /key-[0-9a-f]{8}/.exec(out)![0];

  it('makes a key the service then takes with its role, revokes it, and audits both', async () => {
    const created = await cli(['create', '--name', 'night shift', '--role', 'operator']);
    expect(created.status).toBe(0);
    const key = keyIn(created.out);
    const id = idIn(created.out);

    let app = await startTestApp({}, dir.path);
    try {
      const auth = { authorization: `Bearer ${key}` };
      expect((await app.get('/api/v1/devices', auth)).status).toBe(200);
      expect((await app.request('DELETE', '/api/v1/registry/devices/x', undefined, auth)).status).toBe(403);
      const audit = await app.get<{ data: Array<{ actor: string; action: string; target: string }> }>(
        '/api/v1/audit',
      );
      expect(audit.body.data).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ actor: `cli:${userInfo().username}`, action: 'keys create', target: id }),
        ]),
      );
    } finally {
      await app.stop();
    }

    expect((await cli(['revoke', '--id', id])).status).toBe(0);
    const listed = await cli(['list']);
    expect(listed.out).toMatch(new RegExp(`${id}\\s+operator\\s+fk_\\S+\\s+revoked\\s+night shift`));
    expect(listed.out).not.toContain(key);

    app = await startTestApp({}, dir.path);
    try {
      expect((await app.get('/api/v1/devices', { authorization: `Bearer ${key}` })).status).toBe(401);
    } finally {
      await app.stop();
    }
  });

  it('rotates through a running service with --api, and the old key stops at once', async () => {
    const app = await startTestApp({}, dir.path);
    try {
      const env = { FLEET_API_KEY: app.adminKey };
      const created = await cli(
        ['create', '--name', 'grafana', '--role', 'viewer', '--api', app.httpUrl],
        env,
      );
      expect(created.status).toBe(0);
      const old = keyIn(created.out);
      const rotated = await cli(['rotate', '--id', idIn(created.out), '--api', app.httpUrl], env);
      expect(rotated.status).toBe(0);
      const fresh = keyIn(rotated.out);
      expect((await app.get('/api/v1/devices', { authorization: `Bearer ${old}` })).status).toBe(401);
      expect((await app.get('/api/v1/devices', { authorization: `Bearer ${fresh}` })).status).toBe(200);
      // an operator's key may not manage keys through the API either
      const operator = await app.apiKey('operator');
      const refused = await cli(['list', '--api', app.httpUrl], { FLEET_API_KEY: operator });
      expect(refused.status).toBe(1);
      expect(refused.out).toContain('403');
      expect(refused.out).not.toContain(operator);
    } finally {
      await app.stop();
    }
  });

  it('says what is wrong with a command line, all at once', async () => {
    const bad = await cli(['create', '--role', 'root', '--expires', 'someday']);
    expect(bad.status).toBe(2);
    expect(bad.out).toContain('--name is required');
    expect(bad.out).toContain('--role is one of viewer, analyst, operator, provisioner, admin');
    expect(bad.out).toContain('--expires');
    expect((await cli(['rotate'])).out).toContain('--id is required');
  });
});
