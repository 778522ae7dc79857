import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsService } from '../infrastructure/metrics/metrics.service.js';

/** What an operator (and a sales operations lead) graphs about signals. */
@Injectable()
export class SignalsMetrics {
  readonly raised: Counter<'kind' | 'rule'>;
  readonly findings: Counter<'rule'>;
  readonly transitions: Counter<'to'>;
  readonly ruleFailures: Counter<'rule'>;

  constructor(metrics: MetricsService) {
    const registers = [metrics.registry];
    this.raised = new Counter({
      name: 'fleet_signals_raised_total',
      help: 'Upsell signals raised, by kind (overt, passive, observed) and the rule of their first evidence.',
      labelNames: ['kind', 'rule'],
      registers,
    });
    this.findings = new Counter({
      name: 'fleet_signal_findings_total',
      help: 'Rule findings in evaluations, by rule (a finding joins, refreshes or raises a signal, or waits out a cool-down).',
      labelNames: ['rule'],
      registers,
    });
    this.transitions = new Counter({
      name: 'fleet_signal_transitions_total',
      help: 'Signal status changes, by the status reached.',
      labelNames: ['to'],
      registers,
    });
    this.ruleFailures = new Counter({
      name: 'fleet_signal_rule_failures_total',
      help: 'Rules that threw on a device (the others went on), by rule.',
      labelNames: ['rule'],
      registers,
    });
  }
}
