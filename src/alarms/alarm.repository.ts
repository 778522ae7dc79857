import type { Alarm, AlarmChange, AlarmCommand, AlarmSeverity, AlarmStatus } from './alarm.js';
import type { NotificationRule } from './alarm-notification.js';

export type RaiseCommand = Extract<AlarmCommand, { kind: 'raise' }>;

/** What a raise did: opened an alarm, counted a repeat up, or raised its severity. */
export type RaiseOutcome = 'raised' | 'repeated' | 'escalated';

/** Paging position in the list order: most severe first, then latest raised, then id. */
export interface AlarmCursor {
  rank: number;
  lastRaisedAt: number;
  id: string;
}

export interface AlarmListQuery {
  status?: AlarmStatus;
  acknowledged?: boolean;
  severity?: AlarmSeverity;
  deviceId?: string;
  customerId?: string;
  siteId?: string;
  /** Exact type, or a prefix ending in `:` (`fault:`, `risk:`). */
  type?: string;
  workOrderId?: string;
  limit: number;
  after?: AlarmCursor;
}

export interface AlarmCounts {
  /** Active alarms by severity. */
  active: Record<AlarmSeverity, number>;
  /** Active and not acknowledged: nobody is on them yet. */
  unacknowledged: number;
  /** Cleared before anyone acknowledged them (ISA-18.2's "returned to normal, unacknowledged"). */
  clearedUnacknowledged: number;
  /** Active alarms by site: count and the worst severity. */
  bySite: Array<{ siteId: string; active: number; worst: AlarmSeverity }>;
}

/**
 * Alarms and their history in the records database. Every write adds its history
 * entries in the same transaction; a raise and a clear are each one statement on the
 * alarm, safe with several replicas at once.
 */
export interface AlarmRepository {
  /**
   * Opens the alarm, or counts the active one of the same device and type up: latest
   * time, message and details; severity only ever goes up, and going up takes the
   * acknowledgement back (someone must look again). `fresh` is used when it opens.
   */
  raise(
    command: RaiseCommand,
    fresh: { id: string; customerId: string | null; siteId: string | null },
    now: number,
  ): Promise<{ alarm: Alarm; outcome: RaiseOutcome }>;
  /** Clears the active alarms of this type of these devices; returns them. */
  clear(type: string, deviceIds: readonly string[], at: number, note: string, now: number): Promise<Alarm[]>;
  /** Clears active alarms of a type last raised before `before`; returns them. */
  clearQuiet(type: string, before: number, note: string, now: number): Promise<Alarm[]>;
  /** The types of the active alarms of these devices. */
  activeOf(deviceIds: readonly string[]): Promise<Array<{ deviceId: string; type: string }>>;
  /** Which of these devices have an active alarm of this type. */
  activeDevices(type: string, deviceIds: readonly string[]): Promise<Set<string>>;
  get(id: string): Promise<Alarm | null>;
  history(id: string): Promise<AlarmChange[]>;
  /** Writes an edited alarm if it is still at `expectedVersion` (compare-and-set); false if not. */
  update(alarm: Alarm, expectedVersion: number, change: AlarmChange): Promise<boolean>;
  list(query: AlarmListQuery): Promise<Alarm[]>;
  counts(): Promise<AlarmCounts>;
  /** Every device with an active alarm: how many, and the worst severity. */
  activeByDevice(): Promise<Array<{ deviceId: string; active: number; worst: AlarmSeverity }>>;

  rules(): Promise<NotificationRule[]>;
  createRule(rule: NotificationRule): Promise<void>;
  deleteRule(id: string): Promise<boolean>;
}

export const ALARM_REPOSITORY = Symbol('AlarmRepository');
