import { Injectable } from '@nestjs/common';
import type { DomainEvents } from '../events/domain-events.js';
import { OnDomainEvent } from '../events/on-domain-event.decorator.js';
import { FleetOverviewService } from './fleet-overview.service.js';
import { LiveEventsService } from './live-events.service.js';

/** Most device events a live message carries: a burst is summarised, the console reloads. */
const MAX_EVENTS = 200;

/** Maps domain events to the console's live stream; tells the fleet overview when KPIs were refreshed. */
@Injectable()
export class LiveEventsListener {
  constructor(
    private readonly live: LiveEventsService,
    private readonly overview: FleetOverviewService,
  ) {}

  @OnDomainEvent('device.status-changed')
  status({ deviceId, state, ts }: DomainEvents['device.status-changed']): void {
    this.live.emit({ kind: 'device-status', deviceIds: [deviceId], data: { state, ts } });
  }

  @OnDomainEvent('telemetry.stored')
  telemetry({ devices }: DomainEvents['telemetry.stored']): void {
    if (!this.live.connections) return;
    this.live.emit({
      kind: 'telemetry',
      deviceIds: devices.map((d) => d.deviceId),
      data: {
        latest: Math.max(...devices.map((d) => d.to)),
        points: devices.reduce((n, d) => n + d.points, 0),
      },
    });
  }

  @OnDomainEvent('events.stored')
  events({ events }: DomainEvents['events.stored']): void {
    if (!this.live.connections || !events.length) return;
    this.live.emit({
      kind: 'device-events',
      deviceIds: [...new Set(events.map((e) => e.deviceId))],
      data: { count: events.length, events: events.slice(0, MAX_EVENTS) },
    });
  }

  @OnDomainEvent('input.rejected')
  rejected({ records }: DomainEvents['input.rejected']): void {
    if (!this.live.connections) return;
    this.live.emit({ kind: 'dead-letters', data: { count: records.length } });
  }

  @OnDomainEvent('alarm.raised', 'alarm.changed')
  alarm({ alarm, change }: DomainEvents['alarm.raised']): void {
    this.live.emit({
      kind: 'alarm',
      deviceIds: [alarm.deviceId],
      data: { id: alarm.id, severity: alarm.severity, status: alarm.status, action: change.action },
    });
  }

  @OnDomainEvent('work-order.created', 'work-order.changed')
  workOrder({ order }: DomainEvents['work-order.created']): void {
    this.live.emit({
      kind: 'work-order',
      deviceIds: [order.deviceId],
      data: { id: order.id, status: order.status, priority: order.priority },
    });
  }

  @OnDomainEvent('prediction.alert-raised', 'prediction.alert-cleared')
  prediction({ deviceId, component, probability }: DomainEvents['prediction.alert-raised']): void {
    this.live.emit({ kind: 'prediction', deviceIds: [deviceId], data: { component, probability } });
  }

  @OnDomainEvent('job.finished')
  jobFinished({ job, outcome }: DomainEvents['job.finished']): void {
    if (job !== 'kpi-refresh' || outcome !== 'ok') return;
    this.overview.kpisChanged();
    this.live.emit({ kind: 'kpis' });
  }
}
