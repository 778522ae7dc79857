import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { SERVICE_CLIENT_PREFIX } from '../contract/index.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DynsecControl, type DynsecCommand } from '../infrastructure/broker/dynsec-control.js';
import {
  dynsecIdentity,
  dynsecProvisioningKey,
  type DynsecClient,
  type DynsecRole,
} from './broker-config.js';
import type { MqttCredential, ProvisioningKey } from './device-identity.js';
import { DeviceIdentityMetrics } from './device-identity.metrics.js';

/** Commands that remove what may not be there: their "not found" errors are expected. */
const TOLERATED = new Set(['deleteClient', 'deleteRole']);

function createCommands(role: DynsecRole, client: DynsecClient, password: string | null): DynsecCommand[] {
  return [
    { command: 'deleteClient', username: client.username },
    { command: 'deleteRole', rolename: role.rolename },
    {
      command: 'createRole',
      rolename: role.rolename,
      textname: role.textname,
      acls: role.acls.map((a) => ({ ...a, priority: 0 })),
    },
    {
      command: 'createClient',
      username: client.username,
      textname: client.textname,
      ...(client.clientid ? { clientid: client.clientid } : {}),
      ...(password !== null ? { password } : {}),
      roles: client.roles,
    },
    ...(client.disabled ? [{ command: 'disableClient', username: client.username }] : []),
  ];
}

/**
 * Keeps an external Mosquitto in step with device identity (MQTT_DYNSEC_SYNC), through
 * its dynamic-security API: new credentials are usable there at once, a disable or a
 * deletion drops the session at once. The generated file (npm run broker-config) is
 * the starting state; this carries each change after it. Mosquitto hashes a password
 * it is given with its own settings. A failure is logged and counted
 * (`fleet_broker_sync_failures_total`), never thrown at the API caller: regenerate the
 * file to catch up.
 */
@Injectable()
export class MosquittoSync implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MosquittoSync.name);
  private control: DynsecControl | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: DeviceIdentityMetrics,
  ) {}

  get enabled(): boolean {
    return this.config.mqtt.url !== null && this.config.mqtt.dynsecSync;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    const { mqtt } = this.config;
    this.control = new DynsecControl({
      url: mqtt.url!,
      clientId: `${SERVICE_CLIENT_PREFIX}dynsec-${randomBytes(4).toString('hex')}`,
      username: mqtt.username,
      password: mqtt.password,
      ca: mqtt.caFile ? readFileSync(mqtt.caFile) : undefined,
    });
    await this.control.start();
  }

  /** New credentials (or new rights) for a device or gateway, with the secret just issued. */
  issued(c: MqttCredential, secret: string | null, customerDevices: readonly string[] = []): Promise<void> {
    const { role, client } = dynsecIdentity(c, new Map([[c.id, customerDevices]]));
    return this.run(`issue ${c.id}`, createCommands(role, client, secret));
  }

  /** A new secret: the old one void and the session dropped (a disable and enable kick it). */
  rotated(c: MqttCredential, secret: string): Promise<void> {
    return this.run(`rotate ${c.id}`, [
      { command: 'setClientPassword', username: c.id, password: secret },
      { command: 'disableClient', username: c.id },
      ...(c.enabled ? [{ command: 'enableClient', username: c.id }] : []),
    ]);
  }

  enabledChanged(c: MqttCredential): Promise<void> {
    return this.run(`${c.enabled ? 'enable' : 'disable'} ${c.id}`, [
      { command: c.enabled ? 'enableClient' : 'disableClient', username: c.id },
    ]);
  }

  /** A gateway's devices changed: a new role, and its session restarts with it. */
  scopeChanged(c: MqttCredential, customerDevices: readonly string[]): Promise<void> {
    const { role } = dynsecIdentity(c, new Map([[c.id, customerDevices]]));
    return this.run(`scope ${c.id}`, [
      { command: 'deleteRole', rolename: role.rolename },
      { command: 'createRole', rolename: role.rolename, acls: role.acls.map((a) => ({ ...a, priority: 0 })) },
      { command: 'addClientRole', username: c.id, rolename: role.rolename },
      { command: 'disableClient', username: c.id },
      ...(c.enabled ? [{ command: 'enableClient', username: c.id }] : []),
    ]);
  }

  deleted(c: MqttCredential): Promise<void> {
    return this.run(`delete ${c.id}`, [
      { command: 'deleteClient', username: c.id },
      { command: 'deleteRole', rolename: `${c.kind}:${c.id}` },
    ]);
  }

  provisioningKeyIssued(k: ProvisioningKey, token: string): Promise<void> {
    const { role, client } = dynsecProvisioningKey(k, Date.now());
    return this.run(`provisioning key ${k.id}`, createCommands(role, client, token));
  }

  provisioningKeyRevoked(id: string): Promise<void> {
    return this.run(`revoke ${id}`, [{ command: 'disableClient', username: id }]);
  }

  private async run(what: string, commands: DynsecCommand[]): Promise<void> {
    if (!this.control) return;
    try {
      const responses = await this.control.run(commands);
      const failed = responses.filter((r) => r.error && !TOLERATED.has(r.command));
      if (failed.length) throw new Error(failed.map((r) => `${r.command}: ${r.error}`).join('; '));
    } catch (err) {
      this.metrics.brokerSyncFailures.inc();
      this.logger.error({ err, what }, 'external broker not updated: regenerate its dynamic-security file');
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.control?.stop();
    this.control = null;
  }
}
