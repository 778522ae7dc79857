import { Type, type Static } from '@sinclair/typebox';
import { EpochMs, Nullable } from '../common/http/api-schemas.js';
import { named } from '../common/http/openapi-schemas.js';

const KpiPoint = named(
  'FleetKpiPoint',
  Type.Object(
    {
      from: EpochMs('Window start, a UTC midnight.'),
      to: EpochMs('Window end, exclusive.'),
      availability: Nullable(Type.Number({ description: 'Up time ÷ in-service time, 0 to 1.' })),
      mtbfMs: Nullable(Type.Number({ description: 'Up time ÷ failures; null without failures.' })),
      mttrMs: Nullable(Type.Number({ description: 'Mean downtime of the repairs that ended.' })),
      failures: Type.Integer(),
    },
    { additionalProperties: false },
  ),
);

export const SiteOverviewSchema = named(
  'SiteOverview',
  Type.Object(
    {
      siteId: Type.String(),
      name: Type.String(),
      customerId: Type.String(),
      customerName: Nullable(Type.String()),
      lat: Type.Number(),
      lon: Type.Number(),
      devices: Type.Integer({ description: 'Registered devices in service at the site.' }),
      online: Type.Integer(),
      offline: Type.Integer(),
      activeAlarms: Type.Integer({ description: 'Alarms not cleared, of the devices at the site.' }),
      worstSeverity: Nullable(Type.String({ description: 'The most severe of them.' })),
    },
    { additionalProperties: false },
  ),
);

export const FleetOverviewSchema = named(
  'FleetOverview',
  Type.Object(
    {
      generatedAt: EpochMs('When the overview was put together.'),
      devices: Type.Object(
        {
          seen: Type.Integer({ description: 'Devices seen on MQTT.' }),
          online: Type.Integer(),
          offline: Type.Integer(),
          neverTold: Type.Integer({ description: 'Seen, but no birth, will or presence verdict yet.' }),
          registered: Type.Integer({ description: 'Registered devices in service.' }),
          unregisteredSeen: Type.Integer({ description: 'Seen on MQTT, not in the registry.' }),
        },
        { additionalProperties: false },
      ),
      kpis: Type.Object(
        {
          computedThrough: Nullable(EpochMs('Days after it are not in the figures yet.')),
          current: KpiPoint,
          previous: KpiPoint,
          trend: Type.Array(KpiPoint, {
            description: 'By 7 days ending today, oldest first, over the last 52 weeks.',
          }),
        },
        {
          additionalProperties: false,
          description: 'Fleet KPIs of the last 30 days, the 30 before, the trend.',
        },
      ),
      alarms: Type.Object(
        {
          active: Type.Record(Type.String(), Type.Integer(), { description: 'Active alarms by severity.' }),
          unacknowledged: Type.Integer({ description: 'Active and not acknowledged.' }),
        },
        { additionalProperties: false },
      ),
      workOrders: Type.Object(
        {
          open: Type.Integer({ description: 'Not closed or cancelled.' }),
          late: Type.Integer({
            description: 'Open, with a response or resolution due time passed or breached.',
          }),
          byStatus: Type.Record(Type.String(), Type.Integer()),
        },
        { additionalProperties: false },
      ),
      sites: Type.Array(SiteOverviewSchema, { description: 'Sites with coordinates.' }),
      devicesWithoutPlace: Type.Integer({
        description: 'Registered devices in service with no site, or at a site without coordinates.',
      }),
    },
    { additionalProperties: false },
  ),
);
export type FleetOverview = Static<typeof FleetOverviewSchema>;
export type SiteOverview = Static<typeof SiteOverviewSchema>;
export type FleetKpiPoint = Static<typeof KpiPoint>;
