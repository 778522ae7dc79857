import type { SqlParam } from '../../ports/records-database.port.js';

const NUL = '\u0000';
const clean = (s: string): string => (s.includes(NUL) ? s.replaceAll(NUL, '\uFFFD') : s);

/**
 * Parameters as both drivers take them. PostgreSQL text cannot hold U+0000 (a
 * device may send one in a firmware string or a payload): it becomes U+FFFD, as
 * invalid UTF-8 bytes do, rather than failing the whole statement.
 */
export function driverParams(params: readonly SqlParam[]): unknown[] {
  return params.map((p): unknown => {
    if (typeof p === 'string') return clean(p);
    if (Array.isArray(p)) return (p as SqlParam[]).map((v) => (typeof v === 'string' ? clean(v) : v));
    return p;
  });
}
