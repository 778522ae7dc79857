import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { parseBoolean } from '../common/http/query-params.js';
import { KPI_SCOPES } from '../ports/telemetry-store.port.js';
import type { KpiRunSummary } from './kpi-ledger.service.js';
import { KPI_INTERVALS, KpiQueryService, type KpiAnswer, type KpiQueryParams } from './kpi-query.service.js';
import type { KpiRefreshJob } from './kpi-refresh-job.repository.js';
import { DEFAULT_REFRESH_WAIT_MS, KpiRefreshService, MAX_REFRESH_WAIT_MS } from './kpi-refresh.service.js';

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
  @ApiQuery({ name: 'scope', required: false, enum: KPI_SCOPES, description: 'default fleet' })
  @ApiQuery({ name: 'id', required: false, description: 'device, model, component, customer or site id' })
  @ApiQuery({
    name: 'from',
    required: false,
    description: 'on the hour, e.g. 2026-01-01 or 2026-01-01T06:00 (in tz); default 30 days before to',
  })
  @ApiQuery({
    name: 'to',
    required: false,
    description: 'on the hour, exclusive; default the end of today (in tz)',
  })
  @ApiQuery({ name: 'interval', required: false, enum: KPI_INTERVALS })
  @ApiQuery({ name: 'tz', required: false, description: 'IANA time zone, e.g. Europe/Paris; default UTC' })
  get(@Query() q: KpiQueryParams): Promise<KpiAnswer> {
    return this.query.kpis(q);
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Bring the KPI ledger up to date now (it also runs on a schedule); rebuild=true recomputes all history. ' +
      'Answers the run summary, or 202 with a job to poll when it takes longer than wait ms',
  })
  @ApiQuery({ name: 'rebuild', required: false, enum: ['true', 'false'] })
  @ApiQuery({
    name: 'wait',
    required: false,
    description: `ms to wait before answering 202; default ${DEFAULT_REFRESH_WAIT_MS}`,
  })
  async refresh(
    @Res({ passthrough: true }) res: Response,
    @Query('rebuild') rebuild?: string,
    @Query('wait') wait?: string,
  ): Promise<(KpiRunSummary & { jobId: string }) | KpiRefreshJob> {
    const job = await this.refreshes.request(parseBoolean('rebuild', rebuild) ?? false, parseWait(wait));
    if (job.status === 'succeeded') return { ...job.summary!, jobId: job.jobId };
    if (job.status === 'failed') throw new Error(job.error ?? 'KPI refresh failed');
    res.status(202).location(`/api/v1/kpis/refresh/jobs/${job.jobId}`);
    return job;
  }

  @Get('refresh/jobs/:id')
  @ApiOperation({ summary: 'A KPI refresh job: running, succeeded (with its summary) or failed (with why)' })
  @ApiParam({ name: 'id' })
  job(@Param('id') id: string): Promise<KpiRefreshJob> {
    return this.refreshes.get(id);
  }
}

function parseWait(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_REFRESH_WAIT_MS;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n > MAX_REFRESH_WAIT_MS)
    throw new DomainError(
      ErrorCode.InvalidArgument,
      `wait must be ms from 0 to ${MAX_REFRESH_WAIT_MS}, got "${raw}"`,
    );
  return n;
}
