import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { Page } from '../common/http/paged-response.js';
import { checkLimit, decodeCursor, encodeCursor } from '../common/http/query-params.js';
import type { StoredDeadLetter } from '../ports/records.js';
import type { DeadLetterQuery } from './dead-letter.dto.js';
import { DeadLetterService } from './dead-letter.service.js';

@Injectable()
export class DeadLetterQueryService {
  constructor(
    private readonly deadLetters: DeadLetterService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(q: DeadLetterQuery): Promise<Page<StoredDeadLetter>> {
    const limit = checkLimit(q.limit, 100, this.config.apiMaxPoints);
    const reason = q.reason;
    const before = decodeCursor(q.cursor, (v): v is number => typeof v === 'number');
    // records still in the write batch become visible here too
    await this.deadLetters.flush();
    const data = await this.deadLetters.list({ reason, deviceId: q.deviceId || undefined, limit, before });
    return { data, nextCursor: data.length === limit ? encodeCursor(data[data.length - 1].id) : null };
  }
}
