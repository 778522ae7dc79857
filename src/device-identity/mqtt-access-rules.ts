import type { MqttRefusalReason } from '../infrastructure/broker/broker-access.policy.js';
import {
  CONTRACT_VERSION,
  GATEWAY_CLIENT_PREFIX,
  PROVISIONING_KEY_PREFIX,
  PROVISIONING_ROOT,
  PROVISIONING_VERSION,
  SERVICE_CLIENT_PREFIX,
  TOPIC_ROOT,
  isValidDeviceId,
  provisioningTopic,
} from '../contract/index.js';

/**
 * Who is on the other end of an MQTT session, once authenticated. The user name
 * tells the kind: `svc-…` the platform's own clients, `gw-…` a gateway, `pk-…` a
 * provisioning key, anything else a device (user name = device id).
 */
export type MqttIdentity =
  | { kind: 'device'; id: string }
  | {
      kind: 'gateway';
      id: string;
      /** Devices it may publish for, by name. */
      devices: ReadonlySet<string>;
      /** And every device of this customer (asked of the registry), when set. */
      customerId: string | null;
    }
  | { kind: 'service'; id: string }
  | { kind: 'provisioning'; keyId: string; clientId: string };

export type IdentityKind = MqttIdentity['kind'];

/** The kind a user name announces. */
export function identityKindOf(username: string): IdentityKind {
  if (username.startsWith(SERVICE_CLIENT_PREFIX)) return 'service';
  if (username.startsWith(GATEWAY_CLIENT_PREFIX)) return 'gateway';
  if (username.startsWith(PROVISIONING_KEY_PREFIX)) return 'provisioning';
  return 'device';
}

export type { MqttRefusalReason };

/**
 * MQTT 3.1.1 CONNACK return codes a refusal uses [MQTT-3.2.2-5]:
 * 2 identifier rejected, 4 bad user name or password, 5 not authorized.
 */
export type ConnackRefusal = 2 | 4 | 5;

/** The CONNACK return code of each way a CONNECT is refused. */
export const CONNACK_CODE = {
  no_credentials: 4,
  bad_credentials: 4,
  invalid_username: 4,
  certificate_invalid: 5,
  disabled: 5,
  will_not_allowed: 5,
  too_many_failures: 5,
  invalid_client_id: 2,
  client_id_mismatch: 2,
  client_id_in_use: 2,
} as const satisfies Partial<Record<MqttRefusalReason, ConnackRefusal>>;
export type ConnectRefusal = keyof typeof CONNACK_CODE;

// Client ids and user names are topic segments in ACL patterns: a `+`, `#` or `/`
// would widen them (Mosquitto CVE-2017-7650). Same alphabet as device ids.
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

export function isSafeId(id: string): boolean {
  return SAFE_ID.test(id);
}

/**
 * Checks the client id against the identity a user name announces, before any
 * secret is looked at. Devices and gateways connect with client id = user name, so
 * no one else can take their client id; services with any `svc-` id; a provisioning
 * session with an id of its own choosing.
 */
export function checkConnectIds(
  clientId: string,
  username: string,
): { ok: true; kind: IdentityKind } | { ok: false; reason: ConnectRefusal } {
  if (!isSafeId(username)) return { ok: false, reason: 'invalid_username' };
  if (!isSafeId(clientId)) return { ok: false, reason: 'invalid_client_id' };
  const kind = identityKindOf(username);
  switch (kind) {
    case 'device':
      if (!isValidDeviceId(username)) return { ok: false, reason: 'invalid_username' };
      return clientId === username ? { ok: true, kind } : { ok: false, reason: 'client_id_mismatch' };
    case 'gateway':
      return clientId === username ? { ok: true, kind } : { ok: false, reason: 'client_id_mismatch' };
    case 'service':
      return clientId.startsWith(SERVICE_CLIENT_PREFIX)
        ? { ok: true, kind }
        : { ok: false, reason: 'client_id_mismatch' };
    case 'provisioning':
      // the client id is a segment of its topics: any safe id, but not another kind's
      return identityKindOf(clientId) === 'device'
        ? { ok: true, kind }
        : { ok: false, reason: 'client_id_mismatch' };
  }
}

/** Stable name of an identity: two sessions with the same name may take over each other's client id. */
export function identityName(identity: MqttIdentity): string {
  return identity.kind === 'provisioning'
    ? `provisioning:${identity.keyId}`
    : `${identity.kind}:${identity.id}`;
}

const ROOT = `${TOPIC_ROOT}/${CONTRACT_VERSION}/`;

