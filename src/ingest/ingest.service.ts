import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { ingestSubscriptions, parseDeviceTopic, type MessageKind } from '../contract/index.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DeadLetterService } from '../dead-letters/dead-letter.service.js';
import { BrokerService } from '../infrastructure/broker/broker.service.js';
import { MqttSubscriber, type MessageHandling } from '../infrastructure/broker/mqtt-subscriber.js';
import { MetricsService } from '../infrastructure/metrics/metrics.service.js';
import { DEVICE_REPOSITORY, type DeviceRepository } from '../devices/device.repository.js';
import type { EventRecord, TelemetryPoint } from '../ports/records.js';
import { TELEMETRY_STORE, type TelemetryStore } from '../ports/telemetry-store.port.js';
import { MessageDecoder } from './message-decoder.js';
import { WriteBuffer } from './write-buffer.js';
import { RegistryService } from '../registry/registry.service.js';
import { KPI_STATE_REPOSITORY, type KpiStateRepository } from '../reliability/kpi-state.repository.js';
import { dayStart } from '../reliability/kpi-ledger.js';

const LAST_SEEN_FLUSH_MS = 1000;
/** QoS 1 messages read ahead of their acknowledgement (Telegraf: max_undelivered_messages). */
const MAX_UNACKED = 1000;

/**
 * Device → broker → store. The same code in both modes: an MQTT client subscribed
 * to the device topics of the embedded broker or of an external one.
 */
@Injectable()
export class IngestService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(IngestService.name);
  private readonly decoder: MessageDecoder;
  private readonly buffer: WriteBuffer;
  private subscriber: MqttSubscriber | null = null;
  private lastSeen = new Map<string, number>();
  /** Data older than this is late: the KPI ledger has computed its day already. */
  private lateBefore = -Infinity;
  private lateData = new Map<string, number>();
  private lastSeenTimer: NodeJS.Timeout | null = null;
  private statusChain: Promise<void> = Promise.resolve();
  /** Counter children bound once: label lookups per message add up at full rate. */
  private readonly received: Record<MessageKind | 'unknown', { inc: () => void }>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TELEMETRY_STORE) store: TelemetryStore,
    @Inject(DEVICE_REPOSITORY) private readonly devices: DeviceRepository,
    private readonly deadLetters: DeadLetterService,
    private readonly broker: BrokerService,
    private readonly metrics: MetricsService,
    private readonly registry: RegistryService,
    @Inject(KPI_STATE_REPOSITORY) private readonly kpiState: KpiStateRepository,
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
          metrics.pointsWritten.inc(points);
          metrics.eventsWritten.inc(events);
          metrics.writeBatches.inc({ outcome: 'ok' });
          metrics.writeDuration.observe(seconds);
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
      username: mqtt.username,
      password: mqtt.password,
      qos: mqtt.qos,
      // aedes has no shared subscriptions; one embedded broker feeds one service
      topics: ingestSubscriptions(external ? (mqtt.shareGroup ?? undefined) : undefined),
      onMessage: (topic, payload, qos) => this.handle(topic, payload, qos),
      onConnectionChange: (up) => {
        this.metrics.brokerConnected.set(up ? 1 : 0);
        this.logger.log({ url: redact(url), connected: up }, 'broker connection');
      },
    });
    this.lastSeenTimer = setInterval(() => void this.flushLastSeen(), LAST_SEEN_FLUSH_MS);
    this.lastSeenTimer.unref();
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
      if (decoded.rejects.length) this.deadLetters.record(decoded.rejects);
      if (decoded.deviceId && (decoded.points.length || decoded.events.length || decoded.status)) {
        this.lastSeen.set(decoded.deviceId, receivedAt);
      }
      const events: EventRecord[] = decoded.events;
      if (decoded.deviceId && this.lateBefore > -Infinity)
        this.noteLateData(decoded.deviceId, decoded.points, events);
      if (decoded.status) {
        const status = decoded.status;
        events.push({ deviceId: status.deviceId, ts: status.ts, type: `device.${status.state}` });
        this.statusChain = this.statusChain
          .then(() => this.devices.applyStatus(status))
          .then(() => this.registry.registerFromBirth(status))
          .catch((err: unknown) =>
            this.logger.error({ err, deviceId: status.deviceId, topic }, 'status not applied'),
          );
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
      this.deadLetters.record([
        {
          receivedAt,
          reason: 'internal_error',
          detail: String((err as Error)?.message ?? err).slice(0, 200),
          topic,
          deviceId,
          payload: payload.subarray(0, 1024).toString('utf8'),
          payloadBytes: payload.length,
        },
      ]);
      return {};
    }
  }

  private noteLateData(
    deviceId: string,
    points: readonly TelemetryPoint[],
    events: readonly EventRecord[],
  ): void {
    let earliest = Infinity;
    for (const p of points) if (p.ts < earliest) earliest = p.ts;
    for (const e of events) if (e.ts < earliest) earliest = e.ts;
    if (earliest < this.lateBefore)
      this.lateData.set(deviceId, Math.min(earliest, this.lateData.get(deviceId) ?? Infinity));
  }

  /** Hands late data to the KPI ledger, and learns how far it has got. */
  private async flushLateData(): Promise<void> {
    const marks = this.lateData;
    this.lateData = new Map();
    try {
      if (marks.size) await this.kpiState.markDirty(marks);
      const watermark = await this.kpiState.watermark();
      this.lateBefore = watermark === null ? -Infinity : dayStart(watermark);
    } catch (err) {
      this.logger.error({ err, devices: marks.size }, 'late data not handed to the KPI ledger');
      for (const [d, ts] of marks) this.lateData.set(d, Math.min(ts, this.lateData.get(d) ?? Infinity));
    }
  }

  private async flushLastSeen(): Promise<void> {
    await this.flushLateData();
    if (!this.lastSeen.size) return;
    const batch = this.lastSeen;
    this.lastSeen = new Map();
    try {
      await this.devices.touch(batch);
    } catch (err) {
      this.logger.error({ err, devices: batch.size }, 'last-seen update failed');
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    // stop taking messages first, then write what was accepted
    await this.subscriber?.stop();
    if (this.lastSeenTimer) clearInterval(this.lastSeenTimer);
    await this.buffer.close();
    await this.statusChain;
    await this.flushLastSeen();
    this.logger.log('ingest stopped; buffer flushed');
  }
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
