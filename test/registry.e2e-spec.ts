import Database from 'better-sqlite3';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { deviceTopic } from '../src/contract/index.js';
import { connectClient, eventually, startTestApp, type TestApp } from './helpers/test-app.js';
import { tempDir } from './helpers/temp-dir.js';

interface Report {
  rows: number;
  accepted: number;
  rejected: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: Array<{ line: number; id?: string; reason: string }>;
}

const MODEL = {
  modelId: 'MFP-C300',
  name: 'Office multifunction, 35 ppm',
  kind: 'copier',
  usageUnit: 'pages',
  ratedMonthlyDuty: 20000,
  successorModelId: 'MFP-C500',
  components: [
    { name: 'fuser', expectedLife: 300000 },
    { name: 'pickup_roller', expectedLife: 150000 },
  ],
};

describe('Fleet registry over HTTP', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ REGISTRY_REGISTER_FROM_BIRTH: 'true' });
  });
  afterAll(() => app.stop());

  it('creates, reads, changes and deletes records, with references enforced', async () => {
    expect((await app.request('POST', '/api/v1/registry/models', MODEL)).status).toBe(201);
    const model = await app.get<Record<string, unknown>>('/api/v1/registry/models/MFP-C300');
    expect(model.body).toEqual({ ...MODEL, usageMetric: 'pages.total' });
    expect((await app.request('POST', '/api/v1/registry/models', MODEL)).status).toBe(409);

    // a site of a customer that does not exist
    const orphan = await app.request<{ message: string }>('POST', '/api/v1/registry/sites', {
      siteId: 'S-1',
      customerId: 'C-1',
      name: 'HQ',
    });
    expect(orphan.status).toBe(400);
    expect(orphan.body.message).toContain('customer C-1 is not registered');

    await app.request('POST', '/api/v1/registry/customers', { customerId: 'C-1', name: 'Alder Legal' });
    const site = await app.request('POST', '/api/v1/registry/sites', {
      siteId: 'S-1',
      customerId: 'C-1',
      name: 'HQ',
      lat: 45.76,
      lon: 4.83,
      departments: ['Floor 1', 'Floor 2'],
    });
    expect(site.status).toBe(201);

    const device = {
      deviceId: 'dev-1',
      serial: 'SN-1',
      modelId: 'MFP-C300',
      siteId: 'S-1',
      installDate: '2025-03-01',
      contractType: 'full-service',
      contractEnd: '2028-02-29',
    };
    expect((await app.request('PUT', '/api/v1/registry/devices/dev-1', device)).status).toBe(200);
    const patched = await app.request<Record<string, unknown>>('PATCH', '/api/v1/registry/devices/dev-1', {
      department: 'Floor 2',
      contractEnd: null,
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ department: 'Floor 2', registeredBy: 'api' });
    expect(patched.body).not.toHaveProperty('contractEnd');

    const byCustomer = await app.get<{ data: Array<{ deviceId: string }> }>(
      '/api/v1/registry/devices?customerId=C-1',
    );
    expect(byCustomer.body.data.map((d) => d.deviceId)).toEqual(['dev-1']);

    const referenced = await app.request<{ message: string }>('DELETE', '/api/v1/registry/sites/S-1');
    expect(referenced.status).toBe(409);
    expect((await app.request('DELETE', '/api/v1/registry/devices/dev-1')).status).toBe(204);
    expect((await app.request('DELETE', '/api/v1/registry/sites/S-1')).status).toBe(204);
    expect((await app.get('/api/v1/registry/sites/S-1')).status).toBe(404);
  });

  it.each([
    ['an unknown field', { colour: 'red' }, 'unknown field "colour"'],
    [
      'a date that does not exist',
      { installDate: '2026-02-30' },
      'installDate: "2026-02-30" is not a real date',
    ],
    ['a contract type out of the list', { contractType: 'gold' }, 'contractType: must be one of'],
    [
      'removal before installation',
      { removedDate: '2020-01-01' },
      'removedDate: must not be before installDate',
    ],
  ])('answers 400 with the reason for %s', async (_name, change, reason) => {
    const res = await app.request<{ error: string; message: string }>('POST', '/api/v1/registry/devices', {
      deviceId: 'dev-bad',
      serial: 'SN',
      modelId: 'MFP-C300',
      installDate: '2025-01-01',
      contractType: 'warranty',
      ...change,
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_argument');
    expect(res.body.message).toContain(reason);
  });

  it('imports CSV, reports bad rows by line, keeps the good ones, and changes nothing the second time', async () => {
    await app.request('PUT', '/api/v1/registry/customers/C-2', { name: 'Birch Foods' });
    const sites = [
      'siteId,customerId,name,address,lat,lon,departments',
      'S-20,C-2,Depot,"1 Quay St, Leeds",53.8,-1.55,Floor 1;Floor 2',
      'S-21,C-404,Nowhere,,,,',
      'S-22,C-2,Office,,999,0,',
      'S-23,C-2,"broken',
    ].join('\n');
    const csv = { 'content-type': 'text/csv' };
    const first = await app.request<Report>('POST', '/api/v1/registry/sites/import', sites, csv);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ rows: 4, accepted: 1, rejected: 3, created: 1 });
    expect(first.body.errors.map((e) => e.line)).toEqual([3, 4, 5]);
    expect(first.body.errors[0].reason).toContain('customer C-404 is not registered');
    expect(first.body.errors[1].reason).toContain('lat');
    const site = await app.get<Record<string, unknown>>('/api/v1/registry/sites/S-20');
    expect(site.body).toMatchObject({
      address: '1 Quay St, Leeds',
      lat: 53.8,
      departments: ['Floor 1', 'Floor 2'],
    });

    const again = await app.request<Report>('POST', '/api/v1/registry/sites/import', sites, csv);
    expect(again.body).toMatchObject({ accepted: 1, created: 0, updated: 0, unchanged: 1 });
  });

  it('imports models from CSV with components, and devices from a JSON array', async () => {
    const models = [
      'modelId,name,kind,usageUnit,ratedMonthlyDuty,components',
      'RT-50,Rooftop unit 50 kW,hvac,hours,500,compressor:40000;supply_fan:30000',
    ].join('\n');
    const m = await app.request<Report>('POST', '/api/v1/registry/models/import', models, {
      'content-type': 'text/csv',
    });
    expect(m.body).toMatchObject({ accepted: 1, rejected: 0 });
    const rt = await app.get<Record<string, unknown>>('/api/v1/registry/models/RT-50');
    expect(rt.body).toMatchObject({
      usageMetric: 'run_hours',
      ratedMonthlyDuty: 500,
      components: [
        { name: 'compressor', expectedLife: 40000 },
        { name: 'supply_fan', expectedLife: 30000 },
      ],
    });

    const devices = [
      {
        deviceId: 'hvac-1',
        serial: 'R1',
        modelId: 'RT-50',
        installDate: '2024-05-01',
        contractType: 'warranty',
      },
      {
        deviceId: 'hvac-2',
        serial: 'R2',
        modelId: 'NOPE',
        installDate: '2024-05-01',
        contractType: 'warranty',
      },
      'not an object',
    ];
    const d = await app.request<Report>('POST', '/api/v1/registry/devices/import', devices);
    expect(d.body).toMatchObject({ rows: 3, accepted: 1, rejected: 2 });
    expect(d.body.errors.map((e) => [e.line, e.id])).toEqual([
      [2, 'hvac-2'],
      [3, undefined],
    ]);
    const hvac = await app.get<Record<string, unknown>>('/api/v1/registry/devices/hvac-1');
    expect(hvac.body).toMatchObject({ registeredBy: 'import' });
  });

  it('registers a device from its birth when its model is known, and lists the others as unknown', async () => {
    const known = await connectClient(app.mqttUrl, 'birth-known');
    const stranger = await connectClient(app.mqttUrl, 'birth-stranger');
    const ts = Date.UTC(2026, 5, 1, 8);
    await known.publishAsync(
      deviceTopic('birth-known', 'status'),
      JSON.stringify({ state: 'online', ts, model: 'MFP-C300', serial: 'SN-77' }),
      { qos: 1 },
    );
    await stranger.publishAsync(
      deviceTopic('birth-stranger', 'status'),
      JSON.stringify({ state: 'online', ts, model: 'XYZ-1' }),
      { qos: 1 },
    );
    const registered = await eventually(async () => {
      const res = await app.get<Record<string, unknown>>('/api/v1/registry/devices/birth-known');
      return res.status === 200 ? res.body : undefined;
    });
    expect(registered).toMatchObject({
      serial: 'SN-77',
      modelId: 'MFP-C300',
      installDate: new Date(ts).toISOString(),
      registeredBy: 'birth',
    });
    const unknown = await eventually(async () => {
      const res = await app.get<{ data: Array<{ deviceId: string; registered: boolean }> }>(
        '/api/v1/devices?registered=false',
      );
      return res.body.data.some((d) => d.deviceId === 'birth-stranger') ? res.body.data : undefined;
    });
    expect(unknown.map((d) => d.deviceId)).not.toContain('birth-known');
    const known2 = await app.get<{ data: Array<{ deviceId: string; registered: boolean }> }>(
      '/api/v1/devices?registered=true',
    );
    expect(known2.body.data.map((d) => d.deviceId)).toContain('birth-known');
    expect(known2.body.data.map((d) => d.deviceId)).not.toContain('birth-stranger');
    expect((await app.get<{ registered: boolean }>('/api/v1/devices/birth-known')).body.registered).toBe(
      true,
    );
    // filtered pages follow each other: one device a page, the cursor carries on past the registered ones
    const first = await app.get<{ data: Array<{ deviceId: string }>; nextCursor: string | null }>(
      '/api/v1/devices?registered=false&limit=1',
    );
    expect(first.body.data).toHaveLength(1);
    if (first.body.nextCursor) {
      const next = await app.get<{ data: Array<{ deviceId: string }> }>(
        `/api/v1/devices?registered=false&limit=1&cursor=${first.body.nextCursor}`,
      );
      expect(next.body.data.map((d) => d.deviceId)).not.toContain(first.body.data[0].deviceId);
      expect(next.body.data.map((d) => d.deviceId)).not.toContain('birth-known');
    }
    expect((await app.get('/api/v1/registry/devices/birth-stranger')).status).toBe(404);
    const metrics = (await app.get<string>('/metrics')).text;
    expect(metrics).toMatch(/fleet_registry_births_total\{outcome="registered"\} 1/);
    expect(metrics).toMatch(/fleet_registry_births_total\{outcome="unknown_model"\} 1/);
    await Promise.all([known.endAsync(), stranger.endAsync()]);
  });
});

