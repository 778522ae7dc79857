import type { MaintenancePlan } from '../src/work-orders/maintenance-plan.js';
import { FAULT_CODES, MODELS, type EquipmentModel } from './catalog.js';

/** The fault-table lines a model can raise: its parts' codes and its misuse codes. */
function faultCodesOf(m: EquipmentModel): Array<Record<string, unknown>> {
  const codes = new Set(m.misuseFaults.map((f) => f.code));
  for (const c of m.components) {
    codes.add(c.failureCode);
    if (c.precursor?.faultCode) codes.add(c.precursor.faultCode);
  }
  for (const c of m.consumables)
    for (const f of FAULT_CODES) if (f.likelyComponent === c.name) codes.add(f.code);
  return FAULT_CODES.filter((f) => codes.has(f.code)).map((f) => ({
    code: f.code,
    symptom: f.symptom,
    likelyComponent: f.likelyComponent,
    severity: f.severity,
  }));
}

/**
 * The catalog's models as fleet-registry records (`POST /api/v1/registry/models/import`):
 * expected component life is the Weibull scale of its life; the fault table lists the
 * codes the model raises, with the part each one names (the diagnosis' prior).
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
    faultCodes: faultCodesOf(m),
  }));
}

/**
 * The catalog's preventive-maintenance intervals as plans for the work-orders API
 * (`POST /api/v1/maintenance-plans`): by usage or by days, whichever comes first.
 */
export function catalogAsMaintenancePlans(): MaintenancePlan[] {
  return MODELS.map((m) => ({
    planId: `pm-${m.id}`,
    modelId: m.id,
    name: `${m.id} preventive maintenance`,
    everyDays: m.pmEvery.days,
    everyUsage: m.pmEvery.usage,
    tasks: ['inspect and clean the machine', 'replace the parts past their replacement age'],
    active: true,
  }));
}
