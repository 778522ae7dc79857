import { Inject, Injectable, Logger } from '@nestjs/common';
import { MESSAGE_PUBLISHER, type MessagePublisher } from '../ports/message-publisher.port.js';
import { WebhookOutbox } from '../webhooks/webhook-outbox.js';
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
 * event): MQTT topics through the broker port; webhook rules put the event once into
 * the signed-webhook outbox (src/webhooks), which delivers it to every subscription
 * taking it, with retries, across restarts. A failed send is logged and counted; it
 * never fails the alarm change it follows.
 */
@Injectable()
export class AlarmNotifier {
  private readonly logger = new Logger(AlarmNotifier.name);

  constructor(
    @Inject(ALARM_REPOSITORY) private readonly alarms: AlarmRepository,
    @Inject(MESSAGE_PUBLISHER) private readonly publisher: MessagePublisher,
    private readonly metrics: AlarmsMetrics,
    private readonly webhooks: WebhookOutbox,
  ) {}

  async notify(alarm: Alarm, event: NotifyOn): Promise<void> {
    const rules = matchingRules(await this.alarms.rules(), alarm, event);
    const body: AlarmNotification = { event: `alarm.${event}`, alarm };
    if (rules.some((r) => r.target.kind === 'webhook')) {
      try {
        const deliveries = await this.webhooks.enqueue(body.event, { alarm }, alarm.updatedAt);
        this.webhooks.kick();
        this.metrics.notifications.inc({ target: 'webhook', outcome: deliveries ? 'sent' : 'no-subscriber' });
      } catch (err) {
        this.metrics.notifications.inc({ target: 'webhook', outcome: 'failed' });
        this.logger.warn(
          { err: err instanceof Error ? err.message : String(err), alarm: alarm.id },
          'alarm webhook not queued',
        );
      }
    }
    await Promise.all(
      rules.map(async (rule) => {
        if (rule.target.kind !== 'mqtt') return;
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
