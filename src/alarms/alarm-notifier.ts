import { Inject, Injectable, Logger } from '@nestjs/common';
import { MESSAGE_PUBLISHER, type MessagePublisher } from '../ports/message-publisher.port.js';
import type { Alarm } from './alarm.js';
import { fillTopic, matchingRules, type NotifyOn } from './alarm-notification.js';
import { ALARM_REPOSITORY, type AlarmRepository } from './alarm.repository.js';
import { AlarmsMetrics } from './alarms.metrics.js';

/** What a notification carries. */
export interface AlarmNotification {
  event: `alarm.${NotifyOn}`;
  alarm: Alarm;
}

/**
 * Sends alarm events to the notification rules that match them (severity, customer,
 * event): MQTT topics through the broker port. A failed send is logged and counted;
 * it never fails the alarm change it follows.
 */
@Injectable()
export class AlarmNotifier {
  private readonly logger = new Logger(AlarmNotifier.name);

  constructor(
    @Inject(ALARM_REPOSITORY) private readonly alarms: AlarmRepository,
    @Inject(MESSAGE_PUBLISHER) private readonly publisher: MessagePublisher,
    private readonly metrics: AlarmsMetrics,
  ) {}

  async notify(alarm: Alarm, event: NotifyOn): Promise<void> {
    const rules = matchingRules(await this.alarms.rules(), alarm, event);
    const body: AlarmNotification = { event: `alarm.${event}`, alarm };
    await Promise.all(
      rules.map(async (rule) => {
        const target = rule.target.kind;
        try {
          await this.publisher.publish(fillTopic(rule.target.topic, alarm), JSON.stringify(body));
          this.metrics.notifications.inc({ target, outcome: 'sent' });
        } catch (err) {
          this.metrics.notifications.inc({ target, outcome: 'failed' });
          this.logger.warn(
            { err: err instanceof Error ? err.message : String(err), rule: rule.id, alarm: alarm.id },
            'alarm notification failed',
          );
        }
      }),
    );
  }
}
