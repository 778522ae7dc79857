/** RFC 4180 CSV: a header row, then one row per record; fields quoted when needed. */
export function toCsv<T extends object>(
  columns: ReadonlyArray<keyof T & string>,
  rows: readonly T[],
): string {
  const cell = (v: unknown): string => {
    if (v === undefined || v === null) return '';
    const s = typeof v === 'object' ? JSON.stringify(v) : `${v as string | number | boolean}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(row[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}
