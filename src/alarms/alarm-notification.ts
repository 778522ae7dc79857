import { ALARMS_TOPIC_ROOT, TOPIC_ROOT } from '../contract/index.js';
import { severityRank, type Alarm, type AlarmSeverity } from './alarm.js';

/** Which alarm events a rule sends. */
export const NOTIFY_ON = ['raised', 'escalated', 'cleared'] as const;
export type NotifyOn = (typeof NOTIFY_ON)[number];

/**
 * Where a rule sends: an MQTT topic (a template, see fillTopic), or the signed-webhook
 * outbox, to every webhook subscription that takes the alarm's event (`alarm.*`).
 */
export type NotificationTarget = { kind: 'mqtt'; topic: string } | { kind: 'webhook' };

/**
 * Where alarms go: alarms of at least `minSeverity`, of one customer or of all
 * (`customerId` null), on the events in `on`, to an MQTT topic or a webhook.
 */
export interface NotificationRule {
  id: string;
  name: string;
  minSeverity: AlarmSeverity;
  customerId: string | null;
  on: NotifyOn[];
  target: NotificationTarget;
  createdAt: number;
}

/** The rules an alarm event goes to. */
export function matchingRules(
  rules: readonly NotificationRule[],
  alarm: Alarm,
  event: NotifyOn,
): NotificationRule[] {
  return rules.filter(
    (r) =>
      r.on.includes(event) &&
      severityRank(alarm.severity) >= severityRank(r.minSeverity) &&
      (r.customerId === null || r.customerId === alarm.customerId),
  );
}

const PLACEHOLDERS = ['deviceId', 'severity', 'customerId', 'siteId', 'type'] as const;

/**
 * A rule's topic with the alarm's fields filled in: `alarms/{customerId}/{severity}`.
 * A field that is empty, or holds a character MQTT gives meaning to (`+ # /`), becomes
 * `_`, so a value can never widen or move the topic.
 */
export function fillTopic(template: string, alarm: Alarm): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) return whole;
    const value = alarm[name as (typeof PLACEHOLDERS)[number]];
    return value ? value.replace(/[+#/]/g, '_').replaceAll(String.fromCharCode(0), '_') : '_';
  });
}

/**
 * Why a topic template cannot be a notification topic, or null when it can: under
 * `alarms/` (where the brokers' access rules let the platform publish them and its
 * integrations read them; never `fleet/`, device traffic, nor `$`, the broker's), no
 * wildcard, at most 200 characters.
 */
export function topicProblem(template: string): string | null {
  if (!template || template.length > 200) return 'a topic has 1 to 200 characters';
  if (/[+#]/.test(template)) return 'a topic to publish on holds no wildcard (+ or #)';
  if (template.startsWith('$')) return 'topics starting with $ belong to the broker';
  if (template === TOPIC_ROOT || template.startsWith(`${TOPIC_ROOT}/`))
    return `${TOPIC_ROOT}/… carries device traffic: notifications go under ${ALARMS_TOPIC_ROOT}/, e.g. ${ALARMS_TOPIC_ROOT}/{customerId}/{severity}`;
  if (!template.startsWith(`${ALARMS_TOPIC_ROOT}/`) || template.length === ALARMS_TOPIC_ROOT.length + 1)
    return `notifications go under ${ALARMS_TOPIC_ROOT}/ (the brokers' access rules allow them there), e.g. ${ALARMS_TOPIC_ROOT}/{customerId}/{severity}`;
  if (template.includes(String.fromCharCode(0))) return 'a topic holds no NUL character';
  return null;
}
