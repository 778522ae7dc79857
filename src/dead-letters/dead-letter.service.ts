import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { DeadLettersMetrics } from './dead-letters.metrics.js';
import {
  DEAD_LETTER_REPOSITORY,
  type DeadLetterQuery,
  type DeadLetterRepository,
} from './dead-letter.repository.js';
import type { DeadLetter, StoredDeadLetter } from '../ports/records.js';

const FLUSH_INTERVAL_MS = 250;
const MAX_PENDING = 10_000;

/**
 * Records rejected input. Counts each record at once and writes them in batches,
 * so a flood of bad messages costs one transaction per interval, not one per message.
 */
@Injectable()
export class DeadLetterService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeadLetterService.name);
  private pending: DeadLetter[] = [];
  private dropped = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(DEAD_LETTER_REPOSITORY) private readonly repository: DeadLetterRepository,
    private readonly metrics: DeadLettersMetrics,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  record(records: readonly DeadLetter[]): void {
    for (const r of records) {
      this.metrics.rejected.inc({ reason: r.reason }, r.items ?? 1);
      // the records are for inspection; under a flood keep counting but cap the memory
      if (this.pending.length < MAX_PENDING) this.pending.push(r);
      else this.dropped++;
    }
  }

  async flush(): Promise<void> {
    if (!this.pending.length) return;
    const batch = this.pending;
    this.pending = [];
    try {
      await this.repository.add(batch);
    } catch (err) {
      this.logger.error({ err, records: batch.length }, 'could not store dead letters');
    }
    if (this.dropped) {
      this.logger.warn({ dropped: this.dropped }, 'dead-letter flood: records counted but not stored');
      this.dropped = 0;
    }
  }

  list(query: DeadLetterQuery): Promise<StoredDeadLetter[]> {
    return this.repository.list(query);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }
}
