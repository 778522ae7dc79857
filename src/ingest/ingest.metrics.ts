import { Injectable } from '@nestjs/common';
import type { Gauge } from 'prom-client';
import { MetricsService } from '../infrastructure/metrics/metrics.service.js';

/** What an operator graphs about ingest: messages in, points and events written, queue, broker link. */
@Injectable()
export class IngestMetrics {
  readonly messagesReceived;
  readonly pointsWritten;
  readonly eventsWritten;
  readonly writeBatches;
  readonly writeDuration;
  readonly brokerConnected;
  private queueDepthSource: () => number = () => 0;

  constructor(metrics: MetricsService) {
    this.messagesReceived = metrics.counter({
      name: 'fleet_mqtt_messages_received_total',
      help: 'MQTT messages received by ingest, by message kind (telemetry, events, status, unknown).',
      labelNames: ['kind'] as const,
    });
    this.pointsWritten = metrics.counter({
      name: 'fleet_store_points_written_total',
      help: 'Telemetry points written to the store.',
    });
    this.eventsWritten = metrics.counter({
      name: 'fleet_store_events_written_total',
      help: 'Device events written to the store.',
    });
    this.writeBatches = metrics.counter({
      name: 'fleet_store_write_batches_total',
      help: 'Store write batches, by outcome (ok, error).',
      labelNames: ['outcome'] as const,
    });
    this.writeDuration = metrics.histogram({
      name: 'fleet_store_write_duration_seconds',
      help: 'Time to write one batch to the store.',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    });
    this.brokerConnected = metrics.gauge({
      name: 'fleet_mqtt_connected',
      help: '1 while the ingest client is connected to the broker.',
    });
    const depth: Gauge = metrics.gauge({
      name: 'fleet_ingest_queue_depth',
      help: 'Points and events accepted and waiting to be written.',
      // read at scrape time, so the hot path never touches the gauge
      collect: (): void => depth.set(this.queueDepthSource()),
    });
  }

  /** Points and events waiting to be written, now. */
  get queueDepth(): number {
    return this.queueDepthSource();
  }

  setQueueDepthSource(source: () => number): void {
    this.queueDepthSource = source;
  }
}
