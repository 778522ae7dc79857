const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  const a = Math.abs(ms);
  if (a >= 2 * DAY) return `${(ms / DAY).toFixed(1)} d`;
  if (a >= 2 * HOUR) return `${(ms / HOUR).toFixed(1)} h`;
  if (a >= MIN) return `${Math.round(ms / MIN)} min`;
  return `${Math.round(ms / 1000)} s`;
}

export function percent(x: number | null | undefined, digits = 2): string {
  return x === null || x === undefined ? '–' : `${(x * 100).toFixed(digits)} %`;
}

export function time(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '–';
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

export function count(n: number): string {
  return n.toLocaleString('en');
}

/** "for 2.5 h", "overdue by 3 h": how far a due time is from now. */
export function untilDue(dueAt: number, now = Date.now()): string {
  const left = dueAt - now;
  return left >= 0 ? `due in ${duration(left)}` : `overdue by ${duration(-left)}`;
}

/**
 * How a KPI moved against the previous window, in words and an arrow, so it reads
 * without colour: "▲ 0.4 pt better". `higherIsBetter` says which way is good.
 */
export function trendWords(
  current: number | null,
  previous: number | null,
  higherIsBetter: boolean,
  format: (delta: number) => string,
): { text: string; good: boolean | null } {
  if (current === null || previous === null) return { text: 'no comparison', good: null };
  const delta = current - previous;
  if (Math.abs(delta) < 1e-9) return { text: '= unchanged', good: null };
  const good = delta > 0 === higherIsBetter;
  return { text: `${delta > 0 ? '▲' : '▼'} ${format(Math.abs(delta))} ${good ? 'better' : 'worse'}`, good };
}
