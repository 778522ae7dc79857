import { Module } from '@nestjs/common';
import { RegistryModule } from '../registry/registry.module.js';
import { HistoryImportController } from './history-import.controller.js';
import { HistoryImportService } from './history-import.service.js';

/** Past events and telemetry from field-service exports: CSV with a column mapping. */
@Module({
  imports: [RegistryModule],
  controllers: [HistoryImportController],
  providers: [HistoryImportService],
})
export class HistoryImportModule {}
