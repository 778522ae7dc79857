import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ALERT_RULES } from '../src/predictions/alert-scoring.js';
import { backtest, type BacktestReport, type Method } from '../src/predictions/backtest.js';
import { formatBacktestReport } from '../src/predictions/backtest-report.js';
import { DAY_MS } from '../src/predictions/prediction-input.js';
import { bayesCeiling, type CeilingPoint, type CeilingReport } from './predictions-ceiling.js';
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
  reports: Array<{
    seed: number;
    simulateSeconds: number;
    backtestCpuSeconds: number;
    report: BacktestReport;
    /** What no predictor can beat on this history (predictions-ceiling.ts), per horizon. */
    ceiling: CeilingReport[];
  }>;
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
    const c0 = process.cpuUsage();
    const cutoff = sim.start + o.trainDays * DAY_MS;
    const report = backtest(sim.history, {
      cutoff,
      end: sim.end,
      costs: { visit: 1, missedFailure: o.missCost },
      truth: sim.truth,
    });
    const cpu = process.cpuUsage(c0);
    const backtestCpuSeconds = (cpu.user + cpu.system) / 1e6;
    log(
      `  trained in ${report.trainSeconds.toFixed(1)} s, scored the test period day by day in ${report.scoreSeconds.toFixed(1)} s (wall); the whole backtest with baselines ${backtestCpuSeconds.toFixed(1)} s CPU`,
    );
    for (const line of formatBacktestReport(report).split('\n')) log('  ' + line);
    log(
      `  first horizon by component (failures, observable): precision / recall / observable recall / PR-AUC`,
    );
    const components = report.methods[0].byComponent;
    log(
      '    ' +
        'method'.padEnd(22) +
        components.map((c) => `${c.component} (${c.failures}, ${c.observableFailures})`.padEnd(26)).join(''),
    );
    for (const m of report.methods) {
      log(
        '    ' +
          m.method.padEnd(22) +
          m.byComponent
            .map((c) =>
              `${fmt2(c.precision)}/${fmt2(c.recall)}/${fmt2(c.observableRecall)}/${fmt2(c.prAuc)}`.padEnd(
                26,
              ),
            )
            .join(''),
      );
    }
    const ceiling = bayesCeiling(sim, cutoff, sim.end, report.horizons);
    const c = ceiling[0];
    const pt = (p: CeilingPoint | null): string =>
      p
        ? `F1 ${fmt(p.f1)}, precision ${fmt(p.precision)}, recall ${fmt(p.recall)}, observable recall ${fmt(p.observableRecall)} (code-only threshold ${p.threshold})`
        : 'none';
    log(
      `  ceiling at ${c.horizonDays} days (Bayes posterior on ${c.codeOnlyComponents.join(', ')}: ${c.codeOnlyFailures} of ${c.failures} failures; clairvoyance on the rest; ${c.seconds.toFixed(0)} s):`,
    );
    log(
      `    code-only PR-AUC ${fmt(c.codeOnlyPrAuc)} (the model's: ${modelPrAuc(report, c.codeOnlyComponents)})`,
    );
    log(`    code-only, best F1: ${pt(c.codeOnlyBest)}`);
    log(`    code-only, most precise with observable recall ≥ ${c.recallTarget}: ${pt(c.codeOnlyAtRecall)}`);
    log(`    all components, best F1: ${pt(c.best)}`);
    log(`    all components, most precise with observable recall ≥ ${c.recallTarget}: ${pt(c.atRecall)}`);
    reports.push({ seed, simulateSeconds: sim.simulateSeconds, backtestCpuSeconds, report, ceiling });
  }
  summarise(
    reports.map((r) => r.report),
    log,
  );
  summariseCeiling(reports, log);
  mkdirSync(dirname(o.out), { recursive: true });
  writeFileSync(o.out, JSON.stringify({ options: o, reports }, null, 2));
  log(`report written to ${o.out}`);
  return { reports };
}

/** The model's first-horizon PR-AUC per component, for the components named. */
function modelPrAuc(report: BacktestReport, components: readonly string[]): string {
  const model = report.methods.find((m) => m.method === 'model')!;
  return model.byComponent
    .filter((c) => components.includes(c.component))
    .map((c) => `${c.component} ${fmt(c.prAuc)}`)
    .join(', ');
}

