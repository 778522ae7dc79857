import type { ApiKey } from './api-key.js';

/**
 * API keys' records. One SQL implementation runs on PGlite and PostgreSQL
 * (`sql-api-key.repository.ts`); `test/contract/api-key.contract.ts` is its suite.
 */
export interface ApiKeyRepository {
  getByDigest(digest: string): Promise<ApiKey | null>;
  get(id: string): Promise<ApiKey | null>;
  /** Newest first. */
  list(): Promise<ApiKey[]>;
  /** Inserts; false when the id or digest is taken. */
  create(key: ApiKey): Promise<boolean>;
  /** A new digest and prefix for the key (rotation); false when there is no such key. */
  replaceDigest(id: string, digest: string, prefix: string): Promise<boolean>;
  /** False when there is no such key, or it was revoked already. */
  revoke(id: string, at: number): Promise<boolean>;
  touch(id: string, at: number): Promise<void>;
  count(): Promise<number>;
}

export const API_KEY_REPOSITORY = Symbol('ApiKeyRepository');