describe('Registry schema migrations', () => {
  it('brings a registry file from the first schema version up to date, keeping its rows', async () => {
    const dir = tempDir('fleet-migrate-');
    mkdirSync(dir.path, { recursive: true });
    // a registry as the first release wrote it: schema version 1
    const old = new Database(join(dir.path, 'registry.sqlite'));
    old.exec(`CREATE TABLE devices_seen (device_id TEXT PRIMARY KEY, first_seen INTEGER NOT NULL,
      last_seen INTEGER NOT NULL, online INTEGER, status_changed_at INTEGER, model TEXT, firmware TEXT, serial TEXT);
      CREATE TABLE dead_letters (id INTEGER PRIMARY KEY AUTOINCREMENT, received_at INTEGER NOT NULL,
      reason TEXT NOT NULL, detail TEXT NOT NULL, topic TEXT NOT NULL, device_id TEXT, payload TEXT NOT NULL,
      payload_bytes INTEGER NOT NULL);
      INSERT INTO devices_seen VALUES ('old-1', 1, 2, 1, 1, 'MFP-C300', '1.0', 'SN');
      PRAGMA user_version = 1;`);
    old.close();
    const app = await startTestApp({}, dir.path);
    try {
      const seen = await app.get<{ registered: boolean }>('/api/v1/devices/old-1');
      expect(seen.body).toMatchObject({ registered: false });
      expect(
        (await app.request('POST', '/api/v1/registry/customers', { customerId: 'C', name: 'C' })).status,
      ).toBe(201);
    } finally {
      await app.stop();
      dir.remove();
    }
  });
});
