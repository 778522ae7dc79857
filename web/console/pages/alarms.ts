import { api, ApiError, ok, type ApiSchema } from '../api.js';
import { announce, errorBox, h, table } from '../dom.js';
import { count, time } from '../format.js';
import { onLive } from '../live.js';
import { debounce, type PageContext } from '../page.js';
import { may } from '../session.js';

type Alarm = ApiSchema<'Alarm'>;
type AlarmDetail = ApiSchema<'AlarmDetail'>;
type Severity = Alarm['severity'];

export const SEVERITIES: Severity[] = ['critical', 'major', 'minor', 'warning'];
/** A symbol per severity, so the list reads without colour. */
const SYMBOL: Record<Severity, string> = { critical: '▲▲', major: '▲', minor: '●', warning: '○' };

export function severity(s: Severity): HTMLElement {
  return h('span', { class: `severity ${s}` }, `${SYMBOL[s]} ${s}`);
}

export function alarmState(a: Alarm): string {
  return `${a.status}, ${a.acknowledged ? `acknowledged${a.acknowledgedBy ? ` by ${a.acknowledgedBy}` : ''}` : 'not acknowledged'}`;
}

/** The alarms, most severe first; acknowledge from the list, the rest on an alarm's page. */
export async function alarmsPage(ctx: PageContext): Promise<void> {
  const { main, query } = ctx;
  const status =
    (['active', 'cleared'] as const).find((s) => s === query.get('status')) ??
    (query.get('status') === 'all' ? undefined : 'active');
  const sev = SEVERITIES.find((s) => s === query.get('severity'));
  const acked = query.get('acknowledged');
  main.append(h('h1', { tabindex: -1 }, 'Alarms'));
  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Filter alarms' },
    h('label', { for: 'f-status' }, 'State'),
    h(
      'select',
      { id: 'f-status', name: 'status' },
      h('option', { value: 'active', selected: status === 'active' }, 'active'),
      h('option', { value: 'cleared', selected: status === 'cleared' }, 'cleared'),
      h('option', { value: 'all', selected: status === undefined }, 'all'),
    ),
    h('label', { for: 'f-severity' }, 'Severity'),
    h(
      'select',
      { id: 'f-severity', name: 'severity' },
      h('option', { value: '' }, 'any'),
      ...SEVERITIES.map((s) => h('option', { value: s, selected: s === sev }, s)),
    ),
    h('label', { for: 'f-ack' }, 'Acknowledged'),
    h(
      'select',
      { id: 'f-ack', name: 'acknowledged' },
      h('option', { value: '' }, 'either'),
      h('option', { value: 'false', selected: acked === 'false' }, 'not yet'),
      h('option', { value: 'true', selected: acked === 'true' }, 'yes'),
    ),
    h('button', { type: 'submit' }, 'Show'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = new URLSearchParams();
    for (const name of ['status', 'severity', 'acknowledged']) {
      const v = (form.elements.namedItem(name) as HTMLSelectElement).value;
      if (v) q.set(name, v);
    }
    location.hash = `#/alarms?${q}`;
  });
  const list = h('div', {});
  main.append(form, list);

  const load = async (): Promise<void> => {
    try {
      const page = await ok(
        api.GET('/api/v1/alarms', {
          params: {
            query: {
              limit: 200,
              ...(status ? { status } : {}),
              ...(sev ? { severity: sev } : {}),
              ...(acked ? { acknowledged: acked === 'true' } : {}),
            },
          },
        }),
      );
      list.replaceChildren(
        alarmTable(
          `${count(page.data.length)} alarms${page.nextCursor ? ' (the 200 most severe)' : ''}`,
          page.data,
          () => void load(),
        ),
      );
    } catch (err) {
      list.replaceChildren(errorBox(err));
    }
  };
  await load();
  const reload = debounce(() => void load(), 1000);
  ctx.onLeave(reload.cancel);
  ctx.onLeave(onLive((e) => e.kind === 'alarm' && reload()));
}

