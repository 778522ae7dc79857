import { ConfigError, loadConfig } from '../src/config/app-config.js';
import { openKeysBackend, runKeysCli } from './keys-cli.js';

/** `npm run keys -- …`: API keys on the records database, or through a running service (keys-cli.ts). */
try {
  process.exitCode = await runKeysCli(process.argv.slice(2), (cmd) => openKeysBackend(cmd, loadConfig()));
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `keys: ${(err as Error).message}`);
  process.exitCode = 2;
}
