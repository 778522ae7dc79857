import { DomainError, ErrorCode } from '../common/domain-error.js';
import type { Alarm, AlarmChange } from './alarm.js';

/** A change people make to an alarm through the API. */
export type AlarmEdit =
  | { kind: 'acknowledge'; note?: string }
  | { kind: 'clear'; note?: string }
  | { kind: 'assign'; assignee: string | null }
  | { kind: 'comment'; text: string }
  | { kind: 'link'; workOrderId: string | null };

const conflict = (message: string): DomainError => new DomainError(ErrorCode.Conflict, message);

/**
 * Applies an edit: the alarm after it and the history entry it adds, or a 409 with
 * the reason when the alarm's state forbids it. Pure: time and actor passed in.
 */
export function applyEdit(
  alarm: Alarm,
  edit: AlarmEdit,
  actor: string,
  at: number,
): { alarm: Alarm; change: AlarmChange } {
  const next: Alarm = { ...alarm, version: alarm.version + 1, updatedAt: at };
  const change = (
    action: AlarmChange['action'],
    note: string | null,
  ): { alarm: Alarm; change: AlarmChange } => ({
    alarm: next,
    change: { at, actor, action, note },
  });
  switch (edit.kind) {
    case 'acknowledge':
      if (alarm.acknowledged)
        throw conflict(`alarm ${alarm.id} was acknowledged already, by ${alarm.acknowledgedBy ?? 'someone'}`);
      next.acknowledged = true;
      next.acknowledgedAt = at;
      next.acknowledgedBy = actor;
      return change('acknowledged', edit.note ?? null);
    case 'clear':
      if (alarm.status === 'cleared') throw conflict(`alarm ${alarm.id} is cleared already`);
      next.status = 'cleared';
      next.clearedAt = at;
      return change('cleared', edit.note ?? 'cleared by hand');
    case 'assign':
      if (alarm.assignee === edit.assignee)
        throw conflict(
          `alarm ${alarm.id} is ${edit.assignee ? `assigned to ${edit.assignee}` : 'unassigned'} already`,
        );
      next.assignee = edit.assignee;
      return change('assigned', edit.assignee ? `assigned to ${edit.assignee}` : 'unassigned');
    case 'comment':
      return change('commented', edit.text);
    case 'link':
      if (alarm.workOrderId === edit.workOrderId)
        throw conflict(`alarm ${alarm.id} is linked to ${edit.workOrderId ?? 'no work order'} already`);
      next.workOrderId = edit.workOrderId;
      return change(
        'linked',
        edit.workOrderId ? `handled by work order ${edit.workOrderId}` : 'work order unlinked',
      );
  }
}
