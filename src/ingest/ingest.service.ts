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
import { ingestSubscriptions, parseDeviceTopic, type MessageKind } from '../contract/index.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DomainEventBus } from '../events/domain-event-bus.js';
import type { StoredTelemetry } from '../events/domain-events.js';
import { BrokerService } from '../infrastructure/broker/broker.service.js';
import { MqttSubscriber, type MessageHandling } from '../infrastructure/broker/mqtt-subscriber.js';
import { IngestMetrics } from './ingest.metrics.js';
import type { EventRecord, TelemetryPoint } from '../ports/records.js';
import { TELEMETRY_STORE, type TelemetryStore } from '../ports/telemetry-store.port.js';
import { MessageDecoder } from './message-decoder.js';
import { WriteBuffer } from './write-buffer.js';

const HEARD_FLUSH_MS = 1000;
/** QoS 1 messages read ahead of their acknowledgement (Telegraf: max_undelivered_messages). */
const MAX_UNACKED = 1000;

/**
 * Device → broker → store. The same code in both modes: an MQTT client subscribed
 * to the device topics of the embedded broker or of an external one. What became
 * durable, who was heard from and what was refused are published on the domain
 * event bus; the features that care (devices, registry, KPIs, dead letters, …) listen.
 */
@Injectable()
export class IngestService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(IngestService.name);
  private readonly decoder: MessageDecoder;
  private readonly buffer: WriteBuffer;
  private subscriber: MqttSubscriber | null = null;
  private heard = new Map<string, number>();
  private heardTimer: NodeJS.Timeout | null = null;
  /** Counter children bound once: label lookups per message add up at full rate. */
  private readonly received: Record<MessageKind | 'unknown', { inc: () => void }>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TELEMETRY_STORE) store: TelemetryStore,
    private readonly broker: BrokerService,
    private readonly metrics: IngestMetrics,
    private readonly bus: DomainEventBus,
  ) {
    this.received = {
      telemetry: metrics.messagesReceived.labels('telemetry'),
      events: metrics.messagesReceived.labels('events'),
      status: metrics.messagesReceived.labels('status'),
      unknown: metrics.messagesReceived.labels('unknown'),
    };
    this.decoder = new MessageDecoder({ ...config.ingest, deadLetterPayloadBytes: 1024 });
    this.buffer = new WriteBuffer(
      store,
      {
        batchSize: config.write.batchSize,
        flushIntervalMs: config.write.flushIntervalMs,
        highWater: config.write.queueHighWater,
      },
      {
        written: (points, events, seconds) => {
          metrics.pointsWritten.inc(points.length);
          metrics.eventsWritten.inc(events.length);
          metrics.writeBatches.inc({ outcome: 'ok' });
          metrics.writeDuration.observe(seconds);
          this.publishStored(points, events);
        },
        failed: (err, records, retryInMs) => {
          metrics.writeBatches.inc({ outcome: 'error' });
          this.logger.error({ err, records, retryInMs }, 'store write failed; batch kept for retry');
        },
      },
    );
    metrics.setQueueDepthSource(() => this.buffer.depth);
  }

  get connected(): boolean {
    return this.subscriber?.connected ?? false;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { mqtt } = this.config;
    const external = mqtt.url !== null;
    const url = mqtt.url ?? this.broker.localUrl();
    this.subscriber = new MqttSubscriber({
      url,
      // a stable id with an external broker: its persistent session keeps what arrives while we restart
      clientId:
        mqtt.clientId ??
        (external ? `svc-ingest-${hostname()}` : `svc-ingest-${randomBytes(4).toString('hex')}`),
      persistentSession: external,
      maxUnacked: MAX_UNACKED,
      // the platform's own credential on its embedded broker
      ...(external
        ? {
            username: mqtt.username,
            password: mqtt.password,
            ca: mqtt.caFile ? readFileSync(mqtt.caFile) : undefined,
          }
        : this.broker.localCredentials()),
      qos: mqtt.qos,
      // aedes has no shared subscriptions; one embedded broker feeds one service
      topics: ingestSubscriptions(external ? (mqtt.shareGroup ?? undefined) : undefined),
      onMessage: (topic, payload, qos) => this.handle(topic, payload, qos),
      onConnectionChange: (up) => {
        this.metrics.brokerConnected.set(up ? 1 : 0);
        this.logger.log({ url: redact(url), connected: up }, 'broker connection');
      },
    });
    this.heardTimer = setInterval(() => this.flushHeard(), HEARD_FLUSH_MS);
    this.heardTimer.unref();
    await this.subscriber.start();
  }

  /**
   * Handles one message; never throws. `durable` settles when its data is stored
   * (QoS 1: the acknowledgement waits for it); `resume` when ingest may read on.
   */
  handle(topic: string, payload: Buffer, qos = 0): MessageHandling {
    const receivedAt = Date.now();
    try {
      const decoded = this.decoder.decode(topic, payload, receivedAt);
      this.received[decoded.kind ?? 'unknown'].inc();
      if (decoded.rejects.length) this.bus.publish('input.rejected', { records: decoded.rejects });
      if (decoded.deviceId && (decoded.points.length || decoded.events.length || decoded.status)) {
        this.heard.set(decoded.deviceId, receivedAt);
      }
      const events: EventRecord[] = decoded.events;
      if (decoded.status) {
        const status = decoded.status;
        events.push({ deviceId: status.deviceId, ts: status.ts, type: `device.${status.state}` });
        this.bus.publish('device.status-changed', status);
      }
      let durable: Promise<void> | undefined;
      if (decoded.points.length || events.length) {
        if (qos > 0) durable = this.buffer.addDurable(decoded.points, events);
        else this.buffer.add(decoded.points, events);
      }
      return { durable, resume: this.buffer.whenBelowHighWater() };
    } catch (err) {
      const deviceId = parseDeviceTopic(topic)?.deviceId;
      this.logger.error({ err, deviceId, topic }, 'message handling failed');
      this.bus.publish('input.rejected', {
        records: [
          {
            receivedAt,
            reason: 'internal_error',
            detail: String((err as Error)?.message ?? err).slice(0, 200),
            topic,
            deviceId,
            payload: payload.subarray(0, 1024).toString('utf8'),
            payloadBytes: payload.length,
          },
        ],
      });
      return {};
    }
  }

  /** What a durable batch brought, per device, for whoever listens. */
  private publishStored(points: readonly TelemetryPoint[], events: readonly EventRecord[]): void {
    if (events.length && this.bus.hasListeners('events.stored'))
      this.bus.publish('events.stored', { events: events.slice() });
    if (!points.length || !this.bus.hasListeners('telemetry.stored')) return;
    const byDevice = new Map<string, StoredTelemetry>();
    for (const p of points) {
      const s = byDevice.get(p.deviceId);
      if (!s) byDevice.set(p.deviceId, { deviceId: p.deviceId, from: p.ts, to: p.ts, points: 1 });
      else {
        if (p.ts < s.from) s.from = p.ts;
        if (p.ts > s.to) s.to = p.ts;
        s.points++;
      }
    }
    this.bus.publish('telemetry.stored', { devices: [...byDevice.values()] });
  }

  private flushHeard(): void {
    if (!this.heard.size) return;
    const lastHeard = this.heard;
    this.heard = new Map();
    this.bus.publish('devices.heard', { lastHeard });
  }

  /**
   * The first shutdown hook: ingest stops and its last facts reach the listeners
   * before any feature flushes or closes (their hooks come later).
   */
  async onModuleDestroy(): Promise<void> {
    // stop taking messages first, then write what was accepted
    await this.subscriber?.stop();
    if (this.heardTimer) clearInterval(this.heardTimer);
    await this.buffer.close();
    this.flushHeard();
    // the listeners finish with what was published (devices seen, dead letters, …)
    await this.bus.whenIdle();
    this.logger.log('ingest stopped; buffer flushed');
  }
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
