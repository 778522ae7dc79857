import { DomainError } from '../common/domain-error.js';
import type { Alarm } from './alarm.js';
import { applyEdit, type AlarmEdit } from './alarm-lifecycle.js';

const base: Alarm = {
  id: 'al-1',
  deviceId: 'd1',
  type: 'fault:M-501',
  severity: 'critical',
  status: 'active',
  acknowledged: false,
  acknowledgedAt: null,
  acknowledgedBy: null,
  firstRaisedAt: 1,
  lastRaisedAt: 1,
  count: 1,
  clearedAt: null,
  message: 'Machine down',
  details: {},
  customerId: null,
  siteId: null,
  assignee: null,
  workOrderId: null,
  version: 3,
  updatedAt: 1,
};
const T = 1000;

describe('applyEdit', () => {
  it.each<[string, Partial<Alarm>, AlarmEdit, Partial<Alarm>, string]>([
    [
      'acknowledge an active alarm',
      {},
      { kind: 'acknowledge' },
      { acknowledged: true, acknowledgedAt: T, acknowledgedBy: 'ann' },
      'acknowledged',
    ],
    [
      'acknowledge a cleared one',
      { status: 'cleared' },
      { kind: 'acknowledge', note: 'seen' },
      { acknowledged: true, status: 'cleared' },
      'acknowledged',
    ],
    [
      'clear an active alarm',
      {},
      { kind: 'clear' },
      { status: 'cleared', clearedAt: T, acknowledged: false },
      'cleared',
    ],
    ['assign', {}, { kind: 'assign', assignee: 'bob' }, { assignee: 'bob' }, 'assigned'],
    ['unassign', { assignee: 'bob' }, { kind: 'assign', assignee: null }, { assignee: null }, 'assigned'],
    ['comment', {}, { kind: 'comment', text: 'roller ordered' }, {}, 'commented'],
    ['link a work order', {}, { kind: 'link', workOrderId: 'wo-1' }, { workOrderId: 'wo-1' }, 'linked'],
  ])('%s', (_name, over, edit, expected, action) => {
    const { alarm, change } = applyEdit({ ...base, ...over }, edit, 'ann', T);
    expect(alarm).toMatchObject({ ...expected, version: 4, updatedAt: T });
    expect(change).toMatchObject({ at: T, actor: 'ann', action });
  });

  it.each<[string, Partial<Alarm>, AlarmEdit, string]>([
    [
      'acknowledge twice',
      { acknowledged: true, acknowledgedBy: 'ann' },
      { kind: 'acknowledge' },
      'acknowledged already, by ann',
    ],
    ['clear twice', { status: 'cleared' }, { kind: 'clear' }, 'cleared already'],
    [
      'assign to the assignee',
      { assignee: 'bob' },
      { kind: 'assign', assignee: 'bob' },
      'assigned to bob already',
    ],
    [
      'link the linked order',
      { workOrderId: 'wo-1' },
      { kind: 'link', workOrderId: 'wo-1' },
      'linked to wo-1 already',
    ],
  ])('refuses to %s with a conflict', (_name, over, edit, message) => {
    expect(() => applyEdit({ ...base, ...over }, edit, 'ann', T)).toThrow(DomainError);
    expect(() => applyEdit({ ...base, ...over }, edit, 'ann', T)).toThrow(message);
  });
});
