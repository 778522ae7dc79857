import { Inject, Injectable } from '@nestjs/common';
import type { DomainEvents } from '../events/domain-events.js';
import { OnDomainEvent } from '../events/on-domain-event.decorator.js';
import { monthStart } from './signal-facts.js';
import { SIGNAL_REPOSITORY, type SignalRepository } from './signal.repository.js';

/** Events that change what the rules see before a month closes: visits and parts (billing, cost to serve). */
const PROMPT_TYPES = new Set(['service.started', 'part.replaced']);

/**
 * Marks the devices whose facts changed so the next evaluation looks at them (and at
 * their customers). The rules read complete months, so live telemetry of the current
 * month changes nothing until it closes (the full sweep takes that); what does is data
 * for months already closed (late data, history imports) and visits and parts.
 */
@Injectable()
export class SignalsListener {
  constructor(@Inject(SIGNAL_REPOSITORY) private readonly repo: SignalRepository) {}

  @OnDomainEvent('events.stored')
  async onEvents({ events }: DomainEvents['events.stored']): Promise<void> {
    const now = Date.now();
    const closed = monthStart(now);
    const marks = new Map<string, number>();
    for (const e of events) if (PROMPT_TYPES.has(e.type) || e.ts < closed) marks.set(e.deviceId, now);
    await this.repo.markDirty(marks);
  }

  @OnDomainEvent('telemetry.stored')
  async onTelemetry({ devices }: DomainEvents['telemetry.stored']): Promise<void> {
    const now = Date.now();
    const closed = monthStart(now);
    await this.repo.markDirty(new Map(devices.filter((d) => d.from < closed).map((d) => [d.deviceId, now])));
  }

  @OnDomainEvent('history.imported')
  async onHistory({ devices }: DomainEvents['history.imported']): Promise<void> {
    const now = Date.now();
    await this.repo.markDirty(new Map([...devices.keys()].map((id) => [id, now])));
  }
}
