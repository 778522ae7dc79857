/**
 * The signed-in API key, kept in sessionStorage only: gone when the tab closes, never
 * put in a URL, a cookie or a log. Sent as `Authorization: Bearer` by the API client.
 */
const KEY = 'fleet.console.apiKey';
const ROLE = 'fleet.console.role';

/** The roles of the security feature (docs/security.md), in the order they grant. */
export const ROLES = ['viewer', 'analyst', 'operator', 'provisioner', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function apiKey(): string | null {
  return sessionStorage.getItem(KEY);
}

export function signIn(key: string, role: Role | null): void {
  sessionStorage.setItem(KEY, key);
  if (role) sessionStorage.setItem(ROLE, role);
  else sessionStorage.removeItem(ROLE);
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(ROLE);
}

/** The key's role when the server told it; null when it did not (no security, or not yet known). */
export function role(): Role | null {
  const r = sessionStorage.getItem(ROLE);
  return (ROLES as readonly string[]).includes(r ?? '') ? (r as Role) : null;
}

/** The operation of the API each action of the console calls. */
const OPERATIONS = {
  'alarms.write': ['POST', '/api/v1/alarms/{id}/acknowledge'],
  'orders.write': ['POST', '/api/v1/work-orders/{id}/transitions'],
} as const satisfies Record<string, readonly [string, string]>;
export type Action = keyof typeof OPERATIONS;

/** `x-required-role` of each operation (`POST /api/v1/…`), from the served OpenAPI document. */
let requiredRoles = new Map<string, Role>();
export function setRequiredRoles(roles: ReadonlyMap<string, string>): void {
  requiredRoles = new Map(
    [...roles].filter((e): e is [string, Role] => (ROLES as readonly string[]).includes(e[1])),
  );
}

/** The role an operation needs: what the document says, else the server's default (reads viewer, writes admin). */
export function requiredRole(method: string, path: string): Role {
  const m = method.toUpperCase();
  return requiredRoles.get(`${m} ${path}`) ?? (['GET', 'HEAD', 'OPTIONS'].includes(m) ? 'viewer' : 'admin');
}

const GRANTS: Record<Role, readonly Role[]> = {
  viewer: ['viewer'],
  analyst: ['analyst', 'viewer'],
  operator: ['operator', 'viewer'],
  provisioner: ['provisioner'],
  admin: ROLES,
};

/**
 * Whether the console offers an action: the key's role grants what the server says
 * the action's operation requires (`x-required-role` in the OpenAPI document). Without
 * a known role (the server runs without API keys) everything is offered and the server
 * has the last word (403 is shown).
 */
export function may(action: Action): boolean {
  const held = role();
  const [method, path] = OPERATIONS[action];
  return held === null || GRANTS[held].includes(requiredRole(method, path));
}
