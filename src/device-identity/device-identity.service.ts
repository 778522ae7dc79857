import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  GATEWAY_CLIENT_PREFIX,
  isReservedId,
  isValidDeviceId,
  type ProvisioningResponse,
} from '../contract/index.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
export type { NewProvisioningKey };
import { DomainEventBus } from '../events/domain-event-bus.js';
import {
  credentialView,
  provisioningKeyView,
  type MqttCredential,
  type MqttCredentialView,
  type ProvisioningKey,
  type ProvisioningKeyView,
} from './device-identity.js';
import { DEVICE_IDENTITY_REPOSITORY, type DeviceIdentityRepository } from './device-identity.repository.js';
import { DeviceIdentityMetrics } from './device-identity.metrics.js';
import { allCredentials, customerDevices } from './broker-config-input.js';
import { MosquittoSync } from './mosquitto-sync.service.js';
import { RegistryService } from '../registry/registry.service.js';
import {
  ensureBootstrapProvisioningKey,
  newProvisioningKeyRecord,
  type NewProvisioningKey,
} from './provisioning-keys.js';
import { newProvisioningKeyToken, provisioningKeyIdOf, ruleProvisioning } from './provisioning-rules.js';
import { generateSecret, hashSecret, verifySecret } from './secret-hash.js';

const MAX_GATEWAY_DEVICES = 10_000;
const FINGERPRINT = /^[0-9a-f]{64}$/;

export interface NewDeviceCredential {
  deviceId: string;
  modelId?: string | null;
  customerId?: string | null;
  /** Certificate only: no secret is issued. */
  certificateOnly?: boolean;
  /** SHA-256 of the one certificate this device may present (hex). */
  certificateFingerprint?: string | null;
}

export interface GatewayScope {
  devices?: string[];
  customerId?: string | null;
}

/** A secret as handed out, once: the caller shows it and forgets it. */
export interface IssuedSecret<T> {
  record: T;
  secret: string | null;
}

/**
 * Device identity: broker credentials of devices and gateways (issued, rotated,
 * disabled, deleted), provisioning keys, and provisioning itself. Every change that
 * voids a live session publishes `mqtt-credentials.revoked`, and the broker drops
 * that session at once.
 */
