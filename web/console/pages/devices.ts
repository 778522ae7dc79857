import { api, ApiError, ok, type ApiSchema } from '../api.js';
import { errorBox, h, table } from '../dom.js';
import { time } from '../format.js';
import { onLive } from '../live.js';
import { debounce, type PageContext } from '../page.js';

type DeviceSeen = ApiSchema<'DeviceSeen'>;

export function presence(online: boolean | null): HTMLElement {
  const [cls, text] =
    online === true
      ? ['online', '● online']
      : online === false
        ? ['offline', '○ offline']
        : ['unknown', '◌ not told'];
  return h('span', { class: `presence ${cls}` }, text);
}

const PAGE = 200;

/** Devices seen, online or offline; or the devices of one site (from the map). */
export async function devicesPage(ctx: PageContext): Promise<void> {
  const { main, query } = ctx;
  const site = query.get('site');
  const online = query.get('online');
  main.append(h('h1', { tabindex: -1 }, site ? `Devices at site ${site}` : 'Devices'));
  const filter = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Filter devices' },
    h('label', { for: 'online-filter' }, 'Presence '),
    h(
      'select',
      { id: 'online-filter', name: 'online' },
      h('option', { value: '', selected: online === null }, 'all'),
      h('option', { value: 'true', selected: online === 'true' }, 'online'),
      h('option', { value: 'false', selected: online === 'false' }, 'offline'),
    ),
    ' ',
    h('button', { type: 'submit' }, 'Show'),
  );
  filter.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = new URLSearchParams();
    const v = (filter.elements.namedItem('online') as HTMLSelectElement).value;
    if (v) q.set('online', v);
    if (site) q.set('site', site);
    location.hash = `#/devices${q.size ? `?${q}` : ''}`;
  });
  const list = h('div', {});
  main.append(filter, list);

  let devices: DeviceSeen[] = [];
  let cursor: string | null = null;
  const more = h('button', { type: 'button', class: 'more' }, 'Load more');
  const draw = (): void => {
    const rows = devices.map((d) => [
      h('a', { class: 'id', href: `#/devices/${encodeURIComponent(d.deviceId)}` }, d.deviceId),
      presence(d.online),
      d.model ?? '–',
      d.firmware ?? '–',
      time(d.lastSeen),
      d.registered ? 'yes' : 'no',
    ]);
    list.replaceChildren(
      table(
        `${devices.length} devices`,
        ['Device', 'Presence', 'Model', 'Firmware', 'Last seen', 'Registered'],
        rows,
      ),
    );
    if (cursor) list.append(more);
  };
  const load = async (reset: boolean): Promise<void> => {
    try {
      if (site) {
        devices = await devicesAtSite(site, online === null ? undefined : online === 'true');
        cursor = null;
      } else {
        const page = await ok(
          api.GET('/api/v1/devices', {
            params: {
              query: {
                limit: PAGE,
                ...(reset ? {} : { cursor: cursor ?? undefined }),
                ...(online === null ? {} : { online: online === 'true' }),
              },
            },
          }),
        );
        devices = reset ? page.data : [...devices, ...page.data];
        cursor = page.nextCursor;
      }
      draw();
    } catch (err) {
      list.replaceChildren(errorBox(err));
    }
  };
  more.addEventListener('click', () => void load(false));
  await load(true);
  const reload = debounce(() => void load(true), 3000);
  ctx.onLeave(reload.cancel);
  ctx.onLeave(onLive((e) => e.kind === 'device-status' && reload()));
}

/** The registry's devices at a site, with what was seen of each. */
async function devicesAtSite(siteId: string, online: boolean | undefined): Promise<DeviceSeen[]> {
  const registered = await ok(
    api.GET('/api/v1/registry/devices', { params: { query: { siteId, limit: 1000 } } }),
  );
  const seen = await Promise.all(
    registered.data.map(async (d) => {
      try {
        return await ok(
          api.GET('/api/v1/devices/{deviceId}', { params: { path: { deviceId: d.deviceId } } }),
        );
      } catch (err) {
        if (err instanceof ApiError && err.status === 404)
          return {
            deviceId: d.deviceId,
            firstSeen: 0,
            lastSeen: 0,
            online: null,
            statusChangedAt: null,
            model: d.modelId,
            firmware: null,
            serial: d.serial ?? null,
            reportingIntervalMs: null,
            registered: true,
          } satisfies DeviceSeen;
        throw err;
      }
    }),
  );
  return seen.filter((d) => online === undefined || d.online === online);
}
