/** How the device page's charts zoom: ranges, and the aggregation window for a span. */

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** The zoom buttons: a year down to an hour. */
export const RANGES: Array<[string, number]> = [
  ['1 year', 365 * DAY],
  ['90 days', 90 * DAY],
  ['30 days', 30 * DAY],
  ['7 days', 7 * DAY],
  ['1 day', DAY],
  ['1 hour', HOUR],
];
/** Aggregation windows the chart picks from: the smallest that keeps it under MAX_POINTS. */
const WINDOWS: Array<[string, number]> = [
  ['1m', 60_000],
  ['5m', 300_000],
  ['15m', 900_000],
  ['1h', HOUR],
  ['6h', 6 * HOUR],
  ['1d', DAY],
  ['1w', 7 * DAY],
];
const MAX_POINTS = 1000;
/** At most this span is drawn from raw points. */
export const RAW_SPAN = 2 * HOUR;

export function windowFor(spanMs: number): [string, number] {
  return WINDOWS.find(([, ms]) => spanMs / ms <= MAX_POINTS) ?? WINDOWS[WINDOWS.length - 1];
}
