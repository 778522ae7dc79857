import { Injectable } from '@nestjs/common';
import { MetricsService } from '../infrastructure/metrics/metrics.service.js';

/** What an operator graphs about alarms: raises, clears and notifications. */
@Injectable()
export class AlarmsMetrics {
  readonly raised;
  readonly cleared;
  readonly notifications;

  constructor(metrics: MetricsService) {
    this.raised = metrics.counter({
      name: 'fleet_alarms_raised_total',
      help: 'Alarm raises by severity and outcome (raised: a new alarm; repeated or escalated: an active one counted up).',
      labelNames: ['severity', 'outcome'] as const,
    });
    this.cleared = metrics.counter({
      name: 'fleet_alarms_cleared_total',
      help: 'Alarms cleared, by the rules or by hand.',
    });
    this.notifications = metrics.counter({
      name: 'fleet_alarm_notifications_total',
      help: 'Alarm notifications by target kind (mqtt, webhook) and outcome (sent, failed).',
      labelNames: ['target', 'outcome'] as const,
    });
  }
}
