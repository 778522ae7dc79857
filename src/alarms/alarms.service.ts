import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import type { Page } from '../common/http/paged-response.js';
import { checkLimit, decodeCursor, encodeCursor } from '../common/http/query-params.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DomainEventBus } from '../events/domain-event-bus.js';
import { RegistryService } from '../registry/registry.service.js';
import { severityRank, type Alarm, type AlarmCommand, type AlarmDetail } from './alarm.js';
import { applyEdit, type AlarmEdit } from './alarm-lifecycle.js';
import { NOTIFY_ON, topicProblem, type NotificationRule } from './alarm-notification.js';
import { AlarmNotifier } from './alarm-notifier.js';
import {
  ALARM_REPOSITORY,
  type AlarmCounts,
  type AlarmCursor,
  type AlarmListQuery,
  type AlarmRepository,
} from './alarm.repository.js';
import type { AlarmQuery, NewNotificationRule } from './alarms.dto.js';
import { AlarmsMetrics } from './alarms.metrics.js';

/** Tries of a compare-and-set edit that lost to a concurrent change before it answers 409. */
const EDIT_TRIES = 3;

const isCursor = (v: unknown): v is AlarmCursor =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as AlarmCursor).rank === 'number' &&
  typeof (v as AlarmCursor).lastRaisedAt === 'number' &&
  typeof (v as AlarmCursor).id === 'string';

/**
 * Alarms: raised and cleared by the rules (alarms.listener.ts), worked by people
 * through the API (acknowledge, assign, comment, link an order, clear). Every change
 * goes on the bus (`alarm.raised`, `alarm.changed`) and to the notification rules.
 */
@Injectable()
export class AlarmsService {
  private readonly logger = new Logger(AlarmsService.name);

