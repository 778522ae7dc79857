import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsService } from '../infrastructure/metrics/metrics.service.js';

/** What an operator graphs about work orders. */
@Injectable()
export class WorkOrdersMetrics {
  readonly opened: Counter<'kind'>;
  readonly transitions: Counter<'to'>;
  readonly intake: Counter<'trigger' | 'action'>;
  readonly slaAlerts: Counter<'target' | 'stage'>;

  constructor(metrics: MetricsService) {
    const registers = [metrics.registry];
    this.opened = new Counter({
      name: 'fleet_work_orders_opened_total',
      help: 'Work orders opened, by kind (proactive, corrective, preventive, customer-request, installation).',
      labelNames: ['kind'],
      registers,
    });
    this.transitions = new Counter({
      name: 'fleet_work_order_transitions_total',
      help: 'Work order status changes, by the status reached.',
      labelNames: ['to'],
      registers,
    });
    this.intake = new Counter({
      name: 'fleet_work_order_triggers_total',
      help: 'Triggers taken by work orders, by trigger and what they did (open, append, confirm, close, cancel, ignore).',
      labelNames: ['trigger', 'action'],
      registers,
    });
    this.slaAlerts = new Counter({
      name: 'fleet_work_order_sla_alerts_total',
      help: 'SLA warnings and breaches raised, by target (response, resolution) and stage.',
      labelNames: ['target', 'stage'],
      registers,
    });
  }
}
