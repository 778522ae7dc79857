import { DomainError, ErrorCode } from '../domain-error.js';

const invalid = (message: string): DomainError => new DomainError(ErrorCode.InvalidArgument, message);

/** The ECMAScript time range: ±100,000,000 days around the epoch. */
export const MAX_TIME_MS = 8.64e15;

/** Epoch milliseconds or an RFC 3339 / ISO 8601 date, within the range a Date can hold. */
export function parseTime(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return checkTime(name, fallback, String(fallback));
  const ms = /^-?\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  if (!Number.isFinite(ms))
    throw invalid(`${name} must be epoch milliseconds or an ISO 8601 date, got "${raw.slice(0, 40)}"`);
  return checkTime(name, ms, raw);
}

function checkTime(name: string, ms: number, raw: string): number {
  if (Math.abs(ms) > MAX_TIME_MS)
    throw invalid(
      `${name} is outside the time range a date can hold (±${MAX_TIME_MS} ms around 1970), got "${raw.slice(0, 40)}"`,
    );
  return ms;
}

const DAY = 86_400_000;

/** [from, to) from the query; defaults to the last 24 hours before `now`. */
export function parseRange(
  from: string | undefined,
  to: string | undefined,
  now: number,
): { from: number; to: number } {
  const end = parseTime('to', to, now);
  const start = parseTime('from', from, end - DAY);
  if (start >= end) throw invalid('from must be before to');
  return { from: start, to: end };
}

export function parseLimit(raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined || raw === '') return Math.min(fallback, max);
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw invalid(`limit must be a positive integer, got "${raw}"`);
  const n = Number(raw);
  if (n > max) throw invalid(`limit must be at most ${max}`);
  return n;
}

/** A validated page size against the configured maximum. */
export function checkLimit(limit: number | undefined, fallback: number, max: number): number {
  if (limit === undefined) return Math.min(fallback, max);
  if (limit > max) throw invalid(`limit must be at most ${max}`);
  return limit;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: DAY, w: 7 * DAY };

/** Window lengths such as `30s`, `5m`, `1h`, `1d`. */
export function parseWindow(raw: string): number {
  const m = /^(\d{1,6})(ms|s|m|h|d|w)$/.exec(raw);
  if (!m || Number(m[1]) === 0) throw invalid(`window must look like 30s, 5m, 1h or 1d, got "${raw}"`);
  return Number(m[1]) * UNIT_MS[m[2]];
}

export function parseEnum<T extends string>(
  name: string,
  raw: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw))
    throw invalid(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
}

/** Opaque paging cursors: base64url JSON. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<T>(raw: string | undefined, check: (v: unknown) => v is T): T | undefined {
  if (raw === undefined || raw === '') return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (check(value)) return value;
  } catch {
    // fall through to the error below
  }
  throw invalid('cursor is not one this API returned');
}
