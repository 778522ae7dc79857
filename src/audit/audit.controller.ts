import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Static } from '@sinclair/typebox';
import { RequireRole } from '../api-keys/require-role.decorator.js';
import { checkLimit, decodeCursor, encodeCursor, parseTime } from '../common/http/query-params.js';
import { TypedQuery, TypedResponse } from '../common/http/typed-api.js';
import { AUDIT_CSV_COLUMNS, AuditPage, AuditQuery } from './audit.dto.js';
import { AuditService } from './audit.service.js';

@ApiTags('audit')
@RequireRole('admin')
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({
    summary: 'Every write, newest first: who (key), what (method and route), when, and the outcome',
  })
  @TypedResponse(AuditPage, { csv: { columns: AUDIT_CSV_COLUMNS } })
  async list(@TypedQuery(AuditQuery) q: AuditQuery): Promise<Static<typeof AuditPage>> {
    const limit = checkLimit(q.limit, 100, 1000);
    const data = await this.audit.list({
      actor: q.actor,
      from: q.from === undefined ? undefined : parseTime('from', q.from, 0),
      to: q.to === undefined ? undefined : parseTime('to', q.to, 0),
      before: decodeCursor(q.cursor, (v): v is number => Number.isInteger(v)),
      limit,
    });
    const last = data[data.length - 1];
    return {
      data: data.map((e) => ({ ...e, id: e.id! })),
      nextCursor: data.length === limit && last?.id !== undefined ? encodeCursor(last.id) : null,
    };
  }
}
