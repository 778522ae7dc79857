import { randomBytes } from 'node:crypto';
import { Ajv } from 'ajv';
import {
  PROVISIONING_KEY_PREFIX,
  isReservedId,
  provisioningRequestSchema,
  type ProvisioningRejectReason,
  type ProvisioningRequest,
} from '../contract/index.js';
import { provisioningKeyUsable, type MqttCredential, type ProvisioningKey } from './device-identity.js';
import { generateSecret } from './secret-hash.js';

/** A provisioning key as handed out once: `pk-0a1b2c3d.<43 characters>`. */
export interface ProvisioningKeyToken {
  id: string;
  token: string;
}

const KEY_ID = new RegExp(`^${PROVISIONING_KEY_PREFIX}[0-9a-f]{8}$`);

export function newProvisioningKeyToken(): ProvisioningKeyToken {
  const id = `${PROVISIONING_KEY_PREFIX}${randomBytes(4).toString('hex')}`;
  return { id, token: `${id}.${generateSecret()}` };
}

/**
 * The key id a token names, or null when it is not shaped like one. A bootstrap
 * key from the environment follows the same shape with a secret of its own choosing.
 */
export function provisioningKeyIdOf(token: string): string | null {
  const dot = token.indexOf('.');
  if (dot < 0 || token.length > 256) return null;
  const id = token.slice(0, dot);
  return KEY_ID.test(id) && token.length - dot - 1 >= 32 ? id : null;
}

const validateRequest = new Ajv({ allErrors: false, strict: false }).compile<ProvisioningRequest>(
  provisioningRequestSchema,
);

export type ProvisioningRuling =
  | { ok: true; request: ProvisioningRequest; replaces: boolean }
  | { ok: false; reason: ProvisioningRejectReason; message: string };

/**
 * May this key provision this device? Pure: the key, the request as received, and
 * the device's current credentials (null when it has none) are passed in.
 */
export function ruleProvisioning(
  key: ProvisioningKey,
  body: unknown,
  existing: MqttCredential | null,
  now: number,
): ProvisioningRuling {
  if (!provisioningKeyUsable(key, now))
    return { ok: false, reason: 'key_invalid', message: 'the provisioning key is revoked or expired' };
  if (!validateRequest(body)) {
    const e = validateRequest.errors?.[0];
    return {
      ok: false,
      reason: 'invalid_request',
      message: `${e?.instancePath || 'request'} ${e?.message ?? 'is invalid'}`,
    };
  }
  const request = body;
  if (isReservedId(request.deviceId))
    return { ok: false, reason: 'reserved_id', message: `device ids may not start with gw-, svc- or pk-` };
  if (key.models !== null && !key.models.includes(request.model))
    return {
      ok: false,
      reason: 'model_not_allowed',
      message: `this key does not provision ${request.model}`,
    };
  let replaces = false;
  if (existing !== null) {
    if (existing.kind !== 'device' || !key.reprovision || existing.issuedBy !== `provisioning-key:${key.id}`)
      return { ok: false, reason: 'device_exists', message: `${request.deviceId} already has credentials` };
    replaces = true;
  }
  if (!replaces && key.maxDevices !== null && key.devicesProvisioned >= key.maxDevices)
    return { ok: false, reason: 'key_exhausted', message: 'this key has provisioned all the devices it may' };
  return { ok: true, request, replaces };
}
