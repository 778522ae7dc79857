import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { PredictionAlert } from '../events/domain-events.js';
import { TELEMETRY_STORE, type TelemetryStore } from '../ports/telemetry-store.port.js';
import {
  defaultUsageMetric,
  registryDateMs,
  type Device,
  type EquipmentModel,
} from '../registry/registry-entities.js';
import { RegistryService } from '../registry/registry.service.js';
import {
  completePlan,
  isOrderDue,
  planDue,
  pullForward,
  type MaintenancePlan,
  type PlanDue,
  type PlanProgress,
  type UsageReading,
} from './maintenance-plan.js';
import {
  MAINTENANCE_PLAN_REPOSITORY,
  type MaintenancePlanRepository,
} from './maintenance-plan.repository.js';
import { WorkOrderContext } from './work-order-context.js';
import { WorkOrdersService } from './work-orders.service.js';

const DAY = 86_400_000;
/** How far back the last PM visit is looked for when a device first meets a plan. */
const PM_HISTORY_DAYS = 2 * 365;
/** Days of usage readings the rate per day is taken over. */
const RATE_DAYS = 30;

/** Where one device stands on a plan, for the API. */
export interface DevicePlanStatus extends PlanProgress {
  due: PlanDue | null;
  usage: number | null;
}

/**
 * Preventive-maintenance plans per model: kept, checked by the plans job (orders
 * opened a lead ahead of the due date), moved on by actual completions, pulled
 * forward by predictions.
 */
@Injectable()
export class MaintenancePlansService {
  private readonly logger = new Logger(MaintenancePlansService.name);

  constructor(
    @Inject(MAINTENANCE_PLAN_REPOSITORY) private readonly repo: MaintenancePlanRepository,
    @Inject(TELEMETRY_STORE) private readonly store: TelemetryStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: RegistryService,
    private readonly context: WorkOrderContext,
    private readonly orders: WorkOrdersService,
  ) {}

  // ---- API ----------------------------------------------------------------------

  async upsert(plan: MaintenancePlan): Promise<{ created: boolean; plan: MaintenancePlan }> {
    await this.registry.get('models', plan.modelId);
    return { created: await this.repo.upsertPlan(plan), plan };
  }

  list(modelId?: string): Promise<MaintenancePlan[]> {
    return this.repo.listPlans(modelId || undefined);
  }

  async get(planId: string): Promise<MaintenancePlan> {
    const plan = await this.repo.getPlan(planId);
    if (!plan) throw new DomainError(ErrorCode.NotFound, `no maintenance plan ${planId}`);
    return plan;
  }

  async remove(planId: string): Promise<void> {
    if (!(await this.repo.deletePlan(planId)))
      throw new DomainError(ErrorCode.NotFound, `no maintenance plan ${planId}`);
  }

  /** Every device of the plan's model: last done, usage, next due. */
  async devices(planId: string, now: number): Promise<DevicePlanStatus[]> {
    const plan = await this.get(planId);
    const model = await this.registry.get('models', plan.modelId);
    const out: DevicePlanStatus[] = [];
    for (const device of await this.devicesOf(plan.modelId)) {
      const progress = await this.progress(plan, device, model, now);
      const usage = await this.usage(device.deviceId, model, now);
      out.push({ ...progress, due: planDue(plan, progress, usage, now), usage: usage.usage });
    }
    return out;
  }

  // ---- the plans job ----------------------------------------------------------------

  /** Opens a preventive order for every device whose plan is due within its lead at `now`. */
  async openDue(now: number): Promise<{ checked: number; opened: number }> {
    let checked = 0;
    let opened = 0;
    for (const plan of await this.repo.listPlans()) {
      if (!plan.active) continue;
      const model = await this.registry.get('models', plan.modelId).catch(() => null);
      if (!model) continue;
      for (const device of await this.devicesOf(plan.modelId)) {
        if (device.removedDate && registryDateMs(device.removedDate) <= now) continue;
        checked++;
        const progress = await this.progress(plan, device, model, now);
        const due = planDue(plan, progress, await this.usage(device.deviceId, model, now), now);
        if (!due || !isOrderDue(due, now, plan.leadDays ?? this.config.workOrders.pmLeadDays)) continue;
        const order = await this.orders.intake(
          device.deviceId,
          {
            type: 'plan-due',
            planId: plan.planId,
            planName: plan.name,
            dueAt: due.dueAt,
            reason: due.reason,
            at: now,
          },
          'system:maintenance-plans',
        );
        if (order) opened++;
      }
    }
    return { checked, opened };
  }

  // ---- what moves plans ---------------------------------------------------------------

