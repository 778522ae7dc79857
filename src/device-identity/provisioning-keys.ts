import { DomainError, ErrorCode } from '../common/domain-error.js';
import type { ProvisioningKey } from './device-identity.js';
import type { DeviceIdentityRepository } from './device-identity.repository.js';
import { provisioningKeyIdOf } from './provisioning-rules.js';
import { hashSecret, verifySecret } from './secret-hash.js';

export interface NewProvisioningKey {
  name: string;
  models?: string[] | null;
  customerId?: string | null;
  maxDevices?: number | null;
  reprovision?: boolean;
  expiresAt?: number | null;
}

/** A provisioning key's record for a token, checked; a key is per model or per customer unless `unscoped`. */
export async function newProvisioningKeyRecord(
  id: string,
  token: string,
  input: NewProvisioningKey,
  createdBy: string,
  now: number,
  iterations: number,
  unscoped = false,
): Promise<ProvisioningKey> {
  const models = input.models?.length ? [...new Set(input.models)] : null;
  const customerId = input.customerId ?? null;
  if (!unscoped && models === null && customerId === null)
    throw new DomainError(
      ErrorCode.InvalidArgument,
      'a provisioning key is per model (models) or per customer (customerId)',
    );
  if (!input.name || input.name.length > 100)
    throw new DomainError(ErrorCode.InvalidArgument, 'name: 1 to 100 characters');
  const { maxDevices, expiresAt } = input;
  if (maxDevices !== undefined && maxDevices !== null && !(Number.isInteger(maxDevices) && maxDevices > 0))
    throw new DomainError(ErrorCode.InvalidArgument, 'maxDevices: a positive integer');
  if (expiresAt !== undefined && expiresAt !== null && !(expiresAt > now))
    throw new DomainError(ErrorCode.InvalidArgument, 'expiresAt: a time in the future');
  return {
    id,
    name: input.name,
    secretHash: await hashSecret(token, iterations),
    models,
    customerId,
    maxDevices: maxDevices ?? null,
    devicesProvisioned: 0,
    reprovision: input.reprovision ?? false,
    expiresAt: expiresAt ?? null,
    revokedAt: null,
    createdAt: now,
    createdBy,
  };
}

/**
 * Makes a provisioning key given in the configuration (PROVISIONING_BOOTSTRAP_KEY)
 * valid: same id, this secret, these models (null: any), devices it provisioned may
 * provision again. Returns the record when it had to be (re)written, null when it
 * was already so. The service at start-up and `npm run broker-config` both call it.
 */
export async function ensureBootstrapProvisioningKey(
  repo: DeviceIdentityRepository,
  token: string,
  models: string[] | null,
  iterations: number,
  now = Date.now(),
): Promise<ProvisioningKey | null> {
  const id = provisioningKeyIdOf(token);
  if (!id)
    throw new Error('PROVISIONING_BOOTSTRAP_KEY is not a provisioning key (pk-<8 hex>.<32+ characters>)');
  const existing = await repo.getProvisioningKey(id);
  if (
    existing &&
    existing.revokedAt === null &&
    JSON.stringify(existing.models) === JSON.stringify(models) &&
    (await verifySecret(token, existing.secretHash))
  )
    return null;
  const key = await newProvisioningKeyRecord(
    id,
    token,
    { name: 'bootstrap (PROVISIONING_BOOTSTRAP_KEY)', models, reprovision: true },
    'config',
    now,
    iterations,
    true,
  );
  const record = { ...key, devicesProvisioned: existing?.devicesProvisioned ?? 0 };
  await repo.putProvisioningKey(record);
  return record;
}
