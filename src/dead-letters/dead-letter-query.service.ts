import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { Page } from '../common/http/paged-response.js';
import { decodeCursor, encodeCursor, parseEnum, parseLimit } from '../common/http/query-params.js';
import { DEAD_LETTER_REASONS, type DeadLetterReason, type StoredDeadLetter } from '../ports/records.js';
import { DeadLetterService } from './dead-letter.service.js';

export interface DeadLetterParams {
  reason?: string;
  deviceId?: string;
  limit?: string;
  cursor?: string;
  format?: string;
}

@Injectable()
export class DeadLetterQueryService {
  constructor(
    private readonly deadLetters: DeadLetterService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(q: DeadLetterParams): Promise<Page<StoredDeadLetter>> {
    const limit = parseLimit(q.limit, 100, this.config.apiMaxPoints);
    const reason = q.reason
      ? parseEnum<DeadLetterReason>('reason', q.reason, DEAD_LETTER_REASONS, 'invalid_json')
      : undefined;
    const before = decodeCursor(q.cursor, (v): v is number => typeof v === 'number');
    // records still in the write batch become visible here too
    await this.deadLetters.flush();
    const data = await this.deadLetters.list({ reason, deviceId: q.deviceId || undefined, limit, before });
    return { data, nextCursor: data.length === limit ? encodeCursor(data[data.length - 1].id) : null };
  }
}
