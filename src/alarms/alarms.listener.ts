import { Injectable } from '@nestjs/common';
import type { DomainEvents } from '../events/domain-events.js';
import { OnDomainEvent } from '../events/on-domain-event.decorator.js';
import {
  DEFAULT_FLOOD_RULE,
  FloodDetector,
  OFFLINE_TYPE,
  faultCommands,
  offlineCommand,
  onlineCommand,
  predictionCleared,
  predictionRaised,
} from './alarm-rules.js';
import { AlarmsService } from './alarms.service.js';

/** The presence sweep's job name (devices/presence-sweep.job.ts): its result is the ids it marked offline. */
const PRESENCE_SWEEP = 'presence-sweep';

/** Raises and clears alarms from what the other features state on the bus (docs/alarms.md). */
@Injectable()
export class AlarmsListener {
  private readonly floods = new FloodDetector(DEFAULT_FLOOD_RULE);

  constructor(private readonly alarms: AlarmsService) {}

  @OnDomainEvent('events.stored')
  async faults({ events }: DomainEvents['events.stored']): Promise<void> {
    await this.alarms.apply(faultCommands(events));
  }

  @OnDomainEvent('device.status-changed')
  async status({ deviceId, state, ts }: DomainEvents['device.status-changed']): Promise<void> {
    await this.alarms.apply([
      state === 'offline'
        ? offlineCommand(deviceId, ts, 'its last will came (the connection dropped)')
        : onlineCommand(deviceId, ts),
    ]);
  }

  @OnDomainEvent('job.finished')
  async silent({ job, outcome, result, startedAt }: DomainEvents['job.finished']): Promise<void> {
    if (job !== PRESENCE_SWEEP || outcome !== 'ok' || !Array.isArray(result)) return;
    const ids = result.filter((id): id is string => typeof id === 'string');
    await this.alarms.apply(
      ids.map((id) => offlineCommand(id, startedAt, 'silent for longer than its reporting interval allows')),
    );
  }

  /** Data brings a device back: its offline alarm clears (one query for the batch). */
  @OnDomainEvent('devices.heard')
  async heard({ lastHeard }: DomainEvents['devices.heard']): Promise<void> {
    const offline = await this.alarms.activeDevices(OFFLINE_TYPE, [...lastHeard.keys()]);
    if (!offline.size) return;
    const at = Math.max(...[...offline].map((id) => lastHeard.get(id) ?? 0));
    await this.alarms.clear(OFFLINE_TYPE, [...offline], at, 'the device sent data again');
  }

  @OnDomainEvent('prediction.alert-raised')
  async predicted(alert: DomainEvents['prediction.alert-raised']): Promise<void> {
    await this.alarms.apply([predictionRaised(alert)]);
  }

  @OnDomainEvent('prediction.alert-cleared')
  async predictionFellBack(alert: DomainEvents['prediction.alert-cleared']): Promise<void> {
    await this.alarms.apply([predictionCleared(alert)]);
  }

  /** An order opened or changed: the alarms it handles point to it. */
  @OnDomainEvent('work-order.created', 'work-order.changed')
  async order({ order }: DomainEvents['work-order.created']): Promise<void> {
    if (order.status === 'closed' || order.status === 'cancelled') return;
    await this.alarms.linkOrder(order);
  }

  @OnDomainEvent('input.rejected')
  async rejected({ records }: DomainEvents['input.rejected']): Promise<void> {
    await this.alarms.apply(this.floods.take(records));
  }
}
