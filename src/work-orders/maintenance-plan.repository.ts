import type { MaintenancePlan, PlanProgress } from './maintenance-plan.js';

/** Maintenance plans per model and each device's progress on them. */
export interface MaintenancePlanRepository {
  /** Creates or replaces; true when created. */
  upsertPlan(plan: MaintenancePlan): Promise<boolean>;
  getPlan(planId: string): Promise<MaintenancePlan | null>;
  /** Sorted by plan id; one model's when `modelId` is given. */
  listPlans(modelId?: string): Promise<MaintenancePlan[]>;
  /** Removes the plan and its progress; false when there was none. */
  deletePlan(planId: string): Promise<boolean>;
  getProgress(planId: string, deviceId: string): Promise<PlanProgress | null>;
  progressOfPlan(planId: string): Promise<PlanProgress[]>;
  progressOfDevice(deviceId: string): Promise<PlanProgress[]>;
  saveProgress(progress: PlanProgress): Promise<void>;
}

export const MAINTENANCE_PLAN_REPOSITORY = Symbol('MaintenancePlanRepository');
