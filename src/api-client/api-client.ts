import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './openapi.js';

export type { components, paths };
/** A schema of the API by its name in the OpenAPI document: `ApiSchema<'DeviceSeen'>`. */
export type ApiSchema<Name extends keyof components['schemas']> = components['schemas'][Name];

/**
 * A typed client of the HTTP API (openapi-fetch over the types generated from the
 * OpenAPI document): paths, parameters, bodies and answers are checked by tsc.
 *
 *   const api = createApiClient('http://127.0.0.1:3000', fetch, process.env.FLEET_API_KEY);
 *   const { data, error } = await api.GET('/api/v1/devices/{deviceId}', { params: { path: { deviceId } } });
 */
export function createApiClient(
  baseUrl: string,
  fetchImpl: typeof fetch = fetch,
  /** The API key every request sends (`Authorization: Bearer`): docs/security.md. */
  apiKey?: string,
): Client<paths, 'application/json'> {
  // JSON answers: lists that also answer CSV are typed as their JSON (ask with format=csv for text)
  return createClient<paths, 'application/json'>({
    baseUrl,
    fetch: fetchImpl,
    headers: apiKey ? { authorization: `Bearer ${apiKey}` } : undefined,
  });
}
