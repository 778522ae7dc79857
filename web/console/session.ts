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

/** What each action needs; mirrors the server's @RequireRole declarations. */
const NEEDS = {
  'alarms.write': 'operator',
  'orders.write': 'operator',
  'signals.write': 'operator',
  'kpis.refresh': 'analyst',
} as const satisfies Record<string, Role>;
export type Action = keyof typeof NEEDS;

const GRANTS: Record<Role, readonly Role[]> = {
  viewer: ['viewer'],
  analyst: ['analyst', 'viewer'],
  operator: ['operator', 'viewer'],
  provisioner: ['provisioner'],
  admin: ROLES,
};

/**
 * Whether the console offers an action. Without a known role (the server runs without
 * API keys) everything is offered and the server has the last word (403 is shown).
 */
export function may(action: Action): boolean {
  const held = role();
  return held === null || GRANTS[held].includes(NEEDS[action]);
}