/** Alarms as a table, with an Acknowledge button where the role may. */
export function alarmTable(caption: string, alarms: readonly Alarm[], changed: () => void): HTMLElement {
  if (!alarms.length) return h('p', { class: 'muted' }, `${caption}: none.`);
  return table(
    caption,
    ['Severity', 'Device', 'Alarm', 'Since', 'Count', 'State', 'Assignee', 'Order', 'Actions'],
    alarms.map((a) => [
      severity(a.severity),
      h('a', { class: 'id', href: `#/devices/${encodeURIComponent(a.deviceId)}` }, a.deviceId),
      h('a', { href: `#/alarms/${encodeURIComponent(a.id)}` }, a.message),
      h('span', { class: 'nowrap' }, time(a.firstRaisedAt)),
      a.count,
      alarmState(a),
      a.assignee ?? '–',
      a.workOrderId ?? '–',
      !a.acknowledged && may('alarms.write')
        ? h(
            'button',
            {
              type: 'button',
              'aria-label': `Acknowledge ${a.severity} alarm on ${a.deviceId}: ${a.message}`,
              onclick: (e: Event) => {
                const button = e.currentTarget as HTMLButtonElement;
                button.disabled = true;
                void ok(
                  api.POST('/api/v1/alarms/{id}/acknowledge', { params: { path: { id: a.id } }, body: {} }),
                )
                  .then(() => {
                    announce(`Alarm on ${a.deviceId} acknowledged`);
                    changed();
                  })
                  .catch((err: unknown) => {
                    button.disabled = false;
                    button.after(errorBox(err));
                  });
              },
            },
            'Acknowledge',
          )
        : '',
    ]),
  );
}

/** One alarm: its facts, history, and what an operator can do with it. */
export async function alarmPage(ctx: PageContext): Promise<void> {
  const { main } = ctx;
  const id = ctx.params.id;
  const body = h('div', {});
  main.append(h('h1', { tabindex: -1 }, 'Alarm'), body);
  const render = async (): Promise<void> => {
    let a: AlarmDetail;
    try {
      a = await ok(api.GET('/api/v1/alarms/{id}', { params: { path: { id } } }));
    } catch (err) {
      body.replaceChildren(errorBox(err));
      return;
    }
    main.querySelector('h1')!.textContent = `Alarm: ${a.message}`;
    const facts = h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Severity'),
      h('dd', {}, severity(a.severity)),
      h('dt', {}, 'State'),
      h('dd', {}, alarmState(a)),
      h('dt', {}, 'Device'),
      h('dd', {}, h('a', { href: `#/devices/${encodeURIComponent(a.deviceId)}` }, a.deviceId)),
      h('dt', {}, 'Type'),
      h('dd', {}, a.type),
      h('dt', {}, 'Raised'),
      h(
        'dd',
        {},
        `${time(a.firstRaisedAt)}${a.count > 1 ? `, ${a.count} times, last ${time(a.lastRaisedAt)}` : ''}`,
      ),
      h('dt', {}, 'Cleared'),
      h('dd', {}, a.clearedAt ? time(a.clearedAt) : '–'),
      h('dt', {}, 'Customer, site'),
      h('dd', {}, `${a.customerId ?? '–'}, ${a.siteId ?? '–'}`),
      h('dt', {}, 'Assignee'),
      h('dd', {}, a.assignee ?? '–'),
      h('dt', {}, 'Work order'),
      h('dd', {}, a.workOrderId ?? '–'),
      h('dt', {}, 'Details'),
      h('dd', {}, details(a.details)),
    );
    const history = h(
      'ol',
      { class: 'timeline', 'aria-label': 'History' },
      ...a.history.map((c) =>
        h(
          'li',
          {},
          h('time', {}, time(c.at)),
          ` ${c.action} by ${c.actor}`,
          c.note ? h('span', { class: 'muted' }, ` — ${c.note}`) : null,
        ),
      ),
    );
    body.replaceChildren(
      facts,
      h('h2', {}, 'What to do'),
      may('alarms.write')
        ? actions(a, () => void render())
        : h('p', { class: 'muted' }, 'Your role may look at alarms, not change them.'),
      h('h2', {}, 'History'),
      history,
    );
  };
  await render();
  ctx.onLeave(
    onLive((e) => e.kind === 'alarm' && (e.data as { id?: string } | undefined)?.id === id && void render()),
  );
}

