import { DEVICE_ID_PATTERN } from './topics.js';

/**
 * Fleet provisioning over MQTT, version 1: a new device holding a provisioning key
 * obtains its own credentials (the way ThingsBoard's `/provision` and AWS IoT fleet
 * provisioning work). Outside `fleet/`, so the ingest subscription never sees a key.
 *
 *   connect      client id: any id (letters, digits, `_ . : -`), user name: the key id
 *                (`pk-…`), password: the whole provisioning key
 *   subscribe    provisioning/v1/{keyId}/{clientId}/response
 *   publish      provisioning/v1/{keyId}/{clientId}/request    (QoS 1)
 *
 * A provisioning session may use no other topic; the broker guarantees that the key
 * id in the topic is the key the session authenticated with.
 */
export const PROVISIONING_ROOT = 'provisioning';
export const PROVISIONING_VERSION = 'v1';

export function provisioningTopic(keyId: string, clientId: string, kind: 'request' | 'response'): string {
  return `${PROVISIONING_ROOT}/${PROVISIONING_VERSION}/${keyId}/${clientId}/${kind}`;
}

/** What the platform subscribes to: every request of every key. */
export function provisioningRequestSubscription(shareGroup?: string): string {
  const prefix = shareGroup ? `$share/${shareGroup}/` : '';
  return `${prefix}${PROVISIONING_ROOT}/${PROVISIONING_VERSION}/+/+/request`;
}

/** The key id and client id of a request topic; null when the topic is not one. */
export function parseProvisioningRequestTopic(topic: string): { keyId: string; clientId: string } | null {
  const parts = topic.split('/');
  if (
    parts.length !== 5 ||
    parts[0] !== PROVISIONING_ROOT ||
    parts[1] !== PROVISIONING_VERSION ||
    parts[4] !== 'request'
  )
    return null;
  return { keyId: parts[2], clientId: parts[3] };
}

/** Sent by the device. `deviceId` is the identity it asks for (often derived from its serial). */
export interface ProvisioningRequest {
  deviceId: string;
  /** The equipment model; a per-model key accepts only its models. */
  model: string;
  serial?: string;
}

export const PROVISIONING_REJECT_REASONS = [
  /** The request does not match the schema. */
  'invalid_request',
  /** The device id is reserved (gw-, svc-, pk- prefixes). */
  'reserved_id',
  /** The key does not cover this model. */
  'model_not_allowed',
  /** The device already has credentials (and the key may not provision it again). */
  'device_exists',
  /** The key has provisioned as many devices as it may. */
  'key_exhausted',
  /** The key was revoked or expired after the session connected. */
  'key_invalid',
  /** Something failed on the platform side; try again later. */
  'internal_error',
] as const;
export type ProvisioningRejectReason = (typeof PROVISIONING_REJECT_REASONS)[number];

/** The platform's answer on the response topic (and the body of the HTTP answer). */
export type ProvisioningResponse =
  | {
      status: 'accepted';
      deviceId: string;
      /** MQTT user name (the device id) and password to connect with from now on. */
      username: string;
      password: string;
    }
  | { status: 'rejected'; reason: ProvisioningRejectReason; message: string };

export const provisioningRequestSchema = {
  $id: 'provisioning/v1/request',
  type: 'object',
  required: ['deviceId', 'model'],
  additionalProperties: false,
  properties: {
    deviceId: { type: 'string', pattern: DEVICE_ID_PATTERN },
    model: { type: 'string', minLength: 1, maxLength: 64 },
    serial: { type: 'string', minLength: 1, maxLength: 64 },
  },
} as const;
