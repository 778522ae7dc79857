import { Inject, Injectable } from '@nestjs/common';
import type { DomainEvents } from '../events/domain-events.js';
import { OnDomainEvent } from '../events/on-domain-event.decorator.js';
import { KPI_STATE_REPOSITORY, type KpiStateRepository } from './kpi-state.repository.js';
import { dayStart } from './kpi-ledger.js';

/**
 * Late data: what arrives for days the KPI ledger has computed already (live, or from
 * a history import) marks its device for recomputation from that time (the next run
 * picks it up); what is newer the next run reads anyway.
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

  @OnDomainEvent('history.imported')
  history({ devices }: DomainEvents['history.imported']): Promise<void> {
    return this.markBefore([...devices].map(([deviceId, span]) => [deviceId, span.from]));
  }

  private async markBefore(items: ReadonlyArray<readonly [string, number]>): Promise<void> {
    const watermark = await this.state.watermark();
    // before a first run has finished, one may be reading already: mark everything, the run after takes it
    const computed = watermark === null ? Infinity : dayStart(watermark);
    const marks = new Map<string, number>();
    for (const [deviceId, ts] of items)
      if (ts < computed) marks.set(deviceId, Math.min(ts, marks.get(deviceId) ?? Infinity));
    if (marks.size) await this.state.markDirty(marks);
  }
}
