import { Module } from '@nestjs/common';
import { DeadLetterController } from './dead-letter.controller.js';
import { DeadLetterQueryService } from './dead-letter-query.service.js';
import { DeadLetterService } from './dead-letter.service.js';
import { DeadLettersListener } from './dead-letters.listener.js';

/** Rejected input: kept from the `input.rejected` events every ingest path publishes. */
@Module({
  controllers: [DeadLetterController],
  providers: [DeadLetterService, DeadLetterQueryService, DeadLettersListener],
  exports: [DeadLetterService],
})
export class DeadLettersModule {}
