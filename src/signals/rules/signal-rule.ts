import type { Figure, OfferKind, RuleId, SignalKind } from '../signal.js';
import type { DeviceFacts, ModelNorm } from '../signal-facts.js';
import type { RuleSettings } from '../signal-rules.config.js';

/** What a rule is given: one device, its customer's other devices, the thresholds of its model, the time. */
export interface RuleInput {
  now: number;
  device: DeviceFacts;
  /** The customer's other registered devices (site peers among them), with the same facts. */
  peers: readonly DeviceFacts[];
  settings: RuleSettings;
  /** The device model's failure norm; null when the model has no in-service history. */
  norm: ModelNorm | null;
}

/** A rule's finding: the offer it recommends for the device, and why. */
export interface Finding {
  rule: RuleId;
  kind: SignalKind;
  deviceId: string;
  offer: { kind: OfferKind; productId: string | null };
  reason: string;
  figures: Record<string, Figure>;
  /** 0–1. */
  confidence: number;
}

/**
 * One rule, pure: no I/O, no clock (time is in the input). Thresholds come from the
 * settings (rules as data), never from constants in the rule.
 */
export interface SignalRule {
  id: RuleId;
  kind: Exclude<SignalKind, 'overt'>;
  /** What it looks for, in a sentence. */
  description: string;
  /** The settings section it reads (shown with the rule in the API). */
  settings: keyof RuleSettings;
  evaluate(input: RuleInput): Finding | null;
}

/** Clamps a confidence to [0.05, 0.99]: no rule is ever certain, none worthless when it fires. */
export const confidence = (x: number): number => Math.min(0.99, Math.max(0.05, Math.round(x * 100) / 100));
