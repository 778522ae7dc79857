import {
  PROVISIONING_ROOT,
  PROVISIONING_VERSION,
  TOPIC_ROOT,
  deviceTopic,
  provisioningRequestSubscription,
} from '../contract/index.js';
import type { MqttCredential, ProvisioningKey } from './device-identity.js';
import { parseSecretHash } from './secret-hash.js';

/**
 * External brokers: the same identities and topic ACL as the embedded broker, as a
 * Mosquitto dynamic-security file and as EMQX users and an ACL file. Pure: what to
 * write is computed from the records passed in.
 *
 * Why dynamic security rather than a password file and an ACL file: one file instead
 * of two; `disabled` per client, and a change made live (`mosquitto_ctrl dynsec
 * disableClient dev-1`) drops that client's session at once, which a reloaded
 * password file does not; it stores PBKDF2-SHA512 hashes with their own salt and
 * iteration count, so the hashes kept here go in unchanged.
 *
 * Mosquitto 2.0's dynamic security does not substitute `%u` or `%c` in ACL topics,
 * so each device, gateway and provisioning key gets a role of its own with literal
 * topics: nothing in a user name or client id can widen a rule (CVE-2017-7650).
 */
export interface BrokerConfigInput {
  credentials: readonly MqttCredential[];
  /** Devices of each customer gateway's customer, resolved when the file is made. */
  customerDevices: ReadonlyMap<string, readonly string[]>;
  provisioningKeys: readonly ProvisioningKey[];
  /** The platform's client (MQTT_USERNAME) and the hash of its password (MQTT_PASSWORD). */
  service: { username: string; secretHash: string };
  /** Shared-subscription groups the service replicas use. */
  shareGroups: { ingest: string; provisioning: string };
  now: number;
}

type DynsecAclType =
  | 'publishClientSend'
  | 'publishClientReceive'
  | 'subscribeLiteral'
  | 'subscribePattern'
  | 'unsubscribeLiteral'
  | 'unsubscribePattern';

export interface DynsecAcl {
  acltype: DynsecAclType;
  topic: string;
  allow: boolean;
}

export interface DynsecRole {
  rolename: string;
  textname?: string;
  acls: DynsecAcl[];
}

export interface DynsecClient {
  username: string;
  textname?: string;
  /** When set, this user name may only connect with this client id. */
  clientid?: string;
  password?: string;
  salt?: string;
  iterations?: number;
  disabled?: boolean;
  roles: Array<{ rolename: string }>;
}

export interface DynsecConfig {
  defaultACLAccess: Record<
    'publishClientSend' | 'publishClientReceive' | 'subscribe' | 'unsubscribe',
    boolean
  >;
  clients: DynsecClient[];
  groups: never[];
  roles: DynsecRole[];
}

const DEVICE_KINDS = ['telemetry', 'events', 'status'] as const;
const allow = (acltype: DynsecAclType, topic: string): DynsecAcl => ({ acltype, topic, allow: true });

/** The devices a gateway may publish for: its list, and its customer's devices. */
export function gatewayDevices(
  c: MqttCredential,
  customerDevices: ReadonlyMap<string, readonly string[]>,
): string[] {
  return [...new Set([...c.devices, ...(c.customerId ? (customerDevices.get(c.id) ?? []) : [])])].sort();
}

function password(secretHash: string | null): Pick<DynsecClient, 'password' | 'salt' | 'iterations'> {
  const parsed = secretHash ? parseSecretHash(secretHash) : null;
  // no password: only a client certificate gets this client in (use_identity_as_username)
  if (!parsed) return {};
  return {
    password: parsed.hash.toString('base64'),
    salt: parsed.salt.toString('base64'),
    iterations: parsed.iterations,
  };
}

function deviceAcls(deviceIds: readonly string[]): DynsecAcl[] {
  return deviceIds.flatMap((id) => [
    ...DEVICE_KINDS.map((kind) => allow('publishClientSend', deviceTopic(id, kind))),
    allow('subscribeLiteral', deviceTopic(id, 'commands')),
    allow('publishClientReceive', deviceTopic(id, 'commands')),
  ]);
}

