import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { RECORDS_MIGRATIONS } from '../src/app.module.js';
import { parseTime } from '../src/common/http/query-params.js';
import { loadConfig, type AppConfig } from '../src/config/app-config.js';
import type { InfluxStoreObserver } from '../src/infrastructure/influxdb/influx-telemetry.store.js';
import { InfluxTelemetryStore } from '../src/infrastructure/influxdb/influx-telemetry.store.js';
import { MetricsService } from '../src/infrastructure/metrics/metrics.service.js';
import { openRecordsDatabase } from '../src/infrastructure/records/open-records-database.js';
import { applyMigrations } from '../src/infrastructure/records/records-migrator.js';
import { SqliteTelemetryStore } from '../src/infrastructure/sqlite/sqlite-telemetry.store.js';
import type { TelemetryStore } from '../src/ports/telemetry-store.port.js';
import { backtest, type BacktestReport } from '../src/predictions/backtest.js';
import { formatBacktestReport } from '../src/predictions/backtest-report.js';
import { readFleetHistory } from '../src/predictions/fleet-history.js';
import { DAY_MS } from '../src/predictions/prediction-input.js';
import { SqlRegistryRepository } from '../src/registry/sql-registry.repository.js';
import { RegistryMetrics } from '../src/registry/registry.metrics.js';
import { RegistryService } from '../src/registry/registry.service.js';

export const BACKTEST_USAGE = `Backtest the failure predictions on the history this platform holds: train on
the history before the cut-off, predict forward day by day, score against what
happened, beside four baselines (docs/predictions.md, "Backtest").

  npm run backtest -- [--cutoff DATE] [--end DATE] [--from DATE] [--horizons 7,14,30]
                      [--visit-cost 1] [--miss-cost 10] [--devices N] [--out FILE]

  --cutoff      train before it, test from it (default: 90 days before the end)
  --end         end of the test period (default: now)
  --from        history before it is not read (default: all of it)
  --horizons    days, comma-separated (default PREDICTION_HORIZONS)
  --visit-cost  what an alert costs (a visit), default 1
  --miss-cost   what a failure no alert caught costs, default PREDICTION_MISSED_FAILURE_COST
  --devices     at most this many devices (a fixed sample), default all
  --out         where the report goes as JSON (default DATA_DIR/backtest-<cutoff>.json)

Dates are epoch milliseconds or ISO 8601. The history is read from this service's
configured stores (DATA_DIR, INFLUX_URL, DATABASE_URL; .env is read too) through the
same data supply as training. With the embedded records database (PGlite) stop the
service first: only one process may open it. Exit status: 0 done, 1 nothing to
backtest, 2 bad usage.`;

export interface CliOutput {
  log(line: string): void;
  error(line: string): void;
}

class UsageError extends Error {}

const quiet: InfluxStoreObserver = {
  quarantined: () => undefined,
  spoolChanged: () => undefined,
  replayed: () => undefined,
  unavailable: () => undefined,
  recovered: () => undefined,
  spoolFull: () => undefined,
};

/** The backtest CLI; returns the exit status. */
export async function runBacktestCli(
  argv: string[],
  out: CliOutput = console,
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  try {
    return await run(argv, out, env);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    out.error(`backtest: ${err.message}`);
    return 2;
  }
}

function numberList(name: string, raw: string): number[] {
  const values = raw.split(',').map((x) => Number(x.trim()));
  if (!values.length || values.some((v) => !Number.isInteger(v) || v < 1))
    throw new UsageError(`${name} must be whole days, comma-separated, got "${raw}"`);
  return [...new Set(values)].sort((a, b) => a - b);
}

function positive(name: string, raw: string): number {
  const v = Number(raw);
  if (!(v > 0)) throw new UsageError(`${name} must be a positive number, got "${raw}"`);
  return v;
}

function time(name: string, raw: string): number {
  try {
    return parseTime(name, raw, 0);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

async function run(argv: string[], out: CliOutput, env: Record<string, string | undefined>): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        cutoff: { type: 'string' },
        end: { type: 'string' },
        from: { type: 'string' },
        horizons: { type: 'string' },
        'visit-cost': { type: 'string' },
        'miss-cost': { type: 'string' },
        devices: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n\n${BACKTEST_USAGE}`);
  }
  if (values.help) {
    out.log(BACKTEST_USAGE);
    return 0;
  }
  const config = loadConfig(env);
  const end = values.end !== undefined ? time('end', values.end) : Date.now();
  const cutoff = values.cutoff !== undefined ? time('cutoff', values.cutoff) : end - 90 * DAY_MS;
  if (cutoff >= end) throw new UsageError('the cut-off must be before the end');
  const from = values.from !== undefined ? time('from', values.from) : -8.64e15;
  const horizons = values.horizons ? numberList('horizons', values.horizons) : config.predictions.horizons;
  const costs = {
    visit: values['visit-cost'] ? positive('visit-cost', values['visit-cost']) : 1,
    missedFailure: values['miss-cost']
      ? positive('miss-cost', values['miss-cost'])
      : config.predictions.missedFailureCost,
  };
  const maxDevices = values.devices ? positive('devices', values.devices) : undefined;
  const outFile =
    values.out ?? join(config.dataDir, `backtest-${new Date(cutoff).toISOString().slice(0, 10)}.json`);

  const { store, close } = await openStores(config);
  try {
    const t0 = performance.now();
    const { history, fleet, inService } = await readFleetHistory(store, close.registry, {
      from,
      to: end,
      now: end,
      maxDevices,
    });
    const withData = history.devices.filter(
      (d) => d.events.length || Object.values(d.metrics).some((s) => s.day.length),
    ).length;
    out.log(
      `read ${history.devices.length} of ${inService} devices in service (${withData} with data), ` +
        `${history.models.length} models, in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    for (const [model, why] of fleet.notPredicted)
      for (const [component, reason] of why)
        out.log(`  not predicted: ${model}${component === '*' ? '' : ` ${component}`}: ${reason}`);
    if (!withData) {
      out.error('backtest: no history in the stores to backtest on');
      return 1;
    }
    const report: BacktestReport = backtest(history, { cutoff, end, horizons, costs });
    out.log(formatBacktestReport(report));
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, JSON.stringify(report, null, 2));
    out.log(`report written to ${outFile}`);
    return 0;
  } finally {
    await close.all();
  }
}

/** The configured time-series store and the registry (through its service) on the records database. */
async function openStores(config: AppConfig): Promise<{
  store: TelemetryStore;
  close: { registry: RegistryService; all: () => Promise<void> };
}> {
  const store: TelemetryStore = config.influx
    ? new InfluxTelemetryStore(config.influx, join(config.dataDir, 'influx-spool'), quiet)
    : new SqliteTelemetryStore(join(config.dataDir, 'timeseries.sqlite'));
  const records = await openRecordsDatabase(config);
  await applyMigrations(records, RECORDS_MIGRATIONS);
  const registry = new RegistryService(
    new SqlRegistryRepository(records),
    config,
    new RegistryMetrics(new MetricsService()),
  );
  return {
    store,
    close: {
      registry,
      all: async () => {
        await store.close();
        await records.close();
      },
    },
  };
}
