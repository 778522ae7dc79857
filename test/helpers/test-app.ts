import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { connectionGroups } from '../../device-simulator/fleet-publisher.js';
import { catalogAsRegistryModels } from '../../device-simulator/registry-export.js';
import { newApiKeyToken } from '../../src/api-keys/api-key.js';
import { ApiKeyService } from '../../src/api-keys/api-key.service.js';
import type { Role } from '../../src/api-keys/roles.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { GATEWAY_CLIENT_PREFIX, SERVICE_CLIENT_PREFIX } from '../../src/contract/index.js';
import { startApp, type RunningApp } from '../../src/bootstrap.js';
import { DeviceIdentityService } from '../../src/device-identity/device-identity.service.js';
import { BrokerService } from '../../src/infrastructure/broker/broker.service.js';
import { tempDir } from './temp-dir.js';

type Answer<T> = { status: number; body: T; text: string; headers: Headers };

export interface TestApp extends RunningApp {
  config: AppConfig;
  mqttUrl: string;
  dataDir: string;
  /** An admin API key (API_ADMIN_KEY): `get` and `request` send it unless told otherwise. */
  adminKey: string;
  /** The JSON log lines, when started with `captureLogs`. */
  logs: string[];
  /**
   * GET a path of the API with the admin key; JSON body parsed when the answer is
   * JSON. An `authorization` header replaces the key; `authorization: ''` sends none.
   */
  get<T = unknown>(path: string, headers?: Record<string, string>): Promise<Answer<T>>;
  /** Any method; a string body is sent as is (set its content type), anything else as JSON. */
  request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Answer<T>>;
  /** A new API key with this role. */
  apiKey(role: Role, expiresAt?: number): Promise<string>;
  /**
   * `get` and `request` sending a key of this role (made once per app and role):
   * `await app.as('viewer').request('DELETE', path)` answers 403.
   */
  as(role: Role): Pick<TestApp, 'get' | 'request'>;
  /** A secret for this device (issued, or rotated when it has one): its MQTT password. */
  deviceSecret(deviceId: string): Promise<string>;
  /** A gateway allowed to publish for these devices (or those of a customer): its MQTT password. */
  gatewaySecret(gatewayId: string, devices: string[], customerId?: string): Promise<string>;
  /** A provisioning key for the simulator's models that may provision its devices again. */
  simulatorProvisioningKey(): Promise<string>;
  /** Passwords of the simulator's gateways (`--gateways N`) for its first `devices` devices. */
  simulatorGateways(devices: number, gateways: number): Promise<Map<string, string>>;
  /** The platform's own MQTT credential on the embedded broker (svc- clients). */
  serviceCredentials(): { username: string; password: string };
  stop(): Promise<void>;
}

/** Running test apps by the host:port of each broker listener, so connectClient finds credentials. */
const appsByBroker = new Map<string, TestApp>();

async function parseResponse<T>(res: Response): Promise<Answer<T>> {
  const text = await res.text();
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  return { status: res.status, body: (isJson ? JSON.parse(text) : text) as T, text, headers: res.headers };
}

/** The header that sends an API key: `app.get(path, bearer(key))`. */
export function bearer(key: string): Record<string, string> {
  return { authorization: `Bearer ${key}` };
}

/** The admin key unless the caller set `authorization` (any case); an empty one sends none. */
function withKey(key: string, headers: Record<string, string>): Record<string, string> {
  const own = Object.keys(headers).find((h) => h.toLowerCase() === 'authorization');
  if (own === undefined) return { ...headers, ...bearer(key) };
  if (headers[own] !== '') return headers;
  const rest = { ...headers };
  delete rest[own];
  return rest;
}

/**
 * The real app on free ports, its data in a temp folder, with the production
 * security on: every route needs a key (the helper holds an admin key), every MQTT
 * client credentials (connectClient issues them). Env overrides on top of the
 * defaults; failed authentications are not slowed down here (a test of its own does).
 */
