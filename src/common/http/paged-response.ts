import type { Response } from 'express';
import { toCsv } from './csv.js';
import type { ResponseFormat } from './query-params.js';

export interface Page<T> {
  data: T[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}

/** Sends a page as JSON, or as CSV with the cursor in the `X-Next-Cursor` header. */
export function sendPage<T extends object>(
  res: Response,
  format: ResponseFormat,
  page: Page<T>,
  columns: ReadonlyArray<keyof T & string>,
): void {
  if (format === 'csv') {
    if (page.nextCursor) res.setHeader('X-Next-Cursor', page.nextCursor);
    res.type('text/csv').send(toCsv(columns, page.data));
    return;
  }
  res.json(page);
}
