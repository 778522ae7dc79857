import { Injectable, Logger } from '@nestjs/common';
import { AuthThrottle } from '../common/auth-throttle.js';
import type {
  BrokerAccessPolicy,
  BrokerSession,
  ConnectAttempt,
  ConnectOutcome,
  PublishDecision,
} from '../infrastructure/broker/broker-access.policy.js';
import { ServiceCredentials } from '../infrastructure/broker/service-credentials.js';
import { RegistryService } from '../registry/registry.service.js';
import { provisioningKeyUsable, type MqttCredential } from './device-identity.js';
import { DeviceIdentityService } from './device-identity.service.js';
import {
  CONNACK_CODE,
  checkConnectIds,
  identityName,
  rulePublish,
  ruleSubscribe,
  type ConnectRefusal,
  type MqttIdentity,
} from './mqtt-access-rules.js';
import { verifySecret } from './secret-hash.js';

const ALLOW: PublishDecision = { allowed: true };
/** Devices a customer gateway was found to serve, remembered per session. */
const MAX_REMEMBERED_DEVICES = 10_000;

/** One authenticated connection: its identity and the topic ACL applied to it. */
class IdentitySession implements BrokerSession {
  readonly identity: string;
  private readonly served = new Set<string>();

  constructor(
    private readonly who: MqttIdentity,
    private readonly belongsTo: (deviceId: string, customerId: string) => Promise<boolean>,
  ) {
    this.identity = identityName(who);
  }

  authorizePublish(topic: string): PublishDecision | Promise<PublishDecision> {
    const r = rulePublish(this.who, topic);
    switch (r.ruling) {
      case 'allow':
        return ALLOW;
      case 'deny':
        return { allowed: false, deviceId: r.deviceId, detail: r.detail };
      case 'ask-customer':
        return this.serves(r.deviceId, r.customerId).then((ok) =>
          ok
            ? ALLOW
            : {
                allowed: false,
                deviceId: r.deviceId,
                detail: `gateway of customer ${r.customerId} published for device ${r.deviceId}, not one of its devices`,
              },
        );
    }
  }

  authorizeSubscribe(filter: string): boolean | Promise<boolean> {
    const r = ruleSubscribe(this.who, filter);
    switch (r.ruling) {
      case 'allow':
        return true;
      case 'deny':
        return false;
      case 'ask-customer':
        return this.serves(r.deviceId, r.customerId);
    }
  }

  private async serves(deviceId: string, customerId: string): Promise<boolean> {
    if (this.served.has(deviceId)) return true;
    const ok = await this.belongsTo(deviceId, customerId);
    // only yes is remembered: a refusal ends the session anyway
    if (ok && this.served.size < MAX_REMEMBERED_DEVICES) this.served.add(deviceId);
    return ok;
  }
}

/**
 * The embedded broker's access policy: who connects (device and gateway secrets,
 * device certificates, provisioning keys, the platform's own credential) and what
 * each may publish and subscribe to (mqtt-access-rules.ts). Failed attempts are
 * answered late, later with each failure from the same address.
 */
@Injectable()
export class MqttAccessPolicy implements BrokerAccessPolicy {
  private readonly logger = new Logger(MqttAccessPolicy.name);

  constructor(
    private readonly identities: DeviceIdentityService,
    private readonly service: ServiceCredentials,
    private readonly registry: RegistryService,
    private readonly throttle: AuthThrottle,
  ) {}

  async connect(a: ConnectAttempt): Promise<ConnectOutcome> {
    const result = await this.identify(a);
    if (typeof result === 'string') return this.refuse(result, a.remoteAddress);
    if (a.willTopic !== undefined) {
      const will = await new IdentitySession(result, this.belongsTo).authorizePublish(a.willTopic);
      if (!will.allowed) return this.refuse('will_not_allowed', a.remoteAddress);
    }
    return { ok: true, session: new IdentitySession(result, this.belongsTo) };
  }

  /** The identity the attempt proves, or why it proves none. */
  private async identify(a: ConnectAttempt): Promise<MqttIdentity | ConnectRefusal> {
    if (a.certificate) return this.identifyByCertificate(a);
    if (a.username === undefined || a.username === '') return 'no_credentials';
    const ids = checkConnectIds(a.clientId, a.username);
    if (!ids.ok) return ids.reason;
    const secret = a.password?.toString('utf8') ?? '';
    switch (ids.kind) {
      case 'service':
        return this.service.matches(a.username, a.password)
          ? { kind: 'service', id: a.username }
          : 'bad_credentials';
      case 'provisioning': {
        const key = await this.identities.verifyProvisioningKey(secret);
        if (!key || key.id !== a.username) return 'bad_credentials';
        if (!provisioningKeyUsable(key, Date.now())) return 'disabled';
        return { kind: 'provisioning', keyId: key.id, clientId: a.clientId };
      }
      case 'device':
      case 'gateway': {
        const c = await this.identities.getCredentialRecord(a.username);
        const ok = await verifySecret(secret, c?.kind === ids.kind ? c.secretHash : null);
        if (!ok || !c) return 'bad_credentials';
        if (!c.enabled) return 'disabled';
        return this.identityOf(c);
      }
    }
  }

  private async identifyByCertificate(a: ConnectAttempt): Promise<MqttIdentity | ConnectRefusal> {
    const cert = a.certificate!;
    if (!cert.authorized || cert.deviceId === null) return 'certificate_invalid';
    // a user name, if sent, must be the certificate's own identity
    if (a.username !== undefined && a.username !== '' && a.username !== cert.deviceId)
      return 'certificate_invalid';
    const ids = checkConnectIds(a.clientId, cert.deviceId);
    if (!ids.ok) return ids.reason;
    if (ids.kind !== 'device' && ids.kind !== 'gateway') return 'certificate_invalid';
    const c = await this.identities.getCredentialRecord(cert.deviceId);
    if (!c || c.kind !== ids.kind) return 'certificate_invalid';
    if (c.certificateFingerprint !== null && c.certificateFingerprint !== cert.fingerprint)
      return 'certificate_invalid';
    if (!c.enabled) return 'disabled';
    return this.identityOf(c);
  }

  private identityOf(c: MqttCredential): MqttIdentity {
    return c.kind === 'gateway'
      ? { kind: 'gateway', id: c.id, devices: new Set(c.devices), customerId: c.customerId }
      : { kind: 'device', id: c.id };
  }

  private async refuse(reason: ConnectRefusal, remoteAddress: string): Promise<ConnectOutcome> {
    const verdict = this.throttle.failure(remoteAddress, Date.now());
    if (verdict.tooMany)
      return { ok: false, reason: 'too_many_failures', returnCode: CONNACK_CODE.too_many_failures };
    if (verdict.holdMs > 0) await new Promise((r) => setTimeout(r, verdict.holdMs));
    return { ok: false, reason, returnCode: CONNACK_CODE[reason] };
  }

  /** Does the registry (or the device's own provisioning) put this device with this customer? */
  private readonly belongsTo = async (deviceId: string, customerId: string): Promise<boolean> => {
    try {
      const credential = await this.identities.getCredentialRecord(deviceId);
      if (credential?.kind === 'device' && credential.customerId === customerId) return true;
      const device = await this.registry.get('devices', deviceId).catch(() => null);
      if (!device?.siteId) return false;
      const site = await this.registry.get('sites', device.siteId).catch(() => null);
      return site?.customerId === customerId;
    } catch (err) {
      this.logger.error({ err, deviceId }, 'customer lookup failed; publish refused');
      return false;
    }
  };
}
