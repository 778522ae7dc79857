import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { backtest, type BacktestReport, type Method } from '../src/predictions/backtest.js';
import { formatBacktestReport } from '../src/predictions/backtest-report.js';
import { DAY_MS } from '../src/predictions/prediction-input.js';
import { simulateHistory } from './prediction-data.js';

/**
 * `npm run bench -- --case predictions`: the simulator (several seeds), aggregated into the
 * engine's input as the platform stores it, backtested with the baselines; prints the
 * report table and the targets, and writes the reports as JSON.
 */
export interface PredictionBenchOptions {
  seeds: number[];
  devices: number;
  days: number;
  /** Days of history before the cut-off. */
  trainDays: number;
  stepMs: number;
  out: string;
  missCost: number;
}

export interface PredictionBenchResult {
  reports: Array<{ seed: number; simulateSeconds: number; report: BacktestReport }>;
}

export function predictionsBench(
  o: PredictionBenchOptions,
  log: (line: string) => void,
): PredictionBenchResult {
  const reports: PredictionBenchResult['reports'] = [];
  for (const seed of o.seeds) {
    const sim = simulateHistory({ devices: o.devices, days: o.days, seed, stepMs: o.stepMs });
    log(
      `seed ${seed}: ${o.devices} devices × ${o.days} days at one sample per ${o.stepMs / 60_000} min: ${sim.messages.toLocaleString('en-US')} messages simulated in ${sim.simulateSeconds.toFixed(1)} s`,
    );
    const report = backtest(sim.history, {
      cutoff: sim.start + o.trainDays * DAY_MS,
      end: sim.end,
      costs: { visit: 1, missedFailure: o.missCost },
      truth: sim.truth,
    });
    log(
      `  trained in ${report.trainSeconds.toFixed(1)} s, scored the test period day by day in ${report.scoreSeconds.toFixed(1)} s`,
    );
    for (const line of formatBacktestReport(report).split('\n')) log('  ' + line);
    log(`  first horizon by component (failures, warned): precision / recall / warned recall / PR-AUC`);
    const components = report.methods[0].byComponent;
    log(
      '    ' +
        'method'.padEnd(22) +
        components.map((c) => `${c.component} (${c.failures}, ${c.warnedFailures})`.padEnd(26)).join(''),
    );
    for (const m of report.methods) {
      log(
        '    ' +
          m.method.padEnd(22) +
          m.byComponent
            .map((c) =>
              `${fmt2(c.precision)}/${fmt2(c.recall)}/${fmt2(c.warnedRecall)}/${fmt2(c.prAuc)}`.padEnd(26),
            )
            .join(''),
      );
    }
    reports.push({ seed, simulateSeconds: sim.simulateSeconds, report });
  }
  summarise(
    reports.map((r) => r.report),
    log,
  );
  mkdirSync(dirname(o.out), { recursive: true });
  writeFileSync(o.out, JSON.stringify({ options: o, reports }, null, 2));
  log(`report written to ${o.out}`);
  return { reports };
}

const fmt2 = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : x.toFixed(2));
const fmt = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : x.toFixed(3));

/** Figures pooled over seeds (means) against the targets. */
function summarise(reports: BacktestReport[], log: (line: string) => void): void {
  const mean = (xs: Array<number | null>): number | null => {
    const v = xs.filter((x): x is number => x !== null && Number.isFinite(x));
    return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
  };
  const first = (r: BacktestReport, m: Method) => r.methods.find((x) => x.method === m)!.horizons[0];
  const methods = reports[0].methods.map((m) => m.method);
  log(`targets, first horizon (${reports[0].horizons[0]} days), mean over ${reports.length} seed(s):`);
  const f1 = new Map(methods.map((m) => [m, mean(reports.map((r) => first(r, m).f1))]));
  for (const m of methods) log(`  F1 ${m.padEnd(20)} ${fmt(f1.get(m))}`);
  const bestBaseline = Math.max(...methods.filter((m) => m !== 'model').map((m) => f1.get(m) ?? 0));
  const model = f1.get('model') ?? 0;
  log(
    `  F1 model / best baseline: ${(model / Math.max(bestBaseline, 1e-9)).toFixed(2)}x (target ≥ 2x) ${model >= 2 * bestBaseline ? 'MET' : 'NOT MET'}`,
  );
  const wr = mean(reports.map((r) => first(r, 'model').warnedRecall));
  const pr = mean(reports.map((r) => first(r, 'model').precision));
  log(
    `  failures with precursors: recall ${fmt(wr)} at precision ${fmt(pr)} (target recall ≥ 0.8 at precision ≥ 0.5) ${wr !== null && pr !== null && wr >= 0.8 && pr >= 0.5 ? 'MET' : 'NOT MET'}`,
  );
  const lead = mean(reports.map((r) => first(r, 'model').leadHoursMedian));
  log(
    `  median lead time of true alerts: ${fmt(lead)} h (target ≥ 48 h) ${lead !== null && lead >= 48 ? 'MET' : 'NOT MET'}`,
  );
}
