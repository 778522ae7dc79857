import { Controller, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { parseBoolean, parseEnum } from '../common/http/query-params.js';
import {
  HistoryImportService,
  UNKNOWN_COMPONENT_POLICIES,
  type HistoryImportReport,
} from './history-import.service.js';

@ApiTags('history import')
@Controller('api/v1/history')
export class HistoryImportController {
  constructor(private readonly imports: HistoryImportService) {}

  @Post('import')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Import past events and telemetry from a CSV export (streamed). Idempotent; bad rows are reported by line ' +
      'and the good ones kept. Mapping format: docs/history-import.md',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiQuery({ name: 'mapping', required: true, description: 'JSON: which column is the device, the time, …' })
  @ApiQuery({ name: 'allowUnknownDevices', required: false, enum: ['true', 'false'] })
  @ApiQuery({
    name: 'unknownComponents',
    required: false,
    enum: UNKNOWN_COMPONENT_POLICIES,
    description: 'a component the model does not list: refuse the row (default), or take it with a warning',
  })
  import(
    @Req() req: Request,
    @Query('mapping') mapping?: string,
    @Query('allowUnknownDevices') allowUnknown?: string,
    @Query('unknownComponents') unknownComponents?: string,
  ): Promise<HistoryImportReport> {
    if (!req.is('text/csv'))
      throw new DomainError(ErrorCode.InvalidArgument, 'send the file as text/csv (Content-Type: text/csv)');
    const parsed = this.imports.parseMapping(mapping);
    return this.imports.importCsv(parsed, req, {
      allowUnknownDevices: parseBoolean('allowUnknownDevices', allowUnknown),
      unknownComponents: parseEnum(
        'unknownComponents',
        unknownComponents,
        UNKNOWN_COMPONENT_POLICIES,
        'refuse',
      ),
    });
  }
}