/** The ceiling against the targets: what no predictor can beat, mean over seeds. */
function summariseCeiling(reports: PredictionBenchResult['reports'], log: (line: string) => void): void {
  const mean = (xs: Array<number | null | undefined>): number | null => {
    const v = xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
    return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
  };
  const first = reports.map((r) => r.ceiling[0]);
  const baseline = mean(
    reports.map((r) =>
      Math.max(...r.report.methods.filter((m) => m.method !== 'model').map((m) => m.horizons[0].f1 ?? 0)),
    ),
  );
  const best = mean(first.map((c) => c.best?.f1));
  log(`ceiling, first horizon (${first[0].horizonDays} days), mean over ${reports.length} seed(s):`);
  log(
    `  best F1 any predictor could reach ${fmt(best)} against 2 × the best baseline ${fmt(baseline === null ? null : 2 * baseline)}: the F1 target is ${best !== null && baseline !== null && best < 2 * baseline ? 'OUT OF REACH' : 'not ruled out'}`,
  );
  log(
    `  most precise point with observable recall ≥ ${first[0].recallTarget}: precision ${fmt(mean(first.map((c) => c.atRecall?.precision)))} (all components), ${fmt(mean(first.map((c) => c.codeOnlyAtRecall?.precision)))} (code-only components alone)`,
  );
}

const fmt2 = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : x.toFixed(2));
const fmt = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : x.toFixed(3));

/** Figures pooled over seeds (means) against the targets, under each alert rule. */
function summarise(reports: BacktestReport[], log: (line: string) => void): void {
  const mean = (xs: Array<number | null>): number | null => {
    const v = xs.filter((x): x is number => x !== null && Number.isFinite(x));
    return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
  };
  const primary = reports[0].alertRule;
  const methods = reports[0].methods.map((m) => m.method);
  for (const rule of ALERT_RULES) {
    const first = (r: BacktestReport, m: Method) =>
      r.methods.find((x) => x.method === m)!.horizons[0].byRule[rule];
    log(
      `targets, first horizon (${reports[0].horizons[0]} days), mean over ${reports.length} seed(s), alert rule '${rule}'${rule === primary ? ' (primary)' : " (the first engine's)"}:`,
    );
    const f1 = new Map(methods.map((m) => [m, mean(reports.map((r) => first(r, m).f1))]));
    for (const m of methods) log(`  F1 ${m.padEnd(20)} ${fmt(f1.get(m))}`);
    const bestBaseline = Math.max(...methods.filter((m) => m !== 'model').map((m) => f1.get(m) ?? 0));
    const model = f1.get('model') ?? 0;
    log(
      `  F1 model / best baseline: ${(model / Math.max(bestBaseline, 1e-9)).toFixed(2)}x (target ≥ 2x) ${model >= 2 * bestBaseline ? 'MET' : 'NOT MET'}`,
    );
    const pr = mean(reports.map((r) => first(r, 'model').precision));
    const split = (name: string, recall: number | null): void =>
      log(
        `  ${name}: recall ${fmt(recall)} at precision ${fmt(pr)} (target recall ≥ 0.8 at precision ≥ 0.5) ${recall !== null && pr !== null && recall >= 0.8 && pr >= 0.5 ? 'MET' : 'NOT MET'}`,
      );
    split(
      'failures with an observable precursor',
      mean(reports.map((r) => first(r, 'model').observableRecall)),
    );
    split(
      "failures whose precursor stage began (ground truth's warned)",
      mean(reports.map((r) => first(r, 'model').warnedRecall)),
    );
    if (rule === primary) {
      const at = (r: BacktestReport) => r.methods.find((x) => x.method === 'model')!.horizons[0].atPrecision;
      const p = mean(reports.map((r) => at(r).metrics?.precision ?? null));
      const o = mean(reports.map((r) => at(r).metrics?.observableRecall ?? null));
      log(
        `  at the threshold chosen on the hold-out for precision ≥ ${reports[0].methods[0].horizons[0].atPrecision.minPrecision}: observable recall ${fmt(o)} at precision ${fmt(p)} ${o !== null && p !== null && o >= 0.8 && p >= 0.5 ? 'MET' : 'NOT MET'}`,
      );
    }
    const lead = mean(reports.map((r) => first(r, 'model').leadHoursMedian));
    log(
      `  median lead time of caught failures (first alert): ${fmt(lead)} h (target ≥ 48 h) ${lead !== null && lead >= 48 ? 'MET' : 'NOT MET'}`,
    );
  }
}
