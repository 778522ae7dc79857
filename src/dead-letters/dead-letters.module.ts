import { Global, Module } from '@nestjs/common';
import { DeadLetterController } from './dead-letter.controller.js';
import { DeadLetterQueryService } from './dead-letter-query.service.js';
import { DeadLetterService } from './dead-letter.service.js';

/** Global: the broker and every ingest path record rejects here. */
@Global()
@Module({
  controllers: [DeadLetterController],
  providers: [DeadLetterService, DeadLetterQueryService],
  exports: [DeadLetterService],
})
export class DeadLettersModule {}
