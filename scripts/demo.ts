import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../src/config/app-config.js';
import { startApp } from '../src/bootstrap.js';
import { catalogAsRegistryModels } from '../device-simulator/registry-export.js';
import { RegistryService } from '../src/registry/registry.service.js';

/**
 * `npm start`: the service on the embedded defaults, and a small simulated fleet
 * publishing to its broker over MQTT. SIMULATOR_DEVICES sets the fleet size (0: none).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  // the demo fleet registers itself from its births, so its KPIs show up
  if (process.env.REGISTRY_REGISTER_FROM_BIRTH === undefined) config.registry.registerFromBirth = true;
  const running = await startApp(config);
  await running.app.get(RegistryService).importJson('models', catalogAsRegistryModels());
  const devices = Number(process.env.SIMULATOR_DEVICES ?? 25);
  let simulator: ChildProcess | null = null;
  if (running.brokerPorts && devices > 0) {
    const cli = fileURLToPath(new URL('../device-simulator/cli.js', import.meta.url));
    simulator = fork(cli, [
      '--url',
      `mqtt://127.0.0.1:${running.brokerPorts.mqtt}`,
      '--devices',
      String(devices),
      '--truth',
      join(config.dataDir, 'ground-truth.jsonl'),
      '--no-progress',
      // a sample every 10 s, so a newcomer sees telemetry within the first minute
      '--step',
      '10s',
    ]);
  }
  const api = running.httpUrl;
  console.log(`
  Fleet telemetry is running.
    API docs        ${api}/docs
    Devices         curl ${api}/api/v1/devices
    Its metrics     curl ${api}/api/v1/devices/sim-00003/metrics
    Telemetry       curl '${api}/api/v1/devices/sim-00003/telemetry/fuser.temp_c?window=1m&fn=mean'
    Events          curl ${api}/api/v1/events
    Registry        curl ${api}/api/v1/registry/devices
    KPIs            curl '${api}/api/v1/kpis?scope=fleet'
    Dead letters    curl ${api}/api/v1/dead-letters
    Metrics         curl ${api}/metrics
  Ctrl-C stops it; data stays in ${config.dataDir}.
`);
  const stop = async (): Promise<void> => {
    simulator?.kill('SIGTERM');
    await running.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(err instanceof ConfigError ? 2 : 1);
});
