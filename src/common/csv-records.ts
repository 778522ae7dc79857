import type { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';

/** One CSV data row by header name; `line` is the file line the row ends on. */
export interface CsvRow {
  line: number;
  fields: Record<string, string>;
}

/** A row the CSV parser could not read (wrong column count, broken quotes). */
export interface CsvBadRow {
  line: number;
  reason: string;
}

/**
 * Streams a CSV file with a header line: rows as they are parsed, in constant
 * memory, and unreadable rows reported with their line instead of stopping.
 */
export async function* readCsvRows(
  input: Readable | AsyncIterable<Buffer | string>,
): AsyncGenerator<CsvRow | CsvBadRow> {
  const skipped: CsvBadRow[] = [];
  const parser = parse({
    columns: (header: string[]) => header.map((h) => h.trim()),
    bom: true,
    info: true,
    trim: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err: CsvError | undefined) => {
      if (err) skipped.push({ line: Number(err.lines ?? 0), reason: err.message });
      return undefined;
    },
  });
  const feed = (async () => {
    try {
      for await (const chunk of input) {
        if (!parser.write(chunk)) await new Promise((r) => parser.once('drain', r));
      }
      parser.end();
    } catch (err) {
      parser.destroy(err as Error);
    }
  })();
  for await (const item of parser as AsyncIterable<{
    info: { lines: number };
    record: Record<string, string>;
  }>) {
    while (skipped.length) yield skipped.shift()!;
    yield { line: item.info.lines, fields: item.record };
  }
  while (skipped.length) yield skipped.shift()!;
  await feed;
}

export function isBadRow(row: CsvRow | CsvBadRow): row is CsvBadRow {
  return 'reason' in row;
}
