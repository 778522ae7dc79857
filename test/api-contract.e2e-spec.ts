import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { createApiClient } from '../src/api-client/api-client.js';
import { ApiKeyService } from '../src/api-keys/api-key.service.js';
import { DeviceIdentityService } from '../src/device-identity/device-identity.service.js';
import { deviceTopic } from '../src/contract/index.js';
import { API_TYPES_FILE, apiTypes } from '../scripts/api-types.js';
import { bearer, connectClient, eventually, startTestApp, type TestApp } from './helpers/test-app.js';

interface Operation {
  parameters?: Array<{ name: string; in: string; schema?: object }>;
  requestBody?: { content: Record<string, { schema?: object }> };
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
}
interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, object> };
}

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5);
const NOW = Date.now();
const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '23:59' }));
const TECHNICIAN = {
  technicianId: 'tech-1',
  name: 'Ada Field',
  employment: 'freelancer',
  skills: [
    { modelId: 'MFP-C300', level: 4 },
    { component: 'fuser', level: 3 },
  ],
  certifications: [{ code: 'mfp-c300', issuedAt: NOW - 100 * DAY, expiresAt: NOW + 300 * DAY }],
  homeBase: { lat: 45.75, lon: 4.85 },
  workingHours: { timeZone: 'UTC', shifts: ALL_WEEK },
  territory: { areas: [] },
  rates: { currency: 'EUR', labourPerHour: 55, travelPerHour: 30, perKm: 0.4, perVisit: 25 },
  maxJobsPerDay: 8,
  vanStock: [{ component: 'fuser', quantity: 1 }],
};

const ID = { customers: 'C-1', sites: 'S-1', models: 'MFP-C300', devices: 'dev-c1' } as const;
const ID_FIELD = {
  customers: 'customerId',
  sites: 'siteId',
  models: 'modelId',
  devices: 'deviceId',
} as const;
const RECORD = {
  customers: { name: 'Acme' },
  sites: { customerId: 'C-1', name: 'HQ', departments: ['Floor 1'] },
  models: {
    name: 'Office MFP',
    kind: 'copier',
    usageUnit: 'pages',
    ratedMonthlyDuty: 20000,
    components: [{ name: 'fuser', expectedLife: 300000 }],
  },
  devices: {
    serial: 'SN1',
    modelId: 'MFP-C300',
    siteId: 'S-1',
    installDate: '2025-06-01',
    contractType: 'warranty',
  },
};

