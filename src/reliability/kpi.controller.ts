import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { parseBoolean } from '../common/http/query-params.js';
import { KPI_SCOPES } from '../ports/telemetry-store.port.js';
import { KpiLedgerService, type KpiRunSummary } from './kpi-ledger.service.js';
import { KPI_INTERVALS, KpiQueryService, type KpiAnswer, type KpiQueryParams } from './kpi-query.service.js';

@ApiTags('reliability')
@Controller('api/v1/kpis')
export class KpiController {
  constructor(
    private readonly query: KpiQueryService,
    private readonly ledger: KpiLedgerService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'MTBF, MTTR, availability, MCBF and failure counts of a scope over a window of whole UTC days; ' +
      'with interval, the trend over consecutive windows. Definitions: docs/kpis.md',
  })
  @ApiQuery({ name: 'scope', required: false, enum: KPI_SCOPES, description: 'default fleet' })
  @ApiQuery({ name: 'id', required: false, description: 'device, model, component, customer or site id' })
  @ApiQuery({
    name: 'from',
    required: false,
    description: 'UTC midnight, e.g. 2026-01-01; default 30 days before to',
  })
  @ApiQuery({ name: 'to', required: false, description: 'UTC midnight, exclusive; default the end of today' })
  @ApiQuery({ name: 'interval', required: false, enum: KPI_INTERVALS })
  get(@Query() q: KpiQueryParams): Promise<KpiAnswer> {
    return this.query.kpis(q);
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Bring the KPI ledger up to date now (it also runs on a schedule); rebuild=true recomputes all history',
  })
  @ApiQuery({ name: 'rebuild', required: false, enum: ['true', 'false'] })
  refresh(@Query('rebuild') rebuild?: string): Promise<KpiRunSummary> {
    return this.ledger.refresh({ rebuild: parseBoolean('rebuild', rebuild) ?? false });
  }
}
