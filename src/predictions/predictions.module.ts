import { Module } from '@nestjs/common';
import { RegistryModule } from '../registry/registry.module.js';
import { COMPONENT_RISK_REPOSITORY } from './component-risk.repository.js';
import {
  InMemoryComponentRiskRepository,
  InMemoryPredictionModelRepository,
} from './in-memory-prediction.repositories.js';
import { PredictionQueryService } from './prediction-query.service.js';
import { PredictionScoringJob } from './prediction-scoring.job.js';
import { PredictionScoringService } from './prediction-scoring.service.js';
import { PREDICTION_MODEL_REPOSITORY } from './prediction-model.repository.js';
import { PredictionTrainingJob } from './prediction-training.job.js';
import { PredictionTrainingService } from './prediction-training.service.js';
import { PredictionsController } from './predictions.controller.js';
import { PredictionsListener } from './predictions.listener.js';
import { PredictionsMetrics } from './predictions.metrics.js';

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
    { provide: PREDICTION_MODEL_REPOSITORY, useFactory: () => new InMemoryPredictionModelRepository() },
    { provide: COMPONENT_RISK_REPOSITORY, useFactory: () => new InMemoryComponentRiskRepository() },
  ],
})
export class PredictionsModule {}
