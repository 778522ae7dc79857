import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ConfigError } from '../config/app-config.js';
import {
  DEFAULT_SIGNALS_CONFIG,
  SignalsConfigError,
  loadSignalsConfig,
  settingsFor,
  signalRulesAtStartUp,
  signalsConfigFrom,
} from './signal-rules.config.js';

describe('signal rules configuration', () => {
  it('is the defaults without a file', () => {
    expect(loadSignalsConfig('')).toBe(DEFAULT_SIGNALS_CONFIG);
  });

  it('overrides defaults for every model and thresholds per model, section by section', () => {
    const config = signalsConfigFrom({
      currency: 'USD',
      cooldownDays: { dismissed: 30 },
      defaults: { overuse: { shareOfRated: 1.3 } },
      models: { 'DT-200': { overuse: { months: 2 }, pricing: { listPrice: 900 } } },
    });
    expect(config.currency).toBe('USD');
    expect(config.cooldownDays).toEqual({ dismissed: 30, lost: 180, won: 365 });
    expect(settingsFor(config, 'MFP-C300').overuse).toEqual({
      shareOfRated: 1.3,
      months: 3,
      recommendedMonthlyVolume: null,
    });
    expect(settingsFor(config, 'DT-200').overuse).toEqual({
      shareOfRated: 1.3,
      months: 2,
      recommendedMonthlyVolume: null,
    });
    expect(settingsFor(config, 'DT-200').pricing.listPrice).toBe(900);
    expect(settingsFor(config, 'DT-200').pricing.visitCost).toBe(220);
  });

  it('lists every problem of a bad file', () => {
    let error: unknown;
    try {
      signalsConfigFrom({
        currency: 'euro',
        defaults: { overuse: { shareOfRated: 'high' }, nonsense: {} },
        models: { X: { capacity: { months: 2, atLeast: 3 } } },
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(SignalsConfigError);
    const problems = (error as SignalsConfigError).problems.join('\n');
    expect(problems).toContain('currency');
    expect(problems).toContain('defaults.overuse.shareOfRated');
    expect(problems).toContain('unknown field "nonsense"');
  });

  it('refuses settings that contradict each other, naming the model', () => {
    expect(() => signalsConfigFrom({ models: { X: { capacity: { months: 2, atLeast: 3 } } } })).toThrow(
      'X: capacity.atLeast (3) is more than capacity.months',
    );
    expect(() => signalsConfigFrom({ lookbackMonths: 6 })).toThrow(
      'looks back 12 months, more than lookbackMonths (6)',
    );
  });

  it('reads a file and names it in its errors', () => {
    const file = join(tmpdir(), `signal-rules-${process.pid}.json`);
    writeFileSync(file, JSON.stringify({ defaults: { misuse: { codes: ['X-7'] } } }));
    expect(settingsFor(loadSignalsConfig(file), 'any').misuse.codes).toEqual(['X-7']);
    writeFileSync(file, '{ not json');
    expect(() => loadSignalsConfig(file)).toThrow(file);
  });

  it('fails start-up with a configuration error naming the variable when the file is unreadable', () => {
    const error = (() => {
      try {
        signalRulesAtStartUp('/nonexistent/signal-rules.json');
      } catch (err) {
        return err;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(
      /SIGNALS_RULES_FILE: \/nonexistent\/signal-rules.json: ENOENT/,
    );
    expect(signalRulesAtStartUp('').defaults.overuse.months).toBe(3);
  });
});