  constructor(
    @Inject(ALARM_REPOSITORY) private readonly alarms: AlarmRepository,
    private readonly registry: RegistryService,
    private readonly notifier: AlarmNotifier,
    private readonly bus: DomainEventBus,
    private readonly metrics: AlarmsMetrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Carries out what the rules asked, in order. */
  async apply(commands: readonly AlarmCommand[], now = Date.now()): Promise<void> {
    // a clear with nothing active to clear (most fault.cleared events: minor faults raise
    // no alarm) costs no write: one query tells which are active
    const key = (deviceId: string, type: string): string => `${deviceId}\u0000${type}`;
    const clears = commands.filter((c) => c.kind === 'clear');
    const active = new Set(
      clears.length
        ? (await this.alarms.activeOf(clears.map((c) => c.deviceId))).map((a) => key(a.deviceId, a.type))
        : [],
    );
    for (const c of commands) {
      if (c.kind === 'raise') {
        active.add(key(c.deviceId, c.type));
        const { alarm, outcome } = await this.alarms.raise(
          c,
          { id: newId(), ...(await this.place(c.deviceId)) },
          now,
        );
        this.metrics.raised.inc({ severity: alarm.severity, outcome });
        if (outcome === 'repeated') continue;
        const change = { at: c.at, actor: 'system', action: outcome, note: c.message };
        this.bus.publish(outcome === 'raised' ? 'alarm.raised' : 'alarm.changed', { alarm, change });
        await this.notifier.notify(alarm, outcome);
      } else if (active.delete(key(c.deviceId, c.type)))
        await this.cleared(await this.alarms.clear(c.type, [c.deviceId], c.at, c.note, now), c.note);
    }
  }

  /** Clears the active alarms of a type for these devices (one statement). */
  async clear(
    type: string,
    deviceIds: readonly string[],
    at: number,
    note: string,
    now = Date.now(),
  ): Promise<void> {
    await this.cleared(await this.alarms.clear(type, deviceIds, at, note, now), note);
  }

  async clearQuiet(type: string, before: number, note: string, now = Date.now()): Promise<number> {
    const cleared = await this.alarms.clearQuiet(type, before, note, now);
    await this.cleared(cleared, note);
    return cleared.length;
  }

  activeDevices(type: string, deviceIds: readonly string[]): Promise<Set<string>> {
    return this.alarms.activeDevices(type, deviceIds);
  }

  private async cleared(alarms: readonly Alarm[], note: string): Promise<void> {
    for (const alarm of alarms) {
      this.metrics.cleared.inc();
      this.bus.publish('alarm.changed', {
        alarm,
        change: { at: alarm.clearedAt ?? alarm.updatedAt, actor: 'system', action: 'cleared', note },
      });
      await this.notifier.notify(alarm, 'cleared');
    }
  }

  /** Customer and site from the registry, for notification rules and filters; null when unregistered. */
  private async place(deviceId: string): Promise<{ customerId: string | null; siteId: string | null }> {
    const device = await this.registry.get('devices', deviceId).catch(() => null);
    if (!device?.siteId) return { customerId: null, siteId: null };
    const site = await this.registry.get('sites', device.siteId).catch(() => null);
    return { customerId: site?.customerId ?? null, siteId: device.siteId };
  }

  async list(q: AlarmQuery): Promise<Page<Alarm>> {
    const limit = checkLimit(q.limit, 100, this.config.apiMaxPoints);
    const query: AlarmListQuery = {
      status: q.status,
      acknowledged: q.acknowledged,
      severity: q.severity,
      deviceId: q.deviceId,
      customerId: q.customerId,
      siteId: q.siteId,
      type: q.type,
      workOrderId: q.workOrderId,
      limit,
      after: decodeCursor(q.cursor, isCursor),
    };
    const data = await this.alarms.list(query);
    const last = data[data.length - 1];
    return {
      data,
      nextCursor:
        data.length === limit
          ? encodeCursor({ rank: severityRank(last.severity), lastRaisedAt: last.lastRaisedAt, id: last.id })
          : null,
    };
  }

  async get(id: string): Promise<AlarmDetail> {
    const alarm = await this.alarms.get(id);
    if (!alarm) throw new DomainError(ErrorCode.NotFound, `no alarm ${id}`);
    return { ...alarm, history: await this.alarms.history(id) };
  }

  counts(): Promise<AlarmCounts> {
    return this.alarms.counts();
  }

  activeByDevice(): ReturnType<AlarmRepository['activeByDevice']> {
    return this.alarms.activeByDevice();
  }

  /** A person's change: compare-and-set, tried again when it lost to a concurrent one. */
  async edit(id: string, edit: AlarmEdit, actor: string, now = Date.now()): Promise<AlarmDetail> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.alarms.get(id);
      if (!current) throw new DomainError(ErrorCode.NotFound, `no alarm ${id}`);
      const { alarm, change } = applyEdit(current, edit, actor, now);
      if (await this.alarms.update(alarm, current.version, change)) {
        if (edit.kind === 'clear') this.metrics.cleared.inc();
        this.bus.publish('alarm.changed', { alarm, change });
        if (edit.kind === 'clear') await this.notifier.notify(alarm, 'cleared');
        return { ...alarm, history: await this.alarms.history(id) };
      }
      if (attempt >= EDIT_TRIES)
        throw new DomainError(ErrorCode.Conflict, `alarm ${id} kept changing meanwhile: load it again`);
    }
  }

  /**
   * An open work order handles the device's active fault and risk alarms of its
   * component (all of them when it names none) that no order handles yet: they are
   * linked to it, by `system`, with the history saying so.
   */
  async linkOrder(
    order: { id: string; deviceId: string; component: string | null },
    now = Date.now(),
  ): Promise<number> {
    const active = await this.alarms.list({ deviceId: order.deviceId, status: 'active', limit: 100 });
    const handled = active.filter(
      (a) =>
        a.workOrderId === null &&
        (a.type.startsWith('fault:') || a.type.startsWith('risk:')) &&
        (order.component === null || a.details.component === order.component),
    );
    for (const a of handled)
      await this.edit(a.id, { kind: 'link', workOrderId: order.id }, 'system', now).catch(() => undefined);
    return handled.length;
  }

  rules(): Promise<NotificationRule[]> {
    return this.alarms.rules();
  }

  async createRule(body: NewNotificationRule, now = Date.now()): Promise<NotificationRule> {
    const problem = body.target.kind === 'mqtt' ? topicProblem(body.target.topic) : null;
    if (problem) throw new DomainError(ErrorCode.InvalidArgument, `target.topic: ${problem}`);
    if (body.customerId) await this.registry.get('customers', body.customerId);
    const rule: NotificationRule = {
      id: `nr-${randomBytes(6).toString('hex')}`,
      name: body.name,
      minSeverity: body.minSeverity,
      customerId: body.customerId ?? null,
      on: body.on ?? [...NOTIFY_ON],
      target: body.target,
      createdAt: now,
    };
    await this.alarms.createRule(rule);
    this.logger.log({ rule: rule.id, target: rule.target }, 'alarm notification rule created');
    return rule;
  }

  async deleteRule(id: string): Promise<void> {
    if (!(await this.alarms.deleteRule(id)))
      throw new DomainError(ErrorCode.NotFound, `no alarm notification rule ${id}`);
  }
}

function newId(): string {
  return `al-${randomBytes(8).toString('hex')}`;
}
