import { Global, Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { RECORDS_DATABASE, type RecordsDatabase } from '../ports/records-database.port.js';
import { AuditController } from './audit.controller.js';
import { AUDIT_LOG_REPOSITORY } from './audit-log.repository.js';
import { AuditMetrics } from './audit.metrics.js';
import { AuditMiddleware } from './audit.middleware.js';
import { AuditService } from './audit.service.js';
import { SqlAuditLogRepository } from './sql-audit-log.repository.js';

/** The audit log of every write; global, so the CLI-facing services and provisioning record too. */
@Global()
@Module({
  controllers: [AuditController],
  providers: [
    AuditService,
    AuditMetrics,
    AuditMiddleware,
    {
      provide: AUDIT_LOG_REPOSITORY,
      inject: [RECORDS_DATABASE],
      useFactory: (db: RecordsDatabase) => new SqlAuditLogRepository(db),
    },
  ],
  exports: [AuditService],
})
export class AuditModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuditMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
