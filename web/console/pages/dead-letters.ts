import { DEAD_LETTER_REASONS } from '../../../src/ports/records.js';
import { api, ok, type ApiSchema } from '../api.js';
import { errorBox, h, table } from '../dom.js';
import { time } from '../format.js';
import { onLive } from '../live.js';
import { debounce, type PageContext } from '../page.js';

type DeadLetter = ApiSchema<'DeadLetter'>;
const REASONS: ReadonlyArray<DeadLetter['reason']> = DEAD_LETTER_REASONS;

/** Rejected input, newest first, by reason. */
export async function deadLettersPage(ctx: PageContext): Promise<void> {
  const { main, query } = ctx;
  const reason = (REASONS as readonly string[]).includes(query.get('reason') ?? '')
    ? (query.get('reason') as DeadLetter['reason'])
    : undefined;
  main.append(h('h1', { tabindex: -1 }, 'Dead letters'));
  const select = h(
    'select',
    { id: 'reason', name: 'reason' },
    h('option', { value: '' }, 'every reason'),
    ...REASONS.map((r) => h('option', { value: r, selected: r === reason }, r.replaceAll('_', ' '))),
  );
  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Filter dead letters' },
    h('label', { for: 'reason' }, 'Reason '),
    select,
    ' ',
    h('button', { type: 'submit' }, 'Show'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = select.value ? `#/dead-letters?reason=${select.value}` : '#/dead-letters';
  });
  const list = h('div', {});
  const fresh = h('p', { class: 'notice', role: 'status', hidden: true });
  main.append(form, fresh, list);

  let rows: DeadLetter[] = [];
  let cursor: string | null = null;
  const more = h('button', { type: 'button', class: 'more' }, 'Load more');
  const load = async (reset: boolean): Promise<void> => {
    try {
      const page = await ok(
        api.GET('/api/v1/dead-letters', {
          params: {
            query: { limit: 100, ...(reason ? { reason } : {}), ...(reset || !cursor ? {} : { cursor }) },
          },
        }),
      );
      rows = reset ? page.data : [...rows, ...page.data];
      cursor = page.nextCursor;
      list.replaceChildren(
        table(
          `${rows.length} dead letter${rows.length === 1 ? '' : 's'}${reason ? ` (${reason})` : ''}, newest first`,
          ['Received', 'Reason', 'Detail', 'Topic', 'Device', 'Bytes', 'Payload'],
          rows.map((d) => [
            time(d.receivedAt),
            d.reason.replaceAll('_', ' '),
            d.detail,
            d.topic,
            d.deviceId ?? '–',
            d.payloadBytes,
            h('code', {}, d.payload.slice(0, 120)),
          ]),
        ),
      );
      if (cursor) list.append(more);
      fresh.hidden = true;
    } catch (err) {
      list.replaceChildren(errorBox(err));
    }
  };
  more.addEventListener('click', () => void load(false));
  await load(true);
  let arrived = 0;
  const reload = debounce(() => {
    fresh.textContent = `${arrived} new dead letters arrived. `;
    fresh.append(
      h(
        'button',
        {
          type: 'button',
          onclick: () => {
            arrived = 0;
            void load(true);
          },
        },
        'Show them',
      ),
    );
    fresh.hidden = false;
  }, 1000);
  ctx.onLeave(reload.cancel);
  ctx.onLeave(
    onLive((e) => {
      if (e.kind !== 'dead-letters') return;
      arrived += (e.data as { count?: number } | undefined)?.count ?? 1;
      reload();
    }),
  );
}
