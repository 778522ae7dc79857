import { isUtf8 } from 'node:buffer';
import type { Readable } from 'node:stream';
import { DomainError, ErrorCode } from './domain-error.js';

/** One CSV data row by header name; `line` is the file line the row ends on. */
export interface CsvRow {
  line: number;
  fields: Record<string, string>;
}

/** A row the reader could not take (wrong column count, broken quotes, invalid UTF-8). */
export interface CsvBadRow {
  line: number;
  reason: string;
}

/**
 * A quoted field may span lines (RFC 4180), but one whose quote never closes must
 * not swallow the rows after it: past this many lines the quote counts as unterminated.
 */
const MAX_RECORD_LINES = 100;
const MAX_RECORD_CHARS = 1 << 20;

/**
 * Streams a CSV file with a header line (RFC 4180, `,`, optional BOM, CRLF or LF):
 * rows as they are parsed, in constant memory. A row that can't be read is reported
 * with its line and the reason, and reading goes on with the next line, so one bad row
 * (an unterminated quote, a wrong column count, invalid UTF-8) never costs a good one.
 * A header that names a column twice is refused as a whole (DomainError): the rows
 * could not be read unambiguously.
 */
export async function* readCsvRows(
  input: Readable | AsyncIterable<Buffer | string>,
): AsyncGenerator<CsvRow | CsvBadRow> {
  const reader = new CsvRecordReader();
  let rest: Buffer = Buffer.alloc(0);
  let lineNo = 0;
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    const buf = rest.length ? Buffer.concat([rest, bytes]) : bytes;
    // '\n' never occurs inside a multi-byte UTF-8 sequence: cutting there is safe
    const cut = buf.lastIndexOf(0x0a);
    if (cut < 0) {
      rest = buf;
      continue;
    }
    rest = buf.subarray(cut + 1);
    const lines = decodeLines(buf.subarray(0, cut), lineNo);
    lineNo += lines.length;
    yield* reader.push(lines);
  }
  if (rest.length) {
    const lines = decodeLines(rest, lineNo);
    yield* reader.push(lines);
  }
  yield* reader.end();
}

export function isBadRow(row: CsvRow | CsvBadRow): row is CsvBadRow {
  return 'reason' in row;
}

/** A physical line: its number, and its text or why it has none. */
interface Line {
  no: number;
  text: string | null;
  problem?: string;
}

