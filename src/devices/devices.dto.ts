import { Type, type Static } from '@sinclair/typebox';
import { FormatQuery, Nullable, Page, PageQuery } from '../common/http/api-schemas.js';
import { named } from '../common/http/openapi-schemas.js';
import { DEVICE_ID_PATTERN } from '../contract/index.js';

export const DeviceId = Type.String({
  pattern: DEVICE_ID_PATTERN,
  description: 'Device id: its MQTT client id and topic segment.',
});

export const DeviceIdParams = Type.Object({ deviceId: DeviceId }, { additionalProperties: false });

export const DeviceSeenSchema = named(
  'DeviceSeen',
  Type.Object(
    {
      deviceId: DeviceId,
      firstSeen: Type.Integer({ description: 'First message, epoch ms.' }),
      lastSeen: Type.Integer({ description: 'Latest message, epoch ms.' }),
      online: Nullable(
        Type.Boolean({
          description:
            'Birth or data: true; last will, or no message for PRESENCE_OFFLINE_AFTER_INTERVALS reporting intervals: false.',
        }),
      ),
      statusChangedAt: Nullable(Type.Integer({ description: 'When `online` last changed, epoch ms.' })),
      model: Nullable(Type.String()),
      firmware: Nullable(Type.String()),
      serial: Nullable(Type.String()),
      reportingIntervalMs: Nullable(
        Type.Integer({
          description: 'As declared in its birth; null: PRESENCE_DEFAULT_INTERVAL_MS applies.',
        }),
      ),
      registered: Type.Boolean({ description: 'In the fleet registry; false: an unknown device.' }),
    },
    { additionalProperties: false },
  ),
);

export const DeviceSeenPage = Page('DeviceSeenPage', DeviceSeenSchema);

export const DeviceListQuery = Type.Object(
  {
    online: Type.Optional(Type.Boolean({ description: 'Only devices online (true) or offline (false).' })),
    registered: Type.Optional(
      Type.Boolean({ description: 'false lists unknown devices: seen on MQTT, not in the registry.' }),
    ),
    ...PageQuery,
    ...FormatQuery,
  },
  { additionalProperties: false },
);
export type DeviceListQuery = Static<typeof DeviceListQuery>;

export const DEVICE_CSV_COLUMNS = [
  'deviceId',
  'online',
  'registered',
  'firstSeen',
  'lastSeen',
  'statusChangedAt',
  'model',
  'firmware',
  'serial',
  'reportingIntervalMs',
] as const;
