import type { Offer, RuleId } from './signal.js';
import type { DeviceFacts, ModelNorm } from './signal-facts.js';
import { describeOffer, estimateValue } from './offer-pricing.js';
import type { Finding, SignalRule } from './rules/signal-rule.js';
import { settingsFor, type SignalsConfig } from './signal-rules.config.js';

/** A finding with where it belongs and what it is worth: what the intake takes. */
export interface ValuedFinding extends Omit<Finding, 'offer' | 'deviceId'> {
  deviceId: string | null;
  customerId: string;
  siteId: string | null;
  offer: Offer;
  estimatedValue: number;
}

export interface EvaluationInput {
  now: number;
  /** Every device of the customers evaluated: the rules see a device's peers among them. */
  devices: readonly DeviceFacts[];
  /** The devices whose findings are wanted; null: all of `devices`. */
  evaluate: ReadonlySet<string> | null;
  norms: ReadonlyMap<string, ModelNorm>;
  config: SignalsConfig;
  rules: readonly SignalRule[];
}

export interface EvaluationOutput {
  findings: ValuedFinding[];
  /** Findings per rule, including those of devices evaluated for nothing else. */
  byRule: Partial<Record<RuleId, number>>;
  /** Rules that threw, by rule id, with the devices: a rule bug never stops the others. */
  failures: Array<{ rule: RuleId; deviceId: string; error: string }>;
}

/**
 * Runs every rule over every device asked for, pure: the job and the bench both call
 * it. A rule that throws on a device is reported and skipped, never fatal.
 */
export function evaluateRules(input: EvaluationInput): EvaluationOutput {
  const byCustomer = new Map<string, DeviceFacts[]>();
  for (const d of input.devices) {
    const list = byCustomer.get(d.customerId) ?? [];
    list.push(d);
    byCustomer.set(d.customerId, list);
  }
  const out: EvaluationOutput = { findings: [], byRule: {}, failures: [] };
  for (const device of input.devices) {
    if (input.evaluate && !input.evaluate.has(device.deviceId)) continue;
    const peers = (byCustomer.get(device.customerId) ?? []).filter((p) => p.deviceId !== device.deviceId);
    const settings = settingsFor(input.config, device.modelId);
    const norm = input.norms.get(device.modelId) ?? null;
    for (const rule of input.rules) {
      let finding: Finding | null;
      try {
        finding = rule.evaluate({ now: input.now, device, peers, settings, norm });
      } catch (err) {
        out.failures.push({
          rule: rule.id,
          deviceId: device.deviceId,
          error: err instanceof Error ? err.message : String(err),
        });
        continue;
      }
      if (!finding) continue;
      out.byRule[rule.id] = (out.byRule[rule.id] ?? 0) + 1;
      out.findings.push({
        ...finding,
        customerId: device.customerId,
        siteId: device.siteId,
        offer: describeOffer(finding.offer),
        estimatedValue: estimateValue(finding.offer, device, input.config),
      });
    }
  }
  return out;
}
