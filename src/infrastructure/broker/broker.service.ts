import { readFileSync } from 'node:fs';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { DomainEventBus } from '../../events/domain-event-bus.js';
import { BROKER_ACCESS_POLICY, type BrokerAccessPolicy } from './broker-access.policy.js';
import { BrokerMetrics } from './broker.metrics.js';
import { EmbeddedBroker } from './embedded-broker.js';
import { ServiceCredentials } from './service-credentials.js';

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
    private readonly brokerMetrics: BrokerMetrics,
    @Inject(BROKER_ACCESS_POLICY) private readonly policy: BrokerAccessPolicy,
    private readonly credentials: ServiceCredentials,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.mqtt.url !== null) return;
    const { host, port, wsPort, tlsPort, wssPort, maxPacketBytes, connectTimeoutMs } =
      this.config.mqtt.embedded;
    const tls = this.config.tls;
    const { refused, clients } = this.brokerMetrics;
    const broker = new EmbeddedBroker({
      host,
      port,
      wsPort,
      tls: tls
        ? {
            key: readFileSync(tls.keyFile),
            cert: readFileSync(tls.certFile),
            clientCa: tls.clientCaFile ? readFileSync(tls.clientCaFile) : undefined,
            port: tlsPort,
            wssPort,
          }
        : undefined,
      policy: this.policy,
      maxPacketBytes,
      connectTimeoutMs,
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
      onRefused: (reason, clientId) => {
        refused.inc({ reason });
        this.logger.debug({ reason, clientId: clientId?.slice(0, 128) }, 'mqtt refused');
      },
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
    this.logger.log(
      { mqttPort: broker.tcpPort, wsPort: broker.wsPort, tlsPort: broker.tlsPort, wssPort: broker.wssPort },
      'embedded MQTT broker listening',
    );
  }

  get isEmbedded(): boolean {
    return this.embedded !== null;
  }

  /** Ports of the embedded broker, null with an external one. */
  get ports(): { mqtt: number | null; ws: number | null; tls: number | null; wss: number | null } | null {
    const b = this.embedded;
    return b ? { mqtt: b.tcpPort, ws: b.wsPort, tls: b.tlsPort, wss: b.wssPort } : null;
  }

  localUrl(): string {
    if (!this.embedded) throw new Error('no embedded broker: MQTT_URL is set');
    return this.embedded.localUrl;
  }

  /** User name and password of the platform's own clients on the embedded broker. */
  localCredentials(): { username: string; password: string } {
    return { username: this.credentials.username, password: this.credentials.password };
  }

  /** Drops the live sessions of an identity (`device:dev-1`) on the embedded broker at once. */
  disconnect(identity: string): number {
    return this.embedded?.disconnect(identity) ?? 0;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.embedded?.stop();
    this.embedded = null;
  }
}
