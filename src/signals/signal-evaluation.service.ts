import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { RuleId } from './signal.js';
import { evaluateRules } from './signal-evaluation.js';
import { SignalFactsService, type RegisteredDevice } from './signal-facts.service.js';
import type { ModelNorm } from './signal-facts.js';
import { signalKey, takeFindings } from './signal-intake.js';
import { SIGNAL_REPOSITORY, type SignalRepository } from './signal.repository.js';
import { SignalWriter } from './signal-writer.js';
import { SignalsMetrics } from './signals.metrics.js';
import { SIGNAL_RULES } from './rules/index.js';
import { SIGNALS_CONFIG, type SignalsConfig } from './signal-rules.config.js';

/** What one evaluation did (the job's summary, `job.finished`, and `POST /signals/evaluate`). */
export interface SignalRunSummary {
  /** Every device looked at, or only those with new data since the last run. */
  full: boolean;
  /** The evaluation time, and the time its complete months end at (the KPI ledger's progress). */
  now: number;
  asOf: number;
  devices: number;
  customers: number;
  findings: number;
  findingsByRule: Partial<Record<RuleId, number>>;
  raised: number;
  changed: number;
  refreshed: number;
  /** Findings held back by a cool-down. */
  suppressed: number;
  /** Writes beaten by a concurrent one; their devices are evaluated again at the next run. */
  conflicts: number;
  ruleFailures: number;
  /** Registered devices without a site, left out (no customer). */
  withoutSite: number;
}

/** Devices per batch: their facts are in memory together (a customer's devices stay in one batch). */
const BATCH_DEVICES = 250;
/** Most dirty devices one run takes; the rest wait for the next. */
const MAX_DIRTY = 5_000;

export const newSignalId = (): string => `sig-${randomBytes(6).toString('hex')}`;

/**
 * The evaluation: facts of the devices with new data (or of every device, once per
 * SIGNALS_FULL_SWEEP_INTERVAL_MS), every rule over them and their customers' other
 * devices, the findings taken into signals, written with their events and webhooks.
 */
@Injectable()
export class SignalEvaluationService {
  private readonly logger = new Logger(SignalEvaluationService.name);

  constructor(
    private readonly facts: SignalFactsService,
    private readonly writer: SignalWriter,
    private readonly metrics: SignalsMetrics,
    @Inject(SIGNAL_REPOSITORY) private readonly repo: SignalRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SIGNALS_CONFIG) private readonly rulesConfig: SignalsConfig,
  ) {}

  async run(now: number, options: { full?: boolean } = {}): Promise<SignalRunSummary> {
    const rules = this.rulesConfig;
    const last = await this.repo.lastFullSweep();
    const full =
      options.full === true ||
      last === null ||
      now - last >= this.config.signals.fullSweepIntervalMs ||
      now < last;
    const dirty = full ? new Map<string, number>() : await this.repo.dirtyDevices(MAX_DIRTY);
    const fleet = await this.facts.fleet();
    const selected = full ? fleet.devices : fleet.devices.filter((d) => dirty.has(d.device.deviceId));
    const wanted = full ? null : new Set(selected.map((d) => d.device.deviceId));
    const customers = [...new Set(selected.map((d) => d.customerId))].sort();
    const summary: SignalRunSummary = {
      full,
      now,
      asOf: now,
      devices: selected.length,
      customers: customers.length,
      findings: 0,
      findingsByRule: {},
      raised: 0,
      changed: 0,
      refreshed: 0,
      suppressed: 0,
      conflicts: 0,
      ruleFailures: 0,
      withoutSite: fleet.withoutSite,
    };
    const norms = new Map<string, ModelNorm>();
    const retry = new Map<string, number>();
    for (const batch of batches(customers, fleet.byCustomer)) {
      const { facts, asOf } = await this.facts.facts(batch.devices, now);
      summary.asOf = asOf;
      const missing = [...new Set(facts.map((f) => f.modelId))].filter((m) => !norms.has(m));
      for (const [id, norm] of await this.facts.norms(missing, asOf)) norms.set(id, norm);
      const out = evaluateRules({
        now,
        devices: facts,
        evaluate: wanted,
        norms,
        config: rules,
        rules: SIGNAL_RULES,
      });
      for (const f of out.failures) {
        this.metrics.ruleFailures.inc({ rule: f.rule });
        this.logger.error(
          { rule: f.rule, deviceId: f.deviceId, err: f.error },
          'signal rule failed on a device',
        );
      }
      summary.ruleFailures += out.failures.length;
      for (const [rule, n] of Object.entries(out.byRule)) {
        summary.findingsByRule[rule as RuleId] = (summary.findingsByRule[rule as RuleId] ?? 0) + n;
        this.metrics.findings.inc({ rule }, n);
      }
      summary.findings += out.findings.length;
      const state = await this.repo.forCustomers(batch.customers);
      const result = takeFindings(
        out.findings,
        {
          active: new Map(state.active.map((s) => [signalKey(s.customerId, s.offerKey), s])),
          lastClosed: new Map(state.lastClosed.map((s) => [signalKey(s.customerId, s.offerKey), s])),
        },
        {
          now,
          actor: 'rules',
          currency: rules.currency,
          cooldownDays: rules.cooldownDays,
          newId: newSignalId,
        },
      );
      const written = await this.writer.commit(result);
      summary.raised += written.raised.length;
      summary.changed += written.changed.length;
      summary.refreshed += written.refreshed;
      summary.suppressed += result.suppressed.length;
      summary.conflicts += written.lost.length;
      // a write beaten by another (a request, a person): its devices are looked at again
      for (const s of written.lost) for (const id of s.deviceIds) retry.set(id, now);
    }
    await this.repo.clearDirty(dirty);
    await this.repo.markDirty(retry);
    if (full) await this.repo.setLastFullSweep(now);
    return summary;
  }
}

/** Customers in order, grouped so a batch holds about BATCH_DEVICES devices (a big customer alone). */
function* batches(
  customers: readonly string[],
  byCustomer: ReadonlyMap<string, RegisteredDevice[]>,
): Generator<{ customers: string[]; devices: RegisteredDevice[] }> {
  let batch: { customers: string[]; devices: RegisteredDevice[] } = { customers: [], devices: [] };
  for (const c of customers) {
    const devices = byCustomer.get(c) ?? [];
    if (batch.devices.length && batch.devices.length + devices.length > BATCH_DEVICES) {
      yield batch;
      batch = { customers: [], devices: [] };
    }
    batch.customers.push(c);
    batch.devices.push(...devices);
  }
  if (batch.customers.length) yield batch;
}
