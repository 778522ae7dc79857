import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GroundTruthWriter, type TruthRecord } from '../device-simulator/ground-truth.js';
import { runImportCli } from '../scripts/fleet-import-cli.js';
import type { EventRecord } from '../src/ports/records.js';
import type { ReliabilityKpis } from '../src/reliability/reliability-kpis.js';
import { readTruth, registerFleetFromTruth } from './helpers/registry-from-truth.js';
import { independentKpis } from './helpers/independent-kpis.js';
import { simulateFleetEvents } from './helpers/simulated-fleet.js';
import { tempDir } from './helpers/temp-dir.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 5);

// the field-service system's words for our event types
const ACTIVITY: Record<string, string> = {
  'fault.raised': 'FAULT',
  'fault.cleared': 'FIXED',
  'service.started': 'ON SITE',
  'service.finished': 'JOB CLOSED',
  'part.replaced': 'PART FITTED',
  'pm.done': 'PM',
  'consumable.replaced': 'TONER',
};
const PRIORITY: Record<string, string> = { 'machine-down': 'P1', major: 'P2', minor: 'P3' };
const MAPPING = {
  columns: {
    device: 'Machine',
    time: 'Date',
    type: 'Activity',
    code: 'Error code',
    component: 'Part',
    severity: 'Priority',
    visit: 'Job no',
    note: 'Remarks',
  },
  types: Object.fromEntries(Object.entries(ACTIVITY).map(([type, word]) => [word, type])),
  severities: Object.fromEntries(Object.entries(PRIORITY).map(([sev, p]) => [p, sev])),
};

/** "2026-01-05 08:15:00.250": how such exports write times (UTC here). */
const exportTime = (ts: number): string => new Date(ts).toISOString().replace('T', ' ').replace('Z', '');
const cell = (v: string | undefined): string =>
  v === undefined ? '' : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;

function toCsv(events: EventRecord[]): string {
  const lines = ['Machine,Date,Activity,Error code,Part,Priority,Job no,Remarks'];
  for (const e of events) {
    lines.push(
      [
        e.deviceId,
        exportTime(e.ts),
        ACTIVITY[e.type],
        e.code,
        e.component,
        e.severity && PRIORITY[e.severity],
        e.visitId,
        e.note,
      ]
        .map(cell)
        .join(','),
    );
  }
  return lines.join('\n') + '\n';
}

interface KpiAnswer {
  kpis: ReliabilityKpis;
}

