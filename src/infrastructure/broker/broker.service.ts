import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { DomainEventBus } from '../../events/domain-event-bus.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { ownTopicsPolicy } from './broker-access.policy.js';
import { EmbeddedBroker } from './embedded-broker.js';

/** Runs the embedded broker unless an external one is configured (MQTT_URL). */
@Injectable()
export class BrokerService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(BrokerService.name);
  private embedded: EmbeddedBroker | null = null;
  /** Clients told already that MQTT 5 is refused: a device retrying every second is logged once. */
  private readonly refusedClients = new Set<string>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly bus: DomainEventBus,
    private readonly metrics: MetricsService,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.mqtt.url !== null) return;
    const { host, port, wsPort } = this.config.mqtt.embedded;
    const clients = this.metrics.gauge({
      name: 'fleet_broker_clients',
      help: 'Clients connected to the embedded broker.',
    });
    const broker = new EmbeddedBroker({
      host,
      port,
      wsPort,
      policy: ownTopicsPolicy,
      onPublishRefused: (clientId, topic, payload, detail, deviceId) =>
        this.bus.publish('input.rejected', {
          records: [
            {
              receivedAt: Date.now(),
              reason: 'device_mismatch',
              detail,
              topic: topic.slice(0, 256),
              deviceId,
              payload: payload.subarray(0, 1024).toString('utf8'),
              payloadBytes: payload.length,
            },
          ],
        }),
      onClientCountChange: (n) => clients.set(n),
      onProtocolRefused: (clientId, version) => {
        if (this.refusedClients.has(clientId) || this.refusedClients.size >= 1000) return;
        this.refusedClients.add(clientId);
        this.logger.warn(
          { clientId: clientId.slice(0, 64), protocolVersion: version },
          'MQTT 5 client refused: the embedded broker speaks 3.1.1; use an external broker for MQTT 5',
        );
      },
    });
    await broker.start();
    this.embedded = broker;
    this.logger.log({ mqttPort: broker.tcpPort, wsPort: broker.wsPort }, 'embedded MQTT broker listening');
  }

  get isEmbedded(): boolean {
    return this.embedded !== null;
  }

  /** Ports of the embedded broker, null with an external one. */
  get ports(): { mqtt: number; ws: number | null } | null {
    return this.embedded ? { mqtt: this.embedded.tcpPort, ws: this.embedded.wsPort } : null;
  }

  localUrl(): string {
    if (!this.embedded) throw new Error('no embedded broker: MQTT_URL is set');
    return this.embedded.localUrl;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.embedded?.stop();
    this.embedded = null;
  }
}
