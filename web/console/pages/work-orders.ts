import { TRANSITIONS } from '../../../src/work-orders/work-order-lifecycle.js';
import { api, ApiError, ok, type ApiSchema } from '../api.js';
import { announce, errorBox, h } from '../dom.js';
import { time, untilDue } from '../format.js';
import { onLive } from '../live.js';
import { debounce, type PageContext } from '../page.js';
import { may } from '../session.js';

type WorkOrder = ApiSchema<'WorkOrder'>;
type Status = WorkOrder['status'];

/** The board's columns: open statuses, in the order work moves. */
const COLUMNS: Status[] = [
  'new',
  'scheduled',
  'assigned',
  'en-route',
  'in-progress',
  'on-hold',
  'completed',
  'cannot-complete',
];
const PRIORITY_SYMBOL: Record<WorkOrder['priority'], string> = {
  critical: '▲▲',
  high: '▲',
  medium: '●',
  low: '○',
};
/** Statuses whose transition needs a reason. */
const NEEDS_NOTE: Status[] = ['cancelled', 'on-hold', 'cannot-complete'];

/** The SLA clock of an order in words: what is due next, and how far off, or breached. */
export function slaClock(o: WorkOrder, now = Date.now()): { text: string; late: boolean } {
  const s = o.sla;
  if (s.resolutionBreachedAt || (s.responseBreachedAt && !s.respondedAt))
    return { text: `⚠ SLA breached ${time(s.resolutionBreachedAt ?? s.responseBreachedAt)}`, late: true };
  if (!s.respondedAt && s.responseDueAt) {
    const late = s.responseDueAt < now;
    return { text: `${late ? '⚠ ' : ''}response ${untilDue(s.responseDueAt, now)}`, late };
  }
  if (!s.resolvedAt && s.resolutionDueAt) {
    const late = s.resolutionDueAt < now;
    return { text: `${late ? '⚠ ' : ''}resolution ${untilDue(s.resolutionDueAt, now)}`, late };
  }
  return { text: 'no SLA clock running', late: false };
}

/** Open work orders as a board by status, with SLA clocks; move an order along from its card. */
export async function workOrdersPage(ctx: PageContext): Promise<void> {
  const { main } = ctx;
  main.append(h('h1', { tabindex: -1 }, 'Work orders'));
  const board = h('div', { class: 'board' });
  main.append(board);
  const load = async (): Promise<void> => {
    try {
      const page = await ok(
        api.GET('/api/v1/work-orders', { params: { query: { open: true, limit: 500 } } }),
      );
      const now = Date.now();
      board.replaceChildren(
        ...COLUMNS.map((status) => {
          const orders = page.data.filter((o) => o.status === status);
          return h(
            'section',
            { class: 'column', 'aria-label': `${status}: ${orders.length}` },
            h('h2', {}, `${status} (${orders.length})`),
            h(
              'ul',
              {},
              ...orders.map((o) =>
                h(
                  'li',
                  {},
                  card(o, now, () => void load()),
                ),
              ),
            ),
          );
        }),
      );
    } catch (err) {
      board.replaceChildren(errorBox(err));
    }
  };
  await load();
  const reload = debounce(() => void load(), 1000);
  ctx.onLeave(reload.cancel);
  ctx.onLeave(onLive((e) => e.kind === 'work-order' && reload()));
  // the SLA clocks tick without a new event
  const tick = setInterval(() => void load(), 60_000);
  ctx.onLeave(() => clearInterval(tick));
}

