import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { sendPage } from '../common/http/paged-response.js';
import { parseFormat } from '../common/http/query-params.js';
import { DEAD_LETTER_REASONS } from '../ports/records.js';
import { DeadLetterQueryService, type DeadLetterParams } from './dead-letter-query.service.js';

const COLUMNS = [
  'id',
  'receivedAt',
  'reason',
  'detail',
  'topic',
  'deviceId',
  'payloadBytes',
  'payload',
] as const;

@ApiTags('dead letters')
@Controller('api/v1/dead-letters')
export class DeadLetterController {
  constructor(private readonly deadLetters: DeadLetterQueryService) {}

  @Get()
  @ApiOperation({ summary: 'Rejected input, newest first, with reason, topic and truncated payload' })
  @ApiQuery({ name: 'reason', required: false, enum: DEAD_LETTER_REASONS })
  @ApiQuery({ name: 'deviceId', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] })
  @ApiProduces('application/json', 'text/csv')
  async list(
    @Query() q: DeadLetterParams,
    @Headers('accept') accept: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    sendPage(res, parseFormat(q.format, accept), await this.deadLetters.list(q), COLUMNS);
  }
}
