import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { openApiComponents } from './openapi-schemas.js';

/**
 * The OpenAPI 3.1 document of the running app: Nest's scan of the controllers,
 * with every named TypeBox schema in `components.schemas` (docs/api.md).
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setOpenAPIVersion('3.1.0')
      .setTitle('Fleet telemetry API')
      .setDescription(
        'Devices seen, telemetry, events, dead letters, the fleet registry, history import and reliability KPIs ' +
          'of an equipment fleet. Conventions (times, paging, CSV, errors): docs/api.md',
      )
      .setVersion('1')
      .build(),
  );
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...openApiComponents() },
  };
  return document;
}
