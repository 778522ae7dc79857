import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { deviceTopic } from '../src/contract/index.js';
import { DomainEventBus } from '../src/events/domain-event-bus.js';
import {
  accessibilityViolations,
  collectErrors,
  launchChromium,
  screenshot,
  signIn,
} from './helpers/browser.js';
import { seedFleet } from './helpers/seeded-fleet.js';
import { connectClient, eventually, startTestApp, type TestApp } from './helpers/test-app.js';
import { anAlert } from './helpers/work-orders.js';

const DAY = 86_400_000;
const DEVICES = 12;

/** The number of points and the extremes a chart's text summary states. */
function chartSummary(label: string): { points: number; low: number | null; high: number | null } {
  const points = Number(/: (\d+) points/.exec(label)?.[1] ?? NaN);
  const low = /lowest (-?[\d.]+)/.exec(label)?.[1];
  const high = /highest (-?[\d.]+)/.exec(label)?.[1];
  return { points, low: low ? Number(low) : null, high: high ? Number(high) : null };
}

describe('The web console in Chromium, against the real app with a seeded fleet', () => {
  let app: TestApp;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    // the console's bundle, as `npm run build` makes it
    execFileSync(process.execPath, ['scripts/build-console.mjs'], { stdio: 'inherit' });
    app = await startTestApp({ KPI_REFRESH_INTERVAL_MS: '0' });
    await seedFleet(app, { devices: DEVICES, days: 60 });
    browser = await launchChromium();
    page = await browser.browser.newPage();
    errors = collectErrors(page);
    // an operator: reads everything, works alarms and orders
    await signIn(page, app.httpUrl, await app.apiKey('operator'));
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows the fleet overview: KPIs, trend charts and the sites on a map', async () => {
    await page.goto(`${app.httpUrl}/`);
    await page.getByRole('heading', { name: 'Fleet overview' }).waitFor();
    await page.locator('.site-map a').first().waitFor();
    const overview = (
      await app.get<{ sites: unknown[]; kpis: { current: { availability: number } } }>(
        '/api/v1/fleet/overview',
      )
    ).body;
    expect(await page.locator('.site-map a').count()).toBe(overview.sites.length);
    expect(overview.sites.length).toBeGreaterThan(0);
    const availability = `${(overview.kpis.current.availability * 100).toFixed(2)} %`;
    await page.getByText(availability).first().waitFor();
    expect(await page.locator('figure.chart canvas').count()).toBe(2);
    await page.getByText('● Live').waitFor();
    await screenshot(page, 'fleet');
    expect(errors).toEqual([]);
  });

  it('draws a device’s stored telemetry and zooms from a year to an hour', async () => {
    const deviceId = 'sim-00001';
    await page.goto(`${app.httpUrl}/#/devices/${deviceId}`);
    await page.getByRole('heading', { name: `Device ${deviceId}` }).waitFor();
    const chart = page.locator('figure.chart').first();
    await chart.waitFor();
    const metric = (await page.locator('.metric-picker input:checked').first().getAttribute('value'))!;

    await page.getByRole('button', { name: '1 year' }).click();
    await page.getByRole('button', { name: '1 year', pressed: true }).waitFor();
    await chart.and(page.locator('[aria-label*="1d mean"]')).waitFor();
    const year = chartSummary((await page.locator('figure.chart').first().getAttribute('aria-label'))!);
    // the same days, means and maxima straight from the API
    const lastSeen = (await app.get<{ lastSeen: number }>(`/api/v1/devices/${deviceId}`)).body.lastSeen;
    const to = lastSeen + 1;
    const api = (fn: string) =>
      app.get<{ data: Array<{ value: number }> }>(
        `/api/v1/devices/${deviceId}/telemetry/${metric}?from=${to - 365 * DAY}&to=${to}&window=1d&fn=${fn}`,
      );
    const [mean, max] = [(await api('mean')).body.data, (await api('max')).body.data];
    expect(year.points).toBe(mean.length);
    expect(year.points).toBeGreaterThanOrEqual(59);
    expect(year.high).toBeCloseTo(Math.max(...max.map((p) => p.value)), 1);
    await screenshot(page, 'device-year');

    await page.getByRole('button', { name: '1 hour' }).click();
    await page.getByRole('button', { name: '1 hour', pressed: true }).waitFor();
    // raw points at an hour: the summary names no aggregate (no eval'd predicate: the page's CSP forbids it)
    await chart.and(page.locator('[aria-label]:not([aria-label*="mean"])')).waitFor();
    const hour = chartSummary((await page.locator('figure.chart').first().getAttribute('aria-label'))!);
    const raw = await app.get<{ data: unknown[] }>(
      `/api/v1/devices/${deviceId}/telemetry/${metric}?from=${to - 3_600_000}&to=${to}`,
    );
    expect(hour.points).toBe(raw.body.data.length);
    expect(
      await page.locator('.timeline li, .timeline + p, section[aria-label="Events"] p').count(),
    ).toBeGreaterThan(0);
    await screenshot(page, 'device-hour');
    expect(errors).toEqual([]);
  });

  it('lists devices and opens one from the list with the keyboard', async () => {
    await page.goto(`${app.httpUrl}/#/devices`);
    await page.getByRole('heading', { name: 'Devices' }).waitFor();
    await page.getByRole('link', { name: 'sim-00002' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Device sim-00002' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('shows a dead letter that arrives while the page is open (live update)', async () => {
    await page.goto(`${app.httpUrl}/#/dead-letters`);
    await page.getByRole('heading', { name: 'Dead letters' }).waitFor();
    await page.getByText('● Live').waitFor();
    const device = await connectClient(app.mqttUrl, 'sim-00003');
    await device.publishAsync(deviceTopic('sim-00003', 'telemetry'), '{"ts": "not json', { qos: 1 });
    await device.endAsync();
    await page.getByText(/new dead letters arrived/).waitFor();
    await page.getByRole('button', { name: 'Show them' }).click();
    await page.getByRole('cell', { name: 'invalid json' }).first().waitFor();
    await screenshot(page, 'dead-letters');
    expect(errors).toEqual([]);
  });

  it('acknowledges an alarm that a machine-down fault raised, the list updating live', async () => {
    await page.goto(`${app.httpUrl}/#/alarms`);
    await page.getByRole('heading', { name: 'Alarms' }).waitFor();
    await page.getByText('● Live').waitFor();
    const device = await connectClient(app.mqttUrl, 'sim-00004');
    await device.publishAsync(
      deviceTopic('sim-00004', 'events'),
      JSON.stringify({
        ts: Date.now(),
        type: 'fault.raised',
        code: 'M-999',
        component: 'main_motor',
        severity: 'machine-down',
      }),
      { qos: 1 },
    );
    await device.endAsync();
    const row = page.getByRole('row').filter({ hasText: 'Machine down: M-999 on main_motor' });
    await row.getByText('▲▲ critical').waitFor();
    await row.getByRole('button', { name: /^Acknowledge critical alarm on sim-00004/ }).click();
    await row.getByText(/^active, acknowledged by api-key:/).waitFor();
    const alarms = await app.get<{ data: Array<{ acknowledged: boolean; severity: string }> }>(
      '/api/v1/alarms?deviceId=sim-00004&type=fault:M-999',
    );
    expect(alarms.body.data).toEqual([expect.objectContaining({ acknowledged: true, severity: 'critical' })]);
    // the corrective order the fault opened handles the alarm: linked, and the list shows it live
    const order = await eventually(async () => {
      const r = await app.get<{ data: Array<{ workOrderId: string | null }> }>(
        '/api/v1/alarms?deviceId=sim-00004&type=fault:M-999',
      );
      return r.body.data[0]?.workOrderId ?? undefined;
    }, 30_000);
    await row.getByText(order).waitFor();
    await screenshot(page, 'alarms');

    await row.getByRole('link', { name: /Machine down: M-999/ }).click();
    await page.getByRole('heading', { name: /Alarm: Machine down: M-999/ }).waitFor();
    await page.getByLabel('Comment', { exact: true }).fill('roller ordered');
    await page.getByRole('button', { name: 'Add comment' }).click();
    await page.getByText(/commented by api-key:/).waitFor();
    await screenshot(page, 'alarm');
    expect(errors).toEqual([]);
  });

  it('ranks the components at risk from prediction alerts, with their evidence', async () => {
    const bus = app.app.get(DomainEventBus);
    const now = Date.now();
    bus.publish('prediction.alert-raised', anAlert('sim-00002', 'drum', now, { probability: 0.64 }));
    bus.publish(
      'prediction.alert-raised',
      anAlert('sim-00003', 'fuser', now, {
        probability: 0.91,
        evidence: ['fuser.temp_c 12 °C low for 6 days'],
      }),
    );
    await page.goto(`${app.httpUrl}/#/risk`);
    await page.getByRole('heading', { name: 'Risk ranking' }).waitFor();
    const rows = page.getByRole('table').getByRole('row');
    // the header, then highest risk first
    await rows.nth(2).waitFor();
    expect(await rows.nth(1).getByRole('cell').first().textContent()).toBe('91 %');
    expect(await rows.nth(1).getByRole('link', { name: 'sim-00003' }).count()).toBe(1);
    expect(await rows.nth(1).getByText('fuser.temp_c 12 °C low for 6 days').count()).toBe(1);
    expect(await rows.nth(2).getByRole('cell').first().textContent()).toBe('64 %');
    await screenshot(page, 'risk');
    // and on the device's page, its risk history
    await rows.nth(1).getByRole('link', { name: 'sim-00003' }).click();
    const history = page.getByRole('region', { name: 'Risk history' });
    await history.getByRole('cell', { name: '91 % within 30 days' }).waitFor();
    expect(await history.getByText('fuser.temp_c 12 °C low for 6 days').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('loads every page in the navigation without console errors', async () => {
    await page.goto(`${app.httpUrl}/`);
    await page.getByRole('heading', { name: 'Fleet overview' }).waitFor();
    const links = await page.getByRole('navigation', { name: 'Pages' }).getByRole('link').all();
    const hrefs = await Promise.all(links.map((l) => l.getAttribute('href')));
    expect(hrefs).toEqual(
      expect.arrayContaining(['#/', '#/devices', '#/alarms', '#/orders', '#/dead-letters']),
    );
    for (const href of hrefs) {
      await page.goto(`${app.httpUrl}/${href!}`);
      await page.locator('main h1').waitFor();
      // a string predicate would be eval'd, which the page's Content-Security-Policy forbids
      await page.locator('#main:not([aria-busy])').waitFor();
      expect([href, await page.locator('main .error').count()]).toEqual([href, 0]);
    }
    await page.goto(`${app.httpUrl}/#/sign-in`);
    await page.getByLabel('API key').waitFor();
    expect(errors).toEqual([]);
  });

  it('meets WCAG 2.1 A and AA as axe-core checks it, on every page', async () => {
    await page.goto(`${app.httpUrl}/`);
    await page.getByRole('heading', { name: 'Fleet overview' }).waitFor();
    const links = await page.getByRole('navigation', { name: 'Pages' }).getByRole('link').all();
    const alarm = (await app.get<{ data: Array<{ id: string }> }>('/api/v1/alarms?limit=1')).body.data[0];
    const order = (await app.get<{ data: Array<{ id: string }> }>('/api/v1/work-orders?limit=1')).body
      .data[0];
    // the seeded faults raised alarms and opened orders
    expect([alarm, order]).toEqual([expect.anything(), expect.anything()]);
    const hrefs = [
      ...(await Promise.all(links.map((l) => l.getAttribute('href')))),
      '#/devices/sim-00001',
      `#/alarms/${alarm.id}`,
      `#/orders/${order.id}`,
      '#/sign-in',
    ];
    const found: Record<string, string[]> = {};
    for (const href of hrefs) {
      await page.goto(`${app.httpUrl}/${href!}`);
      await page.locator('main h1').waitFor();
      await page.locator('#main:not([aria-busy])').waitFor();
      const violations = await accessibilityViolations(page);
      if (violations.length) found[href!] = violations;
    }
    expect(found).toEqual({});
    expect(errors).toEqual([]);
  });

  it('signs in with a key kept in sessionStorage and sent as a header, never in a URL; a viewer is not offered changes', async () => {
    const key = await app.apiKey('viewer');
    // sessionStorage belongs to a tab: a new one starts signed out
    const signed = await browser.browser.newPage();
    const seen: Array<{ url: string; authorization: string | undefined }> = [];
    signed.on('request', (r) => seen.push({ url: r.url(), authorization: r.headers().authorization }));
    // without a key the console asks for one before it calls the API
    await signed.goto(`${app.httpUrl}/#/alarms`);
    await signed.getByLabel('API key').waitFor();
    expect(seen.filter((r) => r.url.includes('/api/v1/'))).toEqual([]);
    await signed.getByLabel('API key').fill('fk_not_a_key_0123456789abcdefghijklmnop');
    await signed.getByRole('button', { name: 'Sign in' }).click();
    await signed.getByText('That key is not valid').waitFor();

    await signed.getByLabel('API key').fill(key);
    await signed.getByRole('button', { name: 'Sign in' }).click();
    // back where it was going, as a viewer
    await signed.getByRole('heading', { name: 'Alarms' }).waitFor();
    await signed.getByText('Signed in as viewer').waitFor();
    expect(await signed.evaluate("sessionStorage.getItem('fleet.console.apiKey')")).toBe(key);
    await signed.locator('#main:not([aria-busy])').waitFor();
    const alarm = (await app.get<{ data: Array<{ id: string }> }>('/api/v1/alarms?limit=1')).body.data[0];
    expect(alarm).toBeDefined();
    // what a viewer may not do is not offered
    expect(await signed.getByRole('button', { name: /^Acknowledge/ }).count()).toBe(0);
    await signed.goto(`${app.httpUrl}/#/alarms/${alarm.id}`);
    await signed.getByText('Your role may look at alarms, not change them.').waitFor();
    await signed.goto(`${app.httpUrl}/#/orders`);
    await signed.getByRole('heading', { name: 'Work orders' }).waitFor();
    await signed.locator('#main:not([aria-busy])').waitFor();
    expect(await signed.getByText('Move…').count()).toBe(0);

    const api = seen.filter((r) => r.url.includes('/api/v1/') && r.authorization !== undefined);
    expect(api.length).toBeGreaterThan(0);
    // the key goes as a header on every call after sign-in, never in a URL
    expect(api.filter((r) => r.authorization !== `Bearer ${key}`).map((r) => r.url)).toEqual([
      `${app.httpUrl}/api/v1/console/session`,
    ]);
    expect(seen.filter((r) => r.url.includes(key))).toEqual([]);
    expect(signed.url()).not.toContain(key);
    await signed.getByRole('button', { name: 'Sign out' }).click();
    await signed.getByLabel('API key').waitFor();
    expect(await signed.evaluate("sessionStorage.getItem('fleet.console.apiKey')")).toBeNull();
    await signed.close();
  });

  it('moves a work order through its lifecycle from the board', async () => {
    const created = await app.request<{ id: string }>('POST', '/api/v1/work-orders', {
      kind: 'customer-request',
      deviceId: 'sim-00005',
      description: 'copies come out with black marks',
      requestedBy: 'front desk',
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    await page.goto(`${app.httpUrl}/#/orders`);
    await page.getByRole('heading', { name: 'Work orders' }).waitFor();
    const card = page.getByRole('article', { name: new RegExp(`^${id}:`) });
    const move = async (to: string, fill: Record<string, string> = {}): Promise<void> => {
      await card.getByText('Move…').click();
      await card.getByLabel('Move to').selectOption(to);
      for (const [label, value] of Object.entries(fill)) await card.getByLabel(label).fill(value);
      await card.getByRole('button', { name: 'Move' }).click();
      // the board reloads: the card is now in the column of its new status
      await page
        .getByRole('region', { name: new RegExp(`^${to}:`) })
        .getByRole('article', { name: new RegExp(`^${id}:`) })
        .waitFor();
    };
    await card.waitFor();
    await screenshot(page, 'work-orders');
    await move('assigned', { Technician: 'tech-7' });
    await move('en-route');
    await move('in-progress');
    await card.getByText('Move…').click();
    await card.getByLabel('Move to').selectOption('completed');
    await card.getByLabel('Labour, min').fill('45');
    await card.getByRole('button', { name: 'Move' }).click();
    // with nothing owed to the device (no part fitted), completing closes the order: it leaves the board
    await card.waitFor({ state: 'detached' });
    const order = await app.get<{ status: string; history: Array<{ type: string; to?: string }> }>(
      `/api/v1/work-orders/${id}`,
    );
    expect(order.body.status).toBe('closed');
    expect(order.body.history.filter((c) => c.type === 'transition').map((c) => c.to)).toEqual([
      'assigned',
      'en-route',
      'in-progress',
      'completed',
      'closed',
    ]);
    await page.goto(`${app.httpUrl}/#/orders/${id}`);
    await page.getByRole('heading', { name: `Work order ${id}` }).waitFor();
    await screenshot(page, 'work-order');
    expect(errors).toEqual([]);
  });
});
