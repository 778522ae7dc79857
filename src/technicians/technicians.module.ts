import { Module } from '@nestjs/common';
import { RECORDS_DATABASE, type RecordsDatabase } from '../ports/records-database.port.js';
import { RegistryModule } from '../registry/registry.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { CertificationsJob } from './certifications.job.js';
import { SqlPayLineRepository, SqlTechnicianRepository } from './sql-technician.repository.js';
import { PAY_LINE_REPOSITORY, TECHNICIAN_REPOSITORY } from './technician.repository.js';
import { CertificationRequirementsController, TechniciansController } from './technicians.controller.js';
import { TechniciansListener } from './technicians.listener.js';
import { TechniciansMetrics } from './technicians.metrics.js';
import { TechniciansService } from './technicians.service.js';

/** Technicians: the field force from hiring to pay (docs/field-force.md). */
@Module({
  imports: [RegistryModule, WebhooksModule],
  controllers: [TechniciansController, CertificationRequirementsController],
  providers: [
    {
      provide: TECHNICIAN_REPOSITORY,
      inject: [RECORDS_DATABASE],
      useFactory: (db: RecordsDatabase) => new SqlTechnicianRepository(db),
    },
    {
      provide: PAY_LINE_REPOSITORY,
      inject: [RECORDS_DATABASE],
      useFactory: (db: RecordsDatabase) => new SqlPayLineRepository(db),
    },
    TechniciansMetrics,
    TechniciansService,
    TechniciansListener,
    CertificationsJob,
  ],
  exports: [TechniciansService],
})
export class TechniciansModule {}
