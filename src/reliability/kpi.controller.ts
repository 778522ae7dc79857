import { Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Static } from '@sinclair/typebox';
import type { Response } from 'express';
import { refOf } from '../common/http/openapi-schemas.js';
import { TypedParams, TypedQuery, TypedResponse } from '../common/http/typed-api.js';
import {
  KPI_CSV_COLUMNS,
  KpiAnswerSchema,
  KpiQuery,
  KpiRefreshJobParams,
  KpiRefreshJobSchema,
  KpiRefreshQuery,
  KpiRefreshAnswerSchema,
  kpiCsvRows,
  type KpiAnswerDto,
} from './kpi.dto.js';
import { KpiQueryService } from './kpi-query.service.js';
import { DEFAULT_REFRESH_WAIT_MS, KpiRefreshService } from './kpi-refresh.service.js';
import { RequireRole } from '../api-keys/require-role.decorator.js';

// the answer's format is the CSV interceptor's business, not the query service's
const withoutFormat = ({ format: _format, ...params }: KpiQuery): Omit<KpiQuery, 'format'> => params;

@ApiTags('reliability')
@Controller('api/v1/kpis')
export class KpiController {
  constructor(
    private readonly query: KpiQueryService,
    private readonly refreshes: KpiRefreshService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'MTBF, MTTR, availability, MCBF and failure counts of a scope over a window of whole hours; ' +
      'with interval, the trend over consecutive days, weeks or months in a time zone. Definitions: docs/kpis.md',
  })
  @TypedResponse(KpiAnswerSchema, { errors: [404, 422], csv: { columns: KPI_CSV_COLUMNS, rows: kpiCsvRows } })
  get(@TypedQuery(KpiQuery) q: KpiQuery): Promise<KpiAnswerDto> {
    return this.query.kpis(withoutFormat(q));
  }

  @RequireRole('analyst')
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Bring the KPI ledger up to date now (it also runs on a schedule); rebuild=true recomputes all history. ' +
      'Answers the run summary, or 202 with a job to poll (Location) when the run outlasts wait ms',
  })
  @TypedResponse(KpiRefreshAnswerSchema)
  @ApiResponse({
    status: 202,
    description: 'Still running: poll the job at Location',
    content: { 'application/json': { schema: refOf(KpiRefreshJobSchema) } },
  })
  async refresh(
    @Res({ passthrough: true }) res: Response,
    @TypedQuery(KpiRefreshQuery) q: Static<typeof KpiRefreshQuery>,
  ): Promise<Static<typeof KpiRefreshAnswerSchema> | Static<typeof KpiRefreshJobSchema>> {
    const job = await this.refreshes.request(q.rebuild === 'true', q.wait ?? DEFAULT_REFRESH_WAIT_MS);
    if (job.status === 'succeeded') return { ...job.summary!, jobId: job.jobId };
    if (job.status === 'failed') throw new Error(job.error ?? 'KPI refresh failed');
    res.status(202).location(`/api/v1/kpis/refresh/jobs/${job.jobId}`);
    return job;
  }

  @Get('refresh/jobs/:jobId')
  @ApiOperation({ summary: 'A KPI refresh job: running, succeeded (with its summary) or failed (with why)' })
  @TypedResponse(KpiRefreshJobSchema, { errors: [404] })
  job(
    @TypedParams(KpiRefreshJobParams) p: Static<typeof KpiRefreshJobParams>,
  ): Promise<Static<typeof KpiRefreshJobSchema>> {
    return this.refreshes.get(p.jobId);
  }
}