/** `fleet/v1/{device}/{rest}` → device and the rest of the topic, or null. */
function splitDeviceTopic(topic: string): { deviceId: string; kind: string } | null {
  if (!topic.startsWith(ROOT)) return null;
  const rest = topic.slice(ROOT.length);
  const slash = rest.indexOf('/');
  if (slash <= 0) return null;
  return { deviceId: rest.slice(0, slash), kind: rest.slice(slash + 1) };
}

/** Commands go platform → device only. */
const isCommands = (kind: string): boolean => kind === 'commands' || kind.startsWith('commands/');

/**
 * What the rules say about a publish: allowed, refused, or (a gateway with a
 * customer) allowed when the registry says the device belongs to that customer.
 */
export type PublishRuling =
  | { ruling: 'allow' }
  | { ruling: 'deny'; deviceId?: string; detail: string }
  | { ruling: 'ask-customer'; deviceId: string; customerId: string };

/**
 * Topics an identity may publish on. Devices: their own topics, `fleet/v1/{id}/…`,
 * but never `commands` (ingest dead-letters a kind it does not know, so a firmware
 * bug shows up instead of vanishing); gateways: the same for their devices; a
 * provisioning session: its own request topic; the platform's services: anything
 * outside `$`-topics (commands, provisioning responses). Everything else is refused.
 */
export function rulePublish(identity: MqttIdentity, topic: string): PublishRuling {
  if (topic.startsWith('$')) return { ruling: 'deny', detail: `${topic.slice(0, 64)} is reserved` };
  switch (identity.kind) {
    case 'service':
      return { ruling: 'allow' };
    case 'provisioning':
      return topic === provisioningTopic(identity.keyId, identity.clientId, 'request')
        ? { ruling: 'allow' }
        : { ruling: 'deny', detail: 'a provisioning session publishes only its own request' };
    case 'device':
    case 'gateway': {
      const target = splitDeviceTopic(topic);
      if (target === null || isCommands(target.kind))
        return {
          ruling: 'deny',
          deviceId: target?.deviceId,
          detail: `${identity.id} may not publish on ${topic.slice(0, 128)}`,
        };
      if (identity.kind === 'device') {
        return target.deviceId === identity.id
          ? { ruling: 'allow' }
          : {
              ruling: 'deny',
              deviceId: isValidDeviceId(target.deviceId) ? target.deviceId : undefined,
              detail: `device ${identity.id} published on the topic of device ${target.deviceId.slice(0, 64)}`,
            };
      }
      if (identity.devices.has(target.deviceId)) return { ruling: 'allow' };
      if (identity.customerId !== null && isValidDeviceId(target.deviceId))
        return { ruling: 'ask-customer', deviceId: target.deviceId, customerId: identity.customerId };
      return {
        ruling: 'deny',
        deviceId: isValidDeviceId(target.deviceId) ? target.deviceId : undefined,
        detail: `gateway ${identity.id} is not allowed to publish for device ${target.deviceId.slice(0, 64)}`,
      };
    }
  }
}

export type SubscribeRuling =
  { ruling: 'allow' } | { ruling: 'deny' } | { ruling: 'ask-customer'; deviceId: string; customerId: string };

const SHARED = /^\$share\/[A-Za-z0-9_-]+\//;
const SERVICE_ROOTS = [`${TOPIC_ROOT}/`, `${PROVISIONING_ROOT}/${PROVISIONING_VERSION}/`];

/**
 * Topic filters an identity may subscribe to. Devices: their own commands topic,
 * exactly; gateways: their devices' commands topics, one by one (no wildcards);
 * a provisioning session: its own response topic; the platform's services:
 * anything under `fleet/` or `provisioning/v1/`, shared or not. Never `#`, never `$SYS`.
 */
export function ruleSubscribe(identity: MqttIdentity, filter: string): SubscribeRuling {
  switch (identity.kind) {
    case 'service': {
      const unshared = filter.replace(SHARED, '');
      return SERVICE_ROOTS.some((root) => unshared.startsWith(root))
        ? { ruling: 'allow' }
        : { ruling: 'deny' };
    }
    case 'provisioning':
      return filter === provisioningTopic(identity.keyId, identity.clientId, 'response')
        ? { ruling: 'allow' }
        : { ruling: 'deny' };
    case 'device':
    case 'gateway': {
      const target = splitDeviceTopic(filter);
      if (target === null || target.kind !== 'commands' || !isValidDeviceId(target.deviceId))
        return { ruling: 'deny' };
      if (identity.kind === 'device')
        return target.deviceId === identity.id ? { ruling: 'allow' } : { ruling: 'deny' };
      if (identity.devices.has(target.deviceId)) return { ruling: 'allow' };
      return identity.customerId !== null
        ? { ruling: 'ask-customer', deviceId: target.deviceId, customerId: identity.customerId }
        : { ruling: 'deny' };
    }
  }
}
