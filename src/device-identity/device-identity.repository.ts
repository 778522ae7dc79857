import type { MqttCredential, ProvisioningKey } from './device-identity.js';

export interface CredentialPage {
  items: MqttCredential[];
  /** Pass back as `after` for the next page; null on the last. */
  next: string | null;
}

/**
 * The device-identity feature's records: broker credentials (devices and gateways)
 * and provisioning keys. One SQL implementation runs on PGlite and PostgreSQL
 * (`sql-device-identity.repository.ts`); `test/contract/device-identity.contract.ts`
 * is the suite every implementation passes.
 */
export interface DeviceIdentityRepository {
  getCredential(id: string): Promise<MqttCredential | null>;
  /** By id, ascending; `after` excludes ids up to and including it. */
  listCredentials(q: {
    kind?: MqttCredential['kind'];
    after?: string;
    limit: number;
  }): Promise<CredentialPage>;
  /** Inserts; false when the id is taken. */
  createCredential(c: MqttCredential): Promise<boolean>;
  /** Replaces the record with this id; false when there is none. */
  updateCredential(c: MqttCredential): Promise<boolean>;
  deleteCredential(id: string): Promise<boolean>;

  getProvisioningKey(id: string): Promise<ProvisioningKey | null>;
  listProvisioningKeys(): Promise<ProvisioningKey[]>;
  /** Inserts, or replaces the key of that id (bootstrap keys are re-asserted at every start). */
  putProvisioningKey(k: ProvisioningKey): Promise<void>;
  revokeProvisioningKey(id: string, at: number): Promise<boolean>;

  /**
   * A device obtains credentials with a provisioning key, in one transaction: the
   * key takes one device slot (unless `replaces`, then the device's record is
   * replaced), and the credential is stored. Resolves to what went wrong, if anything,
   * as seen inside the transaction (another request may have won the race).
   */
  provision(
    keyId: string,
    credential: MqttCredential,
    replaces: boolean,
    now: number,
  ): Promise<'ok' | 'key_invalid' | 'key_exhausted' | 'device_exists'>;
}

export const DEVICE_IDENTITY_REPOSITORY = Symbol('DeviceIdentityRepository');
