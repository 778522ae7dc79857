import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { declareSecurity } from './api-keys/openapi-security.js';
import { buildOpenApiDocument } from './common/http/openapi-document.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';

/**
 * The OpenAPI document the app serves and `npm run api:types` reads: the controllers'
 * document with the security schemes and each operation's role. Every route needs a
 * key save those open by configuration (docs/security.md).
 */
export function servedOpenApiDocument(app: INestApplication): OpenAPIObject {
  const { security } = app.get<AppConfig>(APP_CONFIG);
  return declareSecurity(buildOpenApiDocument(app), [
    ...(security.publicHealth ? ['/health'] : []),
    ...(security.publicMetrics ? ['/metrics'] : []),
  ]);
}
