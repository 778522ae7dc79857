import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequireRole } from '../api-keys/require-role.decorator.js';
import { sendPage } from '../common/http/paged-response.js';
import {
  decodeCursor,
  encodeCursor,
  parseFormat,
  parseLimit,
  parseTime,
} from '../common/http/query-params.js';
import { AuditService } from './audit.service.js';

const COLUMNS = ['id', 'at', 'actor', 'actorName', 'role', 'action', 'target', 'status', 'source'] as const;

@ApiTags('audit')
@RequireRole('admin')
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({
    summary: 'Every write, newest first: who (key), what (method and route), when, and the outcome',
  })
  @ApiQuery({ name: 'actor', required: false, description: 'api-key:key-…, provisioning-key:pk-…, cli' })
  @ApiQuery({ name: 'from', required: false })
  @ApiQuery({ name: 'to', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] })
  @ApiProduces('application/json', 'text/csv')
  async list(
    @Query() q: Record<string, string | undefined>,
    @Headers('accept') accept: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const limit = parseLimit(q.limit, 100, 1000);
    const before = decodeCursor(q.cursor, (v): v is number => Number.isInteger(v));
    const data = await this.audit.list({
      actor: q.actor || undefined,
      from: q.from ? parseTime('from', q.from, 0) : undefined,
      to: q.to ? parseTime('to', q.to, 0) : undefined,
      before,
      limit,
    });
    const last = data[data.length - 1];
    const nextCursor = data.length === limit && last?.id !== undefined ? encodeCursor(last.id) : null;
    sendPage(res, parseFormat(q.format, accept), { data, nextCursor }, COLUMNS);
  }
}
