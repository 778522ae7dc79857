import { createServer, type AddressInfo } from 'node:net';
import { Aedes } from 'aedes';
import mqtt from 'mqtt';
import { loadConfig } from '../src/config/app-config.js';
import { newApiKeyToken } from '../src/api-keys/api-key.js';
import { startApp, type RunningApp } from '../src/bootstrap.js';
import { DeviceIdentityService } from '../src/device-identity/device-identity.service.js';
import { tempDir } from '../test/helpers/temp-dir.js';

/** aedes alone with a subscriber to fleet/# that only counts: the ceiling benches compare against. */
export async function countingBroker(): Promise<{
  url: string;
  received: () => number;
  /** Milliseconds between the first and the last message received. */
  spanMs: (since?: number) => number;
  close: () => Promise<void>;
}> {
  const aedes = await Aedes.createBroker();
  const server = createServer((s) => aedes.handle(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `mqtt://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sub = mqtt.connect(url, { clientId: 'svc-bench-counter' });
  await new Promise((r) => sub.once('connect', r));
  await sub.subscribeAsync('fleet/#', { qos: 0 });
  let received = 0;
  let first = 0;
  let last = 0;
  sub.on('message', () => {
    if (received++ === 0) first = performance.now();
    last = performance.now();
  });
  return {
    url,
    received: () => received,
    spanMs: (since) => last - (since === undefined ? first : Math.min(first, since)),
    close: async () => {
      await sub.endAsync();
      await new Promise((r) => aedes.close(() => r(undefined)));
      server.close();
    },
  };
}

export interface BenchApp extends RunningApp {
  /** An admin API key for the benches' HTTP calls. */
  adminKey: string;
  /** Credentials for MQTT clients: gateways for these devices, or devices themselves (in parallel). */
  gateways(ids: string[], devices: string[]): Promise<Map<string, string>>;
  devices(ids: string[]): Promise<Map<string, string>>;
  remove: () => void;
}

/** The real app on free ports with its data in a temp folder, as the benches run it: security on. */
export async function startBenchApp(env: Record<string, string> = {}): Promise<BenchApp> {
  const dir = tempDir('fleet-bench-');
  const adminKey = newApiKeyToken().token;
  const running = await startApp(
    loadConfig({
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: '0',
      MQTT_HOST: '127.0.0.1',
      MQTT_PORT: '0',
      MQTT_WS_PORT: '-1',
      LOG_LEVEL: 'warn',
      DATA_DIR: dir.path,
      API_ADMIN_KEY: adminKey,
      ...env,
    }),
  );
  const identities = running.app.get(DeviceIdentityService);
  const inParallel = async (
    ids: string[],
    issue: (id: string) => Promise<string>,
  ): Promise<Map<string, string>> => {
    const out = new Map<string, string>();
    for (let i = 0; i < ids.length; i += 64)
      await Promise.all(ids.slice(i, i + 64).map(async (id) => out.set(id, await issue(id))));
    return out;
  };
  return {
    ...running,
    adminKey,
    gateways: (ids, devices) =>
      inParallel(ids, async (id) => (await identities.createGateway(id, { devices }, 'bench')).secret!),
    devices: (ids) =>
      inParallel(
        ids,
        async (id) => (await identities.issueDeviceCredential({ deviceId: id }, 'bench')).secret!,
      ),
    remove: dir.remove,
  };
}
