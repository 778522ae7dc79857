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
import {
  SERVICE_CLIENT_PREFIX,
  parseProvisioningRequestTopic,
  provisioningRequestSubscription,
  provisioningTopic,
} from '../contract/index.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AuditService } from '../audit/audit.service.js';
import { BrokerService } from '../infrastructure/broker/broker.service.js';
import { MqttResponder } from '../infrastructure/broker/mqtt-responder.js';
import { DeviceIdentityService } from './device-identity.service.js';

/** A request is a few hundred bytes; anything much larger is not one. */
const MAX_REQUEST_BYTES = 4096;

/**
 * Provisioning over MQTT: answers `provisioning/v1/{keyId}/{clientId}/request` on
 * `…/response`. The broker lets only a session authenticated with key `keyId`
 * publish there, so the topic names the key the device proved it holds.
 */
@Injectable()
export class ProvisioningResponder implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ProvisioningResponder.name);
  private responder: MqttResponder | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly broker: BrokerService,
    private readonly identities: DeviceIdentityService,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { mqtt } = this.config;
    const external = mqtt.url !== null;
    const local = external ? null : this.broker.localCredentials();
    this.responder = new MqttResponder({
      url: mqtt.url ?? this.broker.localUrl(),
      clientId: `${SERVICE_CLIENT_PREFIX}provisioning-${external ? hostname() : randomBytes(4).toString('hex')}`,
      username: local?.username ?? mqtt.username,
      password: local?.password ?? mqtt.password,
      ca: mqtt.caFile ? readFileSync(mqtt.caFile) : undefined,
      // replicas on an external broker share the requests: each is answered once
      subscription: provisioningRequestSubscription(external ? 'fleet-provisioning' : undefined),
      handle: (topic, payload) => this.answer(topic, payload),
    });
    await this.responder.start();
  }

  private async answer(topic: string, payload: Buffer): Promise<{ topic: string; payload: string } | null> {
    const at = Date.now();
    const parsed = parseProvisioningRequestTopic(topic);
    if (!parsed) return null;
    let body: unknown = null;
    if (payload.length <= MAX_REQUEST_BYTES) {
      try {
        body = JSON.parse(payload.toString('utf8'));
      } catch {
        body = null;
      }
    }
    const response = await this.identities.provision(parsed.keyId, body);
    const deviceId = (body as { deviceId?: unknown } | null)?.deviceId;
    this.audit.record({
      at,
      actor: `provisioning-key:${parsed.keyId}`,
      actorName: null,
      role: null,
      action: 'MQTT provision',
      target: typeof deviceId === 'string' ? deviceId.slice(0, 64) : null,
      status: response.status === 'accepted' ? 201 : 400,
      source: `mqtt:${parsed.clientId}`,
    });
    if (response.status === 'rejected')
      this.logger.warn({ keyId: parsed.keyId, reason: response.reason }, 'provisioning request rejected');
    return {
      topic: provisioningTopic(parsed.keyId, parsed.clientId, 'response'),
      payload: JSON.stringify(response),
    };
  }

  async onModuleDestroy(): Promise<void> {
    await this.responder?.stop();
    this.responder = null;
  }
}
