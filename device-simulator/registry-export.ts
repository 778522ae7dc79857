import type { TruthRecord } from './ground-truth.js';
import { MODELS } from './catalog.js';

/**
 * The catalog's models as fleet-registry records (`POST /api/v1/registry/models/import`):
 * expected component life is the Weibull scale of its life.
 */
export function catalogAsRegistryModels(): Array<Record<string, unknown>> {
  return MODELS.map((m) => ({
    modelId: m.id,
    name: m.name,
    kind: m.kind,
    usageUnit: m.usage.unit,
    ratedMonthlyDuty: m.usage.ratedMonthly,
    successorModelId: m.successor,
    components: m.components.map((c) => ({ name: c.name, expectedLife: c.life.scale })),
  }));
}

/**
 * The simulated fleet's customers, sites (with coordinates) and devices, from its
 * ground truth, as fleet-registry records, in the order to import them.
 */
export function truthAsRegistryRecords(
  truth: readonly TruthRecord[],
): Array<['customers' | 'sites' | 'devices', Array<Record<string, unknown>>]> {
  const iso = (ms: number): string => new Date(ms).toISOString();
  return [
    [
      'customers',
      truth.flatMap((r) => (r.type === 'customer' ? [{ customerId: r.customerId, name: r.name }] : [])),
    ],
    [
      'sites',
      truth.flatMap((r) =>
        r.type === 'site'
          ? [
              {
                siteId: r.siteId,
                customerId: r.customerId,
                name: r.name,
                address: r.address,
                lat: r.lat,
                lon: r.lon,
                departments: r.floors,
              },
            ]
          : [],
      ),
    ],
    [
      'devices',
      truth.flatMap((r) =>
        r.type === 'device'
          ? [
              {
                deviceId: r.deviceId,
                serial: r.serial,
                modelId: r.modelId,
                siteId: r.siteId,
                department: r.floor,
                installDate: iso(r.installDate),
                warrantyEnd: iso(r.warrantyEnd),
                contractType: r.contract,
                contractEnd: iso(r.contractEnd),
              },
            ]
          : [],
      ),
    ],
  ];
}
