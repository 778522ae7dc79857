/** Alarm severities, most severe first. */
export const ALARM_SEVERITIES = ['critical', 'major', 'minor', 'warning'] as const;
export type AlarmSeverity = (typeof ALARM_SEVERITIES)[number];

/** Higher is more severe: critical 4 … warning 1. */
export function severityRank(s: AlarmSeverity): number {
  return ALARM_SEVERITIES.length - ALARM_SEVERITIES.indexOf(s);
}

export const ALARM_STATUSES = ['active', 'cleared'] as const;
export type AlarmStatus = (typeof ALARM_STATUSES)[number];

export const ALARM_ACTIONS = [
  'raised',
  'repeated',
  'escalated',
  'acknowledged',
  'assigned',
  'commented',
  'linked',
  'cleared',
] as const;
export type AlarmAction = (typeof ALARM_ACTIONS)[number];

/** One entry of an alarm's history: what happened, when, by whom (`system` for the rules). */
export interface AlarmChange {
  at: number;
  actor: string;
  action: AlarmAction;
  note: string | null;
}

/**
 * An alarm: a condition of one device that someone should look at. One alarm per
 * device and type is active at a time: a repeat counts up instead of opening another.
 * Lifecycle: active or cleared, each acknowledged or not (ISA-18.2's four states);
 * cleared and acknowledged is over.
 */
export interface Alarm {
  id: string;
  deviceId: string;
  /** What kind of condition: `fault:M-501`, `device-offline`, `risk:fuser`, `dead-letters`. */
  type: string;
  severity: AlarmSeverity;
  status: AlarmStatus;
  acknowledged: boolean;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
  /** When the condition first came, and most recently came again. */
  firstRaisedAt: number;
  lastRaisedAt: number;
  /** How many times it was raised while active. */
  count: number;
  clearedAt: number | null;
  /** The latest words of the rule that raised it. */
  message: string;
  /** The numbers behind it: fault code and component, probability, rejected counts … */
  details: Record<string, unknown>;
  /** From the registry when raised: what notification rules and filters go by. */
  customerId: string | null;
  siteId: string | null;
  assignee: string | null;
  /** The work order that handles it. */
  workOrderId: string | null;
  /** Bumped by every change (compare-and-set). */
  version: number;
  updatedAt: number;
}

/** An alarm with its history and comments (the detail view). */
export interface AlarmDetail extends Alarm {
  history: AlarmChange[];
}

/** What a rule asks for: raise (or repeat) an alarm, or clear the active one. */
export type AlarmCommand =
  | {
      kind: 'raise';
      deviceId: string;
      type: string;
      severity: AlarmSeverity;
      at: number;
      message: string;
      details: Record<string, unknown>;
    }
  | { kind: 'clear'; deviceId: string; type: string; at: number; note: string };