/** A device's or gateway's role and client in dynamic security: literal topics only. */
export function dynsecIdentity(
  c: MqttCredential,
  customerDevices: ReadonlyMap<string, readonly string[]>,
): { role: DynsecRole; client: DynsecClient } {
  const rolename = `${c.kind}:${c.id}`;
  const devices = c.kind === 'gateway' ? gatewayDevices(c, customerDevices) : [c.id];
  return {
    role: { rolename, acls: deviceAcls(devices) },
    client: {
      username: c.id,
      textname: c.kind,
      // devices and gateways connect with client id = user name, as on the embedded broker
      clientid: c.id,
      ...password(c.secretHash),
      ...(c.enabled ? {} : { disabled: true }),
      roles: [{ rolename }],
    },
  };
}

/** A provisioning key's role and client: it may ask under its own key only. */
export function dynsecProvisioningKey(
  k: ProvisioningKey,
  now: number,
): { role: DynsecRole; client: DynsecClient } {
  const rolename = `provisioning:${k.id}`;
  const root = `${PROVISIONING_ROOT}/${PROVISIONING_VERSION}/${k.id}`;
  const usable = k.revokedAt === null && (k.expiresAt === null || k.expiresAt > now);
  return {
    role: {
      rolename,
      textname: k.name,
      // without %c, the client id level stays a wildcard: one key's sessions share it
      acls: [
        allow('publishClientSend', `${root}/+/request`),
        allow('subscribePattern', `${root}/+/response`),
        allow('publishClientReceive', `${root}/+/response`),
      ],
    },
    client: {
      username: k.id,
      textname: `provisioning key: ${k.name}`,
      ...password(k.secretHash),
      ...(usable ? {} : { disabled: true }),
      roles: [{ rolename }],
    },
  };
}

/** ACLs of the platform's control client when it keeps the broker in step (MQTT_DYNSEC_SYNC). */
export const DYNSEC_CONTROL_ACLS: readonly DynsecAcl[] = [
  allow('publishClientSend', '$CONTROL/dynamic-security/v1'),
  allow('subscribeLiteral', '$CONTROL/dynamic-security/v1/response'),
  allow('publishClientReceive', '$CONTROL/dynamic-security/v1/response'),
];

/**
 * The Mosquitto dynamic-security file (`plugin_opt_config_file`). With `control`,
 * the platform's client may also change it live (MQTT_DYNSEC_SYNC).
 */
export function mosquittoDynamicSecurity(input: BrokerConfigInput, control = false): DynsecConfig {
  const roles: DynsecRole[] = [];
  const clients: DynsecClient[] = [];
  const provisioning = `${PROVISIONING_ROOT}/${PROVISIONING_VERSION}`;
  const { ingest, provisioning: provisioningGroup } = input.shareGroups;

  roles.push({
    rolename: 'fleet-service',
    textname: 'the platform: reads every device topic, sends commands, answers provisioning',
    acls: [
      allow('subscribeLiteral', `${TOPIC_ROOT}/#`),
      allow('subscribeLiteral', `$share/${ingest}/${TOPIC_ROOT}/#`),
      allow('subscribeLiteral', provisioningRequestSubscription()),
      allow('subscribeLiteral', provisioningRequestSubscription(provisioningGroup)),
      allow('publishClientReceive', `${TOPIC_ROOT}/#`),
      allow('publishClientReceive', `${provisioning}/+/+/request`),
      allow('publishClientSend', deviceTopic('+', 'commands')),
      allow('publishClientSend', `${provisioning}/+/+/response`),
      ...(control ? DYNSEC_CONTROL_ACLS : []),
    ],
  });
  clients.push({
    username: input.service.username,
    textname: 'fleet service (MQTT_USERNAME)',
    ...password(input.service.secretHash),
    roles: [{ rolename: 'fleet-service' }],
  });
  for (const c of input.credentials) {
    const { role, client } = dynsecIdentity(c, input.customerDevices);
    roles.push(role);
    clients.push(client);
  }
  for (const k of input.provisioningKeys) {
    const { role, client } = dynsecProvisioningKey(k, input.now);
    roles.push(role);
    clients.push(client);
  }
  return {
    // deny unless a role allows: no anonymous reading of fleet/#, no $SYS
    defaultACLAccess: {
      publishClientSend: false,
      publishClientReceive: false,
      subscribe: false,
      unsubscribe: true,
    },
    clients,
    groups: [],
    roles,
  };
}

