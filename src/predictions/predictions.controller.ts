import { Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Static } from '@sinclair/typebox';
import type { Response } from 'express';
import { RequireRole } from '../api-keys/require-role.decorator.js';
import { refOf } from '../common/http/openapi-schemas.js';
import { TypedParams, TypedQuery, TypedResponse } from '../common/http/typed-api.js';
import { DeviceIdParams } from '../devices/devices.dto.js';
import { JobRunner } from '../infrastructure/jobs/job-runner.js';
import { PredictionQueryService } from './prediction-query.service.js';
import { PredictionScoringJob } from './prediction-scoring.job.js';
import type { ScoringRunSummary } from './prediction-scoring.service.js';
import { PredictionTrainingJob } from './prediction-training.job.js';
import {
  DevicePredictionQuery,
  DevicePredictionSchema,
  ModelListQuery,
  ModelRecordPage,
  ModelRecordSchema,
  ModelVersionParams,
  RISK_CSV_COLUMNS,
  RiskRankingPage,
  RiskRankingQuery,
  ScoringRunSchema,
  TrainQuery,
  TrainingRunSchema,
  riskCsvRows,
} from './predictions.dto.js';

const DEFAULT_TRAIN_WAIT_MS = 60_000;

// the answer's format is the CSV interceptor's business, not the query service's
const withoutFormat = ({ format: _format, ...params }: RiskRankingQuery): Omit<RiskRankingQuery, 'format'> =>
  params;

@ApiTags('predictions')
@Controller('api/v1/predictions')
export class PredictionsController {
  constructor(
    private readonly query: PredictionQueryService,
    private readonly training: PredictionTrainingJob,
    private readonly jobs: JobRunner,
  ) {}

  @Get('risk')
  @ApiOperation({
    summary:
      'The fleet ranked by failure risk: device × component, highest probability within the horizon first; ' +
      'filters by model, customer, site, component and alert. Definitions: docs/predictions.md',
  })
  @TypedResponse(RiskRankingPage, { csv: { columns: RISK_CSV_COLUMNS, rows: riskCsvRows } })
  ranking(@TypedQuery(RiskRankingQuery) q: RiskRankingQuery): Promise<Static<typeof RiskRankingPage>> {
    return this.query.ranking(withoutFormat(q));
  }

  @Get('devices/:deviceId')
  @ApiOperation({
    summary:
      "A device's components: failure risk per horizon, remaining life, evidence, reasons, and the risk series over [from, to) (default the last 90 days)",
  })
  @TypedResponse(DevicePredictionSchema, { errors: [404] })
  device(
    @TypedParams(DeviceIdParams) p: Static<typeof DeviceIdParams>,
    @TypedQuery(DevicePredictionQuery) q: DevicePredictionQuery,
  ): Promise<Static<typeof DevicePredictionSchema>> {
    return this.query.device(p.deviceId, q);
  }

  @Get('models')
  @ApiOperation({
    summary: 'Trained prediction models, newest first, with their backtest figures against the baselines',
  })
  @TypedResponse(ModelRecordPage)
  models(
    @TypedQuery(ModelListQuery) q: Static<typeof ModelListQuery>,
  ): Promise<Static<typeof ModelRecordPage>> {
    return this.query.listModels(q);
  }

  @Get('models/:version')
  @ApiOperation({ summary: 'One trained prediction model: its data, thresholds and backtest figures' })
  @TypedResponse(ModelRecordSchema, { errors: [404] })
  model(
    @TypedParams(ModelVersionParams) p: Static<typeof ModelVersionParams>,
  ): Promise<Static<typeof ModelRecordSchema>> {
    return this.query.model(p.version);
  }

  // model runs recompute: analysis (docs/security.md)
  @RequireRole('analyst')
  @Post('score')
  @HttpCode(200)
  @ApiOperation({ summary: 'Score failure risk now (it also runs on a schedule); answers the run summary' })
  @TypedResponse(ScoringRunSchema, { errors: [409] })
  score(): Promise<Static<typeof ScoringRunSchema>> {
    return this.jobs.runNow(PredictionScoringJob.jobName) as Promise<ScoringRunSummary>;
  }

  @RequireRole('analyst')
  @Post('train')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Train the prediction model now from the fleet history and record it (the job refits it when due); ' +
      'answers the run, or 202 when it outlasts wait ms (it goes on: see GET /api/v1/predictions/models)',
  })
  @TypedResponse(TrainingRunSchema, { errors: [409] })
  @ApiResponse({
    status: 202,
    description: 'Still training',
    content: { 'application/json': { schema: refOf(TrainingRunSchema) } },
  })
  async train(
    @Res({ passthrough: true }) res: Response,
    @TypedQuery(TrainQuery) q: Static<typeof TrainQuery>,
  ): Promise<Static<typeof TrainingRunSchema>> {
    const startedAt = Date.now();
    const run = this.training.runForced(startedAt);
    const timeout = new Promise<null>((resolve) =>
      setTimeout(() => resolve(null), q.wait ?? DEFAULT_TRAIN_WAIT_MS).unref(),
    );
    const done = await Promise.race([run, timeout]);
    if (done) return { status: 'finished', ...done };
    // it goes on; a failure is logged and counted by the job runner
    run.catch(() => undefined);
    res.status(202);
    return {
      status: 'running',
      trained: false,
      reason: 'training: see GET /api/v1/predictions/models when it is done',
      version: null,
      basis: null,
      devices: 0,
      failures: 0,
      trainSeconds: 0,
      durationMs: Date.now() - startedAt,
    };
  }
}
