import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { RECORDS_MIGRATIONS } from '../src/app.module.js';
import type { AppConfig } from '../src/config/app-config.js';
import { emqxConfig, mosquittoDynamicSecurity } from '../src/device-identity/broker-config.js';
import { brokerConfigInput } from '../src/device-identity/broker-config-input.js';
import { ensureBootstrapProvisioningKey } from '../src/device-identity/provisioning-keys.js';
import { hashSecret } from '../src/device-identity/secret-hash.js';
import { SqlDeviceIdentityRepository } from '../src/device-identity/sql-device-identity.repository.js';
import { openRecordsDatabase } from '../src/infrastructure/records/open-records-database.js';
import { applyMigrations } from '../src/infrastructure/records/records-migrator.js';
import { SqlRegistryRepository } from '../src/registry/sql-registry.repository.js';

const USAGE = `The external broker's configuration, from the records: the same identities and topic ACL
as the embedded broker (docs/security.md, "External brokers").

  npm run broker-config -- --format mosquitto --out DIR [--sync]   DIR/dynamic-security.json
  npm run broker-config -- --format emqx --out DIR                 DIR/users.json, DIR/acl.conf

  --sync   let the platform's client (MQTT_USERNAME) change it live: MQTT_DYNSEC_SYNC=true

The platform's client is MQTT_USERNAME with the password MQTT_PASSWORD; the records are those of
this configuration (DATA_DIR or DATABASE_URL; .env is read too). PROVISIONING_BOOTSTRAP_KEY, when
set, is made valid first, as the service does at start-up.`;

export interface CliOutput {
  log(line: string): void;
  error(line: string): void;
}

/** The CLI: writes the files; returns the exit status (0 written, 2 bad usage). */
export async function runBrokerConfig(
  argv: string[],
  config: AppConfig,
  out: CliOutput = console,
): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      sync: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return (out.log(USAGE), 0);
  const problems: string[] = [];
  if (values.format !== 'mosquitto' && values.format !== 'emqx')
    problems.push('--format is mosquitto or emqx');
  if (!values.out) problems.push('--out DIR is required');
  const { username, password } = config.mqtt;
  if (!username?.startsWith('svc-') || !password)
    problems.push('MQTT_USERNAME (svc-…) and MQTT_PASSWORD are the platform client it allows');
  if (problems.length) return (out.error(`broker-config: ${problems.join('\n')}\n\n${USAGE}`), 2);

  const db = await openRecordsDatabase(config);
  try {
    await applyMigrations(db, RECORDS_MIGRATIONS);
    const repo = new SqlDeviceIdentityRepository(db);
    const registry = new SqlRegistryRepository(db);
    const { provisioningBootstrapKey, provisioningBootstrapModels, kdfIterations } = config.security;
    if (provisioningBootstrapKey)
      await ensureBootstrapProvisioningKey(
        repo,
        provisioningBootstrapKey,
        provisioningBootstrapModels,
        kdfIterations,
      );
    const input = await brokerConfigInput(
      repo,
      async (customerId) => {
        const ids: string[] = [];
        let after: string | undefined;
        for (;;) {
          const page = await registry.list('devices', { limit: 1000, after, filters: { customerId } });
          ids.push(...page.map((d) => d.deviceId));
          if (page.length < 1000) return ids;
          after = page[page.length - 1].deviceId;
        }
      },
      { username: username!, secretHash: await hashSecret(password!, kdfIterations) },
      { ingest: config.mqtt.shareGroup ?? 'fleet-ingest', provisioning: 'fleet-provisioning' },
      Date.now(),
    );
    mkdirSync(values.out!, { recursive: true });
    if (values.format === 'mosquitto') {
      const file = join(values.out!, 'dynamic-security.json');
      writeFileSync(file, JSON.stringify(mosquittoDynamicSecurity(input, values.sync), null, 2), {
        mode: 0o644,
      });
      out.log(
        `broker-config: ${file}: ${input.credentials.length} devices and gateways, ${input.provisioningKeys.length} provisioning keys`,
      );
    } else {
      const emqx = emqxConfig(input);
      writeFileSync(join(values.out!, 'users.json'), JSON.stringify(emqx.users, null, 2), { mode: 0o600 });
      writeFileSync(join(values.out!, 'acl.conf'), emqx.aclConf, { mode: 0o644 });
      out.log(
        `broker-config: ${emqx.users.length} users (pbkdf2, sha512, ${emqx.iterations} iterations) and acl.conf in ${values.out}`,
      );
      for (const s of emqx.skipped) out.log(`  left out ${s.id}: ${s.why}`);
    }
    return 0;
  } finally {
    await db.close();
  }
}
