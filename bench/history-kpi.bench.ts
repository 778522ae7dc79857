import { fork } from 'node:child_process';
import { createWriteStream, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../test/helpers/temp-dir.js';
import { startBenchApp } from './bench-support.js';

const DAY = 86_400_000;
const H = 3_600_000;

export interface HistoryKpiFigures {
  rows: number;
  fileMb: number;
  importSeconds: number;
  rowsPerSecond: number;
  rejected: number;
  /** Peak RSS of the service process during the import. */
  importPeakRssMb: number;
  fullRefreshSeconds: number;
  fullRefreshPeakRssMb: number;
  deviceRows: number;
  incrementalSeconds: number;
  lateDataSeconds: number;
}

/**
 * A field-service export of `devices` × `days` (a meter reading a day, and
 * failures with their visits), imported through the CLI into the service, then
 * the KPI ledger built from scratch and brought up to date incrementally.
 */
export async function historyAndKpis(
  o: { devices: number; days: number },
  log: (line: string) => void,
): Promise<HistoryKpiFigures> {
  const dir = tempDir('fleet-bench-history-');
  const app = await startBenchApp({ KPI_REFRESH_INTERVAL_MS: '0' });
  try {
    const start = Date.UTC(2023, 0, 1);
    const csv = join(dir.path, 'history.csv');
    const rows = await writeExport(csv, o.devices, o.days, start);
    const fileMb = statSync(csv).size / 1e6;
    log(`  export: ${rows.toLocaleString('en-US')} rows, ${fileMb.toFixed(0)} MB`);

    const post = (path: string, body: unknown): Promise<Response> =>
      fetch(app.httpUrl + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${app.adminKey}` },
        body: JSON.stringify(body),
      });
    await post('/api/v1/registry/models/import', [
      {
        modelId: 'MFP-C300',
        name: 'Office multifunction',
        kind: 'copier',
        usageUnit: 'pages',
        ratedMonthlyDuty: 20000,
        components: [
          { name: 'fuser', expectedLife: 300000 },
          { name: 'pickup_roller', expectedLife: 150000 },
        ],
      },
    ]);
    await post(
      '/api/v1/registry/devices/import',
      Array.from({ length: o.devices }, (_, i) => ({
        deviceId: deviceId(i),
        serial: `SN${i}`,
        modelId: 'MFP-C300',
        installDate: new Date(start - 30 * DAY).toISOString().slice(0, 10),
        contractType: 'full-service',
      })),
    );
    const mapping = join(dir.path, 'mapping.json');
    writeFileSync(
      mapping,
      JSON.stringify({
        columns: EXPORT_COLUMNS,
        types: {
          FAULT: 'fault.raised',
          FIXED: 'fault.cleared',
          'ON SITE': 'service.started',
          CLOSED: 'service.finished',
        },
        severities: { P1: 'machine-down' },
        metrics: { Meter: { metric: 'pages.total', kind: 'counter' } },
      }),
    );

    // the CLI in its own process, so the RSS sampled here is the service's
    const cli = fileURLToPath(new URL('../scripts/fleet-import.js', import.meta.url));
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
    const t0 = performance.now();
    const output = await new Promise<string>((resolve, reject) => {
      const child = fork(
        cli,
        ['history', '--file', csv, '--mapping', mapping, '--url', app.httpUrl, '--quiet'],
        {
          stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
          env: { ...process.env, FLEET_API_KEY: app.adminKey },
        },
      );
      let out = '';
      child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
      child.on('exit', (code) =>
        code === 0 ? resolve(out) : reject(new Error(`import exited ${code}: ${out}`)),
      );
    });
    const importSeconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const importPeak = peak;
    const [totals, ...refused] = output.trim().split('\n');
    const report = JSON.parse(totals) as { accepted: number; rejected: number };
    if (refused.length) log(`  refused rows, first ones: ${refused.slice(0, 3).join(' | ')}`);

    const refresh = async (query = ''): Promise<{ seconds: number; deviceRows: number }> => {
      const t = performance.now();
      const res = await fetch(`${app.httpUrl}/api/v1/kpis/refresh${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${app.adminKey}` },
      });
      const body = (await res.json()) as { deviceRows: number };
      return { seconds: (performance.now() - t) / 1000, deviceRows: body.deviceRows };
    };
    peak = process.memoryUsage().rss;
    const sampler2 = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
    const full = await refresh('?rebuild=true');
    clearInterval(sampler2);
    const fullPeak = peak;
    const incremental = await refresh();
    // one late failure, two years back, on one device
    const late = start + 400 * DAY + 10 * H;
    await fetch(
      `${app.httpUrl}/api/v1/history/import?mapping=${encodeURIComponent(
        JSON.stringify({
          columns: EXPORT_COLUMNS,
          types: { FAULT: 'fault.raised' },
          severities: { P1: 'machine-down' },
        }),
      )}`,
      {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${app.adminKey}` },
        body: `Machine,Date,Activity,Part,Priority\n${deviceId(7)},${new Date(late).toISOString()},FAULT,fuser,P1\n`,
      },
    );
    const lateRun = await refresh();
    return {
      rows,
      fileMb,
      importSeconds,
      rowsPerSecond: rows / importSeconds,
      rejected: report.rejected,
      importPeakRssMb: importPeak / 1e6,
      fullRefreshSeconds: full.seconds,
      fullRefreshPeakRssMb: fullPeak / 1e6,
      deviceRows: full.deviceRows,
      incrementalSeconds: incremental.seconds,
      lateDataSeconds: lateRun.seconds,
    };
  } finally {
    await app.close();
    app.remove();
    dir.remove();
  }
}

/** The export's columns, for the history mapping. */
const EXPORT_COLUMNS = {
  device: 'Machine',
  time: 'Date',
  type: 'Activity',
  component: 'Part',
  severity: 'Priority',
};

const deviceId = (i: number): string => `dev-${String(i).padStart(5, '0')}`;

/** Writes the export, streamed; returns its data rows. */
async function writeExport(file: string, devices: number, days: number, start: number): Promise<number> {
  const out = createWriteStream(file);
  const write = (line: string): Promise<void> | void => {
    if (!out.write(line)) return new Promise((r) => out.once('drain', () => r()));
  };
  await write('Machine,Date,Activity,Part,Priority,Meter\n');
  let seed = 42;
  const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  let rows = 0;
  for (let d = 0; d < devices; d++) {
    const id = deviceId(d);
    let pages = Math.floor(random() * 100_000);
    let lines = '';
    for (let day = 0; day < days; day++) {
      const t = start + day * DAY;
      pages += Math.floor(random() * 1_000);
      lines += `${id},${new Date(t + 23 * H).toISOString()},,,,${pages}\n`;
      rows++;
      if (random() < 1 / 40) {
        const part = random() < 0.5 ? 'fuser' : 'pickup_roller';
        const f = t + 8 * H + Math.floor(random() * 4 * H);
        lines += `${id},${new Date(f).toISOString()},FAULT,${part},P1,\n`;
        lines += `${id},${new Date(f + 3 * H).toISOString()},ON SITE,,,\n`;
        lines += `${id},${new Date(f + 5 * H).toISOString()},FIXED,${part},,\n`;
        lines += `${id},${new Date(f + 5 * H).toISOString()},CLOSED,,,\n`;
        rows += 4;
      }
      if (lines.length > 65_536) {
        await write(lines);
        lines = '';
      }
    }
    await write(lines);
  }
  await new Promise<void>((r) => out.end(() => r()));
  return rows;
}
