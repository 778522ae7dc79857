import { apiKeysRequired, apiPaths, whenUnauthenticated } from './api.js';
import { h } from './dom.js';
import { startLive, stopLive } from './live.js';
import type { Page, PageContext } from './page.js';
import { alarmPage, alarmsPage, deviceAlarms } from './pages/alarms.js';
import { deadLettersPage } from './pages/dead-letters.js';
import { addDeviceSection, devicePage } from './pages/device.js';
import { devicesPage } from './pages/devices.js';
import { fleetPage } from './pages/fleet.js';
import { deviceRisk, riskPage } from './pages/risk.js';
import { genericListPage } from './pages/generic.js';
import { signInPage } from './pages/sign-in.js';
import { deviceOrders, workOrderPage, workOrdersPage } from './pages/work-orders.js';
import { apiKey, role, signOut } from './session.js';

interface Route {
  /** `#/devices/:id` style pattern. */
  pattern: string;
  page: Page;
  /** In the navigation, with this label. */
  nav?: string;
  /** Shown only when the API has this path (features that land later). */
  when?: string;
}

/**
 * Every page. A page of a later feature names its API path in `when`: it shows up by
 * itself once the OpenAPI document has that path, as `npm start`'s banner does.
 */
export const ROUTES: Route[] = [
  { pattern: '#/', page: fleetPage, nav: 'Fleet' },
  {
    // from the risk alarms prediction alerts raise (no predictions API on main yet)
    pattern: '#/risk',
    page: riskPage,
    nav: 'Risk',
    when: '/api/v1/alarms',
  },
  {
    pattern: '#/orders',
    page: workOrdersPage,
    nav: 'Work orders',
    when: '/api/v1/work-orders',
  },
  { pattern: '#/orders/:id', page: workOrderPage, when: '/api/v1/work-orders/{id}' },
  {
    pattern: '#/alarms',
    page: alarmsPage,
    nav: 'Alarms',
    when: '/api/v1/alarms',
  },
  { pattern: '#/alarms/:id', page: alarmPage, when: '/api/v1/alarms/{id}' },
  {
    pattern: '#/signals',
    page: genericListPage('Signals', '/api/v1/signals'),
    nav: 'Signals',
    when: '/api/v1/signals',
  },
  {
    pattern: '#/technicians',
    page: genericListPage('Technicians', '/api/v1/technicians'),
    nav: 'Technicians',
    when: '/api/v1/technicians',
  },
  { pattern: '#/devices', page: devicesPage, nav: 'Devices' },
  { pattern: '#/devices/:id', page: devicePage },
  { pattern: '#/dead-letters', page: deadLettersPage, nav: 'Dead letters' },
  { pattern: '#/sign-in', page: signInPage },
];

function match(
  hash: string,
): { route: Route; params: Record<string, string>; query: URLSearchParams } | null {
  const [path, search = ''] = (hash || '#/').split('?');
  for (const route of ROUTES) {
    const want = route.pattern.split('/');
    const got = path.split('/');
    if (want.length !== got.length) continue;
    const params: Record<string, string> = {};
    if (
      want.every((w, i) =>
        w.startsWith(':') ? ((params[w.slice(1)] = decodeURIComponent(got[i])), true) : w === got[i],
      )
    )
      return { route, params, query: new URLSearchParams(search) };
  }
  return null;
}

const leave: Array<() => void> = [];
let visible = new Set<string>();

/** Device-page sections of features, added once their API is there. */
const DEVICE_SECTIONS: Array<{ when: string; section: (deviceId: string) => Promise<HTMLElement | null> }> = [
  { when: '/api/v1/alarms', section: deviceAlarms },
  { when: '/api/v1/alarms', section: deviceRisk },
  { when: '/api/v1/work-orders', section: deviceOrders },
];
let sectionsAdded = false;

async function renderNav(): Promise<void> {
  const paths = await apiPaths();
  if (!sectionsAdded) {
    sectionsAdded = true;
    for (const s of DEVICE_SECTIONS) if (paths.has(s.when)) addDeviceSection(s.section);
  }
  visible = new Set(ROUTES.filter((r) => !r.when || paths.has(r.when)).map((r) => r.pattern));
  const nav = document.getElementById('nav')!;
  const current = (location.hash || '#/').split('?')[0];
  nav.replaceChildren(
    h(
      'ul',
      {},
      ...ROUTES.filter((r) => r.nav && visible.has(r.pattern)).map((r) =>
        h(
          'li',
          {},
          h('a', { href: r.pattern, 'aria-current': current === r.pattern ? 'page' : null }, r.nav),
        ),
      ),
    ),
  );
  const who = document.getElementById('who')!;
  const signOutButton = document.getElementById('sign-out') as HTMLButtonElement;
  who.textContent = apiKey() ? `Signed in${role() ? ` as ${role()}` : ''}` : '';
  signOutButton.hidden = !apiKey();
}

async function route(): Promise<void> {
  leave.splice(0).forEach((f) => f());
  const main = document.getElementById('main')!;
  main.replaceChildren();
  await renderNav();
  const signingIn = location.hash.startsWith('#/sign-in');
  // no call the server would refuse: without a key where one is needed, sign in first
  if (apiKeysRequired() && !apiKey() && !signingIn) {
    location.hash = `#/sign-in?next=${encodeURIComponent(location.hash || '#/')}`;
    return;
  }
  if (!signingIn) startLive();
  const found = match(location.hash);
  if (!found || !visible.has(found.route.pattern)) {
    main.append(
      h('h1', { tabindex: -1 }, 'Not found'),
      h('p', {}, 'No such page. '),
      h('a', { href: '#/' }, 'Go to the fleet overview'),
    );
    return;
  }
  document.title = `${found.route.nav ?? found.route.pattern.split('/')[1] ?? 'Fleet'} — Fleet console`;
  const ctx: PageContext = { main, params: found.params, query: found.query, onLeave: (f) => leave.push(f) };
  main.setAttribute('aria-busy', 'true');
  try {
    await found.route.page(ctx);
  } finally {
    main.removeAttribute('aria-busy');
  }
  // keyboard and screen-reader users land on the new page's heading
  main.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
}

function start(): void {
  // the skip link moves focus without touching the route in the hash
  document.getElementById('skip')!.addEventListener('click', (e) => {
    e.preventDefault();
    document.getElementById('main')!.focus();
  });
  whenUnauthenticated(() => {
    if (location.hash.startsWith('#/sign-in')) return;
    stopLive();
    signOut();
    location.hash = `#/sign-in?next=${encodeURIComponent(location.hash || '#/')}`;
  });
  document.getElementById('sign-out')!.addEventListener('click', () => {
    signOut();
    stopLive();
    location.hash = '#/sign-in';
  });
  window.addEventListener('hashchange', () => void route());
  void route();
}

start();
