import { deviceTopic } from '../src/contract/index.js';
import { connectClient, eventually, startTestApp, type TestApp } from './helpers/test-app.js';

interface ApiError {
  error: string;
  message: string;
}
interface Report {
  rows: number;
  accepted: number;
  rejected: number;
  errors: Array<{ line: number; reason: string }>;
}

const T0 = Date.UTC(2026, 0, 5);

describe('HTTP API consistency (issue 10)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ KPI_REFRESH_INTERVAL_MS: '0' });
    await app.request('PUT', '/api/v1/registry/customers/C-1', { name: 'Acme' });
    await app.request('PUT', '/api/v1/registry/models/MFP-C300', {
      name: 'Office MFP',
      kind: 'copier',
      usageUnit: 'pages',
      ratedMonthlyDuty: 20000,
      components: [{ name: 'fuser', expectedLife: 300000 }],
    });
    await app.request('PUT', '/api/v1/registry/devices/reg-only', {
      serial: 'R1',
      modelId: 'MFP-C300',
      installDate: '2025-06-01',
      contractType: 'warranty',
    });
    const device = await connectClient(app.mqttUrl, 'dev-h1');
    await device.publishAsync(
      deviceTopic('dev-h1', 'telemetry'),
      JSON.stringify({ ts: T0, counters: { 'pages.total': 1 } }),
      { qos: 1 },
    );
    await device.endAsync();
    await eventually(async () =>
      (await app.get('/api/v1/devices/dev-h1')).status === 200 ? true : undefined,
    );
  });
  afterAll(async () => {
    await app.stop();
  });

  describe('unknown devices', () => {
    it.each([
      '/api/v1/devices/ghost-1',
      '/api/v1/devices/ghost-1/metrics',
      '/api/v1/devices/ghost-1/telemetry/pages.total',
      '/api/v1/devices/ghost-1/telemetry/pages.total?window=1h',
      '/api/v1/devices/ghost-1/events',
      '/api/v1/events?deviceId=ghost-1',
    ])('answer 404 not_found at %s', async (path) => {
      const res = await app.get<ApiError>(path);
      expect([res.status, res.body.error]).toEqual([404, 'not_found']);
      expect(res.body.message).toContain('ghost-1');
    });

    it.each([
      ['seen on MQTT', '/api/v1/devices/dev-h1/metrics'],
      ['registered, never seen', '/api/v1/devices/reg-only/events'],
      ['registered, never seen', '/api/v1/devices/reg-only/telemetry/pages.total'],
    ])('answer 200 when %s (%s)', async (_why, path) => {
      expect((await app.get(path)).status).toBe(200);
    });
  });

  describe('times outside what a date can hold', () => {
    const paths = [
      '/api/v1/devices/dev-h1/telemetry/pages.total',
      '/api/v1/devices/dev-h1/telemetry/pages.total?window=1d&',
      '/api/v1/devices/dev-h1/events',
      '/api/v1/events',
      '/api/v1/kpis',
    ];
    it.each(
      paths.flatMap((p) =>
        ['from=-99999999999999999', 'to=8640000000000001', 'from=275760-09-14'].map((q) => [
          `${p}${p.includes('?') ? (p.endsWith('&') ? '' : '&') : '?'}${q}`,
        ]),
      ),
    )('answer 400 invalid_argument at %s', async (path) => {
      const res = await app.get<ApiError>(path);
      expect([res.status, res.body.error]).toEqual([400, 'invalid_argument']);
      expect(res.body.message).toMatch(/from|to/);
    });
  });

  describe('CSV on every list the README says answers CSV', () => {
    it.each([
      ['/api/v1/devices', 'deviceId,online,registered'],
      ['/api/v1/registry/customers', 'customerId,name,country,contactEmail'],
      ['/api/v1/registry/sites', 'siteId,customerId,name'],
      ['/api/v1/registry/models', 'modelId,name,kind'],
      ['/api/v1/registry/devices', 'deviceId,serial,modelId'],
      ['/api/v1/kpis', 'from,to,devices,failures,mtbfMs'],
      ['/api/v1/dead-letters', 'id,receivedAt,reason'],
      ['/api/v1/events', 'time,ts,deviceId,type'],
      [`/api/v1/devices/dev-h1/telemetry/pages.total?from=${T0}`, 'time,ts,value'],
    ])('%s', async (path, header) => {
      const q = path.includes('?') ? '&' : '?';
      const res = await app.get(`${path}${q}format=csv`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/csv');
      expect(res.text.split('\r\n')[0]).toMatch(new RegExp(`^${header}`));
      // and by Accept
      const accepted = await app.get(path, { accept: 'text/csv' });
      expect(accepted.headers.get('content-type')).toContain('text/csv');
    });

    it('writes registry lists so the CSV import reads them back', async () => {
      await app.request('PUT', '/api/v1/registry/sites/S-1', {
        customerId: 'C-1',
        name: 'HQ, Leeds',
        departments: ['Floor 1', 'Floor 2'],
      });
      const csv = (await app.get('/api/v1/registry/models?format=csv')).text;
      expect(csv).toContain('fuser:300000');
      const sites = (await app.get('/api/v1/registry/sites?format=csv')).text;
      expect(sites).toContain('"HQ, Leeds"');
      const back = await app.request<Report>('POST', '/api/v1/registry/sites/import', sites, {
        'content-type': 'text/csv',
      });
      expect(back.body).toMatchObject({ accepted: 1, rejected: 0 });
    });

    it('refuses format=csv where the endpoint does not answer CSV, instead of ignoring it', async () => {
      const res = await app.get<ApiError>('/api/v1/devices/dev-h1?format=csv');
      expect([res.status, res.body.error]).toEqual([400, 'invalid_argument']);
      expect(res.body.message).toContain('unknown query parameter "format"');
    });
  });

  describe('one set of error codes', () => {
    it.each<[string, () => Promise<{ status: number; body: unknown }>, number, string]>([
      ['an unknown route', () => app.get('/api/v1/nothing-here'), 404, 'not_found'],
      [
        'a body that is not JSON',
        () =>
          app.request('POST', '/api/v1/registry/customers', '{"name":', {
            'content-type': 'application/json',
          }),
        400,
        'invalid_argument',
      ],
      ['a typo in a query parameter', () => app.get('/api/v1/devices?limt=5'), 400, 'invalid_argument'],
      [
        'a body too large',
        () =>
          app.request(
            'POST',
            '/api/v1/registry/customers/import',
            JSON.stringify('x'.repeat(17 * 1024 * 1024)),
            {
              'content-type': 'application/json',
            },
          ),
        413,
        'payload_too_large',
      ],
    ])('%s answers %i %s', async (_what, call, status, code) => {
      const res = await call();
      expect(res.status).toBe(status);
      expect(res.body).toEqual({ error: code, message: expect.any(String) as string });
    });
  });

  describe('registry CSV uploads', () => {
    it('tells a CSV sent without Content-Type: text/csv how to send it', async () => {
      const csv = 'customerId,name\nC-9,Nine\n';
      const plain = await app.request<ApiError>('POST', '/api/v1/registry/customers/import', csv, {
        'content-type': 'text/plain',
      });
      expect([plain.status, plain.body.error]).toEqual([415, 'unsupported_media_type']);
      expect(plain.body.message).toContain('Content-Type: text/csv');
      // bytes, so fetch adds no Content-Type of its own
      const none = await fetch(`${app.httpUrl}/api/v1/registry/customers/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${app.adminKey}` },
        body: Buffer.from(csv),
      });
      expect(none.status).toBe(415);
      expect(((await none.json()) as ApiError).message).toContain('got no Content-Type');
      const object = await app.request<ApiError>('POST', '/api/v1/registry/customers/import', {
        customerId: 'C-9',
      });
      expect([object.status, object.body.message]).toEqual([
        400,
        'body must be a JSON array of records; to upload CSV, send Content-Type: text/csv',
      ]);
    });

    it('keeps the good row after an unterminated quote, refuses invalid UTF-8 by line, and a duplicate column', async () => {
      const csv = { 'content-type': 'text/csv', authorization: `Bearer ${app.adminKey}` };
      const body = Buffer.concat([
        Buffer.from('customerId,name\nC-10,"Ten\nC-11,Eleven\nC-12,Tw'),
        Buffer.from([0xe9]),
        Buffer.from('lve\nC-13,Thirteen\n'),
      ]);
      const res = await fetch(`${app.httpUrl}/api/v1/registry/customers/import`, {
        method: 'POST',
        headers: csv,
        body,
      });
      const report = (await res.json()) as Report;
      expect(report).toMatchObject({ rows: 4, accepted: 2, rejected: 2 });
      expect(report.errors).toEqual([
        { line: 2, reason: expect.stringContaining('unterminated quote') as string },
        { line: 4, reason: expect.stringContaining('not valid UTF-8') as string },
      ]);
      expect((await app.get('/api/v1/registry/customers/C-11')).status).toBe(200);
      expect((await app.get('/api/v1/registry/customers/C-13')).status).toBe(200);

      const dup = await app.request<ApiError>(
        'POST',
        '/api/v1/registry/customers/import',
        'customerId,name,name\nC-14,a,b\n',
        csv,
      );
      expect([dup.status, dup.body.error]).toEqual([400, 'invalid_argument']);
      expect(dup.body.message).toContain('names column "name" twice');
    });
  });
});