export async function startTestApp(
  env: Record<string, string> = {},
  dataDir?: string,
  options: { captureLogs?: boolean } = {},
): Promise<TestApp> {
  const dir = dataDir ? null : tempDir('fleet-app-');
  // the admin key the helper sends, made valid at start-up as API_ADMIN_KEY would be
  const adminKey = env.API_ADMIN_KEY ?? newApiKeyToken().token;
  const config = loadConfig({
    API_ADMIN_KEY: adminKey,
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: '0',
    MQTT_HOST: '127.0.0.1',
    MQTT_PORT: '0',
    MQTT_WS_PORT: '0',
    LOG_LEVEL: 'warn',
    WRITE_FLUSH_INTERVAL_MS: '50',
    AUTH_FAILURE_DELAY_MS: '0',
    DATA_DIR: dataDir ?? dir!.path,
    ...env,
  });
  // an empty PGlite cluster copied in (test/pglite-template.setup.mjs) rather than an initdb per app
  const template = process.env.FLEET_TEST_PGLITE_TEMPLATE;
  const records = join(config.dataDir, 'records');
  if (template && !config.database.url && !existsSync(records))
    cpSync(template, records, { recursive: true });
  const logs: string[] = [];
  const running = await startApp(
    config,
    options.captureLogs ? { logDestination: { write: (line: string) => void logs.push(line) } } : {},
  );
  const keys = running.app.get(ApiKeyService);
  const identities = running.app.get(DeviceIdentityService);
  const ports = running.brokerPorts;
  let simulatorKey: Promise<string> | null = null;
  const roleKeys = new Map<Role, Promise<string>>();
  const app: TestApp = {
    ...running,
    config,
    adminKey,
    logs,
    dataDir: config.dataDir,
    mqttUrl: config.mqtt.url ?? running.app.get(BrokerService).localUrl(),
    async get<T>(path: string, headers: Record<string, string> = {}) {
      return parseResponse<T>(await fetch(running.httpUrl + path, { headers: withKey(adminKey, headers) }));
    },
    async request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
      const raw = typeof body === 'string';
      const sent = withKey(adminKey, headers);
      const res = await fetch(running.httpUrl + path, {
        method,
        headers: body === undefined || raw ? sent : { 'content-type': 'application/json', ...sent },
        body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
      });
      return parseResponse<T>(res);
    },
    async apiKey(role, expiresAt) {
      return (await keys.create({ name: `test ${role}`, role, expiresAt }, 'test')).key;
    },
    as(role) {
      const key = (): Promise<string> => {
        if (!roleKeys.has(role)) roleKeys.set(role, app.apiKey(role));
        return roleKeys.get(role)!;
      };
      return {
        get: async (path, headers = {}) => app.get(path, { ...headers, ...bearer(await key()) }),
        request: async (method, path, body, headers = {}) =>
          app.request(method, path, body, { ...headers, ...bearer(await key()) }),
      };
    },
    async deviceSecret(deviceId) {
      const existing = await identities.getCredentialRecord(deviceId);
      const issued = existing
        ? await identities.rotate(deviceId)
        : await identities.issueDeviceCredential({ deviceId }, 'test');
      return issued.secret!;
    },
    async gatewaySecret(gatewayId, devices, customerId) {
      const existing = await identities.getCredentialRecord(gatewayId);
      if (!existing)
        return (await identities.createGateway(gatewayId, { devices, customerId }, 'test')).secret!;
      await identities.setGatewayScope(gatewayId, { devices, customerId });
      return (await identities.rotate(gatewayId)).secret!;
    },
    async simulatorProvisioningKey() {
      // one per app, so a second run provisions the same devices again (reprovision)
      if (!simulatorKey) {
        const models = catalogAsRegistryModels().map((m) => String(m.modelId));
        simulatorKey = identities
          .createProvisioningKey({ name: 'test simulator', models, reprovision: true }, 'test')
          .then((k) => k.secret);
      }
      return simulatorKey;
    },
    async simulatorGateways(devices, gateways) {
      const ids = Array.from({ length: devices }, (_, d) => `sim-${String(d + 1).padStart(5, '0')}`);
      const passwords = new Map<string, string>();
      for (const g of connectionGroups(ids, gateways))
        passwords.set(g.clientId, await app.gatewaySecret(g.clientId, g.deviceIds));
      return passwords;
    },
    serviceCredentials() {
      return running.app.get(BrokerService).localCredentials();
    },
    async stop() {
      for (const [k, v] of appsByBroker) if (v === app) appsByBroker.delete(k);
      await running.close();
      dir?.remove();
    },
  };
  for (const port of [ports?.mqtt, ports?.ws, ports?.tls, ports?.wss])
    if (port) appsByBroker.set(`127.0.0.1:${port}`, app);
  // an external broker (MQTT_URL) is the test's own: connectClient adds nothing there
  if (config.mqtt.url === null) appsByBroker.set(new URL(app.mqttUrl).host, app);
  return app;
}

export interface ConnectOptions extends IClientOptions {
  /** A gateway's devices: a gw- client id needs them. */
  devices?: string[];
}

/**
 * Connects an MQTT 3.1.1 client. On a test app's embedded broker it connects with
 * credentials it makes for the client id: a device's own secret, a gateway for
 * `devices`, or the platform's credential for svc- ids. Options (a user name, a
 * will, …) override; on any other broker nothing is added.
 */
export async function connectClient(
  url: string,
  clientId: string,
  options: ConnectOptions = {},
): Promise<MqttClient> {
  const { devices, ...clientOptions } = options;
  const app = appsByBroker.get(new URL(url).host);
  let credentials: { username: string; password: string } | Record<string, never> = {};
  if (app && clientOptions.username === undefined) {
    if (clientId.startsWith(SERVICE_CLIENT_PREFIX)) credentials = app.serviceCredentials();
    else if (clientId.startsWith(GATEWAY_CLIENT_PREFIX)) {
      if (!devices) throw new Error(`connectClient: gateway ${clientId} needs { devices: [...] }`);
      credentials = { username: clientId, password: await app.gatewaySecret(clientId, devices) };
    } else credentials = { username: clientId, password: await app.deviceSecret(clientId) };
  }
  const client = mqtt.connect(url, {
    clientId,
    reconnectPeriod: 0,
    protocolVersion: 4,
    ...credentials,
    ...clientOptions,
  });
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('error', reject);
  });
  return client;
}

/** Polls until `check` returns a value that is not undefined, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > until)
      throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
