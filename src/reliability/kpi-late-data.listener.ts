import { Inject, Injectable } from '@nestjs/common';
import type { DomainEvents } from '../events/domain-events.js';
import { OnDomainEvent } from '../events/on-domain-event.decorator.js';
import { KPI_STATE_REPOSITORY, type KpiStateRepository } from './kpi-state.repository.js';
import { dayStart } from './kpi-ledger.js';

/**
 * Late data: what arrives for days the KPI ledger has computed already marks its
 * device for recomputation from that time (the next run picks it up).
 */
@Injectable()
export class KpiLateDataListener {
  constructor(@Inject(KPI_STATE_REPOSITORY) private readonly state: KpiStateRepository) {}

  @OnDomainEvent('telemetry.stored')
  telemetry({ devices }: DomainEvents['telemetry.stored']): Promise<void> {
    return this.markBefore(devices.map((d) => [d.deviceId, d.from]));
  }

  @OnDomainEvent('events.stored')
  events({ events }: DomainEvents['events.stored']): Promise<void> {
    return this.markBefore(events.map((e) => [e.deviceId, e.ts]));
  }

  private async markBefore(items: ReadonlyArray<readonly [string, number]>): Promise<void> {
    const watermark = await this.state.watermark();
    if (watermark === null) return;
    const computed = dayStart(watermark);
    const marks = new Map<string, number>();
    for (const [deviceId, ts] of items)
      if (ts < computed) marks.set(deviceId, Math.min(ts, marks.get(deviceId) ?? Infinity));
    if (marks.size) await this.state.markDirty(marks);
  }
}
