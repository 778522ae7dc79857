import type { OpenAPIObject } from '@nestjs/swagger';
import { defaultRoleFor } from './roles.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * Completes the OpenAPI document: every operation says the role it requires
 * (`x-required-role`), declared or the default for its method, so a client (the
 * console) offers only what its key may do; routes open by configuration or
 * `@Public()` carry no security requirement.
 */
export function declareRoles(document: OpenAPIObject, openPrefixes: readonly string[]): OpenAPIObject {
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
    }
  }
  return document;
}
