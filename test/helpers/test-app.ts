import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { startApp, type RunningApp } from '../../src/bootstrap.js';
import { tempDir } from './temp-dir.js';

export interface TestApp extends RunningApp {
  config: AppConfig;
  mqttUrl: string;
  dataDir: string;
  /** GET a path of the API; JSON body parsed when the answer is JSON. */
  get<T = unknown>(
    path: string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: T; text: string; headers: Headers }>;
  /** Any method; a string body is sent as is (set its content type), anything else as JSON. */
  request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: T; text: string; headers: Headers }>;
  stop(): Promise<void>;
}

async function parseResponse<T>(
  res: Response,
): Promise<{ status: number; body: T; text: string; headers: Headers }> {
  const text = await res.text();
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  return { status: res.status, body: (isJson ? JSON.parse(text) : text) as T, text, headers: res.headers };
}

/** The real app on free ports, its data in a temp folder. Env overrides on top of the defaults. */
export async function startTestApp(env: Record<string, string> = {}, dataDir?: string): Promise<TestApp> {
  const dir = dataDir ? null : tempDir('fleet-app-');
  const config = loadConfig({
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: '0',
    MQTT_HOST: '127.0.0.1',
    MQTT_PORT: '0',
    MQTT_WS_PORT: '0',
    LOG_LEVEL: 'warn',
    WRITE_FLUSH_INTERVAL_MS: '50',
    DATA_DIR: dataDir ?? dir!.path,
    ...env,
  });
  // an empty PGlite cluster copied in (test/pglite-template.setup.mjs) rather than an initdb per app
  const template = process.env.FLEET_TEST_PGLITE_TEMPLATE;
  const records = join(config.dataDir, 'records');
  if (template && !config.database.url && !existsSync(records))
    cpSync(template, records, { recursive: true });
  const running = await startApp(config);
  return {
    ...running,
    config,
    dataDir: config.dataDir,
    mqttUrl: config.mqtt.url ?? `mqtt://127.0.0.1:${running.brokerPorts!.mqtt}`,
    async get<T>(path: string, headers: Record<string, string> = {}) {
      return parseResponse<T>(await fetch(running.httpUrl + path, { headers }));
    },
    async request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
      const raw = typeof body === 'string';
      const res = await fetch(running.httpUrl + path, {
        method,
        headers: body === undefined || raw ? headers : { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
      });
      return parseResponse<T>(res);
    },
    async stop() {
      await running.close();
      dir?.remove();
    },
  };
}

export async function connectClient(url: string, clientId: string): Promise<MqttClient> {
  const client = mqtt.connect(url, { clientId, reconnectPeriod: 0, protocolVersion: 4 });
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
