import { api, ok } from '../api.js';
import { errorBox, h, table } from '../dom.js';
import type { PageContext } from '../page.js';

/**
 * A page for a feature whose API landed before its console page did: its list
 * endpoint's rows as a table, columns from the rows. Replaced by the feature's own
 * page (written against the typed client) once it is merged.
 */
export function genericListPage(title: string, path: string): (ctx: PageContext) => Promise<void> {
  return async ({ main }) => {
    main.append(h('h1', { tabindex: -1 }, title));
    try {
      // the path is not in this build's typed client yet: that is why this page is generic
      const body = await ok(
        (
          api.GET as (
            p: string,
            o: object,
          ) => Promise<{ data?: unknown; error?: unknown; response: Response }>
        )(path, {
          params: { query: { limit: 100 } },
        }),
      );
      const rows = (Array.isArray(body) ? body : ((body as { data?: unknown[] }).data ?? [])) as Array<
        Record<string, unknown>
      >;
      const columns = [...new Set(rows.slice(0, 20).flatMap((r) => Object.keys(r)))].slice(0, 10);
      main.append(
        table(
          `${rows.length} rows from ${path}`,
          columns,
          rows.map((r) => columns.map((c) => cell(r[c]))),
        ),
      );
    } catch (err) {
      main.append(errorBox(err));
    }
  };
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v).slice(0, 120);
}
