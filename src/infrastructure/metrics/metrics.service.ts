import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DEAD_LETTER_REASONS } from '../../ports/records.js';

/**
 * Prometheus metrics an operator graphs. One registry per app instance, so two
 * instances in one process (tests, benchmarks) keep their own counts.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly messagesReceived = new Counter({
    name: 'fleet_mqtt_messages_received_total',
    help: 'MQTT messages received by ingest, by message kind (telemetry, events, status, unknown).',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  readonly rejected = new Counter({
    name: 'fleet_ingest_rejected_total',
    help: 'Rejected items (dead letters), by reason.',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  readonly httpRejected = new Counter({
    name: 'fleet_http_rejected_total',
    help: 'HTTP requests answered with an error, by status and error code.',
    labelNames: ['status', 'error'] as const,
    registers: [this.registry],
  });
  readonly registryBirths = new Counter({
    name: 'fleet_registry_births_total',
    help: 'Birth messages of devices not in the registry: registered, or left unknown (and why).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly importRows = new Counter({
    name: 'fleet_import_rows_total',
    help: 'Rows of registry and history imports, by import kind and outcome (accepted, rejected).',
    labelNames: ['kind', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly kpiRefreshSeconds = new Histogram({
    name: 'fleet_kpi_refresh_duration_seconds',
    help: 'Time one incremental KPI ledger run took.',
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
    registers: [this.registry],
  });
  readonly kpiRefreshFailures = new Counter({
    name: 'fleet_kpi_refresh_failures_total',
    help: 'KPI ledger runs that failed (retried at the next interval).',
    registers: [this.registry],
  });
  readonly kpiComputedThrough = new Gauge({
    name: 'fleet_kpi_computed_through_timestamp_seconds',
    help: 'Time the KPI ledger is computed up to; now minus this is how stale the KPIs are.',
    registers: [this.registry],
  });
  readonly influxSpoolLines = new Gauge({
    name: 'fleet_influx_spool_lines',
    help: 'Lines (points, events, KPI rows) in the InfluxDB disk spool, waiting to be replayed.',
    registers: [this.registry],
  });
  readonly influxSpoolBytes = new Gauge({
    name: 'fleet_influx_spool_bytes',
    help: 'Bytes in the InfluxDB disk spool.',
    registers: [this.registry],
  });
  readonly influxSpoolOldestTs = new Gauge({
    name: 'fleet_influx_spool_oldest_point_timestamp_seconds',
    help: 'Time of the oldest point in the spool (0 when empty); now minus this is how far behind InfluxDB is.',
    registers: [this.registry],
  });
  readonly influxSpoolFull = new Gauge({
    name: 'fleet_influx_spool_full',
    help: '1 while the spool is full and ingest is held back.',
    registers: [this.registry],
  });
  readonly influxReplayedLines = new Counter({
    name: 'fleet_influx_replayed_lines_total',
    help: 'Spooled lines delivered to InfluxDB; its rate is the replay rate.',
    registers: [this.registry],
  });
  readonly influxQuarantinedLines = new Counter({
    name: 'fleet_influx_quarantined_lines_total',
    help: 'Lines InfluxDB refused as malformed (4xx): dead-lettered, not retried.',
    registers: [this.registry],
  });
  readonly pointsWritten = new Counter({
    name: 'fleet_store_points_written_total',
    help: 'Telemetry points written to the store.',
    registers: [this.registry],
  });
  readonly eventsWritten = new Counter({
    name: 'fleet_store_events_written_total',
    help: 'Device events written to the store.',
    registers: [this.registry],
  });
  readonly writeBatches = new Counter({
    name: 'fleet_store_write_batches_total',
    help: 'Store write batches, by outcome (ok, error).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly writeDuration = new Histogram({
    name: 'fleet_store_write_duration_seconds',
    help: 'Time to write one batch to the store.',
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private queueDepthSource: () => number = () => 0;
  readonly queueDepth: Gauge = new Gauge({
    name: 'fleet_ingest_queue_depth',
    help: 'Points and events accepted and waiting to be written.',
    registers: [this.registry],
    collect: (): void => this.queueDepth.set(this.queueDepthSource()),
  });
  readonly brokerConnected = new Gauge({
    name: 'fleet_mqtt_connected',
    help: '1 while the ingest client is connected to the broker.',
    registers: [this.registry],
  });
  readonly brokerClients = new Gauge({
    name: 'fleet_broker_clients',
    help: 'Clients connected to the embedded broker.',
    registers: [this.registry],
  });

  /** Read at scrape time, so the hot path never touches the gauge. */
  setQueueDepthSource(source: () => number): void {
    this.queueDepthSource = source;
  }

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'fleet_' });
    // every reason shows up at 0 before its first reject, so alerts can use rate()
    for (const reason of DEAD_LETTER_REASONS) this.rejected.inc({ reason }, 0);
  }
}