/** One user of EMQX's built-in database, as its import file has them. */
export interface EmqxUser {
  user_id: string;
  /** Hex, compared case-insensitively. */
  password_hash: string;
  /** Taken by EMQX as the characters of the string: our salts are text for this. */
  salt: string;
  is_superuser: boolean;
}

export interface EmqxConfig {
  /** Import file of the built-in database authenticator (`import_users`). */
  users: EmqxUser[];
  /** File authorization source (`acl.conf`), Erlang terms, first match wins. */
  aclConf: string;
  /** The authenticator's settings: every hash must have the same iteration count. */
  iterations: number;
  /** Identities left out, and why (no password, disabled, another iteration count). */
  skipped: Array<{ id: string; why: string }>;
}

const quote = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const topics = (list: readonly string[]): string => `[${list.map(quote).join(', ')}]`;

/** EMQX 5: users for the built-in database and an `acl.conf` with the same rules. */
export function emqxConfig(input: BrokerConfigInput): EmqxConfig {
  const skipped: EmqxConfig['skipped'] = [];
  const iterations = parseSecretHash(input.service.secretHash)?.iterations ?? 0;
  const users: EmqxUser[] = [];
  const add = (id: string, secretHash: string | null, active: boolean): boolean => {
    const parsed = secretHash ? parseSecretHash(secretHash) : null;
    if (!parsed) return (skipped.push({ id, why: 'no password (certificate only)' }), false);
    if (!active) return (skipped.push({ id, why: 'disabled' }), false);
    if (parsed.iterations !== iterations)
      return (
        skipped.push({
          id,
          why: `hashed with ${parsed.iterations} iterations, the authenticator uses ${iterations}`,
        }),
        false
      );
    users.push({
      user_id: id,
      password_hash: parsed.hash.toString('hex'),
      salt: parsed.salt.toString('latin1'),
      is_superuser: false,
    });
    return true;
  };

  const provisioning = `${PROVISIONING_ROOT}/${PROVISIONING_VERSION}`;
  const { ingest, provisioning: provisioningGroup } = input.shareGroups;
  const rules: string[] = [
    '%% generated by `npm run broker-config -- --format emqx`: first match wins',
    `{deny, all, subscribe, ["$SYS/#", {eq, "#"}]}.`,
  ];
  add(input.service.username, input.service.secretHash, true);
  const svc = `{username, ${quote(input.service.username)}}`;
  rules.push(
    `{allow, ${svc}, subscribe, ${topics([`${TOPIC_ROOT}/#`, `$share/${ingest}/${TOPIC_ROOT}/#`, provisioningRequestSubscription(), provisioningRequestSubscription(provisioningGroup)])}}.`,
    `{allow, ${svc}, publish, ${topics([deviceTopic('+', 'commands'), `${provisioning}/+/+/response`])}}.`,
  );
  for (const c of input.credentials) {
    if (!add(c.id, c.secretHash, c.enabled)) continue;
    const devices = c.kind === 'gateway' ? gatewayDevices(c, input.customerDevices) : [c.id];
    const who = `{username, ${quote(c.id)}}`;
    rules.push(
      `{allow, ${who}, publish, ${topics(devices.flatMap((d) => DEVICE_KINDS.map((k) => deviceTopic(d, k))))}}.`,
      `{allow, ${who}, subscribe, ${topics(devices.map((d) => deviceTopic(d, 'commands')))}}.`,
    );
  }
  for (const k of input.provisioningKeys) {
    const usable = k.revokedAt === null && (k.expiresAt === null || k.expiresAt > input.now);
    if (!add(k.id, k.secretHash, usable)) continue;
    const who = `{username, ${quote(k.id)}}`;
    rules.push(
      `{allow, ${who}, publish, ${topics([`${provisioning}/${k.id}/\${clientid}/request`])}}.`,
      `{allow, ${who}, subscribe, ${topics([`${provisioning}/${k.id}/\${clientid}/response`])}}.`,
    );
  }
  rules.push('{deny, all}.', '');
  return { users, aclConf: rules.join('\n'), iterations, skipped };
}
