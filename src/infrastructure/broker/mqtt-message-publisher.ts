import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import mqtt, { type MqttClient } from 'mqtt';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import type { MessagePublisher } from '../../ports/message-publisher.port.js';
import { BrokerService } from './broker.service.js';

/** Longest a publish waits for the broker's acknowledgement. */
const PUBLISH_TIMEOUT_MS = 10_000;

/**
 * The service's publishing client (id `svc-notify-…`), connected on first use to the
 * embedded broker or the external one; QoS 1, not retained. Reconnects on its own.
 */
@Injectable()
export class MqttMessagePublisher implements MessagePublisher, OnModuleDestroy {
  private readonly logger = new Logger(MqttMessagePublisher.name);
  private client: MqttClient | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly broker: BrokerService,
  ) {}

  async publish(topic: string, payload: string): Promise<void> {
    const client = this.connection();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        client.publishAsync(topic, payload, { qos: 1 }),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error('the broker did not take the message in time')),
            PUBLISH_TIMEOUT_MS,
          );
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  private connection(): MqttClient {
    if (this.client) return this.client;
    const m = this.config.mqtt;
    this.client = mqtt.connect(m.url ?? this.broker.localUrl(), {
      clientId: `svc-notify-${hostname()
        .replace(/[^A-Za-z0-9_-]/g, '')
        .slice(0, 32)}-${randomBytes(3).toString('hex')}`,
      // the platform's own credential on its embedded broker; MQTT_USERNAME/PASSWORD outside
      ...(m.url === null
        ? this.broker.localCredentials()
        : { username: m.username, password: m.password, ca: m.caFile ? readFileSync(m.caFile) : undefined }),
      protocolVersion: 4,
      reconnectPeriod: 1000,
      connectTimeout: 10_000,
    });
    this.client.on('error', (err) => this.logger.warn({ err: err.message }, 'notification client error'));
    return this.client;
  }

  async onModuleDestroy(): Promise<void> {
    const client = this.client;
    this.client = null;
    await client?.endAsync();
  }
}
