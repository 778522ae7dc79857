import type { BacktestReport, HorizonReport } from './backtest.js';

/** A backtest report as a text table, one row per method and horizon. */
export function formatBacktestReport(r: BacktestReport): string {
  const pct = (x: number | null): string => (x === null ? '—' : x.toFixed(3));
  const num = (x: number | null, d = 0): string => (x === null ? '—' : x.toFixed(d));
  const lines: string[] = [];
  const day = (t: number): string => new Date(t).toISOString().slice(0, 10);
  lines.push(
    `test ${day(r.cutoff)} → ${day(r.end)}, ${r.devices} devices, ${r.testFailures} failures` +
      (r.testFailuresWarned === null ? '' : ` (${r.testFailuresWarned} with warning signs)`) +
      `; costs: visit ${r.costs.visit}, missed failure ${r.costs.missedFailure}`,
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
        ].join(' '),
      );
    });
  }
  return lines.join('\n');
}
