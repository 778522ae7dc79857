import { Logger } from '@nestjs/common';
import type { DeadLetter } from '../../ports/records.js';
import type { MetricsService } from '../metrics/metrics.service.js';
import type { SpoolStats } from './disk-spool.js';
import type { InfluxStoreObserver } from './influx-telemetry.store.js';

const PAYLOAD_BYTES = 4096;

/** Where refused lines go: published as `input.rejected`, kept by the dead-letters feature. */
export type DeadLetterSink = (records: readonly DeadLetter[]) => void;

/** The InfluxDB store's reports as metrics, dead letters and logs. */
export class InfluxStoreReporter implements InfluxStoreObserver {
  private readonly logger = new Logger('InfluxStore');

  constructor(
    private readonly metrics: MetricsService,
    private readonly deadLetters: DeadLetterSink,
  ) {}

  quarantined(lines: readonly string[], reason: string): void {
    this.metrics.influxQuarantinedLines.inc(lines.length);
    this.metrics.rejected.inc({ reason: 'store_rejected' }, lines.length);
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
      },
    ]);
  }

  spoolChanged(s: SpoolStats): void {
    this.metrics.influxSpoolLines.set(s.lines);
    this.metrics.influxSpoolBytes.set(s.bytes);
    this.metrics.influxSpoolOldestTs.set(s.oldestTs === null ? 0 : s.oldestTs / 1000);
    this.metrics.influxSpoolFull.set(s.full ? 1 : 0);
  }

  replayed(lines: number): void {
    this.metrics.influxReplayedLines.inc(lines);
  }

  unavailable(reason: string): void {
    this.logger.warn({ reason }, 'InfluxDB is not taking writes: batches go to the disk spool');
  }

  recovered(): void {
    this.logger.log('InfluxDB takes writes again: the spool is replayed and empty');
  }

  spoolFull(s: SpoolStats): void {
    this.metrics.influxSpoolFull.set(1);
    this.logger.error(
      { lines: s.lines, bytes: s.bytes, oldestTs: s.oldestTs },
      'InfluxDB spool FULL: ingest is held back until InfluxDB takes writes again (raise INFLUX_SPOOL_MAX_BYTES or fix InfluxDB)',
    );
  }
}
