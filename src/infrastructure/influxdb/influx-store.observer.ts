import { Logger } from '@nestjs/common';
import type { DeadLetter } from '../../ports/records.js';
import type { MetricsService } from '../metrics/metrics.service.js';
import type { SpoolStats } from './disk-spool.js';
import type { InfluxStoreObserver } from './influx-telemetry.store.js';

const PAYLOAD_BYTES = 4096;

/** Where refused lines go: published as `input.rejected`, kept by the dead-letters feature. */
export type DeadLetterSink = (records: readonly DeadLetter[]) => void;

/** The spool and the lines InfluxDB refused, as an operator graphs them. */
function influxMetrics(metrics: MetricsService) {
  return {
    spoolLines: metrics.gauge({
      name: 'fleet_influx_spool_lines',
      help: 'Lines (points, events, KPI rows) in the InfluxDB disk spool, waiting to be replayed.',
    }),
    spoolBytes: metrics.gauge({
      name: 'fleet_influx_spool_bytes',
      help: 'Bytes in the InfluxDB disk spool.',
    }),
    spoolOldestTs: metrics.gauge({
      name: 'fleet_influx_spool_oldest_point_timestamp_seconds',
      help: 'Time of the oldest point in the spool (0 when empty); now minus this is how far behind InfluxDB is.',
    }),
    spoolFull: metrics.gauge({
      name: 'fleet_influx_spool_full',
      help: '1 while the spool is full and ingest is held back.',
    }),
    replayedLines: metrics.counter({
      name: 'fleet_influx_replayed_lines_total',
      help: 'Spooled lines delivered to InfluxDB; its rate is the replay rate.',
    }),
    quarantinedLines: metrics.counter({
      name: 'fleet_influx_quarantined_lines_total',
      help: 'Lines InfluxDB refused as malformed (4xx): dead-lettered, not retried.',
    }),
  };
}

/** The InfluxDB store's reports as metrics, dead letters and logs. */
export class InfluxStoreReporter implements InfluxStoreObserver {
  private readonly logger = new Logger('InfluxStore');
  private readonly metrics: ReturnType<typeof influxMetrics>;

  constructor(
    metrics: MetricsService,
    private readonly deadLetters: DeadLetterSink,
  ) {
    this.metrics = influxMetrics(metrics);
  }

  quarantined(lines: readonly string[], reason: string): void {
    this.metrics.quarantinedLines.inc(lines.length);
    const payload = lines.join('\n');
    this.logger.error(
      { lines: lines.length, reason },
      'InfluxDB refused a batch as malformed: dead-lettered',
    );
    this.deadLetters([
      {
        receivedAt: Date.now(),
        reason: 'store_rejected',
        detail: `InfluxDB refused ${lines.length} lines: ${reason}`.slice(0, 1000),
        topic: 'influxdb/write',
        payload: payload.slice(0, PAYLOAD_BYTES),
        payloadBytes: Buffer.byteLength(payload),
        items: lines.length,
      },
    ]);
  }

  spoolChanged(s: SpoolStats): void {
    this.metrics.spoolLines.set(s.lines);
    this.metrics.spoolBytes.set(s.bytes);
    this.metrics.spoolOldestTs.set(s.oldestTs === null ? 0 : s.oldestTs / 1000);
    this.metrics.spoolFull.set(s.full ? 1 : 0);
  }

  replayed(lines: number): void {
    this.metrics.replayedLines.inc(lines);
  }

  unavailable(reason: string): void {
    this.logger.warn({ reason }, 'InfluxDB is not taking writes: batches go to the disk spool');
  }

  recovered(): void {
    this.logger.log('InfluxDB takes writes again: the spool is replayed and empty');
  }

  spoolFull(s: SpoolStats): void {
    this.metrics.spoolFull.set(1);
    this.logger.error(
      { lines: s.lines, bytes: s.bytes, oldestTs: s.oldestTs },
      'InfluxDB spool FULL: ingest is held back until InfluxDB takes writes again (raise INFLUX_SPOOL_MAX_BYTES or fix InfluxDB)',
    );
  }
}
