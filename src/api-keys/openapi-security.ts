import type { OpenAPIObject } from '@nestjs/swagger';
import { ApiErrorSchema } from '../common/http/api-schemas.js';
import { refOf } from '../common/http/openapi-schemas.js';
import { ERROR_DESCRIPTIONS } from '../common/http/typed-api.js';
import { defaultRoleFor } from './roles.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * Completes the OpenAPI document: the bearer schemes (`api-key` for every route,
 * `provisioning-key` for provisioning), and on every operation the role it requires
 * (`x-required-role`), declared or the default for its method, so a client (the
 * console) offers only what its key may do. Routes open by configuration or
 * `@Public()` carry no API-key requirement.
 */
export function declareSecurity(document: OpenAPIObject, openPrefixes: readonly string[]): OpenAPIObject {
  document.components = {
    ...document.components,
    securitySchemes: {
      ...document.components?.securitySchemes,
      'api-key': {
        type: 'http',
        scheme: 'bearer',
        description: 'An API key (fk_…); its role decides what it may do (docs/security.md)',
      },
      'provisioning-key': {
        type: 'http',
        scheme: 'bearer',
        description: 'A provisioning key (pk-….…), for POST /api/v1/provisioning',
      },
    },
  };
  document.security = [{ 'api-key': [] }];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const op = item[method] as (Record<string, unknown> & { security?: unknown[] }) | undefined;
      if (!op) continue;
      const open =
        op['x-public'] === true || openPrefixes.some((p) => path === p || path.startsWith(`${p}/`));
      if (open) {
        op.security = op['x-public'] === true ? (op.security ?? []) : [];
        continue;
      }
      op['x-required-role'] ??= defaultRoleFor(method);
      // every guarded operation may answer these
      const responses = (op.responses ??= {}) as Record<string, unknown>;
      for (const status of [401, 403])
        responses[String(status)] ??= {
          description: ERROR_DESCRIPTIONS[status],
          content: { 'application/json': { schema: refOf(ApiErrorSchema) } },
        };
    }
  }
  return document;
}
