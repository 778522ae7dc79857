import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import {
  apiKeyView,
  digestApiKey,
  newApiKeyToken,
  prefixOf,
  sameDigest,
  type ApiKey,
  type ApiKeyView,
} from './api-key.js';
import { API_KEY_REPOSITORY, type ApiKeyRepository } from './api-key.repository.js';
import { isRole, type Role } from './roles.js';

export const AUTH_FAILURE_REASONS = ['missing_key', 'invalid_key', 'revoked_key', 'expired_key'] as const;
export type AuthFailureReason = (typeof AUTH_FAILURE_REASONS)[number];

export type Authentication = { ok: true; key: ApiKey } | { ok: false; reason: AuthFailureReason };

export interface NewApiKey {
  name: string;
  role: Role;
  expiresAt?: number | null;
}

const TOUCH_EVERY_MS = 60_000;

/** API keys: made, rotated and revoked by admins (API and `npm run keys`); checked on every request. */
@Injectable()
export class ApiKeyService {
  private readonly logger = new Logger(ApiKeyService.name);
  private readonly touched = new Map<string, number>();

  constructor(@Inject(API_KEY_REPOSITORY) private readonly repo: ApiKeyRepository) {}

  async authenticate(token: string | null, now = Date.now()): Promise<Authentication> {
    if (token === null) return { ok: false, reason: 'missing_key' };
    const digest = digestApiKey(token);
    const key = await this.repo.getByDigest(digest);
    if (!key || !sameDigest(key.digest, digest)) return { ok: false, reason: 'invalid_key' };
    if (key.revokedAt !== null) return { ok: false, reason: 'revoked_key' };
    if (key.expiresAt !== null && key.expiresAt <= now) return { ok: false, reason: 'expired_key' };
    this.touch(key.id, now);
    return { ok: true, key };
  }

  list(): Promise<ApiKeyView[]> {
    return this.repo.list().then((keys) => keys.map(apiKeyView));
  }

  async get(id: string): Promise<ApiKeyView> {
    const key = await this.repo.get(id);
    if (!key) throw new DomainError(ErrorCode.NotFound, `API key ${id} does not exist`);
    return apiKeyView(key);
  }

  /** A new key; the key itself is in the answer and nowhere else, ever. */
  async create(
    input: NewApiKey,
    createdBy: string,
    now = Date.now(),
  ): Promise<{ record: ApiKeyView; key: string }> {
    const { id, token } = newApiKeyToken();
    return { record: await this.store(id, token, input, createdBy, now), key: token };
  }

  /** A new key for the same record; the old one stops working at once. */
  async rotate(id: string): Promise<{ record: ApiKeyView; key: string }> {
    const { token } = newApiKeyToken();
    if (!(await this.repo.replaceDigest(id, digestApiKey(token), prefixOf(token))))
      throw new DomainError(ErrorCode.NotFound, `API key ${id} does not exist`);
    return { record: await this.get(id), key: token };
  }

  async revoke(id: string, now = Date.now()): Promise<void> {
    const key = await this.repo.get(id);
    if (!key) throw new DomainError(ErrorCode.NotFound, `API key ${id} does not exist`);
    if (key.revokedAt === null) await this.repo.revoke(id, now);
  }

  /** Makes a key given in the configuration valid (API_ADMIN_KEY); nothing when it is already. */
  async ensureKey(token: string, input: NewApiKey, createdBy: string, now = Date.now()): Promise<void> {
    const valid = async (): Promise<boolean> => {
      const existing = await this.repo.getByDigest(digestApiKey(token));
      if (existing && existing.revokedAt === null && existing.role === input.role) return true;
      if (existing)
        throw new Error(`the configured ${input.role} key was revoked or has another role: set a new one`);
      return false;
    };
    if (await valid()) return;
    try {
      await this.store(`key-${digestApiKey(token).slice(0, 8)}`, token, input, createdBy, now);
    } catch (err) {
      // replicas starting together on one database: another stored it first
      if (!(err instanceof DomainError && err.code === ErrorCode.Conflict && (await valid()))) throw err;
    }
  }

  /** On a database with no key at all, an admin key to start with; null when there are keys. */
  async initialAdminKey(now = Date.now()): Promise<string | null> {
    if ((await this.repo.count()) > 0) return null;
    const { key } = await this.create({ name: 'initial admin', role: 'admin' }, 'first-start', now);
    return key;
  }

  private async store(
    id: string,
    token: string,
    input: NewApiKey,
    createdBy: string,
    now: number,
  ): Promise<ApiKeyView> {
    if (!isRole(input.role))
      throw new DomainError(
        ErrorCode.InvalidArgument,
        'role: viewer, analyst, operator, provisioner or admin',
      );
    if (typeof input.name !== 'string' || !input.name.trim() || input.name.length > 100)
      throw new DomainError(ErrorCode.InvalidArgument, 'name: 1 to 100 characters');
    const expiresAt = input.expiresAt ?? null;
    if (expiresAt !== null && !(Number.isFinite(expiresAt) && expiresAt > now))
      throw new DomainError(ErrorCode.InvalidArgument, 'expiresAt: a time in the future');
    const key: ApiKey = {
      id,
      name: input.name.trim(),
      role: input.role,
      digest: digestApiKey(token),
      prefix: prefixOf(token),
      createdAt: now,
      createdBy,
      expiresAt,
      revokedAt: null,
      lastUsedAt: null,
    };
    if (!(await this.repo.create(key))) throw new DomainError(ErrorCode.Conflict, 'that key exists already');
    return apiKeyView(key);
  }

  private touch(id: string, now: number): void {
    const last = this.touched.get(id) ?? 0;
    if (now - last < TOUCH_EVERY_MS) return;
    this.touched.set(id, now);
    this.repo
      .touch(id, now)
      .catch((err: unknown) => this.logger.warn({ err, keyId: id }, 'last use not recorded'));
  }
}
