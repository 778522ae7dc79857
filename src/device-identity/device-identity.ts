/**
 * The records of device identity: who may connect to the broker (devices and
 * gateways, by secret or certificate) and the provisioning keys that let new
 * devices obtain credentials. Secrets are never kept, only their slow hashes.
 */

/** A device's or a gateway's broker credentials. The id is the MQTT user name and client id. */
export interface MqttCredential {
  id: string;
  kind: 'device' | 'gateway';
  /** PBKDF2 hash of the secret (see secret-hash.ts); null: certificate only. */
  secretHash: string | null;
  /** SHA-256 of the client certificate (hex, lower case) the device must present; null: any the CA signed. */
  certificateFingerprint: string | null;
  /** A disabled identity is refused at connect, and its live session is dropped. */
  enabled: boolean;
  /** Gateways: the devices they publish for, by name. */
  devices: string[];
  /** Gateways: every device of this customer too. Devices: the customer of their provisioning key. */
  customerId: string | null;
  /** Devices: the model they stated when provisioned. */
  modelId: string | null;
  /** Who issued the credentials: `provisioning-key:pk-…`, `api-key:…`, `cli`, `demo`. */
  issuedBy: string;
  createdAt: number;
  updatedAt: number;
}

/** What a listing shows: never the hash. */
export type MqttCredentialView = Omit<MqttCredential, 'secretHash'> & { hasSecret: boolean };

export function credentialView(c: MqttCredential): MqttCredentialView {
  const { secretHash, ...rest } = c;
  return { ...rest, hasSecret: secretHash !== null };
}

/** A key that lets a device provision itself: per model (the models it covers), or per customer. */
export interface ProvisioningKey {
  /** `pk-` and 8 hex digits: the MQTT user name of a provisioning session. */
  id: string;
  name: string;
  secretHash: string;
  /** Models a device may state; null: any (then `customerId` is set). */
  models: string[] | null;
  /** Customer the devices provisioned with this key belong to. */
  customerId: string | null;
  /** Devices it may provision at most; null: no limit. */
  maxDevices: number | null;
  devicesProvisioned: number;
  /** A device this key provisioned may be provisioned again by it (new secret, old one void). */
  reprovision: boolean;
  expiresAt: number | null;
  revokedAt: number | null;
  createdAt: number;
  createdBy: string;
}

export type ProvisioningKeyView = Omit<ProvisioningKey, 'secretHash'>;

export function provisioningKeyView(k: ProvisioningKey): ProvisioningKeyView {
  const rest: Partial<ProvisioningKey> = { ...k };
  delete rest.secretHash;
  return rest as ProvisioningKeyView;
}

export function provisioningKeyUsable(k: ProvisioningKey, now: number): boolean {
  return k.revokedAt === null && (k.expiresAt === null || k.expiresAt > now);
}
