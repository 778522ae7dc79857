import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
} from '@nestjs/terminus';
import { IngestService } from '../ingest/ingest.service.js';
import { TELEMETRY_STORE, type TelemetryStore } from '../ports/telemetry-store.port.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly ingest: IngestService,
    @Inject(TELEMETRY_STORE) private readonly store: TelemetryStore,
  ) {}

  @Get('live')
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: connected to the broker and the store answers (503 otherwise)' })
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
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
    ]);
  }
}