describe('History import from a field-service export', () => {
  const dir = tempDir('fleet-history-');
  const truthFile = join(dir.path, 'truth.jsonl');
  const csvFile = join(dir.path, 'service-history.csv');
  const mappingFile = join(dir.path, 'mapping.json');
  let app: TestApp;
  let truth: TruthRecord[];
  let events: EventRecord[];
  const output: string[] = [];
  const cli = (args: string[]): Promise<number> =>
    runImportCli(
      [...args, '--url', app.httpUrl, '--quiet'],
      { log: (l) => output.push(l), error: (l) => output.push(l) },
      { FLEET_API_KEY: app.adminKey },
    );

  beforeAll(async () => {
    app = await startTestApp({ KPI_REFRESH_INTERVAL_MS: '0' });
    const writer = new GroundTruthWriter(truthFile);
    events = simulateFleetEvents(
      { seed: 8, devices: 60, start: START, days: 180, failureRateMultiplier: 10 },
      (r) => writer.write(r),
    );
    await writer.close();
    truth = readTruth(truthFile);
    await registerFleetFromTruth(app, truth);
    // the export, with a few rows no import should take
    const csv = toCsv(events).split('\n');
    csv.splice(3, 0, 'ghost-01,2026-02-01 10:00:00,FAULT,E-1,fuser,P1,,');
    csv.splice(5, 0, 'sim-00001,31/02/2026,FAULT,E-1,fuser,P1,,');
    csv.splice(7, 0, 'sim-00001,2026-02-01 10:00:00,COFFEE BREAK,,,,,');
    csv.splice(9, 0, 'sim-00001,2026-02-01 10:00:00,FAULT,,,P1,,');
    csv.splice(11, 0, 'sim-00001,2026-02-01 10:00:00,FAULT,E-1,fuser,P1,,,one too many');
    writeFileSync(csvFile, csv.join('\n'));
    writeFileSync(mappingFile, JSON.stringify(MAPPING));
  }, 120_000);
  afterAll(async () => {
    await app.stop();
    dir.remove();
  });

  it('imports every good row, and reports the bad ones by line with the reason', async () => {
    expect(events.length).toBeGreaterThan(2000);
    const status = await cli(['history', '--file', csvFile, '--mapping', mappingFile]);
    expect(status).toBe(1);
    const totals = JSON.parse(output[0]) as { accepted: number; rejected: number; events: number };
    expect(totals).toMatchObject({ accepted: events.length, rejected: 5, events: events.length });
    expect(output.slice(1, 6)).toEqual([
      'line 4 (ghost-01): device ghost-01 is not registered',
      expect.stringMatching(
        /^line 6 \(sim-00001\): "31\/02\/2026" in column "Date" is not a date I can read/,
      ),
      expect.stringMatching(/^line 8 \(sim-00001\): "COFFEE BREAK" in column "Activity" is not mapped/),
      'line 10 (sim-00001): the "Error code" and "Part" cells are empty: fault.raised needs a fault code',
      expect.stringMatching(/^line 12: .*(record length|columns)/i),
    ]);
  });

  it('gives the KPIs of the independent computation from the ground truth, to 1e-9', async () => {
    await app.request('POST', '/api/v1/kpis/refresh');
    const from = START + 10 * DAY;
    const to = START + 170 * DAY;
    const served = await app.get<KpiAnswer>(`/api/v1/kpis?from=${from}&to=${to}`);
    const expected = independentKpis(truthFile, from, to);
    expect(expected.failures).toBeGreaterThan(20);
    expect(served.body.kpis.failures).toBe(expected.failures);
    expect(served.body.kpis.repairsEnded).toBe(expected.repairsEnded);
    for (const key of [
      'upTimeMs',
      'downTimeMs',
      'mtbfMs',
      'mttrMs',
      'meanRepairMs',
      'availability',
    ] as const) {
      expect(Math.abs(served.body.kpis[key]! - expected[key]) / expected[key]).toBeLessThan(1e-9);
    }
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await app.get<KpiAnswer>(`/api/v1/kpis?from=${START}&to=${START + 180 * DAY}`);
    const countEvents = async (): Promise<number> => {
      const res = await app.get<{ data: unknown[] }>(`/api/v1/events?from=${START - DAY}&limit=10000`);
      return res.body.data.length;
    };
    const storedBefore = await countEvents();
    output.length = 0;
    expect(await cli(['history', '--file', csvFile, '--mapping', mappingFile])).toBe(1);
    await app.request('POST', '/api/v1/kpis/refresh');
    const after = await app.get<KpiAnswer>(`/api/v1/kpis?from=${START}&to=${START + 180 * DAY}`);
    expect(after.body.kpis).toEqual(before.body.kpis);
    expect(await countEvents()).toBe(storedBefore);
  });

  it('imports telemetry columns, with times in epoch seconds', async () => {
    const file = join(dir.path, 'meters.csv');
    writeFileSync(
      file,
      [
        'serial,read_at,total_pages,toner',
        'sim-00002,1767600000,120000,55',
        'sim-00002,1767686400,121500,',
      ].join('\n'),
    );
    const mapping = join(dir.path, 'meters.json');
    writeFileSync(
      mapping,
      JSON.stringify({
        columns: { device: 'serial', time: 'read_at' },
        timeFormat: 'epoch-s',
        metrics: {
          total_pages: { metric: 'pages.total', kind: 'counter' },
          toner: { metric: 'toner.black_pct', kind: 'gauge' },
        },
      }),
    );
    output.length = 0;
    expect(await cli(['history', '--file', file, '--mapping', mapping])).toBe(0);
    expect(JSON.parse(output[0])).toMatchObject({ accepted: 2, points: 3, events: 0 });
    const res = await app.get<{ data: Array<{ ts: number; value: number }> }>(
      '/api/v1/devices/sim-00002/telemetry/pages.total?from=1767600000000&to=1767700000000',
    );
    expect(res.body.data.map((p) => [p.ts, p.value])).toEqual([
      [1767600000000, 120000],
      [1767686400000, 121500],
    ]);
  });

  it('refuses a mapping that does not fit the file, before importing anything', async () => {
    const mapping = join(dir.path, 'wrong.json');
    writeFileSync(mapping, JSON.stringify({ columns: { device: 'Serial number', time: 'Date' } }));
    output.length = 0;
    expect(await cli(['history', '--file', csvFile, '--mapping', mapping])).toBe(2);
    expect(output.join('\n')).toContain('column \\"Serial number\\" is not in the header');
    const bad = await app.request<{ message: string }>(
      'POST',
      '/api/v1/history/import?mapping=%7B%7D',
      'a,b\n1,2',
      {
        'content-type': 'text/csv',
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain("must have required property 'columns'");
  });
});
