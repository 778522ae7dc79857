import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AuthThrottle, DEFAULT_AUTH_THROTTLE } from '../common/auth-throttle.js';
import { MetricsService } from '../infrastructure/metrics/metrics.service.js';
import { RECORDS_DATABASE, type RecordsDatabase } from '../ports/records-database.port.js';
import { ApiKeyGuard } from './api-key.guard.js';
import { API_KEY_REPOSITORY } from './api-key.repository.js';
import { ApiKeyService } from './api-key.service.js';
import { ApiKeysBootstrap } from './api-keys-bootstrap.service.js';
import { ApiKeysController } from './api-keys.controller.js';
import { ApiKeysMetrics } from './api-keys.metrics.js';
import { SqlApiKeyRepository } from './sql-api-key.repository.js';

/**
 * API keys with roles, and the one global guard in front of every route. Global: the
 * failure throttle is shared with the broker's access policy (one address, one count).
 */
@Global()
@Module({
  controllers: [ApiKeysController],
  providers: [
    ApiKeyService,
    ApiKeysMetrics,
    ApiKeysBootstrap,
    {
      provide: API_KEY_REPOSITORY,
      inject: [RECORDS_DATABASE],
      useFactory: (db: RecordsDatabase) => new SqlApiKeyRepository(db),
    },
    {
      provide: AuthThrottle,
      inject: [APP_CONFIG, ApiKeysMetrics, MetricsService],
      useFactory: (c: AppConfig, m: ApiKeysMetrics, metrics: MetricsService) => {
        const throttle = new AuthThrottle({
          ...DEFAULT_AUTH_THROTTLE,
          baseDelayMs: c.security.authFailureDelayMs,
          maxDelayMs: c.security.authFailureMaxDelayMs,
        });
        m.trackThrottle(() => throttle.trackedSources, metrics);
        return throttle;
      },
    },
    { provide: APP_GUARD, useClass: ApiKeyGuard },
  ],
  exports: [ApiKeyService, AuthThrottle, ApiKeysMetrics],
})
export class ApiKeysModule {}