/** One request per operation of the document: [method, path template, concrete path, body]. */
const CALLS: Array<[string, string, string, unknown?]> = [
  ['get', '/api/v1/devices', '/api/v1/devices'],
  ['get', '/api/v1/devices/{deviceId}', '/api/v1/devices/dev-c1'],
  ['get', '/api/v1/devices/{deviceId}/metrics', '/api/v1/devices/dev-c1/metrics'],
  [
    'get',
    '/api/v1/devices/{deviceId}/telemetry/{metric}',
    `/api/v1/devices/dev-c1/telemetry/pages.total?from=${T0}&to=${T0 + DAY}`,
  ],
  ['get', '/api/v1/devices/{deviceId}/events', `/api/v1/devices/dev-c1/events?from=${T0}&to=${T0 + DAY}`],
  ['get', '/api/v1/events', `/api/v1/events?from=${T0}&to=${T0 + DAY}`],
  ['get', '/api/v1/dead-letters', '/api/v1/dead-letters'],
  ['get', '/api/v1/kpis', '/api/v1/kpis?from=2026-01-01&to=2026-01-15&interval=week'],
  ['post', '/api/v1/kpis/refresh', '/api/v1/kpis/refresh'],
  // the job of a refresh asked for without waiting (below)
  ['get', '/api/v1/kpis/refresh/jobs/{jobId}', '/api/v1/kpis/refresh/jobs/'],
  ['get', '/health/live', '/health/live'],
  ['get', '/api/v1/fleet/overview', '/api/v1/fleet/overview'],
  ['get', '/api/v1/console/session', '/api/v1/console/session'],
  ['get', '/api/v1/live', '/api/v1/live'],
  // the alarm the machine-down fault below raised ({alarm}), and a rule made here ({rule})
  ['get', '/api/v1/alarms', '/api/v1/alarms?status=active&severity=critical'],
  ['get', '/api/v1/alarms/counts', '/api/v1/alarms/counts'],
  ['get', '/api/v1/alarms/{id}', '/api/v1/alarms/{alarm}'],
  ['post', '/api/v1/alarms/{id}/acknowledge', '/api/v1/alarms/{alarm}/acknowledge', { note: 'on it' }],
  ['put', '/api/v1/alarms/{id}/assignee', '/api/v1/alarms/{alarm}/assignee', { assignee: 'ann' }],
  ['post', '/api/v1/alarms/{id}/comments', '/api/v1/alarms/{alarm}/comments', { text: 'part ordered' }],
  [
    'put',
    '/api/v1/alarms/{id}/work-order',
    '/api/v1/alarms/{alarm}/work-order',
    { workOrderId: 'WO-999999' },
  ],
  ['post', '/api/v1/alarms/{id}/clear', '/api/v1/alarms/{alarm}/clear', {}],
  [
    'post',
    '/api/v1/alarm-notification-rules',
    '/api/v1/alarm-notification-rules',
    {
      name: 'critical to ops',
      minSeverity: 'critical',
      target: { kind: 'mqtt', topic: 'alarms/{customerId}' },
    },
  ],
  ['get', '/api/v1/alarm-notification-rules', '/api/v1/alarm-notification-rules'],
  ['delete', '/api/v1/alarm-notification-rules/{id}', '/api/v1/alarm-notification-rules/{rule}'],
  ['get', '/health/ready', '/health/ready'],
  ['post', '/api/v1/history/import', '/api/v1/history/import'],
  ['post', '/api/v1/predictions/train', '/api/v1/predictions/train'],
  ['post', '/api/v1/predictions/score', '/api/v1/predictions/score'],
  ['get', '/api/v1/predictions/risk', '/api/v1/predictions/risk?horizon=30'],
  [
    'get',
    '/api/v1/predictions/devices/{deviceId}',
    `/api/v1/predictions/devices/dev-c1?from=${T0}&to=${T0 + 400 * DAY}`,
  ],
  ['get', '/api/v1/predictions/models', '/api/v1/predictions/models'],
  // the version the list answered (below)
  ['get', '/api/v1/predictions/models/{version}', '/api/v1/predictions/models/'],
  ...(['customers', 'sites', 'models', 'devices'] as const).flatMap(
    (c): Array<[string, string, string, unknown?]> => [
      ['get', `/api/v1/registry/${c}`, `/api/v1/registry/${c}`],
      ['get', `/api/v1/registry/${c}/{id}`, `/api/v1/registry/${c}/${ID[c]}`],
      [
        'post',
        `/api/v1/registry/${c}`,
        `/api/v1/registry/${c}`,
        { ...RECORD[c], [ID_FIELD[c]]: `${ID[c]}-2` },
      ],
      ['put', `/api/v1/registry/${c}/{id}`, `/api/v1/registry/${c}/${ID[c]}`, RECORD[c]],
      ['patch', `/api/v1/registry/${c}/{id}`, `/api/v1/registry/${c}/${ID[c]}`, {}],
      [
        'post',
        `/api/v1/registry/${c}/import`,
        `/api/v1/registry/${c}/import`,
        [{ ...RECORD[c], [ID_FIELD[c]]: ID[c] }],
      ],
      ['delete', `/api/v1/registry/${c}/{id}`, `/api/v1/registry/${c}/${ID[c]}-2`],
    ],
  ),
  // work orders: WO-000001 is the one the F-301 machine-down fault opened (see beforeAll)
  ['get', '/api/v1/work-orders', '/api/v1/work-orders'],
  [
    'post',
    '/api/v1/work-orders',
    '/api/v1/work-orders',
    {
      deviceId: 'dev-c1',
      kind: 'installation',
      description: 'a finisher for the MFP',
      requestedBy: 'sales:api',
    },
  ],
  ['get', '/api/v1/work-orders/{id}', '/api/v1/work-orders/WO-000001'],
  [
    'post',
    '/api/v1/work-orders/{id}/transitions',
    '/api/v1/work-orders/WO-000001/transitions',
    { to: 'assigned', actor: 'dispatch', assignee: 'tech-1' },
  ],
  [
    'post',
    '/api/v1/work-orders/{id}/notes',
    '/api/v1/work-orders/WO-000001/notes',
    { actor: 'dispatch', note: 'fuser on the van' },
  ],
  [
    'post',
    '/api/v1/work-orders/diagnose',
    '/api/v1/work-orders/diagnose',
    { deviceId: 'dev-c1', codes: ['F-301'] },
  ],
  [
    'put',
    '/api/v1/maintenance-plans',
    '/api/v1/maintenance-plans',
    {
      planId: 'pm-c300',
      modelId: 'MFP-C300',
      name: 'C300 service',
      everyDays: 180,
      everyUsage: 80000,
      tasks: ['clean'],
      active: true,
    },
  ],
  ['get', '/api/v1/maintenance-plans', '/api/v1/maintenance-plans'],
  ['get', '/api/v1/maintenance-plans/{id}', '/api/v1/maintenance-plans/pm-c300'],
  ['get', '/api/v1/maintenance-plans/{id}/devices', '/api/v1/maintenance-plans/pm-c300/devices'],
  ['delete', '/api/v1/maintenance-plans/{id}', '/api/v1/maintenance-plans/pm-c300'],
  [
    'post',
    '/api/v1/webhooks/subscriptions',
    '/api/v1/webhooks/subscriptions',
    { id: 'wh-contract', url: 'http://127.0.0.1:9/hook', events: ['work-order.*'] },
  ],
  ['get', '/api/v1/webhooks/subscriptions', '/api/v1/webhooks/subscriptions'],
  ['get', '/api/v1/webhooks/subscriptions/{id}', '/api/v1/webhooks/subscriptions/wh-contract'],
  ['get', '/api/v1/webhooks/deliveries', '/api/v1/webhooks/deliveries'],
  ['delete', '/api/v1/webhooks/subscriptions/{id}', '/api/v1/webhooks/subscriptions/wh-contract'],
  // field force: tech-1 takes WO-000002 (the installation above), completes it, the customer rates it
  [
    'put',
    '/api/v1/certification-requirements',
    '/api/v1/certification-requirements',
    [{ requirementId: 'mfp', certification: 'mfp-c300', modelIds: ['MFP-C300'] }],
  ],
  ['get', '/api/v1/certification-requirements', '/api/v1/certification-requirements'],
  ['post', '/api/v1/technicians', '/api/v1/technicians', TECHNICIAN],
  ['get', '/api/v1/technicians', '/api/v1/technicians'],
  ['get', '/api/v1/technicians/{id}', '/api/v1/technicians/tech-1'],
  [
    'put',
    '/api/v1/technicians/{id}',
    '/api/v1/technicians/tech-1',
    { ...TECHNICIAN, phone: '+33 4 00 00 00' },
  ],
  [
    'post',
    '/api/v1/technicians/{id}/transitions',
    '/api/v1/technicians/tech-1/transitions',
    { to: 'verified', actor: 'hr:eve', identityChecked: true },
  ],
  [
    'post',
    '/api/v1/technicians/{id}/transitions',
    '/api/v1/technicians/tech-1/transitions',
    { to: 'active', actor: 'hr:eve' },
  ],
  [
    'post',
    '/api/v1/technicians/{id}/position',
    '/api/v1/technicians/tech-1/position',
    { lat: 45.7, lon: 4.8 },
  ],
  ['post', '/api/v1/dispatch/orders/{id}', '/api/v1/dispatch/orders/WO-000002', { assign: false }],
  [
    'post',
    '/api/v1/dispatch/orders/{id}/accept',
    '/api/v1/dispatch/orders/WO-000002/accept',
    { technicianId: 'tech-1', actor: 'dispatcher:ann' },
  ],
  ['get', '/api/v1/dispatch/orders/{id}', '/api/v1/dispatch/orders/WO-000002'],
  // the day of the plan is the one dispatch chose (below)
  ['get', '/api/v1/dispatch/technicians/{id}/days/{day}', '/api/v1/dispatch/technicians/tech-1/days/'],
  [
    'post',
    '/api/v1/work-orders/{id}/transitions',
    '/api/v1/work-orders/WO-000002/transitions',
    { to: 'in-progress', actor: 'tech-1' },
  ],
  [
    'post',
    '/api/v1/work-orders/{id}/transitions',
    '/api/v1/work-orders/WO-000002/transitions',
    { to: 'completed', actor: 'tech-1', visit: { labourMinutes: 120, travelMinutes: 30, travelKm: 20 } },
  ],
  [
    'get',
    '/api/v1/technicians/{id}/pay',
    `/api/v1/technicians/tech-1/pay?from=${NOW - DAY}&to=${NOW + 2 * DAY}`,
  ],
  // the token is the one the reissued link carries (below)
  ['post', '/api/v1/feedback/requests/{id}/reissue', '/api/v1/feedback/requests/FB-000001/reissue'],
  ['get', '/api/v1/feedback/links/{token}', '/api/v1/feedback/links/'],
  ['post', '/api/v1/feedback/links/{token}', '/api/v1/feedback/links/', { rating: 4, comment: 'tidy work' }],
  ['get', '/api/v1/feedback/requests', '/api/v1/feedback/requests'],
  ['get', '/api/v1/feedback/requests/{id}', '/api/v1/feedback/requests/FB-000001'],
  ['get', '/api/v1/feedback/technicians/{id}/rating', '/api/v1/feedback/technicians/tech-1/rating'],
  ['get', '/api/v1/feedback/customers/{id}/satisfaction', '/api/v1/feedback/customers/C-1/satisfaction'],
  ['get', '/api/v1/feedback/customers/{id}/loyalty-risk', '/api/v1/feedback/customers/C-1/loyalty-risk'],
  // signals: {first} is the id of the newest signal, the request's
  [
    'post',
    '/api/v1/signals/requests',
    '/api/v1/signals/requests',
    {
      customerId: 'C-1',
      deviceId: 'dev-c1',
      text: 'We need something that handles our volume',
      channel: 'email',
    },
  ],
  ['get', '/api/v1/signals', '/api/v1/signals?status=active&kind=overt'],
  ['get', '/api/v1/signals/{signalId}', '/api/v1/signals/{first}'],
  [
    'post',
    '/api/v1/signals/{signalId}/transitions',
    '/api/v1/signals/{first}/transitions',
    { to: 'acknowledged' },
  ],
  ['get', '/api/v1/signals/rules', '/api/v1/signals/rules'],
  ['get', '/api/v1/signals/customers', '/api/v1/signals/customers'],
  ['get', '/api/v1/signals/customers/{customerId}', '/api/v1/signals/customers/C-1'],
  ['post', '/api/v1/signals/evaluate', '/api/v1/signals/evaluate?full=true'],
];

