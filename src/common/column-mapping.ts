import { readCalendarTime } from './calendar-time.js';

/**
 * What the history import and the registry import share in their column mappings:
 * the header check and how a time cell is read. Docs: docs/history-import.md.
 */

/** How numeric time cells are read: `auto` and `epoch-ms` as milliseconds, `epoch-s` as seconds. */
export const TIME_FORMATS = ['auto', 'epoch-ms', 'epoch-s'] as const;
export type TimeFormat = (typeof TIME_FORMATS)[number];

/** Mapped columns the file's header lacks, as messages; empty when all are there. */
export function missingColumns(wanted: Iterable<string>, header: readonly string[]): string[] {
  const have = new Set(header);
  return [...new Set(wanted)].filter((c) => !have.has(c)).map((c) => `column "${c}" is not in the header`);
}

/**
 * A time cell: RFC 3339, `YYYY-MM-DD[ HH:mm[:ss[.SSS]]]` (read as UTC), or a number
 * (epoch ms, or seconds with `epoch-s`). Ms since the epoch, or why not, naming the column.
 */
export function readTimeCell(raw: string, column: string, format: TimeFormat = 'auto'): number | string {
  if (raw === '') return `the "${column}" cell is empty`;
  if (/^-?\d+(\.\d+)?$/.test(raw)) {
    const n = Number(raw);
    return Math.round(format === 'epoch-s' ? n * 1000 : n);
  }
  const t = readCalendarTime(raw);
  if (t.ok) return t.ms;
  return t.reason === 'format'
    ? `"${raw}" in column "${column}" is not a date I can read (YYYY-MM-DD HH:mm:ss, RFC 3339 or epoch ms)`
    : `"${raw}" in column "${column}" is not a real date: ${t.reason}`;
}
