import { createServer, type AddressInfo } from 'node:net';
import { Aedes } from 'aedes';
import mqtt from 'mqtt';
import { loadConfig } from '../src/config/app-config.js';
import { startApp, type RunningApp } from '../src/bootstrap.js';
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

/** The real app on free ports with its data in a temp folder, as the benches run it. */
export async function startBenchApp(
  env: Record<string, string> = {},
): Promise<RunningApp & { remove: () => void }> {
  const dir = tempDir('fleet-bench-');
  const running = await startApp(
    loadConfig({
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: '0',
      MQTT_HOST: '127.0.0.1',
      MQTT_PORT: '0',
      MQTT_WS_PORT: '-1',
      LOG_LEVEL: 'warn',
      DATA_DIR: dir.path,
      ...env,
    }),
  );
  return { ...running, remove: dir.remove };
}
