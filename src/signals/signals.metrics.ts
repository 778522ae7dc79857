import { Injectable } from '@nestjs/common';
import type { Counter } from 'prom-client';
import { MetricsService } from '../infrastructure/metrics/metrics.service.js';

/** What an operator (and a sales operations lead) graphs about signals. */
@Injectable()
export class SignalsMetrics {
  readonly raised: Counter<'kind' | 'rule'>;
  readonly findings: Counter<'rule'>;
  readonly transitions: Counter<'to'>;
  readonly ruleFailures: Counter<'rule'>;

  constructor(metrics: MetricsService) {
    this.raised = metrics.counter({
      name: 'fleet_signals_raised_total',
      help: 'Upsell signals raised, by kind (overt, passive, observed) and the rule of their first evidence.',
      labelNames: ['kind', 'rule'] as const,
    });
    this.findings = metrics.counter({
      name: 'fleet_signal_findings_total',
      help: 'Rule findings in evaluations, by rule (a finding joins, refreshes or raises a signal, or waits out a cool-down).',
      labelNames: ['rule'] as const,
    });
    this.transitions = metrics.counter({
      name: 'fleet_signal_transitions_total',
      help: 'Signal status changes, by the status reached.',
      labelNames: ['to'] as const,
    });
    this.ruleFailures = metrics.counter({
      name: 'fleet_signal_rule_failures_total',
      help: 'Rules that threw on a device (the others went on), by rule.',
      labelNames: ['rule'] as const,
    });
  }
}
