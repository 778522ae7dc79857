import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../src/config/app-config.js';
import { startApp } from '../src/bootstrap.js';
import { catalogAsRegistryModels } from '../device-simulator/registry-export.js';
import { newApiKeyToken } from '../src/api-keys/api-key.js';
import { newProvisioningKeyToken } from '../src/device-identity/provisioning-rules.js';
import { BrokerService } from '../src/infrastructure/broker/broker.service.js';
import { RegistryService } from '../src/registry/registry.service.js';

/** The demo's own keys, made on its first start and kept (mode 0600) in DATA_DIR. */
interface DemoKeys {
  adminKey: string;
  provisioningKey: string;
}

function demoKeys(dataDir: string): DemoKeys {
  const file = join(dataDir, 'demo-keys.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DemoKeys;
  mkdirSync(dataDir, { recursive: true });
  const keys = { adminKey: newApiKeyToken().token, provisioningKey: newProvisioningKeyToken().token };
  writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
  return keys;
}

/**
 * `npm start`: the service on the embedded defaults, and a small simulated fleet
 * publishing to its broker over MQTT. SIMULATOR_DEVICES sets the fleet size (0: none).
 * Security is on as in production: the demo makes its own admin key and a
 * provisioning key for the simulator's models, and the simulated devices obtain
 * their credentials with it over MQTT, as real ones would.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  // the demo fleet registers itself from its births, so its KPIs show up
  if (process.env.REGISTRY_REGISTER_FROM_BIRTH === undefined) config.registry.registerFromBirth = true;
  const keys = demoKeys(config.dataDir);
  const models = catalogAsRegistryModels();
  config.security.adminKey ??= keys.adminKey;
  config.security.provisioningBootstrapKey ??= keys.provisioningKey;
  config.security.provisioningBootstrapModels ??= models.map((m) => String(m.modelId));
  const running = await startApp(config);
  await running.app.get(RegistryService).importJson('models', models);
  const devices = Number(process.env.SIMULATOR_DEVICES ?? 25);
  let simulator: ChildProcess | null = null;
  if (running.brokerPorts && devices > 0) {
    const cli = fileURLToPath(new URL('../device-simulator/cli.js', import.meta.url));
    simulator = fork(
      cli,
      [
        '--url',
        running.app.get(BrokerService).localUrl(),
        '--devices',
        String(devices),
        '--truth',
        join(config.dataDir, 'ground-truth.jsonl'),
        '--no-progress',
        // a sample every 10 s, so a newcomer sees telemetry within the first minute
        '--step',
        '10s',
      ],
      // the key by environment, not argument: it stays out of the process list
      { env: { ...process.env, FLEET_PROVISIONING_KEY: config.security.provisioningBootstrapKey } },
    );
  }
  const api = running.httpUrl;
  const key = config.security.adminKey;
  const auth = `-H "Authorization: Bearer $FLEET_API_KEY"`;
  console.log(`
  Fleet telemetry is running. Every call needs an API key; this one is an admin's
  (kept in ${join(config.dataDir, 'demo-keys.json')}; make others with npm run keys):

    export FLEET_API_KEY=${key}

    API docs        ${api}/docs   (Authorize with the key)
    Devices         curl ${auth} ${api}/api/v1/devices
    Its metrics     curl ${auth} ${api}/api/v1/devices/sim-00003/metrics
    Telemetry       curl ${auth} '${api}/api/v1/devices/sim-00003/telemetry/fuser.temp_c?window=1m&fn=mean'
    Events          curl ${auth} ${api}/api/v1/events
    Registry        curl ${auth} ${api}/api/v1/registry/devices
    KPIs            curl ${auth} '${api}/api/v1/kpis?scope=fleet'
    Dead letters    curl ${auth} ${api}/api/v1/dead-letters
    Credentials     curl ${auth} ${api}/api/v1/credentials
    Audit log       curl ${auth} ${api}/api/v1/audit
    Metrics         curl ${api}/metrics
  The simulated devices provisioned themselves over MQTT with a provisioning key.
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
