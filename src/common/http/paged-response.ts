/** A page of a list: `{ data, nextCursor }` (the schema is `Page()` in api-schemas.ts). */
export interface Page<T> {
  data: T[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}