function card(o: WorkOrder, now: number, changed: () => void): HTMLElement {
  const clock = slaClock(o, now);
  const moves = TRANSITIONS[o.status];
  const body = h(
    'article',
    { class: `card priority-${o.priority}`, 'aria-label': `${o.id}: ${o.title}` },
    h(
      'p',
      { class: 'card-head' },
      h('span', { class: `severity ${o.priority}` }, `${PRIORITY_SYMBOL[o.priority]} ${o.priority}`),
      ` ${o.id} · ${o.kind}`,
    ),
    h('p', {}, h('a', { href: `#/orders/${encodeURIComponent(o.id)}` }, o.title)),
    h(
      'p',
      { class: 'muted' },
      h('a', { href: `#/devices/${encodeURIComponent(o.deviceId)}` }, o.deviceId),
      o.assignee ? ` · ${o.assignee}` : '',
    ),
    h('p', { class: clock.late ? 'sla late' : 'sla' }, clock.text),
  );
  // the move form folded away, so a column stays readable
  if (moves.length && may('orders.write'))
    body.append(h('details', { class: 'move-box' }, h('summary', {}, 'Move…'), moveForm(o, moves, changed)));
  return body;
}

function moveForm(o: WorkOrder, moves: readonly Status[], changed: () => void): HTMLElement {
  const id = `move-${o.id}`;
  const select = h('select', { id, name: 'to' }, ...moves.map((s) => h('option', { value: s }, s)));
  const extra = h('span', { class: 'move-extra' });
  const message = h('span', { role: 'status' });
  const fields = (): void => {
    const to = select.value as Status;
    extra.replaceChildren();
    if (to === 'assigned' && !o.assignee)
      extra.append(
        h('label', { for: `${id}-who` }, 'Technician '),
        h('input', { id: `${id}-who`, name: 'assignee', required: true }),
      );
    if (to === 'scheduled')
      extra.append(
        h('label', { for: `${id}-start` }, 'Start '),
        h('input', { id: `${id}-start`, name: 'scheduledStart', type: 'datetime-local', required: true }),
      );
    if (to === 'completed')
      extra.append(
        h('label', { for: `${id}-min` }, 'Labour, min '),
        h('input', {
          id: `${id}-min`,
          name: 'labourMinutes',
          type: 'number',
          min: 0,
          value: 60,
          required: true,
        }),
      );
    if (NEEDS_NOTE.includes(to))
      extra.append(
        h('label', { for: `${id}-note` }, 'Reason '),
        h('input', { id: `${id}-note`, name: 'note', required: true }),
      );
  };
  select.addEventListener('change', fields);
  fields();
  const form = h(
    'form',
    { class: 'move', 'aria-label': `Move ${o.id}` },
    h('label', { for: id }, 'Move to '),
    select,
    extra,
    h('button', { type: 'submit' }, 'Move'),
    message,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const value = (name: string): string | undefined =>
      (form.elements.namedItem(name) as HTMLInputElement | null)?.value || undefined;
    const to = select.value as Status;
    const start = value('scheduledStart');
    void ok(
      api.POST('/api/v1/work-orders/{id}/transitions', {
        params: { path: { id: o.id } },
        body: {
          to,
          actor: 'console',
          note: value('note'),
          assignee: value('assignee'),
          ...(start
            ? {
                scheduledStart: new Date(start).getTime(),
                scheduledEnd: new Date(start).getTime() + 2 * 3_600_000,
              }
            : {}),
          ...(to === 'completed' ? { visit: { labourMinutes: Number(value('labourMinutes') ?? 0) } } : {}),
        },
      }),
    )
      .then(() => {
        announce(`${o.id} moved to ${to}`);
        changed();
      })
      .catch((err: unknown) => {
        message.textContent = err instanceof ApiError ? err.message : String(err);
      });
  });
  return form;
}

type WorkOrderDetail = ApiSchema<'WorkOrderDetail'>;