/** Lines of a block that ends at a line break; invalid UTF-8 is reported per line. */
function decodeLines(block: Buffer, before: number): Line[] {
  if (isUtf8(block)) {
    let text = block.toString('utf8');
    // BOM on the first line
    if (before === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return text.split('\n').map((t, i) => ({ no: before + i + 1, text: stripCr(t) }));
  }
  const out: Line[] = [];
  let start = 0;
  let no = before;
  for (;;) {
    const end = block.indexOf(0x0a, start);
    const raw = block.subarray(start, end < 0 ? block.length : end);
    no++;
    if (isUtf8(raw)) {
      let text = raw.toString('utf8');
      if (no === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      out.push({ no, text: stripCr(text) });
    } else {
      out.push({ no, text: null, problem: `not valid UTF-8 (${badByte(raw)}); save the file as UTF-8` });
    }
    if (end < 0) break;
    start = end + 1;
  }
  return out;
}

function badByte(raw: Buffer): string {
  // the line is known to be invalid: find the first byte that starts no valid sequence
  for (let i = 0; i < raw.length;) {
    const c = raw[i];
    const extra =
      c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    let ok = extra >= 0;
    for (let k = 1; ok && k <= extra; k++) ok = i + k < raw.length && (raw[i + k] & 0xc0) === 0x80;
    if (!ok) return `byte 0x${c.toString(16).padStart(2, '0')} at column ${i + 1}`;
    i += extra + 1;
  }
  return 'an invalid character';
}

const stripCr = (t: string): string => (t.endsWith('\r') ? t.slice(0, -1) : t);

type Parsed = { ok: true; fields: string[] } | { ok: false; open: boolean; reason: string };

/**
 * Splits one record's text into fields. `open` when the text ends inside a quoted
 * field (the record may go on on the next line).
 */
export function splitCsvRecord(text: string): Parsed {
  // fast path: no quotes at all
  if (!text.includes('"')) return { ok: true, fields: text.split(',').map((f) => f.trim()) };
  const fields: string[] = [];
  let i = 0;
  const n = text.length;
  for (;;) {
    // skip leading blanks of the field
    let j = i;
    while (j < n && (text[j] === ' ' || text[j] === '\t')) j++;
    if (j < n && text[j] === '"') {
      let value = '';
      let k = j + 1;
      for (;;) {
        const q = text.indexOf('"', k);
        if (q < 0) return { ok: false, open: true, reason: 'a quoted field is never closed' };
        value += text.slice(k, q);
        if (text[q + 1] === '"') {
          value += '"';
          k = q + 2;
          continue;
        }
        k = q + 1;
        break;
      }
      while (k < n && (text[k] === ' ' || text[k] === '\t')) k++;
      if (k < n && text[k] !== ',')
        return {
          ok: false,
          open: false,
          reason: `unexpected character after a closing quote (column ${k + 1})`,
        };
      fields.push(value);
      if (k >= n) return { ok: true, fields };
      i = k + 1;
    } else {
      const comma = text.indexOf(',', i);
      const raw = comma < 0 ? text.slice(i) : text.slice(i, comma);
      if (raw.includes('"'))
        return {
          ok: false,
          open: false,
          reason: `a quote inside an unquoted field (column ${i + raw.indexOf('"') + 1}); quote the field and double the quote`,
        };
      fields.push(raw.trim());
      if (comma < 0) return { ok: true, fields };
      i = comma + 1;
    }
  }
}

/** Turns lines into rows: the header first, then data rows checked against it. */
class CsvRecordReader {
  private header: string[] | null = null;
  /** Lines of a record whose quoted field is still open. */
  private pending: Line[] = [];

  *push(lines: Line[]): Generator<CsvRow | CsvBadRow> {
    for (const line of lines) yield* this.line(line);
  }

  *end(): Generator<CsvRow | CsvBadRow> {
    if (this.pending.length) yield* this.unterminated();
  }

  private *line(line: Line): Generator<CsvRow | CsvBadRow> {
    if (line.text === null) {
      // an undecodable line inside an open record breaks that record too
      if (this.pending.length) yield* this.unterminated();
      yield { line: line.no, reason: line.problem! };
      return;
    }
    if (!this.pending.length && line.text.trim() === '') return;
    this.pending.push(line);
    const text = this.pending.map((l) => l.text).join('\n');
    const parsed = splitCsvRecord(text);
    if (!parsed.ok && parsed.open) {
      if (this.pending.length >= MAX_RECORD_LINES || text.length > MAX_RECORD_CHARS)
        yield* this.unterminated();
      return;
    }
    const lines = this.pending;
    if (!parsed.ok || (lines.length > 1 && this.header && parsed.fields.length !== this.header.length)) {
      // a multi-line record that doesn't fit was most likely an unterminated quote
      if (lines.length > 1) {
        yield* this.unterminated();
        return;
      }
      this.pending = [];
      if (!parsed.ok) yield { line: line.no, reason: parsed.reason };
      return;
    }
    this.pending = [];
    yield* this.record(parsed.fields, lines[lines.length - 1].no);
  }

  /** The first pending line opened a quote that never closed: report it, re-read the others. */
  private *unterminated(): Generator<CsvRow | CsvBadRow> {
    const [first, ...others] = this.pending;
    this.pending = [];
    yield { line: first.no, reason: 'a quoted field is never closed (unterminated quote)' };
    for (const l of others) yield* this.line(l);
  }

  private *record(fields: string[], line: number): Generator<CsvRow | CsvBadRow> {
    if (!this.header) {
      this.header = fields;
      const seen = new Map<string, number>();
      fields.forEach((name, i) => {
        const first = seen.get(name);
        if (first !== undefined)
          throw new DomainError(
            ErrorCode.InvalidArgument,
            `the CSV header names column "${name}" twice (columns ${first + 1} and ${i + 1}); each column once, please`,
          );
        seen.set(name, i);
      });
      return;
    }
    if (fields.length !== this.header.length) {
      yield {
        line,
        reason: `${fields.length} columns, the header has ${this.header.length}`,
      };
      return;
    }
    const record: Record<string, string> = {};
    for (let i = 0; i < fields.length; i++) record[this.header[i]] = fields[i];
    yield { line, fields: record };
  }
}
