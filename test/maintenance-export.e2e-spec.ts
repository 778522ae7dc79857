import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runImportCli } from '../scripts/fleet-import-cli.js';
import { deviceTopic } from '../src/contract/index.js';
import type { ReliabilityKpis } from '../src/reliability/reliability-kpis.js';
import { tempDir } from './helpers/temp-dir.js';
import { connectClient, eventually, startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * A small made-up export of the shape of a public predictive-maintenance data set,
 * imported as a new user would: one CSV per record kind (machines with model and age,
 * failures at hourly resolution, maintenance, minor errors), the columns as they come.
 * Every expected figure is worked out by hand in the comments.
 */
const H = 3_600_000;
const DAY = 24 * H;
const JAN = Date.UTC(2015, 0, 1);
const FEB = Date.UTC(2015, 1, 1);
const MAR = Date.UTC(2015, 2, 1);

const FILES = {
  'models.csv': [
    'model,parts',
    'model1,comp1;comp2;comp3;comp4',
    'model2,comp1;comp2;comp3;comp4',
    'model3,comp1;comp2;comp3;comp4',
    'model4,comp1;comp2;comp3',
  ],
  // machine 3 is 30 years old: its install date is far behind its first event
  'machines.csv': ['machineID,model,age', '1,model1,3', '2,model2,0.5', '3,model3,30', '4,model4,1'],
  'failures.csv': [
    'datetime,machineID,failure',
    '2015-01-05 06:00:00,1,comp2',
    '2015-01-10 06:00:00,2,comp1',
    '2015-01-15 06:00:00,3,comp3',
    '2015-01-20 06:00:00,1,comp4',
    '2015-02-30 06:00:00,2,comp1', // line 6: no such day
    '2015-01-12 06:00:00,2,', // line 7: no component
    '2015-01-13 06:00:00,2,comp 9', // line 8: not a component name
    '2015-01-14 06:00:00,4,comp4', // line 9: model4 has no comp4
  ],
  'failures-restored.csv': [
    'datetime,machineID,failure,hours,part',
    '2015-02-03 06:00:00,2,comp1,4,comp1',
    '2015-02-10 06:00:00,4,comp2,2,',
  ],
  'maint.csv': ['datetime,machineID,comp', '2015-01-05 06:00:00,1,comp2', '2015-01-20 06:00:00,1,comp4'],
  'errors.csv': [
    'datetime,machineID,errorID',
    '2015-01-03 07:00:00,1,error1',
    '2015-01-09 12:00:00,3,error4',
  ],
};

const MAPPINGS = {
  models: {
    columns: { modelId: 'model', name: 'model', components: 'parts' },
    defaults: { kind: 'industrial', usageUnit: 'hours' },
  },
  machines: {
    columns: { deviceId: 'machineID', modelId: 'model' },
    age: { column: 'age', asOf: '2015-01-01' },
  },
  // the failures file imported twice, once for the failure and once for the restore, same timestamps
  raised: {
    columns: { device: 'machineID', time: 'datetime', component: 'failure' },
    defaults: { type: 'fault.raised', severity: 'machine-down' },
  },
  cleared: {
    columns: { device: 'machineID', time: 'datetime', component: 'failure' },
    defaults: { type: 'fault.cleared' },
  },
  // one row, several events: failed, part fitted when there is one, restored after the duration
  restored: {
    columns: { device: 'machineID', time: 'datetime', component: 'failure', duration: 'hours' },
    events: [
      { type: 'fault.raised', severity: 'machine-down' },
      { type: 'part.replaced', at: 'restored', when: 'part', component: 'part' },
      { type: 'fault.cleared', at: 'restored' },
    ],
  },
  maint: {
    columns: { device: 'machineID', time: 'datetime', component: 'comp' },
    defaults: { type: 'part.replaced' },
  },
  errors: {
    columns: { device: 'machineID', time: 'datetime', code: 'errorID' },
    defaults: { type: 'fault.raised', severity: 'minor' },
  },
};

interface Report {
  accepted: number;
  rejected: number;
  events: number;
  errors: Array<{ line: number; reason: string }>;
  warnings: Array<{ line: number; reason: string; rows: number }>;
}
interface KpiAnswer {
  computedThrough: number;
  kpis: ReliabilityKpis;
  periods?: ReliabilityKpis[];
}

describe('A predictive-maintenance export (machines, failures, maintenance, errors), imported as it comes', () => {
  const dir = tempDir('fleet-pdm-');
  let app: TestApp;
  const csv = (name: keyof typeof FILES): string => FILES[name].join('\n') + '\n';
  const importRegistry = (collection: string, file: keyof typeof FILES, mapping: object) =>
    app.request<Report>(
      'POST',
      `/api/v1/registry/${collection}/import?mapping=${encodeURIComponent(JSON.stringify(mapping))}`,
      csv(file),
      {
        'content-type': 'text/csv',
      },
    );
  const importHistory = (file: keyof typeof FILES, mapping: object, query = '') =>
    app.request<Report>(
      'POST',
      `/api/v1/history/import?mapping=${encodeURIComponent(JSON.stringify(mapping))}${query}`,
      csv(file),
      {
        'content-type': 'text/csv',
      },
    );
  const kpis = async (query: string): Promise<KpiAnswer> => {
    const res = await app.get<KpiAnswer>(`/api/v1/kpis?${query}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const refresh = async (): Promise<Record<string, unknown>> => {
    const res = await app.request<Record<string, unknown>>('POST', '/api/v1/kpis/refresh');
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    app = await startTestApp({ KPI_REFRESH_INTERVAL_MS: '0' });
  });
  afterAll(async () => {
    await app.stop();
    dir.remove();
  });

  it('registers models and machines from the files as they are: no serial, contract, rated duty or lives; install date from the age', async () => {
    expect((await importRegistry('models', 'models.csv', MAPPINGS.models)).body).toMatchObject({
      accepted: 4,
      rejected: 0,
    });
    expect((await importRegistry('devices', 'machines.csv', MAPPINGS.machines)).body).toMatchObject({
      accepted: 4,
      rejected: 0,
    });
    const m3 = await app.get<{ installDate: string; serial?: string }>('/api/v1/registry/devices/3');
    expect(m3.body.installDate).toBe('1985-01-01');
    expect(m3.body.serial).toBeUndefined();
    expect((await app.get<{ installDate: string }>('/api/v1/registry/devices/2')).body.installDate).toBe(
      '2014-07-01',
    );
    // what is given is still checked, and the message names the file's column
    const bad = await app.request<Report>(
      'POST',
      `/api/v1/registry/devices/import?mapping=${encodeURIComponent(JSON.stringify(MAPPINGS.machines))}`,
      'machineID,model,age\n9,model9,2\n10,model1,-1\n',
      { 'content-type': 'text/csv' },
    );
    expect(bad.body.errors.map((e) => e.reason)).toEqual([
      'modelId: model model9 is not registered',
      '"-1" in column "age" is not an age (a number of years, 0 or more)',
    ]);
  });

  it('refuses impossible dates, empty and malformed components and unknown components, naming the column and cell', async () => {
    const res = await importHistory('failures.csv', MAPPINGS.raised);
    expect(res.body).toMatchObject({ accepted: 4, rejected: 4, events: 4 });
    expect(res.body.errors).toEqual([
      {
        line: 6,
        id: '2',
        reason: '"2015-02-30 06:00:00" in column "datetime" is not a real date: February 2015 has 28 days',
      },
      { line: 7, id: '2', reason: 'the "failure" cell is empty: fault.raised needs a fault code' },
      {
        line: 8,
        id: '2',
        reason:
          '"comp 9" in column "failure" is not a valid component: letters, digits and _ . : / - (no spaces), starting with a letter or digit, at most 64 characters',
      },
      {
        line: 9,
        id: '4',
        reason:
          'component "comp4" is not one of model model4 (it has comp1, comp2, comp3): add it to the model, or import with unknownComponents=warn',
      },
    ]);
  });

  it('closes each failure by its clear at the same instant: availability 1, MTBF the whole up time per failure, MTTR 0', async () => {
    expect((await importHistory('failures.csv', MAPPINGS.cleared)).body).toMatchObject({
      accepted: 4,
      events: 4,
    });
    const run = await refresh();
    // machine 3, installed 30 years ago, costs rows for its days with facts only
    expect(run).toMatchObject({ full: true, devices: 4 });
    expect(run.deviceRows).toBeLessThanOrEqual(8);
    const jan = await kpis(`from=2015-01-01&to=2015-02-01`);
    // 4 machines × 31 days in service, never down
    const up = 4 * 31 * DAY;
    expect(jan.kpis).toMatchObject({
      devices: 4,
      failures: 4,
      repairsEnded: 4,
      upTimeMs: up,
      downTimeMs: 0,
      availability: 1,
      mtbfMs: up / 4,
      mttrMs: 0,
      failuresByComponent: { comp1: 1, comp2: 1, comp3: 1, comp4: 1 },
    });
    // the component scope knows comp4, which only model 1 to 3 have
    const comp4 = await kpis(`scope=component&id=comp4&from=2015-01-01&to=2015-02-01`);
    expect(comp4.kpis).toMatchObject({ devices: 3, failures: 1, mtbfMs: 3 * 31 * DAY });
  });

  it('answers null usage and MCBF with the reason where no usage counter was ever reported', async () => {
    const jan = await kpis(`from=2015-01-01&to=2015-02-01`);
    expect(jan.kpis.usage).toBeNull();
    expect(jan.kpis.mcbf).toBeNull();
    expect(jan.kpis.reasons.usage).toMatch(/no usage counter reading/);
    expect(jan.kpis.reasons.mcbf).toMatch(/no usage counter reading/);
  });

  it('makes failure, part and restore from one row with a duration', async () => {
    const res = await importHistory('failures-restored.csv', MAPPINGS.restored);
    expect(res.body).toMatchObject({ accepted: 2, rejected: 0, events: 5 });
    await refresh();
    const parts = await app.get<{ data: Array<{ ts: number; component: string }> }>(
      `/api/v1/devices/2/events?type=part.replaced&from=${FEB}&to=${MAR}`,
    );
    expect(parts.body.data.map((e) => [e.ts, e.component])).toEqual([[Date.UTC(2015, 1, 3, 10), 'comp1']]);
    // February: 4 machines × 28 days; down 4 h (machine 2) and 2 h (machine 4)
    const inService = 4 * 28 * DAY;
    const feb = await kpis(`from=2015-02-01&to=2015-03-01`);
    expect(feb.kpis).toMatchObject({
      failures: 2,
      repairsEnded: 2,
      downTimeMs: 6 * H,
      upTimeMs: inService - 6 * H,
      mtbfMs: (inService - 6 * H) / 2,
      mttrMs: 3 * H,
      availability: (inService - 6 * H) / inService,
    });
  });

  it('takes files of one record kind with defaults.type: maintenance and minor errors, which do not count as failures', async () => {
    expect((await importHistory('maint.csv', MAPPINGS.maint)).body).toMatchObject({ accepted: 2, events: 2 });
    expect((await importHistory('errors.csv', MAPPINGS.errors)).body).toMatchObject({
      accepted: 2,
      events: 2,
    });
    await refresh();
    expect((await kpis(`from=2015-01-01&to=2015-02-01`)).kpis).toMatchObject({
      failures: 4,
      repairsEnded: 4,
    });
  });

  it('takes an unknown component with a warning when asked to, through the CLI', async () => {
    const file = join(dir.path, 'failures.csv');
    const mapping = join(dir.path, 'raised.json');
    writeFileSync(file, csv('failures.csv'));
    writeFileSync(mapping, JSON.stringify(MAPPINGS.raised));
    const out: string[] = [];
    const status = await runImportCli(
      [
        'history',
        '--file',
        file,
        '--mapping',
        mapping,
        '--unknown-components',
        'warn',
        '--url',
        app.httpUrl,
        '--quiet',
      ],
      { log: (l) => out.push(l), error: (l) => out.push(l) },
      { FLEET_API_KEY: app.adminKey },
    );
    expect(status).toBe(1); // lines 6 to 8 are still refused
    expect(JSON.parse(out[0])).toMatchObject({ accepted: 5, rejected: 3 });
    expect(out).toContain(
      'warning, line 9: component "comp4" is not one of model model4 (it has comp1, comp2, comp3): taken, but component KPIs do not count it',
    );
  });

  it('serves windows on any hour (06:00 shifts) and day trends in a time zone', async () => {
    await refresh();
    // the 06:00–14:00 shift of 5 January: machine 1's failure at 06:00
    const shift = await kpis(`from=2015-01-05T06:00:00Z&to=2015-01-05T14:00:00Z`);
    expect(shift.kpis).toMatchObject({ failures: 1, upTimeMs: 4 * 8 * H, availability: 1 });
    // Chicago days start at 06:00 UTC in January: each failure opens its local day
    const days = await kpis(`from=2015-01-01&to=2015-02-01&interval=day&tz=America/Chicago`);
    const periods = days.periods!;
    expect(periods).toHaveLength(31);
    expect(periods[0].window.from).toBe(JAN + 6 * H);
    expect(periods[4].window.from).toBe(Date.UTC(2015, 0, 5, 6));
    expect(periods[4].failures).toBe(1);
    expect(periods.reduce((s, p) => s + p.failures, 0)).toBe(days.kpis.failures);
    expect(periods.reduce((s, p) => s + p.upTimeMs, 0)).toBe(days.kpis.upTimeMs);
  });

  it('answers 202 with a job to poll when the refresh outlasts the wait', async () => {
    const before = await kpis(`from=2015-01-01&to=2015-03-01&interval=day&tz=America/Chicago`);
    const res = await app.request<{ jobId: string; status: string }>(
      'POST',
      '/api/v1/kpis/refresh?rebuild=true&wait=0',
    );
    expect(res.status).toBe(202);
    expect(res.headers.get('location')).toBe(`/api/v1/kpis/refresh/jobs/${res.body.jobId}`);
    const job = await eventually(
      async () => {
        const r = await app.get<{ status: string; summary: { full: boolean } | null }>(
          res.headers.get('location')!,
        );
        return r.body.status === 'running' ? undefined : r.body;
      },
      30_000,
      'refresh job',
    );
    expect(job).toMatchObject({ status: 'succeeded', summary: { full: true } });
    expect((await app.get('/api/v1/kpis/refresh/jobs/nope')).status).toBe(404);
    // the rebuild from nothing gives what the runs before had built step by step
    const after = await kpis(`from=2015-01-01&to=2015-03-01&interval=day&tz=America/Chicago`);
    expect(after.kpis).toEqual(before.kpis);
    expect(after.periods).toEqual(before.periods);
  });
});

describe('A device publishing a raise and a clear with one timestamp over MQTT', () => {
  it('gets the repairs, MTBF, MTTR and availability of failures restored at once', async () => {
    const app = await startTestApp({ KPI_REFRESH_INTERVAL_MS: '0' });
    try {
      await app.request('POST', '/api/v1/registry/models', {
        modelId: 'P',
        name: 'P',
        kind: 'printer',
        usageUnit: 'pages',
        components: [{ name: 'fuser' }, { name: 'drum' }],
      });
      const day = Date.now() - (Date.now() % DAY) - 10 * DAY;
      await app.request('POST', '/api/v1/registry/devices', {
        deviceId: 'p-9',
        modelId: 'P',
        installDate: new Date(day).toISOString().slice(0, 10),
      });
      const client = await connectClient(app.mqttUrl, 'p-9');
      const topic = deviceTopic('p-9', 'events');
      const t1 = day + 2 * DAY + 6 * H;
      const t2 = day + 5 * DAY + 6 * H;
      // raise and clear in one batch; then a clear published before its raise, same timestamp
      await client.publishAsync(
        topic,
        JSON.stringify([
          { ts: t1, type: 'fault.raised', code: 'F-1', component: 'fuser', severity: 'machine-down' },
          { ts: t1, type: 'fault.cleared', code: 'F-1', component: 'fuser' },
        ]),
        { qos: 1 },
      );
      await client.publishAsync(
        topic,
        JSON.stringify({ ts: t2, type: 'fault.cleared', code: 'D-2', component: 'drum' }),
        { qos: 1 },
      );
      await client.publishAsync(
        topic,
        JSON.stringify({
          ts: t2,
          type: 'fault.raised',
          code: 'D-2',
          component: 'drum',
          severity: 'machine-down',
        }),
        { qos: 1 },
      );
      await client.endAsync();
      await eventually(
        async () => {
          const r = await app.get<{ data: unknown[] }>(`/api/v1/devices/p-9/events?from=${day}`);
          return r.body.data.length === 4 ? true : undefined;
        },
        10_000,
        'events stored',
      );
      await app.request('POST', '/api/v1/kpis/refresh');
      const to = day + 8 * DAY;
      const res = await app.get<KpiAnswer>(`/api/v1/kpis?scope=device&id=p-9&from=${day}&to=${to}`);
      // 8 days in service, never down, two failures each restored at once
      expect(res.body.kpis).toMatchObject({
        failures: 2,
        repairsEnded: 2,
        downTimeMs: 0,
        upTimeMs: 8 * DAY,
        availability: 1,
        mtbfMs: 4 * DAY,
        mttrMs: 0,
      });
    } finally {
      await app.stop();
    }
  });
});
