import { Inject, Injectable } from '@nestjs/common';
import type { DomainEvents } from '../events/domain-events.js';
import { OnDomainEvent } from '../events/on-domain-event.decorator.js';
import { COMPONENT_RISK_REPOSITORY, type ComponentRiskRepository } from './component-risk.repository.js';

/**
 * Late data for scoring: telemetry for days the scoring job has read already, or events
 * before the time it read them to (live from a device that caught up, or from a history
 * import), mark the device to be read again from the store at the next run. What is
 * newer the next run reads anyway. The marks are records: any replica's ingest may see
 * the data, one replica scores.
 */
@Injectable()
export class PredictionsListener {
  constructor(@Inject(COMPONENT_RISK_REPOSITORY) private readonly risks: ComponentRiskRepository) {}

  @OnDomainEvent('telemetry.stored')
  async telemetry({ devices }: DomainEvents['telemetry.stored']): Promise<void> {
    const w = await this.risks.watermark();
    if (!w) return;
    await this.mark(devices.filter((d) => d.from < w.throughDay).map((d) => [d.deviceId, d.from]));
  }

  @OnDomainEvent('events.stored')
  async events({ events }: DomainEvents['events.stored']): Promise<void> {
    const w = await this.risks.watermark();
    if (!w) return;
    await this.mark(events.filter((e) => e.ts < w.eventsThrough).map((e) => [e.deviceId, e.ts]));
  }

  @OnDomainEvent('history.imported')
  async history({ devices }: DomainEvents['history.imported']): Promise<void> {
    const w = await this.risks.watermark();
    if (!w) return;
    await this.mark([...devices].filter(([, s]) => s.from < w.eventsThrough).map(([id, s]) => [id, s.from]));
  }

  private async mark(items: ReadonlyArray<readonly [string, number]>): Promise<void> {
    if (!items.length) return;
    const marks = new Map<string, number>();
    for (const [id, ts] of items) marks.set(id, Math.min(ts, marks.get(id) ?? Infinity));
    await this.risks.markLate(marks);
  }
}
