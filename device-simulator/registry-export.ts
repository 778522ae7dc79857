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
