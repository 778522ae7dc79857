import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Role } from './roles.js';

/** An API key's record. The key itself is never stored: only its SHA-256 digest. */
export interface ApiKey {
  /** `key-` and 8 hex digits: how admins and the audit log name the key. */
  id: string;
  name: string;
  role: Role;
  /** SHA-256 of the whole key, hex: what a request's key is looked up by. */
  digest: string;
  /** The key's first characters (`fk_AbC1`), so a person can tell keys apart. */
  prefix: string;
  createdAt: number;
  /** Who made it: `api-key:key-…`, `cli`, `demo`, `config`. */
  createdBy: string;
  expiresAt: number | null;
  revokedAt: number | null;
  /** Updated at most once a minute. */
  lastUsedAt: number | null;
}

export type ApiKeyView = Omit<ApiKey, 'digest'>;

export function apiKeyView(k: ApiKey): ApiKeyView {
  const rest: Partial<ApiKey> = { ...k };
  delete rest.digest;
  return rest as ApiKeyView;
}

/** Who made a request: set on the request by the guard, read by the audit log. */
export interface Principal {
  /** `api-key:key-0a1b2c3d`, `provisioning-key:pk-…` */
  actor: string;
  name: string;
  role: Role | 'device';
}

export const API_KEY_PREFIX = 'fk_';

/**
 * A fresh key: `fk_` and 256 random bits in base64url. Why SHA-256 and not a slow
 * KDF: the key is looked up on every request and has 256 bits of entropy, so no
 * guessing can reach it whatever the hash costs; a salted slow hash would also make
 * lookup by digest impossible. (GitHub and Stripe keep their tokens the same way.)
 */
export function newApiKeyToken(): { id: string; token: string } {
  return {
    id: `key-${randomBytes(4).toString('hex')}`,
    token: `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`,
  };
}

export function digestApiKey(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function prefixOf(token: string): string {
  return token.slice(0, API_KEY_PREFIX.length + 4);
}

/** Compares digests without leaking where they differ. */
export function sameDigest(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearerToken(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  const m = /^Bearer\s+(\S{1,512})\s*$/i.exec(header);
  return m ? m[1] : null;
}
