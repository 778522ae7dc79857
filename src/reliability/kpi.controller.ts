import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Static } from '@sinclair/typebox';
import { TypedQuery, TypedResponse } from '../common/http/typed-api.js';
import {
  KPI_CSV_COLUMNS,
  KpiAnswerSchema,
  KpiQuery,
  KpiRefreshQuery,
  KpiRunSummarySchema,
  kpiCsvRows,
  type KpiAnswerDto,
} from './kpi.dto.js';
import { KpiLedgerService } from './kpi-ledger.service.js';
import { KpiQueryService } from './kpi-query.service.js';

// the answer's format is the CSV interceptor's business, not the query service's
const withoutFormat = ({ format: _format, ...params }: KpiQuery): Omit<KpiQuery, 'format'> => params;

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
  @TypedResponse(KpiAnswerSchema, { errors: [404, 422], csv: { columns: KPI_CSV_COLUMNS, rows: kpiCsvRows } })
  get(@TypedQuery(KpiQuery) q: KpiQuery): Promise<KpiAnswerDto> {
    return this.query.kpis(withoutFormat(q));
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Bring the KPI ledger up to date now (it also runs on a schedule); rebuild=true recomputes all history',
  })
  @TypedResponse(KpiRunSummarySchema)
  refresh(
    @TypedQuery(KpiRefreshQuery) q: Static<typeof KpiRefreshQuery>,
  ): Promise<Static<typeof KpiRunSummarySchema>> {
    return this.ledger.refresh({ rebuild: q.rebuild === 'true' });
  }
}
