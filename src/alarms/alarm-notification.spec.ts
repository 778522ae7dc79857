import type { Alarm } from './alarm.js';
import { fillTopic, matchingRules, topicProblem, type NotificationRule } from './alarm-notification.js';

const alarm = (over: Partial<Alarm> = {}): Alarm => ({
  id: 'al-1',
  deviceId: 'sim-00001',
  type: 'fault:M-501',
  severity: 'major',
  status: 'active',
  acknowledged: false,
  acknowledgedAt: null,
  acknowledgedBy: null,
  firstRaisedAt: 0,
  lastRaisedAt: 0,
  count: 1,
  clearedAt: null,
  message: 'm',
  details: {},
  customerId: 'cust-1',
  siteId: 'cust-1-s1',
  assignee: null,
  workOrderId: null,
  version: 1,
  updatedAt: 0,
  ...over,
});
const rule = (over: Partial<NotificationRule>): NotificationRule => ({
  id: 'r',
  name: 'r',
  minSeverity: 'warning',
  customerId: null,
  on: ['raised'],
  target: { kind: 'mqtt', topic: 'alarms' },
  createdAt: 0,
  ...over,
});

describe('matchingRules', () => {
  it.each([
    ['at or above the minimum severity', rule({ minSeverity: 'major' }), 'raised', true],
    ['below it', rule({ minSeverity: 'critical' }), 'raised', false],
    ['of the customer', rule({ customerId: 'cust-1' }), 'raised', true],
    ['of another customer', rule({ customerId: 'cust-2' }), 'raised', false],
    ['an event the rule does not take', rule({ on: ['raised'] }), 'cleared', false],
    ['an event it takes', rule({ on: ['raised', 'cleared'] }), 'cleared', true],
  ] as const)('a major alarm of cust-1 matches a rule %s: %s', (_name, r, event, matches) => {
    expect(matchingRules([r], alarm(), event)).toHaveLength(matches ? 1 : 0);
  });
});

describe('fillTopic', () => {
  it.each([
    ['alarms/{customerId}/{severity}', {}, 'alarms/cust-1/major'],
    ['alarms/{deviceId}/{type}', {}, 'alarms/sim-00001/fault:M-501'],
    ['alarms/{customerId}', { customerId: null }, 'alarms/_'],
    ['alarms/{siteId}', { siteId: 'a/b+#' }, 'alarms/a_b__'],
    ['alarms/{unknown}', {}, 'alarms/{unknown}'],
  ] as const)('%s', (template, over, expected) => {
    expect(fillTopic(template, alarm(over))).toBe(expected);
  });
});

describe('topicProblem', () => {
  it.each([
    ['alarms/{customerId}', null],
    ['alarms/+', 'wildcard'],
    ['alarms/#', 'wildcard'],
    ['fleet/v1/x/commands', 'device traffic'],
    ['fleet', 'device traffic'],
    ['pager/{deviceId}', 'go under alarms/'],
    ['alarms/', 'go under alarms/'],
    ['alarmsx/y', 'go under alarms/'],
    ['$SYS/x', 'broker'],
    ['', '1 to 200'],
  ])('%s', (topic, problem) => {
    const p = topicProblem(topic);
    if (problem === null) expect(p).toBeNull();
    else expect(p).toContain(problem);
  });
});