/** The status and the first event's data of a server-sent-events stream; then it hangs up. */
async function firstServerSentEvent(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: unknown }> {
  const abort = new AbortController();
  const res = await fetch(url, { signal: abort.signal, headers });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  while (!text.includes('\n\n')) text += (await reader.read()).value ?? '';
  abort.abort();
  const data = /^data: (.*)$/m.exec(text)![1];
  return { status: res.status, body: JSON.parse(data) as unknown };
}

describe('The OpenAPI document and the typed client', () => {
  let app: TestApp;
  let doc: OpenApi;

  let provisioningKey = '';

  beforeAll(async () => {
    app = await startTestApp({ KPI_REFRESH_INTERVAL_MS: '0' });
    // security's operations need records to act on: keys, a provisioning key
    const keys = app.app.get(ApiKeyService);
    const identities = app.app.get(DeviceIdentityService);
    const [toRotate, toRevoke] = [
      (await keys.create({ name: 'rotate me', role: 'viewer' }, 'test')).record.id,
      (await keys.create({ name: 'revoke me', role: 'viewer' }, 'test')).record.id,
    ];
    const models = { models: ['MFP-C300'] };
    const toDrop = (await identities.createProvisioningKey({ name: 'drop me', ...models }, 'test')).record.id;
    provisioningKey = (await identities.createProvisioningKey({ name: 'contract', ...models }, 'test'))
      .secret;
    CALLS.push(
      ['get', '/api/v1/api-keys', '/api/v1/api-keys'],
      ['post', '/api/v1/api-keys', '/api/v1/api-keys', { name: 'contract', role: 'viewer' }],
      ['post', '/api/v1/api-keys/{id}/rotate', `/api/v1/api-keys/${toRotate}/rotate`],
      ['delete', '/api/v1/api-keys/{id}', `/api/v1/api-keys/${toRevoke}`],
      ['get', '/api/v1/audit', '/api/v1/audit'],
      ['get', '/api/v1/credentials', '/api/v1/credentials'],
      ['get', '/api/v1/credentials/{id}', '/api/v1/credentials/dev-c1'],
      ['post', '/api/v1/credentials/devices', '/api/v1/credentials/devices', { deviceId: 'dev-c9' }],
      [
        'post',
        '/api/v1/credentials/gateways',
        '/api/v1/credentials/gateways',
        { gatewayId: 'gw-c1', devices: ['dev-c1'] },
      ],
      ['patch', '/api/v1/credentials/{id}', '/api/v1/credentials/dev-c9', { enabled: false }],
      ['post', '/api/v1/credentials/{id}/rotate', '/api/v1/credentials/dev-c9/rotate'],
      ['delete', '/api/v1/credentials/{id}', '/api/v1/credentials/dev-c9'],
      ['get', '/api/v1/provisioning-keys', '/api/v1/provisioning-keys'],
      ['post', '/api/v1/provisioning-keys', '/api/v1/provisioning-keys', { name: 'contract 2', ...models }],
      ['delete', '/api/v1/provisioning-keys/{id}', `/api/v1/provisioning-keys/${toDrop}`],
      ['post', '/api/v1/provisioning', '/api/v1/provisioning', { deviceId: 'dev-p1', model: 'MFP-C300' }],
    );
    doc = (await app.get<OpenApi>('/docs/openapi.json')).body;
    // a little of everything, so every answer has content to check
    await app.request('PUT', '/api/v1/registry/customers/C-1', RECORD.customers);
    await app.request('PUT', '/api/v1/registry/sites/S-1', RECORD.sites);
    await app.request('PUT', '/api/v1/registry/models/MFP-C300', RECORD.models);
    await app.request('PUT', '/api/v1/registry/devices/dev-c1', RECORD.devices);
    const device = await connectClient(app.mqttUrl, 'dev-c1');
    await device.publishAsync(
      deviceTopic('dev-c1', 'status'),
      JSON.stringify({ ts: T0, state: 'online', model: 'MFP-C300', reportingIntervalMs: 60000 }),
      { qos: 1 },
    );
    await device.publishAsync(
      deviceTopic('dev-c1', 'telemetry'),
      JSON.stringify([
        { ts: T0 + 1000, counters: { 'pages.total': 10 }, gauges: { 'fuser.temp_c': 180 } },
        { ts: T0 + 2000, counters: { 'pages.total': 20 } },
      ]),
      { qos: 1 },
    );
    await device.publishAsync(
      deviceTopic('dev-c1', 'events'),
      JSON.stringify({
        ts: T0 + 3000,
        type: 'fault.raised',
        code: 'F-301',
        component: 'fuser',
        severity: 'machine-down',
      }),
      { qos: 1 },
    );
    await device.publishAsync('fleet/v1/dev-c1/logs', '{}', { qos: 1 });
    await device.endAsync();
    await eventually(async () => {
      const r = await app.get<{ data: unknown[] }>(`/api/v1/events?from=${T0}&to=${T0 + DAY}`);
      return r.body.data.length >= 2 ? true : undefined;
    });
    // the machine-down fault opened a work order
    await eventually(async () =>
      (await app.get('/api/v1/work-orders/WO-000001')).status === 200 ? true : undefined,
    );
  });
  afterAll(async () => {
    await app.stop();
  });

  it('is OpenAPI 3.1 with a schema for every parameter, request body and answer', () => {
    expect(doc.openapi).toBe('3.1.0');
    const missing: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method.toUpperCase()} ${path}`;
        for (const p of op.parameters ?? []) if (!p.schema) missing.push(`${where} parameter ${p.name}`);
        for (const [type, c] of Object.entries(op.requestBody?.content ?? {}))
          if (!c.schema) missing.push(`${where} body ${type}`);
        const answers = Object.entries(op.responses);
        if (!answers.some(([status]) => status.startsWith('2'))) missing.push(`${where}: no 2xx answer`);
        for (const [status, r] of answers) {
          if (status === '204') continue;
          // a stream of server-sent events has the schema of each event's data
          if (!(r.content?.['application/json'] ?? r.content?.['text/event-stream'])?.schema)
            missing.push(`${where} ${status}: no JSON schema`);
        }
      }
    }
    expect(missing).toEqual([]);
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/[A-Za-z]+/g) ?? [];
    for (const ref of new Set(refs)) expect(doc.components.schemas).toHaveProperty(ref.split('/').pop()!);
  });

  it('answers every operation with a body its schema accepts', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const covered = new Set<string>();
    const alarm = await eventually(async () => {
      const r = await app.get<{ data: Array<{ id: string }> }>(
        '/api/v1/alarms?deviceId=dev-c1&type=fault:F-301',
      );
      return r.body.data[0]?.id;
    });
    const rule = async (): Promise<string> =>
      (await app.get<Array<{ id: string }>>('/api/v1/alarm-notification-rules')).body[0].id;
    let token = '';
    for (const [method, template, call, body] of CALLS) {
      const withSignal = call.includes('{first}')
        ? call.replace(
            '{first}',
            (await app.get<{ data: Array<{ id: string }> }>('/api/v1/signals')).body.data[0].id,
          )
        : call;
      const path = withSignal
        .replace('{alarm}', alarm)
        .replace('{rule}', withSignal.includes('{rule}') ? await rule() : '');
      const op = doc.paths[template]?.[method];
      expect([method, template, op !== undefined]).toEqual([method, template, true]);
      covered.add(`${method} ${template}`);
      if (template === '/api/v1/feedback/requests/{id}/reissue')
        // the request is written by a listener of the completion
        await eventually(async () =>
          (await app.get('/api/v1/feedback/requests/FB-000001')).status === 200 ? true : undefined,
        );
      const res =
        template === '/api/v1/live'
          ? await firstServerSentEvent(app.httpUrl + path, bearer(app.adminKey))
          : template === '/api/v1/dispatch/technicians/{id}/days/{day}'
            ? await app.get(
                path +
                  (await app.get<{ proposals: Array<{ day: string }> }>('/api/v1/dispatch/orders/WO-000002'))
                    .body.proposals[0].day,
              )
            : template === '/api/v1/predictions/models/{version}'
              ? await app.get(
                  path +
                    (await app.get<{ data: Array<{ version: string }> }>('/api/v1/predictions/models')).body
                      .data[0].version,
                )
              : template.startsWith('/api/v1/feedback/links/')
                ? await app.request(method.toUpperCase(), path + token, body, { authorization: '' })
                : template === '/api/v1/history/import'
                  ? await app.request(
                      'POST',
                      `${path}?mapping=${encodeURIComponent(JSON.stringify({ columns: { device: 'd', time: 't', type: 'e' }, types: { F: 'fault.raised' }, defaults: { code: 'X', severity: 'minor' } }))}`,
                      'd,t,e\ndev-c1,2026-01-05T10:00:00Z,F\n',
                      { 'content-type': 'text/csv' },
                    )
                  : template === '/api/v1/kpis/refresh/jobs/{jobId}'
                    ? await app.get(
                        (
                          await app.request<{ jobId: string }>('POST', '/api/v1/kpis/refresh?wait=0')
                        ).headers.get('location')!,
                      )
                    : template === '/api/v1/provisioning'
                      ? await app.request('POST', path, body, { authorization: `Bearer ${provisioningKey}` })
                      : await app.request(method.toUpperCase(), path, body);
      if (template === '/api/v1/feedback/requests/{id}/reissue')
        token = (res.body as { link: string }).link.split('/').pop()!;
      const status = String(res.status);
      expect([method, path, status, op.responses[status] !== undefined]).toEqual([
        method,
        path,
        status,
        true,
      ]);
      expect([method, path, res.status < 300]).toEqual([method, path, true]);
      const content = op.responses[status].content;
      const schema = (content?.['application/json'] ?? content?.['text/event-stream'])?.schema;
      if (!schema) continue;
      const validate = ajv.compile({ ...schema, components: doc.components });
      const ok = validate(res.body);
      expect([method, path, ok ? [] : validate.errors]).toEqual([method, path, []]);
    }
    const operations = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m} ${p}`),
    );
    // a new endpoint gets a call above: its answers are checked against its schema too
    expect(operations.filter((o) => !covered.has(o))).toEqual([]);
  });

  it(`matches the committed client types (${API_TYPES_FILE}); run npm run api:types when it does not`, async () => {
    expect(await apiTypes(doc)).toBe(readFileSync(API_TYPES_FILE, 'utf8'));
  });

  it('serves the typed client: paths, parameters and answers as the document says', async () => {
    const api = createApiClient(app.httpUrl, fetch, app.adminKey);
    const found = await api.GET('/api/v1/devices/{deviceId}', { params: { path: { deviceId: 'dev-c1' } } });
    expect(found.data?.model).toBe('MFP-C300');
    const missing = await api.GET('/api/v1/devices/{deviceId}', { params: { path: { deviceId: 'nobody' } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error?.error).toBe('not_found');
    const page = await api.GET('/api/v1/devices', { params: { query: { limit: 1, online: true } } });
    expect(page.data?.data).toHaveLength(1);
  });
});
