import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { startApp } from '../src/bootstrap.js';
import { servedOpenApiDocument } from '../src/openapi-document.js';
import { loadConfig } from '../src/config/app-config.js';

/** Where the typed client's types live (committed; a test fails when they are stale). */
export const API_TYPES_FILE = 'src/api-client/openapi.d.ts';

const HEADER =
  '// Generated from the OpenAPI document by `npm run api:types` (openapi-typescript). Do not edit.\n\n';

/** The TypeScript types of an OpenAPI document, as openapi-typescript writes them. */
export async function apiTypes(document: object): Promise<string> {
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], { alphabetize: true });
  return HEADER + astToString(ast);
}

/** The app's OpenAPI document, from an instance on free ports and a throwaway data folder. */
export async function currentDocument(): Promise<object> {
  const dir = mkdtempSync(join(tmpdir(), 'fleet-openapi-'));
  const running = await startApp(
    loadConfig({
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: '0',
      MQTT_HOST: '127.0.0.1',
      MQTT_PORT: '0',
      MQTT_WS_PORT: '-1',
      LOG_LEVEL: 'error',
      DATA_DIR: dir,
      KPI_REFRESH_INTERVAL_MS: '0',
      PRESENCE_SWEEP_INTERVAL_MS: '0',
    }),
  );
  try {
    return servedOpenApiDocument(running.app);
  } finally {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// run as a program (npm run api:types), not when a test imports it
if (process.argv[1]?.endsWith('api-types.js')) {
  const document = await currentDocument();
  writeFileSync(API_TYPES_FILE, await apiTypes(document));
  console.log(`wrote ${API_TYPES_FILE}`);
}
