import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { createApiClient } from '../src/api-client/api-client.js';
import { ApiKeyService } from '../src/api-keys/api-key.service.js';
import { DeviceIdentityService } from '../src/device-identity/device-identity.service.js';
import { deviceTopic } from '../src/contract/index.js';
import { API_TYPES_FILE, apiTypes } from '../scripts/api-types.js';
import { connectClient, eventually, startTestApp, type TestApp } from './helpers/test-app.js';

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
];

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
          if (!r.content?.['application/json']?.schema) missing.push(`${where} ${status}: no JSON schema`);
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
    for (const [method, template, path, body] of CALLS) {
      const op = doc.paths[template]?.[method];
      expect([method, template, op !== undefined]).toEqual([method, template, true]);
      covered.add(`${method} ${template}`);
      const res =
        template === '/api/v1/history/import'
          ? await app.request(
              'POST',
              `${path}?mapping=${encodeURIComponent(JSON.stringify({ columns: { device: 'd', time: 't', type: 'e' }, types: { F: 'fault.raised' }, defaults: { code: 'X', severity: 'minor' } }))}`,
              'd,t,e\ndev-c1,2026-01-05T10:00:00Z,F\n',
              { 'content-type': 'text/csv' },
            )
          : template === '/api/v1/predictions/models/{version}'
            ? await app.get(
                path +
                  (await app.get<{ data: Array<{ version: string }> }>('/api/v1/predictions/models')).body
                    .data[0].version,
              )
            : template === '/api/v1/kpis/refresh/jobs/{jobId}'
              ? await app.get(
                  (await app.request<{ jobId: string }>('POST', '/api/v1/kpis/refresh?wait=0')).headers.get(
                    'location',
                  )!,
                )
              : template === '/api/v1/provisioning'
                ? await app.request('POST', path, body, { authorization: `Bearer ${provisioningKey}` })
                : await app.request(method.toUpperCase(), path, body);
      const status = String(res.status);
      expect([method, path, status, op.responses[status] !== undefined]).toEqual([
        method,
        path,
        status,
        true,
      ]);
      expect([method, path, res.status < 300]).toEqual([method, path, true]);
      const schema = op.responses[status].content?.['application/json']?.schema;
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