  /**
   * The plan's work was done on `deviceId` at `at` (an order completed with PM done, or
   * the device reporting pm.done): the next due date follows this actual completion.
   * `planIds` null: every plan of the device's model.
   */
  async recordCompletion(deviceId: string, at: number, planIds: readonly string[] | null): Promise<number> {
    const ctx = await this.context.of(deviceId);
    if (!ctx.device || !ctx.model) return 0;
    const plans = (await this.repo.listPlans(ctx.model.modelId)).filter(
      (p) => !planIds || planIds.includes(p.planId),
    );
    if (!plans.length) return 0;
    const usage = await this.usageAt(deviceId, ctx.model, at);
    for (const plan of plans) {
      const progress = await this.progress(plan, ctx.device, ctx.model, at);
      await this.repo.saveProgress(completePlan(progress, at, usage));
    }
    return plans.length;
  }

  /**
   * A prediction for a device whose plan is due soon pulls the plan into the proactive
   * order: one visit does both (the order carries the plan; its completion does the PM).
   */
  async pullForward(alert: PredictionAlert): Promise<string[]> {
    const ctx = await this.context.of(alert.deviceId);
    if (!ctx.device || !ctx.model) return [];
    const order = await this.orders.openFor(alert.deviceId, alert.component);
    const pulled: string[] = [];
    for (const plan of await this.repo.listPlans(ctx.model.modelId)) {
      if (!plan.active) continue;
      const progress = await this.progress(plan, ctx.device, ctx.model, alert.ts);
      const usage = await this.usage(alert.deviceId, ctx.model, alert.ts);
      const next = pullForward(plan, progress, usage, alert.ts, this.config.workOrders.pmPullForwardDays);
      if (next === progress) continue;
      await this.repo.saveProgress(next);
      pulled.push(plan.planId);
      const was = planDue(plan, progress, usage, alert.ts);
      if (order)
        await this.orders.attachPlan(
          order.id,
          plan.planId,
          `${plan.name} (due ${was ? new Date(was.dueAt).toISOString().slice(0, 10) : 'soon'}) pulled forward into this visit`,
          alert.ts,
        );
    }
    return pulled;
  }

  // ---- helpers --------------------------------------------------------------------

  private async devicesOf(modelId: string): Promise<Device[]> {
    const devices: Device[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.registry.list('devices', { modelId, limit: '1000', cursor });
      devices.push(...page.data);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return devices;
  }

  /** The device's progress on the plan; the first time, from its last PM visit on record or its installation. */
  private async progress(
    plan: MaintenancePlan,
    device: Device,
    model: EquipmentModel,
    now: number,
  ): Promise<PlanProgress> {
    const stored = await this.repo.getProgress(plan.planId, device.deviceId);
    if (stored) return stored;
    const pms = await this.store.queryEvents({
      deviceId: device.deviceId,
      types: ['pm.done'],
      from: now - PM_HISTORY_DAYS * DAY,
      to: now + 1,
      limit: 10_000,
    });
    const installed = registryDateMs(device.installDate);
    const lastDoneAt = pms.length ? pms[pms.length - 1].ts : Number.isFinite(installed) ? installed : now;
    const progress: PlanProgress = {
      planId: plan.planId,
      deviceId: device.deviceId,
      lastDoneAt,
      lastDoneUsage: pms.length ? await this.usageAt(device.deviceId, model, lastDoneAt) : 0,
      pulledForwardAt: null,
    };
    await this.repo.saveProgress(progress);
    return progress;
  }

  /** The usage counter now and its rise per day over the last month. */
  private async usage(deviceId: string, model: EquipmentModel, now: number): Promise<UsageReading> {
    const windows = await this.store.queryAggregate({
      deviceId,
      metric: model.usageMetric ?? defaultUsageMetric(model.usageUnit),
      fn: 'last',
      windowMs: DAY,
      from: Math.floor((now - RATE_DAYS * DAY) / DAY) * DAY,
      to: now + 1,
    });
    if (!windows.length) return { usage: null, perDay: null };
    const first = windows[0];
    const last = windows[windows.length - 1];
    const days = (last.start - first.start) / DAY;
    return {
      usage: last.value,
      perDay: days >= 1 && last.value >= first.value ? (last.value - first.value) / days : null,
    };
  }

  /** The usage counter's last reading at or before `at`. */
  private async usageAt(deviceId: string, model: EquipmentModel, at: number): Promise<number | null> {
    const windows = await this.store.queryAggregate({
      deviceId,
      metric: model.usageMetric ?? defaultUsageMetric(model.usageUnit),
      fn: 'last',
      windowMs: DAY,
      from: Math.floor((at - RATE_DAYS * DAY) / DAY) * DAY,
      to: at + 1,
    });
    return windows.length ? windows[windows.length - 1].value : null;
  }
}
