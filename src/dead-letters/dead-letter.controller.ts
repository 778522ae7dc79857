import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Static } from '@sinclair/typebox';
import { TypedQuery, TypedResponse } from '../common/http/typed-api.js';
import { DEAD_LETTER_CSV_COLUMNS, DeadLetterPage, DeadLetterQuery } from './dead-letter.dto.js';
import { DeadLetterQueryService } from './dead-letter-query.service.js';

@ApiTags('dead letters')
@Controller('api/v1/dead-letters')
export class DeadLetterController {
  constructor(private readonly deadLetters: DeadLetterQueryService) {}

  @Get()
  @ApiOperation({ summary: 'Rejected input, newest first, with reason, topic and truncated payload' })
  @TypedResponse(DeadLetterPage, { csv: { columns: DEAD_LETTER_CSV_COLUMNS } })
  list(@TypedQuery(DeadLetterQuery) q: DeadLetterQuery): Promise<Static<typeof DeadLetterPage>> {
    return this.deadLetters.list(q);
  }
}
