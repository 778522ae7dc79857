import { Controller, Get, Header, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { refOf } from '../common/http/openapi-schemas.js';
import { TypedResponse } from '../common/http/typed-api.js';
import { IngestService } from '../ingest/ingest.service.js';
import { RECORDS_DATABASE, type RecordsDatabase } from '../ports/records-database.port.js';
import { TELEMETRY_STORE, type TelemetryStore } from '../ports/telemetry-store.port.js';
import { HealthSchema, NotReadySchema } from './health.dto.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly ingest: IngestService,
    @Inject(TELEMETRY_STORE) private readonly store: TelemetryStore,
    @Inject(RECORDS_DATABASE) private readonly records: RecordsDatabase,
  ) {}

  @Get('live')
  @Header('Cache-Control', 'no-cache, no-store, must-revalidate')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @TypedResponse(HealthSchema)
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @Header('Cache-Control', 'no-cache, no-store, must-revalidate')
  @ApiOperation({
    summary: 'Readiness: connected to the broker, the store and the records database answer (503 otherwise)',
  })
  @TypedResponse(HealthSchema)
  @ApiResponse({
    status: 503,
    description: 'Not ready: which checks are down',
    content: { 'application/json': { schema: refOf(NotReadySchema) } },
  })
  async ready(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => {
          const session = this.indicator.check('broker');
          return this.ingest.connected
            ? session.up()
            : session.down({ message: 'ingest client not connected' });
        },
        async () => {
          const session = this.indicator.check('store');
          const result = await this.store.health();
          return result.ok
            ? session.up(result.detail ? { detail: result.detail } : undefined)
            : session.down({ message: result.detail ?? 'store not answering' });
        },
        async () => {
          const session = this.indicator.check('records');
          try {
            await this.records.query('SELECT 1');
            return session.up();
          } catch (err) {
            return session.down({ message: `records database not answering: ${(err as Error).message}` });
          }
        },
      ]);
    } catch (err) {
      if (!(err instanceof ServiceUnavailableException)) throw err;
      // one error shape everywhere: { error, message } plus what is down
      const result = err.getResponse() as HealthCheckResult;
      const down = Object.entries(result.error ?? {}).map(
        ([name, v]) => `${name}: ${typeof v?.message === 'string' ? v.message : (v?.status ?? 'down')}`,
      );
      throw new DomainError(ErrorCode.Unavailable, `not ready: ${down.join('; ') || result.status}`, {
        status: result.status,
        details: result.details,
      });
    }
  }
}
