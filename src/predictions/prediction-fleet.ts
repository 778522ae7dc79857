import type { FaultSeverity } from '../contract/index.js';
import { registryDateMs, type DeviceScope, type EquipmentModel } from '../registry/registry-entities.js';
import type { SupplyDevice } from './fleet-history.reader.js';
import type { FaultCodeInfo, ModelInfo } from './prediction-input.js';

/**
 * The fleet as predictions see it, from the registry's records (through the registry
 * service): the engine's `ModelInfo` per equipment model, and each device in service
 * with what rankings filter by (model, site, customer), denormalised at scoring time.
 * Pure. What the engine cannot predict is kept with the reason, for the API.
 */

export interface PredictionDevice extends SupplyDevice {
  siteId: string | null;
  customerId: string | null;
}

export interface PredictionFleet {
  devices: PredictionDevice[];
  models: Map<string, ModelInfo>;
  /** Why a model or some of its components are not predicted: `modelId` → component (or `*`) → reason. */
  notPredicted: Map<string, Map<string, string>>;
}

/** A model's fault table as the registry may hold it (`faultCodes`, with the part each code names). */
interface RegistryFaultCode {
  code: string;
  likelyComponent: string | null;
  severity: FaultSeverity;
}

/**
 * The engine's view of a registry model. Components without an expected life (the
 * life model's prior) are left out; without a rated monthly duty, the fleet's typical
 * usage stands in for it (`typicalDailyUsage`, per day), else the model is not predicted.
 */
export function modelInfoFrom(
  m: EquipmentModel,
  typicalDailyUsage: number | null,
): { info: ModelInfo | null; notPredicted: Map<string, string> } {
  const notPredicted = new Map<string, string>();
  const components: ModelInfo['components'] = [];
  for (const c of m.components) {
    if (c.expectedLife !== undefined && c.expectedLife > 0)
      components.push({ name: c.name, expectedLife: c.expectedLife });
    else
      notPredicted.set(
        c.name,
        `no expected life for ${c.name} in the registry's model ${m.modelId}: the life model has no prior`,
      );
  }
  let duty = m.ratedMonthlyDuty;
  if (duty === undefined || !(duty > 0)) {
    if (typicalDailyUsage === null || !(typicalDailyUsage > 0)) {
      notPredicted.set(
        '*',
        `model ${m.modelId} has no rated monthly duty in the registry and its devices no usage readings yet`,
      );
      return { info: null, notPredicted };
    }
    duty = typicalDailyUsage * 30.44;
  }
  const table = (m as EquipmentModel & { faultCodes?: RegistryFaultCode[] }).faultCodes;
  const faultCodes: FaultCodeInfo[] | undefined = table?.map((f) => ({
    code: f.code,
    component: f.likelyComponent,
    severity: f.severity,
  }));
  return {
    info: {
      modelId: m.modelId,
      usageUnit: m.usageUnit,
      usageMetric: m.usageMetric,
      ratedMonthlyDuty: duty,
      components,
      ...(faultCodes ? { faultCodes } : {}),
    },
    notPredicted,
  };
}

/** Devices in service at `now` (not removed before it) with their scope. */
export function devicesInService(scopes: readonly DeviceScope[], now: number): PredictionDevice[] {
  const out: PredictionDevice[] = [];
  for (const s of scopes) {
    const removed = s.removedDate ? registryDateMs(s.removedDate) : null;
    if (removed !== null && removed <= now) continue;
    const install = registryDateMs(s.installDate);
    out.push({
      deviceId: s.deviceId,
      modelId: s.modelId,
      installDate: Number.isFinite(install) ? install : null,
      siteId: s.siteId,
      customerId: s.customerId,
    });
  }
  return out.sort((a, b) => (a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0));
}

/** The prediction fleet from registry records; `typicalDailyUsage` fills missing rated duties. */
export function predictionFleet(
  scopes: readonly DeviceScope[],
  models: Iterable<EquipmentModel>,
  now: number,
  typicalDailyUsage: (modelId: string) => number | null = () => null,
): PredictionFleet {
  const infos = new Map<string, ModelInfo>();
  const notPredicted = new Map<string, Map<string, string>>();
  for (const m of models) {
    const { info, notPredicted: why } = modelInfoFrom(m, typicalDailyUsage(m.modelId));
    if (info) infos.set(m.modelId, info);
    if (why.size) notPredicted.set(m.modelId, why);
  }
  return { devices: devicesInService(scopes, now), models: infos, notPredicted };
}
