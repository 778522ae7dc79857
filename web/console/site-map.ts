import type { ApiSchema } from './api.js';
import { h, svg } from './dom.js';

type Site = ApiSchema<'SiteOverview'>;
type Ring = Array<[number, number]>;

let land: Promise<Ring[]> | null = null;
/** Natural Earth 1:110m land, built into dist/console/land.json: no tile server, works offline. */
function landRings(): Promise<Ring[]> {
  land ??= fetch('/console/land.json').then((r) => (r.ok ? (r.json() as Promise<Ring[]>) : []));
  return land;
}

/** Whether a site needs a look: offline devices or active alarms. */
export function siteTrouble(s: Site): 'alarm' | 'offline' | 'ok' {
  if (s.activeAlarms > 0) return 'alarm';
  if (s.offline > 0) return 'offline';
  return 'ok';
}

const W = 900;
const H = 460;

/**
 * The sites on an SVG map: equirectangular, fitted to the sites with a margin,
 * land drawn from the bundled outline. Each site is a link (keyboard: Tab, Enter) to
 * its devices; trouble shows as a shape and a word, not by colour alone.
 */
export async function siteMap(sites: readonly Site[], hrefOf: (s: Site) => string): Promise<SVGElement> {
  const rings = await landRings();
  const lats = sites.map((s) => s.lat);
  const lons = sites.map((s) => s.lon);
  let [south, north] = sites.length ? [Math.min(...lats), Math.max(...lats)] : [-60, 75];
  let [west, east] = sites.length ? [Math.min(...lons), Math.max(...lons)] : [-170, 180];
  // at least 6 degrees each way, a margin around, and the map's aspect ratio
  const padLat = Math.max(3, (north - south) * 0.15);
  const padLon = Math.max(3, (east - west) * 0.15);
  south = Math.max(-85, south - padLat);
  north = Math.min(85, north + padLat);
  west -= padLon;
  east += padLon;
  const k = Math.cos((((south + north) / 2) * Math.PI) / 180);
  let spanX = (east - west) * k;
  let spanY = north - south;
  if (spanX / spanY < W / H) {
    const grow = (spanY * (W / H)) / k - (east - west);
    west -= grow / 2;
    east += grow / 2;
    spanX = (east - west) * k;
  } else {
    const grow = spanX / (W / H) - spanY;
    south -= grow / 2;
    north += grow / 2;
    spanY = north - south;
  }
  const x = (lon: number): number => (((lon - west) * k) / spanX) * W;
  const y = (lat: number): number => ((north - lat) / spanY) * H;

  const landPath = rings
    .filter((r) =>
      r.some(([lon, lat]) => lon >= west - 30 && lon <= east + 30 && lat >= south - 30 && lat <= north + 30),
    )
    .map((r) => 'M' + r.map(([lon, lat]) => `${x(lon).toFixed(1)},${y(lat).toFixed(1)}`).join('L') + 'Z')
    .join('');
  const maxDevices = Math.max(1, ...sites.map((s) => s.devices));
  const marks = [...sites]
    // the troubled ones last, so they are drawn on top
    .sort((a, b) => rank(siteTrouble(a)) - rank(siteTrouble(b)))
    .map((s) => {
      const r = 4 + 10 * Math.sqrt(s.devices / maxDevices);
      const cx = x(s.lon);
      const cy = y(s.lat);
      const trouble = siteTrouble(s);
      const label =
        `${s.name}${s.customerName ? `, ${s.customerName}` : ''}: ${s.devices} devices, ${s.online} online, ` +
        `${s.offline} offline, ${s.activeAlarms} active alarms`;
      const shape =
        trouble === 'ok'
          ? svg('circle', { cx, cy, r, class: `site ${trouble}` })
          : trouble === 'offline'
            ? svg('rect', { x: cx - r, y: cy - r, width: 2 * r, height: 2 * r, class: `site ${trouble}` })
            : svg('path', {
                d: `M${cx},${cy - r * 1.3}L${cx + r * 1.2},${cy + r}L${cx - r * 1.2},${cy + r}Z`,
                class: `site ${trouble}`,
              });
      const link = svg(
        'a',
        { href: hrefOf(s), 'aria-label': label, class: 'site-link' },
        svg('title', {}, label),
        shape,
      );
      return link;
    });
  return svg(
    'svg',
    {
      viewBox: `0 0 ${W} ${H}`,
      class: 'site-map',
      role: 'group',
      'aria-label': `Map of ${sites.length} sites. Circle: all well; square: devices offline; triangle: active alarms.`,
    },
    svg('rect', { x: 0, y: 0, width: W, height: H, class: 'sea' }),
    svg('path', { d: landPath, class: 'land' }),
    ...marks,
  );
}

function rank(t: 'alarm' | 'offline' | 'ok'): number {
  return t === 'ok' ? 0 : t === 'offline' ? 1 : 2;
}

export function mapLegend(): HTMLElement {
  return h(
    'p',
    { class: 'legend' },
    h('span', { class: 'key ok' }, '● all well'),
    ' ',
    h('span', { class: 'key offline' }, '■ devices offline'),
    ' ',
    h('span', { class: 'key alarm' }, '▲ active alarms'),
    ' — size: devices at the site',
  );
}
