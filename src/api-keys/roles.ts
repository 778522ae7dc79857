/**
 * What an API key may do is its role. A route declares the role it requires
 * (`@RequireRole('operator')`); a route that declares none requires the default for
 * its HTTP method: reading needs `viewer`, anything else `admin`. So an endpoint
 * added without a thought is readable by every signed-in user and writable only by
 * admins, never open.
 *
 *   viewer       reads fleet data: devices, telemetry, events, registry, KPIs, orders …
 *   analyst      viewer + analysis: KPI refresh and rebuild, history imports, model runs
 *   operator     viewer + field operations: work orders, signals, alarms, device commands
 *   provisioner  device credentials only (a factory station): no fleet data
 *   admin        everything: registry, API keys, device credentials, provisioning keys, audit log
 */
export const ROLES = ['viewer', 'analyst', 'operator', 'provisioner', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The roles a key's role grants, itself included. */
const GRANTS: Record<Role, readonly Role[]> = {
  viewer: ['viewer'],
  analyst: ['analyst', 'viewer'],
  operator: ['operator', 'viewer'],
  provisioner: ['provisioner'],
  admin: ROLES,
};

/** True when a key with role `held` may use a route that requires `required`. */
export function roleSatisfies(held: Role, required: Role): boolean {
  return GRANTS[held].includes(required);
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The requirement of a route that declares none. */
export function defaultRoleFor(method: string): Role {
  return READ_METHODS.has(method.toUpperCase()) ? 'viewer' : 'admin';
}

/** True for methods that change something: these are audited. */
export function isWriteMethod(method: string): boolean {
  return !READ_METHODS.has(method.toUpperCase());
}
