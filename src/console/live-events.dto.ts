import { Type, type Static } from '@sinclair/typebox';
import { EpochMs, StringEnum } from '../common/http/api-schemas.js';
import { named } from '../common/http/openapi-schemas.js';

/** Kinds of live event the console's stream carries (each maps from a domain event). */
export const LIVE_EVENT_KINDS = [
  'device-status',
  'telemetry',
  'device-events',
  'dead-letters',
  'kpis',
  'alarm',
  'work-order',
  'prediction',
  'heartbeat',
] as const;
export type LiveEventKind = (typeof LIVE_EVENT_KINDS)[number];

export const LiveEventSchema = named(
  'LiveEvent',
  Type.Object(
    {
      kind: StringEnum(LIVE_EVENT_KINDS),
      at: EpochMs('When the server sent it.'),
      deviceIds: Type.Optional(
        Type.Array(Type.String(), { description: 'Devices concerned (telemetry, events, status).' }),
      ),
      data: Type.Optional(
        Type.Unknown({ description: 'What happened, by kind: see docs/console.md, "Live updates".' }),
      ),
    },
    { additionalProperties: false },
  ),
);
export type LiveEvent = Static<typeof LiveEventSchema>;
