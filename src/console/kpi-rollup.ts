import type { ReliabilityKpis } from '../reliability/reliability-kpis.js';
import type { FleetKpiPoint } from './fleet-overview.dto.js';

/**
 * The KPIs of consecutive windows taken together, from the additive parts of each:
 * up and down time, failures, repairs and their downtime (MTTR × repairs). Pure.
 * Lets the fleet overview ask the KPI service once, by day, and show the last 30 days,
 * the 30 before and the weekly trend from the same answer.
 */
export function rollUp(periods: readonly ReliabilityKpis[]): FleetKpiPoint {
  let up = 0;
  let down = 0;
  let failures = 0;
  let repairs = 0;
  let downtime = 0;
  for (const p of periods) {
    up += p.upTimeMs;
    down += p.downTimeMs;
    failures += p.failures;
    repairs += p.repairsEnded;
    downtime += (p.mttrMs ?? 0) * p.repairsEnded;
  }
  return {
    from: periods.length ? periods[0].window.from : 0,
    to: periods.length ? periods[periods.length - 1].window.to : 0,
    availability: up + down > 0 ? up / (up + down) : null,
    mtbfMs: failures > 0 ? up / failures : null,
    mttrMs: repairs > 0 ? downtime / repairs : null,
    failures,
  };
}

/** Consecutive groups of `size` periods ending with the last one (the oldest group may be short). */
export function groupsFromEnd<T>(items: readonly T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let end = items.length; end > 0; end -= size)
    groups.unshift(items.slice(Math.max(0, end - size), end));
  return groups;
}
