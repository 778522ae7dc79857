import { ALERT_RULES } from './alert-scoring.js';
import type { BacktestReport, HorizonReport } from './backtest.js';

/** A backtest report as a text table, one row per method and horizon. */
export function formatBacktestReport(r: BacktestReport): string {
  const pct = (x: number | null): string => (x === null ? '—' : x.toFixed(3));
  const num = (x: number | null, d = 0): string => (x === null ? '—' : x.toFixed(d));
  const lines: string[] = [];
  const day = (t: number): string => new Date(t).toISOString().slice(0, 10);
  lines.push(
    `test ${day(r.cutoff)} → ${day(r.end)}, ${r.devices} devices, ${r.testFailures} failures` +
      (r.testFailuresWarned === null ? '' : ` (${r.testFailuresWarned} with warning signs`) +
      (r.testFailuresObservable === null
        ? ''
        : `, ${r.testFailuresObservable} observable, ${r.testFailuresReturned} returns`) +
      (r.testFailuresWarned === null ? '' : ')') +
      `; costs: visit ${r.costs.visit}, missed failure ${r.costs.missedFailure}; alert rule: ${r.alertRule}`,
  );
  const header = [
    'method'.padEnd(40),
    'h',
    'thresh'.padStart(8),
    'alerts'.padStart(7),
    'prec'.padStart(6),
    'recall'.padStart(6),
    'F1'.padStart(6),
    'PR-AUC'.padStart(6),
    'Brier'.padStart(7),
    'lead50h'.padStart(7),
    'lead10h'.padStart(7),
    'FA/100dm'.padStart(8),
    'warnedR'.padStart(7),
    'silentR'.padStart(7),
    'obsR'.padStart(6),
    'unobsR'.padStart(6),
    'retR'.padStart(6),
    'ptPrec'.padStart(6),
  ].join(' ');
  lines.push(header);
  for (const m of r.methods) {
    m.horizons.forEach((h: HorizonReport) => {
      lines.push(
        [
          m.label.padEnd(40),
          String(h.horizonDays).padStart(2),
          (Number.isFinite(h.threshold) ? h.threshold.toPrecision(3) : 'none').padStart(8),
          String(h.alerts).padStart(7),
          pct(h.precision).padStart(6),
          pct(h.recall).padStart(6),
          pct(h.f1).padStart(6),
          pct(h.prAuc).padStart(6),
          (h.brier === null ? '—' : h.brier.toFixed(4)).padStart(7),
          num(h.leadHoursMedian).padStart(7),
          num(h.leadHoursP10).padStart(7),
          num(h.falseAlertsPer100DeviceMonths, 1).padStart(8),
          pct(h.warnedRecall).padStart(7),
          pct(h.silentRecall).padStart(7),
          pct(h.observableRecall).padStart(6),
          pct(h.unobservableRecall).padStart(6),
          pct(h.returnedRecall).padStart(6),
          pct(h.pointPrecision).padStart(6),
        ].join(' '),
      );
    });
  }
  const minPrecision = r.methods[0]?.horizons[0]?.atPrecision.minPrecision ?? 0.5;
  lines.push(
    `at the lowest threshold whose hold-out alerts were ${Math.round(minPrecision * 100)} % precise ('${r.alertRule}' rule):`,
  );
  lines.push(
    [
      'method'.padEnd(40),
      'h',
      'thresh'.padStart(8),
      'hoPrec'.padStart(6),
      'alerts'.padStart(7),
      'prec'.padStart(6),
      'recall'.padStart(6),
      'F1'.padStart(6),
      'lead50h'.padStart(7),
      'warnedR'.padStart(7),
      'obsR'.padStart(6),
    ].join(' '),
  );
  for (const m of r.methods) {
    m.horizons.forEach((h: HorizonReport) => {
      const p = h.atPrecision;
      const o = p.metrics;
      lines.push(
        [
          m.label.padEnd(40),
          String(h.horizonDays).padStart(2),
          (p.threshold === null ? 'none' : p.threshold.toPrecision(3)).padStart(8),
          pct(p.holdoutPrecision).padStart(6),
          String(o?.alerts ?? '—').padStart(7),
          pct(o?.precision ?? null).padStart(6),
          pct(o?.recall ?? null).padStart(6),
          pct(o?.f1 ?? null).padStart(6),
          num(o?.leadHoursMedian ?? null).padStart(7),
          pct(o?.warnedRecall ?? null).padStart(7),
          pct(o?.observableRecall ?? null).padStart(6),
        ].join(' '),
      );
    });
  }
  for (const other of ALERT_RULES.filter((x) => x !== r.alertRule)) {
    lines.push(`the same under the '${other}' alert rule (thresholds chosen by cost under it):`);
    lines.push(
      [
        'method'.padEnd(40),
        'h',
        'thresh'.padStart(8),
        'alerts'.padStart(7),
        'prec'.padStart(6),
        'recall'.padStart(6),
        'F1'.padStart(6),
        'lead50h'.padStart(7),
        'FA/100dm'.padStart(8),
        'warnedR'.padStart(7),
        'obsR'.padStart(6),
      ].join(' '),
    );
    for (const m of r.methods) {
      m.horizons.forEach((h: HorizonReport) => {
        const o = h.byRule[other];
        lines.push(
          [
            m.label.padEnd(40),
            String(h.horizonDays).padStart(2),
            (Number.isFinite(o.threshold) ? o.threshold.toPrecision(3) : 'none').padStart(8),
            String(o.alerts).padStart(7),
            pct(o.precision).padStart(6),
            pct(o.recall).padStart(6),
            pct(o.f1).padStart(6),
            num(o.leadHoursMedian).padStart(7),
            num(o.falseAlertsPer100DeviceMonths, 1).padStart(8),
            pct(o.warnedRecall).padStart(7),
            pct(o.observableRecall).padStart(6),
          ].join(' '),
        );
      });
    }
  }
  return lines.join('\n');
}