/** The numbers behind an alarm, one per line: lists (evidence) as their items. */
function details(d: Record<string, unknown>): HTMLElement {
  const entries = Object.entries(d).filter(([, v]) => v !== null && v !== undefined);
  if (!entries.length) return h('span', {}, '–');
  return h(
    'ul',
    { class: 'plain' },
    ...entries.map(([k, v]) =>
      h(
        'li',
        {},
        `${k}: ${Array.isArray(v) ? v.map(String).join('; ') : typeof v === 'object' ? JSON.stringify(v) : String(v as string | number | boolean)}`,
      ),
    ),
  );
}

function actions(a: AlarmDetail, changed: () => void): HTMLElement {
  const message = h('p', { role: 'status' });
  const run = (what: string, call: () => Promise<unknown>) => async (e: Event) => {
    e.preventDefault();
    try {
      await call();
      message.textContent = `${what}: done.`;
      changed();
    } catch (err) {
      message.textContent = `${what}: ${err instanceof ApiError ? err.message : String(err)}`;
    }
  };
  const path = { params: { path: { id: a.id } } };
  const form = (
    id: string,
    label: string,
    input: HTMLElement,
    submit: string,
    handler: (e: Event) => Promise<void>,
  ): HTMLElement => {
    const f = h(
      'form',
      { class: 'filters', 'aria-label': submit },
      h('label', { for: id }, label),
      input,
      h('button', { type: 'submit' }, submit),
    );
    f.addEventListener('submit', (e) => void handler(e));
    return f;
  };
  const note = h('input', { id: 'ack-note', name: 'note', maxlength: 2000 });
  const assignee = h('input', { id: 'assignee', name: 'assignee', value: a.assignee ?? '', maxlength: 200 });
  const comment = h('textarea', { id: 'comment', name: 'text', rows: 2, maxlength: 2000, required: true });
  const order = h('input', {
    id: 'work-order',
    name: 'workOrderId',
    value: a.workOrderId ?? '',
    maxlength: 64,
  });
  const clearNote = h('input', { id: 'clear-note', name: 'note', maxlength: 2000 });
  const opt = (v: string): string | undefined => (v.trim() ? v.trim() : undefined);
  return h(
    'div',
    { class: 'actions' },
    a.acknowledged
      ? null
      : form(
          'ack-note',
          'Note (optional)',
          note,
          'Acknowledge',
          run('Acknowledged', () =>
            ok(api.POST('/api/v1/alarms/{id}/acknowledge', { ...path, body: { note: opt(note.value) } })),
          ),
        ),
    form(
      'assignee',
      'Assignee',
      assignee,
      'Assign',
      run('Assigned', () =>
        ok(
          api.PUT('/api/v1/alarms/{id}/assignee', {
            ...path,
            body: { assignee: opt(assignee.value) ?? null },
          }),
        ),
      ),
    ),
    form(
      'comment',
      'Comment',
      comment,
      'Add comment',
      run('Comment added', () =>
        ok(api.POST('/api/v1/alarms/{id}/comments', { ...path, body: { text: comment.value } })),
      ),
    ),
    form(
      'work-order',
      'Work order handling it',
      order,
      'Link order',
      run('Work order linked', () =>
        ok(
          api.PUT('/api/v1/alarms/{id}/work-order', {
            ...path,
            body: { workOrderId: opt(order.value) ?? null },
          }),
        ),
      ),
    ),
    a.status === 'active'
      ? form(
          'clear-note',
          'Why clear it (optional)',
          clearNote,
          'Clear',
          run('Cleared', () =>
            ok(api.POST('/api/v1/alarms/{id}/clear', { ...path, body: { note: opt(clearNote.value) } })),
          ),
        )
      : null,
    message,
  );
}

/** The device page's alarm section: active ones and the latest cleared. */
export async function deviceAlarms(deviceId: string): Promise<HTMLElement> {
  const section = h('section', { 'aria-label': 'Alarms' }, h('h2', {}, 'Alarms'));
  const draw = async (): Promise<void> => {
    const page = await ok(api.GET('/api/v1/alarms', { params: { query: { deviceId, limit: 20 } } }));
    section.replaceChildren(
      h('h2', {}, 'Alarms'),
      alarmTable(`Alarms of ${deviceId}`, page.data, () => void draw()),
    );
  };
  await draw();
  return section;
}