@Injectable()
export class DeviceIdentityService {
  private readonly logger = new Logger(DeviceIdentityService.name);
  private readonly iterations: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(DEVICE_IDENTITY_REPOSITORY) private readonly repo: DeviceIdentityRepository,
    private readonly bus: DomainEventBus,
    private readonly metrics: DeviceIdentityMetrics,
    private readonly registry: RegistryService,
    private readonly mosquitto: MosquittoSync,
  ) {
    this.iterations = config.security.kdfIterations;
  }

  // --- credentials ------------------------------------------------------------------

  getCredentialRecord(id: string): Promise<MqttCredential | null> {
    return this.repo.getCredential(id);
  }

  async getCredential(id: string): Promise<MqttCredentialView> {
    const c = await this.repo.getCredential(id);
    if (!c) throw new DomainError(ErrorCode.NotFound, `${id} has no credentials`);
    return credentialView(c);
  }

  async listCredentials(q: {
    kind?: MqttCredential['kind'];
    after?: string;
    limit: number;
  }): Promise<{ items: MqttCredentialView[]; next: string | null }> {
    const page = await this.repo.listCredentials(q);
    return { items: page.items.map(credentialView), next: page.next };
  }

  /** New device credentials: a fresh secret (unless certificate only). 409 when the device has some. */
  async issueDeviceCredential(
    input: NewDeviceCredential,
    issuedBy: string,
    now = Date.now(),
  ): Promise<IssuedSecret<MqttCredentialView>> {
    const { deviceId } = input;
    if (!isValidDeviceId(deviceId))
      throw new DomainError(
        ErrorCode.InvalidArgument,
        'deviceId must match ' + '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$',
      );
    if (isReservedId(deviceId))
      throw new DomainError(ErrorCode.InvalidArgument, 'device ids may not start with gw-, svc- or pk-');
    const fingerprint = this.fingerprintOf(input.certificateFingerprint);
    const secret = input.certificateOnly ? null : generateSecret();
    const record: MqttCredential = {
      id: deviceId,
      kind: 'device',
      secretHash: secret === null ? null : await hashSecret(secret, this.iterations),
      certificateFingerprint: fingerprint,
      enabled: true,
      devices: [],
      customerId: input.customerId ?? null,
      modelId: input.modelId ?? null,
      issuedBy,
      createdAt: now,
      updatedAt: now,
    };
    if (!(await this.repo.createCredential(record)))
      throw new DomainError(ErrorCode.Conflict, `${deviceId} already has credentials: rotate them instead`);
    await this.mosquitto.issued(record, secret);
    this.metrics.credentialsIssued.inc({ kind: 'device', via: issuedBy.split(':')[0] });
    this.bus.publish('device.provisioned', {
      deviceId,
      modelId: record.modelId,
      customerId: record.customerId,
      issuedBy,
    });
    return { record: credentialView(record), secret };
  }

  /** A gateway: publishes for the devices listed, or every device of a customer. */
  async createGateway(
    id: string,
    scope: GatewayScope,
    issuedBy: string,
    now = Date.now(),
  ): Promise<IssuedSecret<MqttCredentialView>> {
    if (!id.startsWith(GATEWAY_CLIENT_PREFIX) || !isValidDeviceId(id))
      throw new DomainError(
        ErrorCode.InvalidArgument,
        'gateway ids start with gw- and use letters, digits, _ . : -',
      );
    const checked = this.gatewayScope(scope);
    const secret = generateSecret();
    const record: MqttCredential = {
      id,
      kind: 'gateway',
      secretHash: await hashSecret(secret, this.iterations),
      certificateFingerprint: null,
      enabled: true,
      devices: checked.devices,
      customerId: checked.customerId,
      modelId: null,
      issuedBy,
      createdAt: now,
      updatedAt: now,
    };
    if (!(await this.repo.createCredential(record)))
      throw new DomainError(
        ErrorCode.Conflict,
        `gateway ${id} exists: rotate its secret or change its devices`,
      );
    this.metrics.credentialsIssued.inc({ kind: 'gateway', via: issuedBy.split(':')[0] });
    return { record: credentialView(record), secret };
  }

  /** New devices or customer for a gateway; its live session ends so the next one has the new rights. */
  async setGatewayScope(id: string, scope: GatewayScope, now = Date.now()): Promise<MqttCredentialView> {
    const c = await this.mustGet(id);
    if (c.kind !== 'gateway') throw new DomainError(ErrorCode.InvalidArgument, `${id} is not a gateway`);
    const checked = this.gatewayScope(scope);
    const updated = { ...c, ...checked, updatedAt: now };
    await this.repo.updateCredential(updated);
    this.revoked(c, 'changed');
    if (this.mosquitto.enabled)
      await this.mosquitto.scopeChanged(updated, await this.customerDevices(updated));
    return credentialView(updated);
  }

  /** A new secret; the old one stops working and its live session ends. */
  async rotate(id: string, now = Date.now()): Promise<IssuedSecret<MqttCredentialView>> {
    const c = await this.mustGet(id);
    const secret = generateSecret();
    const updated: MqttCredential = {
      ...c,
      secretHash: await hashSecret(secret, this.iterations),
      updatedAt: now,
    };
    await this.repo.updateCredential(updated);
    this.revoked(c, 'rotated');
    await this.mosquitto.rotated(updated, secret);
    return { record: credentialView(updated), secret };
  }

  async setEnabled(id: string, enabled: boolean, now = Date.now()): Promise<MqttCredentialView> {
    const c = await this.mustGet(id);
    const updated = { ...c, enabled, updatedAt: now };
    if (c.enabled !== enabled) await this.repo.updateCredential(updated);
    if (!enabled) this.revoked(c, 'disabled');
    await this.mosquitto.enabledChanged(updated);
    return credentialView(updated);
  }

  async deleteCredential(id: string): Promise<void> {
    const c = await this.mustGet(id);
    await this.repo.deleteCredential(id);
    this.revoked(c, 'deleted');
    await this.mosquitto.deleted(c);
  }

  // --- provisioning keys ----------------------------------------------------------------

  async createProvisioningKey(
    input: NewProvisioningKey,
    createdBy: string,
    now = Date.now(),
  ): Promise<IssuedSecret<ProvisioningKeyView> & { secret: string }> {
    const { id, token } = newProvisioningKeyToken();
    const key = await newProvisioningKeyRecord(id, token, input, createdBy, now, this.iterations);
    await this.repo.putProvisioningKey(key);
    await this.mosquitto.provisioningKeyIssued(key, token);
    return { record: provisioningKeyView(key), secret: token };
  }

  /** Makes a key given in the configuration valid (again): same id, this secret, these models. */
  async ensureProvisioningKey(token: string, models: string[] | null, now = Date.now()): Promise<void> {
    const key = await ensureBootstrapProvisioningKey(this.repo, token, models, this.iterations, now);
    if (key) await this.mosquitto.provisioningKeyIssued(key, token);
  }

  listProvisioningKeys(): Promise<ProvisioningKeyView[]> {
    return this.repo.listProvisioningKeys().then((keys) => keys.map(provisioningKeyView));
  }

  async revokeProvisioningKey(id: string, now = Date.now()): Promise<void> {
    if (!(await this.repo.revokeProvisioningKey(id, now)))
      throw new DomainError(ErrorCode.NotFound, `provisioning key ${id} does not exist`);
    this.bus.publish('mqtt-credentials.revoked', { identity: `provisioning:${id}`, reason: 'disabled' });
    await this.mosquitto.provisioningKeyRevoked(id);
  }

  /** The key a token is, when its secret matches; null otherwise (one KDF run either way). */
  async verifyProvisioningKey(token: string): Promise<ProvisioningKey | null> {
    const id = provisioningKeyIdOf(token);
    const key = id ? await this.repo.getProvisioningKey(id) : null;
    const ok = await verifySecret(token, key?.secretHash ?? null);
    return ok ? key : null;
  }

  // --- provisioning ---------------------------------------------------------------------

  /**
   * A device asks for credentials with a key already authenticated (HTTP: its token
   * verified; MQTT: the session that published authenticated with it). Never throws:
   * the answer says accepted or why not.
   */
  async provision(keyId: string, body: unknown, now = Date.now()): Promise<ProvisioningResponse> {
    try {
      const key = await this.repo.getProvisioningKey(keyId);
      if (!key) return this.rejected('key_invalid', 'the provisioning key does not exist');
      const deviceId = (body as { deviceId?: unknown } | null)?.deviceId;
      const existing =
        typeof deviceId === 'string' && isValidDeviceId(deviceId)
          ? await this.repo.getCredential(deviceId)
          : null;
      const ruling = ruleProvisioning(key, body, existing, now);
      if (!ruling.ok) return this.rejected(ruling.reason, ruling.message);
      const secret = generateSecret();
      const issuedBy = `provisioning-key:${key.id}`;
      const record: MqttCredential = {
        id: ruling.request.deviceId,
        kind: 'device',
        secretHash: await hashSecret(secret, this.iterations),
        certificateFingerprint: null,
        enabled: true,
        devices: [],
        customerId: key.customerId,
        modelId: ruling.request.model,
        issuedBy,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      };
      const outcome = await this.repo.provision(key.id, record, ruling.replaces, now);
      if (outcome !== 'ok') return this.rejected(outcome, 'the request lost a race; try again');
      if (ruling.replaces && existing) this.revoked(existing, 'rotated');
      // usable on an external broker before the device hears it is accepted
      await this.mosquitto.issued(record, secret);
      this.metrics.provisioning.inc({ outcome: 'accepted' });
      this.metrics.credentialsIssued.inc({ kind: 'device', via: 'provisioning-key' });
      this.bus.publish('device.provisioned', {
        deviceId: record.id,
        modelId: record.modelId,
        customerId: record.customerId,
        issuedBy,
      });
      return { status: 'accepted', deviceId: record.id, username: record.id, password: secret };
    } catch (err) {
      this.logger.error({ err, keyId }, 'provisioning failed');
      return this.rejected('internal_error', 'provisioning failed; try again later');
    }
  }

  // --- helpers ---------------------------------------------------------------------------

  /** Devices of a customer gateway's customer, by the registry and by provisioning. */
  async customerDevices(gateway: MqttCredential): Promise<string[]> {
    if (gateway.customerId === null) return [];
    return customerDevices(gateway.customerId, await allCredentials(this.repo), (customerId) =>
      this.registryDevicesOf(customerId),
    );
  }

  /** A customer's devices in the registry, every page. */
  async registryDevicesOf(customerId: string): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.registry.list('devices', { customerId, limit: '1000', cursor });
      ids.push(...page.data.map((d) => d.deviceId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return ids;
  }

  private rejected(
    reason: Extract<ProvisioningResponse, { status: 'rejected' }>['reason'],
    message: string,
  ): ProvisioningResponse {
    this.metrics.provisioning.inc({ outcome: reason });
    return { status: 'rejected', reason, message };
  }

  private revoked(c: MqttCredential, reason: 'disabled' | 'deleted' | 'rotated' | 'changed'): void {
    this.bus.publish('mqtt-credentials.revoked', { identity: `${c.kind}:${c.id}`, reason });
  }

  private async mustGet(id: string): Promise<MqttCredential> {
    const c = await this.repo.getCredential(id);
    if (!c) throw new DomainError(ErrorCode.NotFound, `${id} has no credentials`);
    return c;
  }

  private fingerprintOf(raw: string | null | undefined): string | null {
    if (raw === undefined || raw === null) return null;
    const hex = raw.replace(/:/g, '').toLowerCase();
    if (!FINGERPRINT.test(hex))
      throw new DomainError(
        ErrorCode.InvalidArgument,
        'certificateFingerprint is a SHA-256 in hex (64 digits)',
      );
    return hex;
  }

  private gatewayScope(scope: GatewayScope): { devices: string[]; customerId: string | null } {
    const devices = [...new Set(scope.devices ?? [])];
    const customerId = scope.customerId ?? null;
    if (devices.length > MAX_GATEWAY_DEVICES)
      throw new DomainError(
        ErrorCode.InvalidArgument,
        `a gateway lists at most ${MAX_GATEWAY_DEVICES} devices`,
      );
    const bad = devices.find((d) => !isValidDeviceId(d) || isReservedId(d));
    if (bad !== undefined)
      throw new DomainError(ErrorCode.InvalidArgument, `not a device id: ${bad.slice(0, 64)}`);
    if (!devices.length && customerId === null)
      throw new DomainError(ErrorCode.InvalidArgument, 'a gateway needs devices, a customerId, or both');
    return { devices, customerId };
  }
}
