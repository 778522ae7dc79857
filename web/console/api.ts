import { createApiClient, type ApiSchema } from '../../src/api-client/api-client.js';
import { apiKey, setRequiredRoles } from './session.js';

export type { ApiSchema };

/** The typed API client (generated from the OpenAPI document), with the signed-in key as a header. */
export const api = createApiClient(location.origin);

/** Called when the server answers 401: the console asks for a key. */
let onUnauthenticated: () => void = () => undefined;
export function whenUnauthenticated(handler: () => void): void {
  onUnauthenticated = handler;
}

api.use({
  onRequest({ request }) {
    const key = apiKey();
    if (key && !request.headers.has('Authorization')) request.headers.set('Authorization', `Bearer ${key}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) onUnauthenticated();
    return response;
  },
});

/** An API error answer: `{ error, message }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The data of an answer, or an ApiError with the server's message. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok && data !== undefined) return data;
  const e = (error ?? {}) as { error?: string; message?: string };
  throw new ApiError(response.status, e.error ?? 'internal', e.message ?? response.statusText);
}

let keysRequired = false;
/** Whether the API asks for a key (its OpenAPI document says so); known once apiPaths() answered. */
export function apiKeysRequired(): boolean {
  return keysRequired;
}

/**
 * Paths of the API (from its OpenAPI document): pages of later features appear when
 * theirs do. The roles its operations require are kept too, for `may()`.
 */
let knownPaths: Promise<Set<string>> | null = null;
export function apiPaths(): Promise<Set<string>> {
  knownPaths ??= (async () => {
    const key = apiKey();
    const res = await fetch('/docs/openapi.json', { headers: key ? { Authorization: `Bearer ${key}` } : {} });
    if (!res.ok) return new Set<string>();
    const doc = (await res.json()) as {
      paths?: Record<string, Record<string, { 'x-required-role'?: string } | undefined>>;
      security?: Array<Record<string, unknown>>;
    };
    keysRequired = (doc.security ?? []).some((s) => 'api-key' in s);
    const roles = new Map<string, string>();
    for (const [path, ops] of Object.entries(doc.paths ?? {}))
      for (const [method, op] of Object.entries(ops))
        if (typeof op?.['x-required-role'] === 'string')
          roles.set(`${method.toUpperCase()} ${path}`, op['x-required-role']);
    setRequiredRoles(roles);
    return new Set(Object.keys(doc.paths ?? {}));
  })();
  return knownPaths;
}
export function forgetApiPaths(): void {
  knownPaths = null;
}
