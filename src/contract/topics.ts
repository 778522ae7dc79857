/**
 * MQTT topic layout, version 1. The one place that knows how topics are spelled:
 * the ingest service and `device-simulator/` both import it.
 *
 *   fleet/v1/{deviceId}/telemetry   gauges and counters (device → platform)
 *   fleet/v1/{deviceId}/events      faults, service visits, parts, PM (device → platform)
 *   fleet/v1/{deviceId}/status      birth (online) and last will (offline), retained
 *   fleet/v1/{deviceId}/commands    maintenance actions (platform → device)
 */
export const TOPIC_ROOT = 'fleet';
export const CONTRACT_VERSION = 'v1';

export const MESSAGE_KINDS = ['telemetry', 'events', 'status'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Device ids: what a device uses as MQTT client id and as its topic segment. */
export const DEVICE_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$';
const DEVICE_ID_RE = new RegExp(DEVICE_ID_PATTERN);

/**
 * Client ids with these prefixes are not devices: gateways publish for many devices
 * (the simulator's shared connections), services subscribe to all of them.
 */
export const GATEWAY_CLIENT_PREFIX = 'gw-';
export const SERVICE_CLIENT_PREFIX = 'svc-';

/**
 * Ids no device may take: the broker tells identities apart by these prefixes of
 * the user name (gateways, services, provisioning keys `pk-`).
 */
export const RESERVED_ID_PREFIXES = [GATEWAY_CLIENT_PREFIX, SERVICE_CLIENT_PREFIX, 'pk-'] as const;
/** Provisioning key ids start with this; the id is the MQTT user name of a provisioning session. */
export const PROVISIONING_KEY_PREFIX = RESERVED_ID_PREFIXES[2];

export function isReservedId(id: string): boolean {
  return RESERVED_ID_PREFIXES.some((p) => id.startsWith(p));
}

export function isValidDeviceId(id: string): boolean {
  return DEVICE_ID_RE.test(id);
}

export function deviceTopic(deviceId: string, kind: MessageKind | 'commands'): string {
  return `${TOPIC_ROOT}/${CONTRACT_VERSION}/${deviceId}/${kind}`;
}

/**
 * What the ingest service subscribes to: everything under the root, so that a
 * message on a malformed topic is dead-lettered rather than silently unseen.
 */
export function ingestSubscriptions(shareGroup?: string): string[] {
  const prefix = shareGroup ? `$share/${shareGroup}/` : '';
  return [`${prefix}${TOPIC_ROOT}/#`];
}

/** Platform → device topics, which ingest receives through its wildcard and ignores. */
export function isCommandTopic(topic: string): boolean {
  const parts = topic.split('/');
  return (
    parts.length === 4 && parts[0] === TOPIC_ROOT && parts[1] === CONTRACT_VERSION && parts[3] === 'commands'
  );
}

/**
 * Why a topic under the root is not a device → platform topic, and the device it
 * names (kept even when that id is invalid, so its dead letters can be found by it).
 */
export function describeBadTopic(topic: string): { deviceId: string | null; problem: string } {
  const expected = `topic must be ${TOPIC_ROOT}/${CONTRACT_VERSION}/{deviceId}/{${MESSAGE_KINDS.join('|')}}`;
  const parts = topic.split('/');
  if (parts[0] !== TOPIC_ROOT || parts.length < 3) return { deviceId: null, problem: expected };
  const deviceId = parts[2] === '' ? null : parts[2].slice(0, 128);
  if (parts[1] !== CONTRACT_VERSION)
    return { deviceId, problem: `contract version "${parts[1]}" is not served; ${expected}` };
  if (deviceId !== null && !isValidDeviceId(parts[2]))
    return {
      deviceId,
      problem: `the device id "${deviceId}" in the topic is invalid: it must match ${DEVICE_ID_PATTERN}`,
    };
  if (deviceId === null) return { deviceId, problem: `the topic has no device id; ${expected}` };
  if (parts.length !== 4)
    return { deviceId, problem: `${parts.length} topic levels, expected 4; ${expected}` };
  return { deviceId, problem: `unknown message kind "${parts[3]}"; ${expected}` };
}

export interface ParsedTopic {
  deviceId: string;
  kind: MessageKind;
}

/** Parses a device → platform topic; null when the topic is not of that shape. */
export function parseDeviceTopic(topic: string): ParsedTopic | null {
  // hot path: one split, no regex unless the shape is right
  const parts = topic.split('/');
  if (parts.length !== 4 || parts[0] !== TOPIC_ROOT || parts[1] !== CONTRACT_VERSION) return null;
  const kind = parts[3];
  if (kind !== 'telemetry' && kind !== 'events' && kind !== 'status') return null;
  const deviceId = parts[2];
  if (!isValidDeviceId(deviceId)) return null;
  return { deviceId, kind };
}

/** The device a client may publish for, or null when it may publish for any (gateway, service). */
export function ownedDeviceId(clientId: string): string | null {
  if (clientId.startsWith(GATEWAY_CLIENT_PREFIX) || clientId.startsWith(SERVICE_CLIENT_PREFIX)) {
    return null;
  }
  return clientId;
}
