import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Static } from '@sinclair/typebox';
import type { Request } from 'express';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { TypedQuery, TypedResponse } from '../common/http/typed-api.js';
import { HistoryImportQuery, HistoryImportReportSchema } from './history-import.dto.js';
import { HistoryImportService } from './history-import.service.js';
import { RequireRole } from '../api-keys/require-role.decorator.js';

@ApiTags('history import')
@Controller('api/v1/history')
export class HistoryImportController {
  constructor(private readonly imports: HistoryImportService) {}

  @RequireRole('analyst')
  @Post('import')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Import past events and telemetry from a CSV export (streamed). Idempotent; bad rows are reported by line ' +
      'and the good ones kept. Mapping format: docs/history-import.md',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', description: 'The CSV export, with a header line' } })
  @TypedResponse(HistoryImportReportSchema, { errors: [415, 503] })
  import(
    @Req() req: Request,
    @TypedQuery(HistoryImportQuery) q: HistoryImportQuery,
  ): Promise<Static<typeof HistoryImportReportSchema>> {
    if (!req.is('text/csv'))
      throw new DomainError(
        ErrorCode.UnsupportedMediaType,
        'send the file as text/csv (Content-Type: text/csv)',
      );
    const parsed = this.imports.parseMapping(q.mapping);
    return this.imports.importCsv(parsed, req, {
      allowUnknownDevices: q.allowUnknownDevices === 'true',
      unknownComponents: q.unknownComponents ?? 'refuse',
    });
  }
}
