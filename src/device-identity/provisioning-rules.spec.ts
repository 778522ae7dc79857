import type { MqttCredential, ProvisioningKey } from './device-identity.js';
import { newProvisioningKeyToken, provisioningKeyIdOf, ruleProvisioning } from './provisioning-rules.js';

const NOW = Date.UTC(2026, 10, 22);

const key = (over: Partial<ProvisioningKey> = {}): ProvisioningKey => ({
  id: 'pk-0a1b2c3d',
  name: 'line 3',
  secretHash: 'x',
  models: ['MFP-C300'],
  customerId: null,
  maxDevices: null,
  devicesProvisioned: 0,
  reprovision: false,
  expiresAt: null,
  revokedAt: null,
  createdAt: NOW - 1000,
  createdBy: 'test',
  ...over,
});

const credential = (over: Partial<MqttCredential> = {}): MqttCredential => ({
  id: 'dev-1',
  kind: 'device',
  secretHash: 'x',
  certificateFingerprint: null,
  enabled: true,
  devices: [],
  customerId: null,
  modelId: 'MFP-C300',
  issuedBy: 'provisioning-key:pk-0a1b2c3d',
  createdAt: NOW - 1000,
  updatedAt: NOW - 1000,
  ...over,
});

const request = { deviceId: 'dev-1', model: 'MFP-C300' };

describe('ruleProvisioning', () => {
  it.each<[string, ProvisioningKey, unknown, MqttCredential | null, string]>([
    ['a new device of a covered model', key(), request, null, 'accepted'],
    [
      'a new device when the key covers any model of a customer',
      key({ models: null, customerId: 'acme' }),
      request,
      null,
      'accepted',
    ],
    ['a request with a serial', key(), { ...request, serial: 'X1' }, null, 'accepted'],
    ['a revoked key', key({ revokedAt: NOW - 1 }), request, null, 'key_invalid'],
    ['an expired key', key({ expiresAt: NOW }), request, null, 'key_invalid'],
    ['a key expiring later', key({ expiresAt: NOW + 1 }), request, null, 'accepted'],
    ['no device id', key(), { model: 'MFP-C300' }, null, 'invalid_request'],
    ['a device id with a wildcard', key(), { ...request, deviceId: 'dev+1' }, null, 'invalid_request'],
    ['a device id with a slash', key(), { ...request, deviceId: 'a/b' }, null, 'invalid_request'],
    ['an unknown field', key(), { ...request, admin: true }, null, 'invalid_request'],
    ['not an object', key(), 'dev-1', null, 'invalid_request'],
    ['a gateway id', key(), { ...request, deviceId: 'gw-x' }, null, 'reserved_id'],
    ['a service id', key(), { ...request, deviceId: 'svc-ingest' }, null, 'reserved_id'],
    ['a provisioning key id', key(), { ...request, deviceId: 'pk-00000000' }, null, 'reserved_id'],
    ['a model the key does not cover', key(), { ...request, model: 'HVAC-9' }, null, 'model_not_allowed'],
    ['a device that has credentials', key(), request, credential(), 'device_exists'],
    [
      'a gateway of that name',
      key({ reprovision: true }),
      request,
      credential({ kind: 'gateway' }),
      'device_exists',
    ],
    [
      'a device another key provisioned, with reprovisioning on',
      key({ reprovision: true }),
      request,
      credential({ issuedBy: 'provisioning-key:pk-ffffffff' }),
      'device_exists',
    ],
    [
      'a device an admin created, with reprovisioning on',
      key({ reprovision: true }),
      request,
      credential({ issuedBy: 'cli' }),
      'device_exists',
    ],
    [
      'a device this key provisioned, with reprovisioning on',
      key({ reprovision: true }),
      request,
      credential(),
      'accepted',
    ],
    [
      'a key that provisioned all it may',
      key({ maxDevices: 2, devicesProvisioned: 2 }),
      request,
      null,
      'key_exhausted',
    ],
    [
      'a key that provisioned all it may, provisioning one of its own again',
      key({ maxDevices: 1, devicesProvisioned: 1, reprovision: true }),
      request,
      credential(),
      'accepted',
    ],
  ])('%s', (_, k, body, existing, expected) => {
    const ruling = ruleProvisioning(k, body, existing, NOW);
    expect(ruling.ok ? 'accepted' : ruling.reason).toBe(expected);
  });
});

describe('provisioning key tokens', () => {
  it('name their key id before the dot', () => {
    const { id, token } = newProvisioningKeyToken();
    expect(id).toMatch(/^pk-[0-9a-f]{8}$/);
    expect(provisioningKeyIdOf(token)).toBe(id);
  });

  it.each([
    '',
    'pk-0a1b2c3d',
    'pk-0a1b2c3d.short',
    'fk_abc.' + 'x'.repeat(43),
    'pk-0A1B2C3D.' + 'x'.repeat(43),
  ])('are refused when shaped like %p', (token) => {
    expect(provisioningKeyIdOf(token)).toBeNull();
  });
});
