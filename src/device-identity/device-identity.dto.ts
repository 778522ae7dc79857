import { Type, type Static } from '@sinclair/typebox';
import { EpochMs, Nullable, Page, PageQuery, StringEnum, TimeParam } from '../common/http/api-schemas.js';
import { named } from '../common/http/openapi-schemas.js';
import { DEVICE_ID_PATTERN, provisioningRequestSchema } from '../contract/index.js';

const Id = Type.String({ pattern: DEVICE_ID_PATTERN, description: 'A device id, or a gateway id (gw-…).' });
const Fingerprint = Type.String({
  pattern: '^([0-9a-fA-F]{2}:?){31}[0-9a-fA-F]{2}$',
  description: 'SHA-256 of the one client certificate allowed, hex (colons optional).',
});

export const CredentialSchema = named(
  'MqttCredential',
  Type.Object(
    {
      id: Type.String({ description: 'MQTT user name and client id.' }),
      kind: StringEnum(['device', 'gateway'] as const),
      hasSecret: Type.Boolean({ description: 'false: certificate only.' }),
      certificateFingerprint: Nullable(Type.String()),
      enabled: Type.Boolean(),
      devices: Type.Array(Type.String(), { description: 'Gateways: the devices they publish for.' }),
      customerId: Nullable(Type.String()),
      modelId: Nullable(Type.String()),
      issuedBy: Type.String(),
      createdAt: EpochMs(),
      updatedAt: EpochMs(),
    },
    { additionalProperties: false },
  ),
);

export const CredentialPage = Page('MqttCredentialPage', CredentialSchema);

export const CredentialQuery = Type.Object(
  { kind: Type.Optional(StringEnum(['device', 'gateway'] as const)), ...PageQuery },
  { additionalProperties: false },
);
export type CredentialQuery = Static<typeof CredentialQuery>;

export const CredentialIdParams = Type.Object({ id: Id }, { additionalProperties: false });

export const IssuedCredential = named(
  'IssuedMqttCredential',
  Type.Object(
    {
      credential: CredentialSchema,
      username: Type.String(),
      password: Nullable(Type.String({ description: 'Shown in this answer only; null: certificate only.' })),
    },
    { additionalProperties: false },
  ),
);
export type IssuedCredential = Static<typeof IssuedCredential>;

export const NewDeviceBody = Type.Object(
  {
    deviceId: Id,
    modelId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    customerId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    certificateOnly: Type.Optional(
      Type.Boolean({ description: 'No secret: the device uses a client certificate.' }),
    ),
    certificateFingerprint: Type.Optional(Fingerprint),
  },
  { additionalProperties: false },
);
export type NewDeviceBody = Static<typeof NewDeviceBody>;

export const NewGatewayBody = Type.Object(
  {
    gatewayId: Type.String({ pattern: '^gw-[A-Za-z0-9_.:-]{1,61}$' }),
    devices: Type.Optional(Type.Array(Id, { maxItems: 10_000 })),
    customerId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type NewGatewayBody = Static<typeof NewGatewayBody>;

export const PatchCredentialBody = Type.Object(
  {
    enabled: Type.Optional(Type.Boolean({ description: 'false drops the live session at once.' })),
    devices: Type.Optional(Type.Array(Id, { maxItems: 10_000, description: 'Gateways only.' })),
    customerId: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64 }))),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PatchCredentialBody = Static<typeof PatchCredentialBody>;

export const ProvisioningKeySchema = named(
  'ProvisioningKey',
  Type.Object(
    {
      id: Type.String({
        description: '`pk-` and 8 hex digits: the MQTT user name of a provisioning session.',
      }),
      name: Type.String(),
      models: Nullable(Type.Array(Type.String())),
      customerId: Nullable(Type.String()),
      maxDevices: Nullable(Type.Integer()),
      devicesProvisioned: Type.Integer(),
      reprovision: Type.Boolean(),
      expiresAt: Nullable(EpochMs()),
      revokedAt: Nullable(EpochMs()),
      createdAt: EpochMs(),
      createdBy: Type.String(),
    },
    { additionalProperties: false },
  ),
);

export const ProvisioningKeyList = Type.Array(ProvisioningKeySchema);

export const IssuedProvisioningKey = named(
  'IssuedProvisioningKey',
  Type.Object(
    {
      ...ProvisioningKeySchema.properties,
      key: Type.String({ description: 'The key: shown in this answer only.' }),
    },
    { additionalProperties: false },
  ),
);
export type IssuedProvisioningKey = Static<typeof IssuedProvisioningKey>;

export const NewProvisioningKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    models: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1 })),
    customerId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    maxDevices: Type.Optional(Type.Integer({ minimum: 1 })),
    reprovision: Type.Optional(
      Type.Boolean({ description: 'Devices this key provisioned may be provisioned by it again.' }),
    ),
    expiresAt: Type.Optional(Type.Union([EpochMs(), TimeParam('When the key stops working.')])),
  },
  { additionalProperties: false },
);
export type NewProvisioningKeyBody = Static<typeof NewProvisioningKeyBody>;

export const ProvisioningKeyIdParams = Type.Object(
  { id: Type.String({ pattern: '^pk-[0-9a-f]{8}$' }) },
  { additionalProperties: false },
);

export const ProvisioningBody = Type.Object(
  {
    deviceId: Type.String({ pattern: provisioningRequestSchema.properties.deviceId.pattern }),
    model: Type.String({ minLength: 1, maxLength: 64 }),
    serial: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false, description: 'The same request as over MQTT (docs/mqtt-contract.md).' },
);
export type ProvisioningBody = Static<typeof ProvisioningBody>;

export const ProvisioningAccepted = named(
  'ProvisioningAccepted',
  Type.Object(
    {
      status: Type.Literal('accepted'),
      deviceId: Type.String(),
      username: Type.String(),
      password: Type.String({ description: 'Shown in this answer only.' }),
    },
    { additionalProperties: false },
  ),
);
export type ProvisioningAccepted = Static<typeof ProvisioningAccepted>;
