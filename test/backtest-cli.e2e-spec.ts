import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TelemetryPoint } from '../src/ports/records.js';
import type { BacktestReport } from '../src/predictions/backtest.js';
import { DAY_MS } from '../src/predictions/prediction-input.js';
import { SYNTHETIC_MODEL, syntheticFleet } from '../src/predictions/synthetic-fleet.js';
import { runBacktestCli } from '../scripts/backtest-cli.js';
import { fleetAsPoints, HISTORY_MAPPING, historyCsv, registryModel } from './helpers/prediction-fleet.js';
import { tempDir } from './helpers/temp-dir.js';
import { startTestApp } from './helpers/test-app.js';

const START = Date.UTC(2024, 0, 1);
const END = START + 330 * DAY_MS;

describe('npm run backtest on history brought in from a field-service export', () => {
  const dir = tempDir('fleet-backtest-');
  const output: string[] = [];
  const errors: string[] = [];
  const cli = (args: string[]): Promise<number> =>
    runBacktestCli(
      args,
      { log: (l) => output.push(l), error: (l) => errors.push(l) },
      { DATA_DIR: dir.path, LOG_LEVEL: 'warn' },
    );

  beforeAll(async () => {
    // an export as field-service systems keep it: breakdowns, jams, parts fitted, a daily meter read
    const fleet = syntheticFleet({ devices: 30, days: 330, seed: 5, start: START });
    const { points, events } = fleetAsPoints(fleet.history);
    const meterReads: TelemetryPoint[] = points.filter(
      (p) => p.metric === 'pages.total' && p.ts % DAY_MS > 12 * 3_600_000,
    );
    const app = await startTestApp(
      { KPI_REFRESH_INTERVAL_MS: '0', PREDICTION_SCORING_INTERVAL_MS: '0' },
      dir.path,
    );
    try {
      await app.request(
        'PUT',
        `/api/v1/registry/models/${SYNTHETIC_MODEL.modelId}`,
        registryModel(SYNTHETIC_MODEL),
      );
      const devices = fleet.history.devices.map((d) => ({
        deviceId: d.deviceId,
        modelId: d.modelId,
        installDate: new Date(START).toISOString().slice(0, 10),
      }));
      expect((await app.request('POST', '/api/v1/registry/devices/import', devices)).status).toBe(200);
      const mapping = encodeURIComponent(JSON.stringify(HISTORY_MAPPING));
      const imported = await app.request(
        'POST',
        `/api/v1/history/import?mapping=${mapping}`,
        historyCsv(meterReads, events),
        { 'content-type': 'text/csv' },
      );
      expect(imported.body).toMatchObject({ rejected: 0 });
    } finally {
      // the embedded records database is one process's: the service stops before the CLI opens it
      await app.stop();
    }
  }, 180_000);
  afterAll(() => dir.remove());

  it('trains before the cut-off, scores the rest day by day, prints the report and writes it as JSON', async () => {
    const out = join(dir.path, 'reports', 'backtest.json');
    const status = await cli([
      '--cutoff',
      new Date(START + 240 * DAY_MS).toISOString(),
      '--end',
      String(END),
      '--horizons',
      '7,30',
      '--miss-cost',
      '8',
      '--out',
      out,
    ]);

    expect(errors).toEqual([]);
    expect(status).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as BacktestReport;
    expect(report).toMatchObject({
      cutoff: START + 240 * DAY_MS,
      end: END,
      horizons: [7, 30],
      costs: { visit: 1, missedFailure: 8 },
      devices: 30,
    });
    expect(report.testFailures).toBeGreaterThan(10);
    expect(report.methods.map((m) => m.method)).toEqual([
      'model',
      'mtbf-rule',
      'catalog-life',
      'life-model',
      'precursor-code-24h',
    ]);
    // the roller's jam codes come in with the export: the model learns them
    expect(report.predictor.components.find((c) => c.component === 'roller')?.conditionModel).toBe(true);
    const model = report.methods[0].horizons[0];
    expect(model.alerts).toBeGreaterThan(0);
    expect(model.recall).toBeGreaterThan(0);
    expect(output[0]).toMatch(/^read 30 of 30 devices in service \(30 with data\), 1 models/);
    expect(output.join('\n')).toMatch(/model \(condition trees \+ life model\)\s+7/);
    expect(output.at(-1)).toBe(`report written to ${out}`);
  }, 180_000);

  it('says what is wrong with its arguments', async () => {
    expect(await cli(['--cutoff', 'soon'])).toBe(2);
    expect(errors.at(-1)).toMatch(/cutoff must be epoch milliseconds or an ISO 8601 date/);
    expect(await cli(['--horizons', '7,x'])).toBe(2);
    expect(await cli(['--cutoff', String(END), '--end', String(END - 1)])).toBe(2);
    expect(errors.at(-1)).toMatch(/cut-off must be before the end/);
  });
});
