import { api, ok, type ApiSchema } from '../api.js';
import { lineChart } from '../charts.js';
import { errorBox, h, table } from '../dom.js';
import { count, duration, percent, time, trendWords } from '../format.js';
import { onLive } from '../live.js';
import { debounce, type PageContext } from '../page.js';
import { mapLegend, siteMap, siteTrouble } from '../site-map.js';

type Overview = ApiSchema<'FleetOverview'>;
const SEVERITIES = ['critical', 'major', 'minor', 'warning'] as const;

function tile(
  label: string,
  value: string,
  note?: { text: string; good: boolean | null },
  href?: string,
): HTMLElement {
  const body = [
    h('span', { class: 'tile-label' }, label),
    h('strong', { class: 'tile-value' }, value),
    note
      ? h('span', { class: `tile-note ${note.good === null ? '' : note.good ? 'good' : 'bad'}` }, note.text)
      : null,
  ];
  return href ? h('a', { class: 'tile', href }, ...body) : h('div', { class: 'tile' }, ...body);
}

/** Fleet overview: KPIs with their trend, presence, alarms, and the sites on a map. */
export async function fleetPage(ctx: PageContext): Promise<void> {
  const { main } = ctx;
  main.append(h('h1', { tabindex: -1 }, 'Fleet overview'));
  const body = h('div', { class: 'fleet' });
  main.append(body);
  const charts: Array<{ destroy(): void }> = [];
  ctx.onLeave(() => charts.forEach((c) => c.destroy()));

  const render = async (): Promise<void> => {
    let o: Overview;
    try {
      o = await ok(api.GET('/api/v1/fleet/overview'));
    } catch (err) {
      body.replaceChildren(errorBox(err));
      return;
    }
    charts.splice(0).forEach((c) => c.destroy());
    const { current, previous } = o.kpis;
    const activeAlarms = SEVERITIES.reduce((n, s) => n + (o.alarms.active[s] ?? 0), 0);
    const tiles = h(
      'section',
      { class: 'tiles', 'aria-label': 'Key figures' },
      tile(
        'Availability, 30 days',
        percent(current.availability),
        trendWords(current.availability, previous.availability, true, (d) => `${(d * 100).toFixed(2)} pt`),
      ),
      tile(
        'MTBF, 30 days',
        duration(current.mtbfMs),
        trendWords(current.mtbfMs, previous.mtbfMs, true, duration),
      ),
      tile(
        'MTTR, 30 days',
        duration(current.mttrMs),
        trendWords(current.mttrMs, previous.mttrMs, false, duration),
      ),
      tile('Machine-down failures, 30 days', count(current.failures), {
        text: `${count(previous.failures)} the 30 days before`,
        good: null,
      }),
      tile(
        'Online',
        count(o.devices.online),
        { text: `of ${count(o.devices.seen)} seen`, good: null },
        '#/devices?online=true',
      ),
      tile(
        'Offline',
        count(o.devices.offline),
        o.devices.neverTold ? { text: `${count(o.devices.neverTold)} not told yet`, good: null } : undefined,
        '#/devices?online=false',
      ),
      tile(
        'Active alarms',
        count(activeAlarms),
        {
          text:
            SEVERITIES.map((s) => `${o.alarms.active[s] ?? 0} ${s}`).join(', ') +
            `; ${o.alarms.unacknowledged} not acknowledged yet`,
          good: null,
        },
        '#/alarms',
      ),
      tile(
        'Open work orders',
        count(o.workOrders.open),
        { text: `${count(o.workOrders.late)} late (SLA)`, good: o.workOrders.late ? false : null },
        '#/orders',
      ),
    );
    const trendBox = h(
      'section',
      { class: 'charts', 'aria-label': 'KPI trend by week' },
      h('h2', {}, 'Trend by week'),
    );
    const mapBox = h('section', { class: 'map', 'aria-label': 'Sites' }, h('h2', {}, 'Sites'));
    body.replaceChildren(
      tiles,
      h(
        'p',
        { class: 'muted' },
        `KPIs computed through ${time(o.kpis.computedThrough)}; updated ${time(o.generatedAt)}.`,
      ),
      trendBox,
      mapBox,
    );

    const times = o.kpis.trend.map((p) => p.from);
    charts.push(
      lineChart(trendBox, {
        title: 'Availability by week',
        times,
        series: [{ label: 'Availability', values: o.kpis.trend.map((p) => p.availability) }],
        format: (v) => `${(v * 100).toFixed(1)} %`,
      }),
      lineChart(trendBox, {
        title: 'MTBF and MTTR by week (hours)',
        times,
        series: [
          {
            label: 'MTBF (h)',
            values: o.kpis.trend.map((p) => (p.mtbfMs === null ? null : p.mtbfMs / 3_600_000)),
          },
          {
            label: 'MTTR (h)',
            values: o.kpis.trend.map((p) => (p.mttrMs === null ? null : p.mttrMs / 3_600_000)),
            scale: 'y2',
          },
        ],
        yLabel: 'MTBF, h',
        y2Label: 'MTTR, h',
        format: (v) => v.toFixed(0),
      }),
    );

    mapBox.append(
      await siteMap(o.sites, (s) => `#/devices?site=${encodeURIComponent(s.siteId)}`),
      mapLegend(),
    );
    if (o.devicesWithoutPlace)
      mapBox.append(
        h('p', { class: 'muted' }, `${count(o.devicesWithoutPlace)} devices have no site with coordinates.`),
      );
    const troubled = [...o.sites]
      .sort((a, b) => b.activeAlarms - a.activeAlarms || b.offline - a.offline || b.devices - a.devices)
      .slice(0, 15);
    mapBox.append(
      table(
        'Sites, those that need a look first',
        ['Site', 'Customer', 'State', 'Devices', 'Online', 'Offline', 'Active alarms'],
        troubled.map((s) => [
          h('a', { href: `#/devices?site=${encodeURIComponent(s.siteId)}` }, s.name),
          s.customerName ?? s.customerId,
          { ok: 'all well', offline: 'devices offline', alarm: `alarms (${s.worstSeverity ?? ''})` }[
            siteTrouble(s)
          ],
          s.devices,
          s.online,
          s.offline,
          s.activeAlarms,
        ]),
      ),
    );
  };

  await render();
  const reload = debounce(() => void render(), 2000);
  ctx.onLeave(reload.cancel);
  ctx.onLeave(
    onLive((e) => {
      if (e.kind === 'device-status' || e.kind === 'kpis' || e.kind === 'alarm' || e.kind === 'work-order')
        reload();
      if (e.kind === 'heartbeat' && (e.data as { reconnected?: boolean } | undefined)?.reconnected) reload();
    }),
  );
}
