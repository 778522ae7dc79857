import { api, ApiError, ok, type ApiSchema } from '../api.js';
import { lineChart } from '../charts.js';
import { errorBox, h } from '../dom.js';
import { count, duration, percent, time } from '../format.js';
import { onLive } from '../live.js';
import { debounce, type PageContext } from '../page.js';
import { presence } from './devices.js';
import { DAY, RANGES, RAW_SPAN, windowFor } from '../zoom.js';

type EventRow = ApiSchema<'Event'>;

/** One device: presence, registry record, KPIs, telemetry charts that zoom, events, alarms. */
export async function devicePage(ctx: PageContext): Promise<void> {
  const { main } = ctx;
  const deviceId = ctx.params.id;
  main.append(h('h1', { tabindex: -1 }, `Device ${deviceId}`));
  const header = h('section', { class: 'device-head', 'aria-label': 'Device' });
  const kpiBox = h(
    'section',
    { 'aria-label': 'Reliability, last 90 days' },
    h('h2', {}, 'Reliability, last 90 days'),
  );
  const chartBox = h('section', { class: 'charts', 'aria-label': 'Telemetry' }, h('h2', {}, 'Telemetry'));
  const eventBox = h('section', { 'aria-label': 'Events' }, h('h2', {}, 'Events'));
  const extra = h('div', {});
  main.append(header, kpiBox, chartBox, eventBox, extra);

  let device: ApiSchema<'DeviceSeen'> | null = null;
  try {
    device = await ok(api.GET('/api/v1/devices/{deviceId}', { params: { path: { deviceId } } }));
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 404)) header.append(errorBox(err));
  }
  const registered = await ok(
    api.GET('/api/v1/registry/devices/{id}', { params: { path: { id: deviceId } } }),
  ).catch(() => null);
  header.append(
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Presence'),
      h('dd', {}, device ? presence(device.online) : 'never seen on MQTT'),
      h('dt', {}, 'Last seen'),
      h('dd', {}, device ? time(device.lastSeen) : '–'),
      h('dt', {}, 'Model'),
      h('dd', {}, registered?.modelId ?? device?.model ?? '–'),
      h('dt', {}, 'Firmware'),
      h('dd', {}, device?.firmware ?? '–'),
      h('dt', {}, 'Site'),
      h(
        'dd',
        {},
        registered?.siteId
          ? h('a', { href: `#/devices?site=${encodeURIComponent(registered.siteId)}` }, registered.siteId)
          : '–',
      ),
      h('dt', {}, 'Contract'),
      h(
        'dd',
        {},
        registered
          ? `${registered.contractType}${registered.contractEnd ? ` until ${registered.contractEnd.slice(0, 10)}` : ''}`
          : 'not registered',
      ),
    ),
  );

  // KPIs of the device over the last 90 whole days
  const today = Math.floor(Date.now() / DAY) * DAY + DAY;
  try {
    const k = await ok(
      api.GET('/api/v1/kpis', {
        params: {
          query: { scope: 'device', id: deviceId, from: String(today - 90 * DAY), to: String(today) },
        },
      }),
    );
    kpiBox.append(
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, 'Availability'),
        h('dd', {}, percent(k.kpis.availability)),
        h('dt', {}, 'MTBF'),
        h('dd', {}, duration(k.kpis.mtbfMs)),
        h('dt', {}, 'MTTR'),
        h('dd', {}, duration(k.kpis.mttrMs)),
        h('dt', {}, 'Machine-down failures'),
        h('dd', {}, count(k.kpis.failures)),
      ),
    );
  } catch (err) {
    kpiBox.append(
      h(
        'p',
        { class: 'muted' },
        err instanceof ApiError && err.status === 404
          ? 'No KPIs: the device is not registered.'
          : String(err),
      ),
    );
  }

  // telemetry: metric choice, zoom buttons (and drag), charts of mean and max per window
  let metrics: string[] = [];
  try {
    metrics = await ok(api.GET('/api/v1/devices/{deviceId}/metrics', { params: { path: { deviceId } } }));
  } catch (err) {
    chartBox.append(errorBox(err));
  }
  let range = { to: device ? device.lastSeen + 1 : Date.now(), span: 30 * DAY };
  const chosen = new Set(metrics.slice(0, 2));
  const controls = h('div', { class: 'chart-controls' });
  const picker = h(
    'fieldset',
    { class: 'metric-picker' },
    h('legend', {}, 'Metrics shown'),
    ...metrics.map((m, i) => {
      const id = `metric-${i}`;
      const box = h('input', { type: 'checkbox', id, value: m, checked: chosen.has(m) });
      box.addEventListener('change', () => {
        if (box.checked) chosen.add(m);
        else chosen.delete(m);
        void drawCharts();
      });
      return h('span', { class: 'check' }, box, h('label', { for: id }, m));
    }),
  );
  const rangeButtons = h(
    'div',
    { role: 'group', 'aria-label': 'Time range' },
    ...RANGES.map(([label, span]) => {
      const b = h(
        'button',
        { type: 'button', 'aria-pressed': String(span === range.span), 'data-span': span },
        label,
      );
      b.addEventListener('click', () => {
        range = { to: range.to, span };
        void drawCharts();
      });
      return b;
    }),
  );
  // panning without a mouse: half a window at a time, never past now
  const pan = (label: string, direction: -1 | 1): HTMLButtonElement => {
    const b = h('button', { type: 'button', class: 'pan' }, label);
    b.addEventListener('click', () => {
      range = { span: range.span, to: Math.min(Date.now(), range.to + (direction * range.span) / 2) };
      void drawCharts();
    });
    return b;
  };
  const panButtons = h(
    'div',
    { role: 'group', 'aria-label': 'Move in time' },
    pan('◀ Earlier', -1),
    pan('Later ▶', 1),
  );
  const rangeText = h('p', { class: 'muted', 'aria-live': 'polite' });
  controls.append(
    picker,
    rangeButtons,
    panButtons,
    rangeText,
    h('p', { class: 'hint' }, 'Drag across a chart to zoom in.'),
  );
  const chartsEl = h('div', {});
  if (metrics.length) chartBox.append(controls, chartsEl);
  else chartBox.append(h('p', { class: 'muted' }, 'No telemetry stored for this device.'));
  const charts: Array<{ destroy(): void }> = [];
  ctx.onLeave(() => charts.forEach((c) => c.destroy()));

  const drawCharts = async (): Promise<void> => {
    const from = range.to - range.span;
    for (const b of rangeButtons.querySelectorAll('button'))
      b.setAttribute('aria-pressed', String(Number(b.dataset.span) === range.span));
    const raw = range.span <= RAW_SPAN;
    const [window] = windowFor(range.span);
    rangeText.textContent = `${time(from)} to ${time(range.to)}, ${raw ? 'every point' : `${window} windows: mean and maximum`}`;
    const series = await Promise.all(
      [...chosen].map(async (metric) => {
        const get = (fn?: 'mean' | 'max') =>
          ok(
            api.GET('/api/v1/devices/{deviceId}/telemetry/{metric}', {
              params: {
                path: { deviceId, metric },
                query: raw
                  ? { from: String(from), to: String(range.to), limit: 5000 }
                  : { from: String(from), to: String(range.to), window, fn },
              },
            }),
          );
        const [mean, max] = raw ? [await get(), null] : await Promise.all([get('mean'), get('max')]);
        return { metric, mean, max };
      }),
    ).catch((err: unknown) => {
      chartsEl.replaceChildren(errorBox(err));
      return null;
    });
    if (!series) return;
    charts.splice(0).forEach((c) => c.destroy());
    chartsEl.replaceChildren();
    for (const { metric, mean, max } of series) {
      const times = mean.data.map((p) => p.ts);
      const maxBy = new Map((max?.data ?? []).map((p) => [p.ts, p.value]));
      charts.push(
        lineChart(chartsEl, {
          title: `${metric}${raw ? '' : ` (${window} mean and max)`}`,
          times,
          series: raw
            ? [{ label: metric, values: mean.data.map((p) => p.value) }]
            : [
                { label: 'mean', values: mean.data.map((p) => p.value) },
                { label: 'max', values: times.map((t) => maxBy.get(t) ?? null) },
              ],
          range: [from, range.to],
          onZoom: (a, b) => {
            range = { to: b, span: Math.max(b - a, 10 * 60_000) };
            void drawCharts();
          },
        }),
      );
    }
    await drawEvents(from, range.to);
  };

  const drawEvents = async (from: number, to: number): Promise<void> => {
    try {
      const page = await ok(
        api.GET('/api/v1/devices/{deviceId}/events', {
          params: { path: { deviceId }, query: { from: String(from), to: String(to), limit: 1000 } },
        }),
      );
      const events = [...page.data].reverse();
      eventBox.replaceChildren(
        h('h2', {}, 'Events'),
        events.length
          ? h(
              'ol',
              {
                class: 'timeline',
                'aria-label': `${events.length} events in the range, newest first`,
                // it scrolls: reachable with Tab so the keyboard can scroll it too
                tabindex: 0,
              },
              ...events.slice(0, 200).map(eventItem),
            )
          : h('p', { class: 'muted' }, 'No events in this range.'),
      );
    } catch (err) {
      eventBox.replaceChildren(h('h2', {}, 'Events'), errorBox(err));
    }
  };

  if (metrics.length) await drawCharts();
  else await drawEvents(range.to - range.span, range.to);

  // live: new data for this device moves the window on when it shows the latest data
  const follow = debounce(() => {
    range = { to: Date.now(), span: range.span };
    void drawCharts();
  }, 5000);
  ctx.onLeave(follow.cancel);
  ctx.onLeave(
    onLive((e) => {
      if (
        (e.kind === 'telemetry' || e.kind === 'device-events') &&
        e.deviceIds?.includes(deviceId) &&
        metrics.length
      )
        follow();
    }),
  );
  extra.append(...(await deviceExtras(deviceId)));
}

function eventItem(e: EventRow): HTMLElement {
  const what = [e.type, e.code, e.component, e.severity].filter(Boolean).join(' · ');
  return h(
    'li',
    { class: `event ${e.severity ?? ''} ${e.type.replace('.', '-')}` },
    h('time', { datetime: e.time }, time(e.ts)),
    ' ',
    h('span', {}, what),
    e.note ? h('span', { class: 'muted' }, ` — ${e.note}`) : null,
  );
}

/** Sections that other features add to the device page (alarms, risk, orders) once on the API. */
const extras: Array<(deviceId: string) => Promise<HTMLElement | null>> = [];
export function addDeviceSection(section: (deviceId: string) => Promise<HTMLElement | null>): void {
  extras.push(section);
}
async function deviceExtras(deviceId: string): Promise<HTMLElement[]> {
  const sections = await Promise.all(extras.map((s) => s(deviceId).catch((err: unknown) => errorBox(err))));
  return sections.filter((s): s is HTMLElement => s !== null);
}