/** One order: diagnosis (symptoms → causes → parts), evidence, SLA, history; move it or add a note. */
export async function workOrderPage(ctx: PageContext): Promise<void> {
  const { main } = ctx;
  const id = ctx.params.id;
  const body = h('div', {});
  main.append(h('h1', { tabindex: -1 }, `Work order ${id}`), body);
  const render = async (): Promise<void> => {
    let o: WorkOrderDetail;
    try {
      o = await ok(api.GET('/api/v1/work-orders/{id}', { params: { path: { id } } }));
    } catch (err) {
      body.replaceChildren(errorBox(err));
      return;
    }
    const clock = slaClock(o);
    const d = o.diagnosis;
    body.replaceChildren(
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, 'Title'),
        h('dd', {}, o.title),
        h('dt', {}, 'Status'),
        h('dd', {}, o.status),
        h('dt', {}, 'Priority'),
        h(
          'dd',
          {},
          h('span', { class: `severity ${o.priority}` }, `${PRIORITY_SYMBOL[o.priority]} ${o.priority}`),
        ),
        h('dt', {}, 'Kind'),
        h('dd', {}, o.kind),
        h('dt', {}, 'Device'),
        h('dd', {}, h('a', { href: `#/devices/${encodeURIComponent(o.deviceId)}` }, o.deviceId)),
        h('dt', {}, 'SLA'),
        h('dd', { class: clock.late ? 'sla late' : 'sla' }, clock.text),
        h('dt', {}, 'Coverage'),
        h('dd', {}, `${o.entitlement.coverage}${o.entitlement.billable ? ', billable' : ''}`),
        h('dt', {}, 'Assignee'),
        h('dd', {}, o.assignee ?? '–'),
      ),
      h('h2', {}, 'Diagnosis'),
      d
        ? h(
            'div',
            {},
            h('p', {}, `${d.action} (confidence ${Math.round(d.confidence * 100)} %)`),
            h(
              'ol',
              { 'aria-label': 'Likely causes' },
              ...d.causes.map((c) =>
                h(
                  'li',
                  {},
                  `${c.cause}: ${Math.round(c.probability * 100)} % — ${c.action}`,
                  c.evidence.length ? h('span', { class: 'muted' }, ` (${c.evidence.join('; ')})`) : null,
                ),
              ),
            ),
            h(
              'p',
              {},
              `Parts to bring: ${d.parts.map((p) => `${p.quantity} × ${p.component}`).join(', ') || 'none'}`,
            ),
          )
        : h('p', { class: 'muted' }, 'No diagnosis.'),
      h('h2', {}, 'Evidence'),
      h(
        'ul',
        {},
        ...o.evidence.map((e) =>
          h('li', {}, `${e.kind}: ${e.detail}${e.count > 1 ? ` (×${e.count})` : ''}, last ${time(e.lastAt)}`),
        ),
      ),
      may('orders.write') && TRANSITIONS[o.status].length
        ? moveForm(o, TRANSITIONS[o.status], () => void render())
        : h('span', {}),
      h('h2', {}, 'History'),
      h(
        'ol',
        { class: 'timeline', 'aria-label': 'History' },
        ...o.history.map((c) =>
          h(
            'li',
            {},
            h('time', {}, time(c.at)),
            ` ${c.type}${c.from ? ` ${c.from} → ${c.to ?? ''}` : c.to ? ` → ${c.to}` : ''} by ${c.actor}`,
            c.note ? h('span', { class: 'muted' }, ` — ${c.note}`) : null,
          ),
        ),
      ),
    );
  };
  await render();
  ctx.onLeave(
    onLive(
      (e) => e.kind === 'work-order' && (e.data as { id?: string } | undefined)?.id === id && void render(),
    ),
  );
}

/** The device page's orders: open ones first, then the latest. */
export async function deviceOrders(deviceId: string): Promise<HTMLElement> {
  const page = await ok(api.GET('/api/v1/work-orders', { params: { query: { deviceId, limit: 20 } } }));
  const orders = [...page.data].sort(
    (a, b) => Number(COLUMNS.includes(b.status)) - Number(COLUMNS.includes(a.status)),
  );
  return h(
    'section',
    { 'aria-label': 'Work orders' },
    h('h2', {}, 'Work orders'),
    orders.length
      ? h(
          'ul',
          {},
          ...orders.map((o) =>
            h(
              'li',
              {},
              h('a', { href: `#/orders/${encodeURIComponent(o.id)}` }, `${o.id} ${o.title}`),
              ` — ${o.status}, ${o.priority}, ${slaClock(o).text}`,
            ),
          ),
        )
      : h('p', { class: 'muted' }, 'No work orders.'),
  );
}
