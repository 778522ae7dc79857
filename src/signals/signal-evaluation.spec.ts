import { aDevice, months, NOW } from './signal-facts.factory.js';
import { evaluateRules } from './signal-evaluation.js';
import { DEFAULT_SIGNALS_CONFIG } from './signal-rules.config.js';
import type { SignalRule } from './rules/signal-rule.js';
import { SIGNAL_RULES } from './rules/index.js';
import { RULE_IDS } from './signal.js';

const overused = aDevice({ deviceId: 'hot', months: months([30_000, 31_000, 32_000]) });
const quiet = aDevice({ deviceId: 'calm', months: months([10_000, 10_000, 10_000]) });

describe('rule evaluation', () => {
  it('has one rule per id but the overt intake, each with its settings section', () => {
    expect(SIGNAL_RULES.map((r) => r.id).sort()).toEqual(
      RULE_IDS.filter((r) => r !== 'overt-request').sort(),
    );
    for (const rule of SIGNAL_RULES) expect(DEFAULT_SIGNALS_CONFIG.defaults[rule.settings]).toBeDefined();
  });

  it('values and describes findings, and evaluates only the devices asked for', () => {
    const all = evaluateRules({
      now: NOW,
      devices: [overused, quiet],
      evaluate: null,
      norms: new Map(),
      config: DEFAULT_SIGNALS_CONFIG,
      rules: SIGNAL_RULES,
    });
    expect(all.byRule).toEqual({ capacity: 1, overuse: 1 });
    expect(all.findings.find((f) => f.rule === 'overuse')).toMatchObject({
      deviceId: 'hot',
      customerId: 'cust-1',
      siteId: 'site-1',
      offer: { kind: 'upgrade', productId: 'MFP-C500', description: 'Upgrade to MFP-C500' },
      estimatedValue: DEFAULT_SIGNALS_CONFIG.defaults.pricing.listPrice,
    });
    const some = evaluateRules({
      now: NOW,
      devices: [overused, quiet],
      evaluate: new Set(['calm']),
      norms: new Map(),
      config: DEFAULT_SIGNALS_CONFIG,
      rules: SIGNAL_RULES,
    });
    expect(some.findings).toEqual([]);
  });

  it('reports a rule that throws and goes on with the others', () => {
    const broken: SignalRule = {
      id: 'misuse',
      kind: 'observed',
      description: 'throws',
      settings: 'misuse',
      evaluate: () => {
        throw new Error('bad data');
      },
    };
    const out = evaluateRules({
      now: NOW,
      devices: [overused],
      evaluate: null,
      norms: new Map(),
      config: DEFAULT_SIGNALS_CONFIG,
      rules: [broken, ...SIGNAL_RULES],
    });
    expect(out.failures).toEqual([{ rule: 'misuse', deviceId: 'hot', error: 'bad data' }]);
    expect(out.byRule.overuse).toBe(1);
  });
});
