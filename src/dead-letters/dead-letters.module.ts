import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RECORDS_DATABASE, type RecordsDatabase } from '../ports/records-database.port.js';
import { DeadLetterController } from './dead-letter.controller.js';
import { DeadLetterQueryService } from './dead-letter-query.service.js';
import { DEAD_LETTER_REPOSITORY } from './dead-letter.repository.js';
import { DeadLetterService } from './dead-letter.service.js';
import { DeadLettersListener } from './dead-letters.listener.js';
import { DeadLettersMetrics } from './dead-letters.metrics.js';
import { SqlDeadLetterRepository } from './sql-dead-letter.repository.js';

/** Rejected input: kept from the `input.rejected` events every ingest path publishes. */
@Module({
  controllers: [DeadLetterController],
  providers: [
    DeadLettersMetrics,
    DeadLetterService,
    DeadLetterQueryService,
    DeadLettersListener,
    {
      provide: DEAD_LETTER_REPOSITORY,
      inject: [RECORDS_DATABASE, APP_CONFIG],
      useFactory: (db: RecordsDatabase, c: AppConfig) =>
        new SqlDeadLetterRepository(db, c.deadLetterMaxRecords),
    },
  ],
  exports: [DeadLetterService, DEAD_LETTER_REPOSITORY],
})
export class DeadLettersModule {}
