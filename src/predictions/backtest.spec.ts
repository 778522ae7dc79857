import { backtest, isotonicCalibration, METHODS } from './backtest.js';
import { formatBacktestReport } from './backtest-report.js';
import type { PredictorOptions } from './failure-predictor.js';
import { DAY_MS } from './prediction-input.js';
import { syntheticFleet } from './synthetic-fleet.js';

const START = Date.UTC(2024, 0, 1);
const OPTIONS: Partial<PredictorOptions> = {
  maxNegativesPerComponent: 3000,
  holdoutDays: 60,
  gbm: { rounds: 40, learningRate: 0.2, maxLeaves: 8, minLeafRows: 20, earlyStoppingRounds: 10 },
};

describe(backtest.name, () => {
  const fleet = syntheticFleet({ devices: 40, days: 420, seed: 2, start: START });
  const truth = new Map(
    [...fleet.failures].map(([key, ts]) => [key, ts.map((t) => ({ ts: t, warned: key.endsWith('/fuser') }))]),
  );
  const report = backtest(fleet.history, {
    cutoff: START + 300 * DAY_MS,
    end: START + 420 * DAY_MS,
    horizons: [7, 30],
    predictor: OPTIONS,
    truth,
  });

  it('scores the model and the four baselines on every horizon', () => {
    expect(report.methods.map((m) => m.method)).toEqual([...METHODS]);
    for (const m of report.methods) expect(m.horizons.map((h) => h.horizonDays)).toEqual([7, 30]);
    expect(report.testFailures).toBeGreaterThan(20);
    expect(report.testFailuresWarned).toBeGreaterThan(5);
  });

  it('beats every baseline on a history whose warning signs are clear', () => {
    const f1 = (method: string): number =>
      report.methods.find((m) => m.method === method)!.horizons[0].f1 ?? 0;
    for (const baseline of METHODS.slice(1)) expect(f1('model')).toBeGreaterThan(f1(baseline));
    const model = report.methods[0].horizons[0];
    expect(model.warnedRecall).toBeGreaterThan(0.8);
    expect(model.leadHoursMedian).toBeGreaterThan(24);
  });

  it('reports every method under both alert rules, the primary one (renewed) at the top level', () => {
    expect(report.alertRule).toBe('renewed');
    for (const m of report.methods) {
      for (const h of m.horizons) {
        expect(h.rule).toBe('renewed');
        expect(h.byRule.renewed).toMatchObject({ alerts: h.alerts, f1: h.f1, threshold: h.threshold });
        expect(h.byRule.crossing.failures).toBe(h.failures);
        // renewals only add alerts: a rule with them raises at least as many at the same threshold
        if (h.byRule.crossing.threshold === h.threshold)
          expect(h.alerts).toBeGreaterThanOrEqual(h.byRule.crossing.alerts);
      }
    }
  });

  it('adds an operating point chosen on the hold-out for a minimum precision, for every method', () => {
    for (const m of report.methods) {
      for (const h of m.horizons) {
        const p = h.atPrecision;
        expect(p.minPrecision).toBe(0.5);
        if (p.threshold === null) expect(p.metrics).toBeNull();
        else {
          expect(p.holdoutPrecision).toBeGreaterThanOrEqual(0.5);
          expect(p.metrics?.threshold).toBe(p.threshold);
        }
      }
    }
    expect(report.methods[0].horizons[0].atPrecision.threshold).not.toBeNull();
  });

  it('gives every figure a number or an explicit null, never NaN', () => {
    for (const m of report.methods) {
      for (const h of m.horizons) {
        for (const v of Object.values(h)) if (typeof v === 'number') expect(Number.isNaN(v)).toBe(false);
      }
    }
    expect(formatBacktestReport(report)).toMatch(/model \(condition trees \+ life model\)\s+7/);
  });
});

describe(isotonicCalibration.name, () => {
  it('maps scores to observed frequencies, pooling where they would decrease', () => {
    // scores 1..4 with labels 0, 1, 0, 1: the middle pair pools to 1/2
    const f = isotonicCalibration([1, 2, 3, 4], [0, 1, 0, 1]);

    expect([0.5, 1, 2, 3, 4, 9].map(f)).toEqual([0, 0, 0.5, 0.5, 1, 1]);
  });

  it('answers 0 with nothing to learn from', () => {
    expect(isotonicCalibration([], [])(3)).toBe(0);
  });
});
