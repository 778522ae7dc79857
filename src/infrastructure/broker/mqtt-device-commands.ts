import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { Ajv } from 'ajv';
import mqtt, { type MqttClient } from 'mqtt';
import { Counter } from 'prom-client';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { deviceTopic, maintenanceCommandSchema, type MaintenanceCommand } from '../../contract/index.js';
import type { DeviceCommandSender } from '../../ports/device-commands.port.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { BrokerService } from './broker.service.js';

/** Longest a command waits for the broker's acknowledgement. */
const SEND_TIMEOUT_MS = 10_000;

const validCommand = new Ajv({ strict: false }).compile<MaintenanceCommand>(maintenanceCommandSchema);

/**
 * Maintenance commands over MQTT: one service client (id `svc-commands-…`, allowed to
 * publish for any device) on the embedded broker or the external one, QoS 1, not
 * retained: a device offline when the work is done gets it from its persistent
 * session, or the sender tries again.
 */
@Injectable()
export class MqttDeviceCommands implements DeviceCommandSender, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MqttDeviceCommands.name);
  private client: MqttClient | null = null;
  private readonly sent: Counter<'outcome'>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly broker: BrokerService,
    metrics: MetricsService,
  ) {
    this.sent = new Counter({
      name: 'fleet_device_commands_total',
      help: 'Maintenance commands sent to devices, by outcome (sent, failed).',
      labelNames: ['outcome'],
      registers: [metrics.registry],
    });
  }

  onApplicationBootstrap(): void {
    const { mqtt: m } = this.config;
    this.client = mqtt.connect(m.url ?? this.broker.localUrl(), {
      clientId: `svc-commands-${hostname()}-${randomBytes(3).toString('hex')}`,
      // the platform's own credential on its embedded broker; MQTT_USERNAME/PASSWORD outside
      ...(m.url === null
        ? this.broker.localCredentials()
        : { username: m.username, password: m.password, ca: m.caFile ? readFileSync(m.caFile) : undefined }),
      protocolVersion: 4,
      reconnectPeriod: 1000,
      connectTimeout: 10_000,
    });
    // reconnects on its own; a send while down waits for it or times out
    this.client.on('error', (err) => this.logger.warn({ err: err.message }, 'command client error'));
  }

  async send(deviceId: string, command: MaintenanceCommand): Promise<void> {
    if (!validCommand(command)) throw new Error(`invalid maintenance command: ${JSON.stringify(command)}`);
    const client = this.client;
    if (!client) throw new Error('command client not started');
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        client.publishAsync(deviceTopic(deviceId, 'commands'), JSON.stringify(command), { qos: 1 }),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error('broker did not take the command in time')),
            SEND_TIMEOUT_MS,
          );
        }),
      ]);
      this.sent.inc({ outcome: 'sent' });
    } catch (err) {
      this.sent.inc({ outcome: 'failed' });
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  async onModuleDestroy(): Promise<void> {
    const client = this.client;
    this.client = null;
    await client?.endAsync();
  }
}
