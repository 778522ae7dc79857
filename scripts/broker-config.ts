import { ConfigError, loadConfig } from '../src/config/app-config.js';
import { runBrokerConfig } from './broker-config-cli.js';

/** `npm run broker-config -- …`: the external broker's configuration (broker-config-cli.ts). */
try {
  process.exitCode = await runBrokerConfig(process.argv.slice(2), loadConfig());
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `broker-config: ${(err as Error).message}`);
  process.exitCode = 2;
}
