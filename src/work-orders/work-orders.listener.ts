import { Injectable } from '@nestjs/common';
import type { DomainEvents, PredictionAlert } from '../events/domain-events.js';
import { OnDomainEvent } from '../events/on-domain-event.decorator.js';
import type { EventRecord } from '../ports/records.js';
import { MaintenancePlansService } from './maintenance-plans.service.js';
import { faultComponent, WorkOrderContext, type DeviceContext } from './work-order-context.js';
import type { Trigger } from './work-order-intake.js';
import { WorkOrdersService } from './work-orders.service.js';

/** Device events that concern work orders. */
const RELEVANT = new Set(['fault.raised', 'part.replaced', 'pm.done']);

/**
 * Work orders react to what devices report (live ingest only: `events.stored` is not
 * published for history imports, so old faults never open orders), to predictions,
 * and to their own completions (plans move on).
 */
@Injectable()
export class WorkOrdersListener {
  constructor(
    private readonly orders: WorkOrdersService,
    private readonly plans: MaintenancePlansService,
    private readonly context: WorkOrderContext,
  ) {}

  @OnDomainEvent('events.stored')
  async onDeviceEvents({ events }: DomainEvents['events.stored']): Promise<void> {
    const byDevice = new Map<string, EventRecord[]>();
    for (const e of events) {
      if (!RELEVANT.has(e.type)) continue;
      const list = byDevice.get(e.deviceId) ?? [];
      list.push(e);
      byDevice.set(e.deviceId, list);
    }
    for (const [deviceId, list] of byDevice) {
      const ctx = await this.context.of(deviceId);
      for (const trigger of triggersOf(ctx, list)) {
        await this.orders.intake(deviceId, trigger, `device:${deviceId}`, ctx);
        if (trigger.type === 'pm-done') await this.plans.recordCompletion(deviceId, trigger.event.ts, null);
      }
    }
  }

  @OnDomainEvent('prediction.alert-raised')
  async onAlertRaised(alert: PredictionAlert): Promise<void> {
    await this.orders.intake(alert.deviceId, { type: 'prediction', alert }, 'system:predictions');
    await this.plans.pullForward(alert);
  }

  @OnDomainEvent('prediction.alert-cleared')
  async onAlertCleared(alert: PredictionAlert): Promise<void> {
    await this.orders.alertCleared(alert);
  }

  /**
   * A completed visit that did the PM moves its plan (or, without one, every plan of
   * the model) on from the completion. A pulled-forward plan whose visit did not do
   * the PM stays due: the plans job opens its own order.
   */
  @OnDomainEvent('work-order.changed')
  async onOrderChanged({ order, changes }: DomainEvents['work-order.changed']): Promise<void> {
    const completed = changes.find((c) => c.type === 'transition' && c.to === 'completed');
    if (!completed || !order.billing?.pmDone) return;
    await this.plans.recordCompletion(order.deviceId, completed.at, order.planId ? [order.planId] : null);
  }
}

/**
 * A device's events as triggers, in time order. A run of the same fault code (a
 * burst, a flapping fault) is one trigger with its count: one database write.
 */
export function triggersOf(ctx: DeviceContext, events: readonly EventRecord[]): Trigger[] {
  const sorted = [...events].sort((a, b) => a.ts - b.ts);
  const out: Trigger[] = [];
  for (const e of sorted) {
    if (e.type === 'part.replaced' && e.component) out.push({ type: 'part-replaced', event: e });
    else if (e.type === 'pm.done') out.push({ type: 'pm-done', event: e });
    else if (e.type === 'fault.raised' && e.code) {
      const type = e.severity === 'machine-down' || e.severity === 'major' ? 'fault' : 'symptom';
      const last = out[out.length - 1];
      if (last && last.type === type && last.event.code === e.code) {
        last.count = (last.count ?? 1) + 1;
        last.lastAt = e.ts;
      } else out.push({ type, event: e, component: faultComponent(ctx, e.code, e.component) });
    }
  }
  return out;
}
