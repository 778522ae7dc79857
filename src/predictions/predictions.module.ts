import { Module } from '@nestjs/common';
import { RECORDS_DATABASE, type RecordsDatabase } from '../ports/records-database.port.js';
import { RegistryModule } from '../registry/registry.module.js';
import { COMPONENT_RISK_REPOSITORY } from './component-risk.repository.js';
import { PredictionQueryService } from './prediction-query.service.js';
import { PredictionScoringJob } from './prediction-scoring.job.js';
import { PredictionScoringService } from './prediction-scoring.service.js';
import { PREDICTION_MODEL_REPOSITORY } from './prediction-model.repository.js';
import { PredictionTrainingJob } from './prediction-training.job.js';
import { PredictionTrainingService } from './prediction-training.service.js';
import { PredictionsController } from './predictions.controller.js';
import { PredictionsListener } from './predictions.listener.js';
import { PredictionsMetrics } from './predictions.metrics.js';
import { SqlComponentRiskRepository } from './sql-component-risk.repository.js';
import { SqlPredictionModelRepository } from './sql-prediction-model.repository.js';

/**
 * Failure predictions in the platform: the training and scoring jobs, late data, the
 * risk series and records, prediction events, and the API. The engine itself is pure
 * (docs/predictions.md).
 */
@Module({
  imports: [RegistryModule],
  controllers: [PredictionsController],
  providers: [
    PredictionsMetrics,
    PredictionTrainingService,
    PredictionScoringService,
    PredictionQueryService,
    PredictionScoringJob,
    PredictionTrainingJob,
    PredictionsListener,
    {
      provide: PREDICTION_MODEL_REPOSITORY,
      inject: [RECORDS_DATABASE],
      useFactory: (db: RecordsDatabase) => new SqlPredictionModelRepository(db),
    },
    {
      provide: COMPONENT_RISK_REPOSITORY,
      inject: [RECORDS_DATABASE],
      useFactory: (db: RecordsDatabase) => new SqlComponentRiskRepository(db),
    },
  ],
})
export class PredictionsModule {}
