import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsService } from '../infrastructure/metrics/metrics.service.js';

/** The alarms feature's metrics, on the shared registry. */
@Injectable()
export class AlarmsMetrics {
  readonly raised: Counter<'severity' | 'outcome'>;
  readonly cleared: Counter;
  readonly notifications: Counter<'target' | 'outcome'>;

  constructor(metrics: MetricsService) {
    this.raised = new Counter({
      name: 'fleet_alarms_raised_total',
      help: 'Alarm raises by severity and outcome (raised: a new alarm; repeated or escalated: an active one counted up).',
      labelNames: ['severity', 'outcome'],
      registers: [metrics.registry],
    });
    this.cleared = new Counter({
      name: 'fleet_alarms_cleared_total',
      help: 'Alarms cleared, by the rules or by hand.',
      registers: [metrics.registry],
    });
    this.notifications = new Counter({
      name: 'fleet_alarm_notifications_total',
      help: 'Alarm notifications by target kind (mqtt, webhook) and outcome (sent, failed).',
      labelNames: ['target', 'outcome'],
      registers: [metrics.registry],
    });
  }
}
