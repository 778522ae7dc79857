import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TruthRecord } from '../device-simulator/ground-truth.js';
import {
  catalogAsMaintenancePlans,
  catalogAsRegistryModels,
  truthAsRegistryRecords,
} from '../device-simulator/registry-export.js';
import type { RunnerSummary } from '../device-simulator/simulator-runner.js';
import { newApiKeyToken } from '../src/api-keys/api-key.js';
import { startApp, type RunningApp } from '../src/bootstrap.js';
import { ConfigError, loadConfig, type AppConfig } from '../src/config/app-config.js';
import { newProvisioningKeyToken } from '../src/device-identity/provisioning-rules.js';
import { BrokerService } from '../src/infrastructure/broker/broker.service.js';
import { IngestMetrics } from '../src/ingest/ingest.metrics.js';
import { KpiLedgerService } from '../src/reliability/kpi-ledger.service.js';
import { RegistryService } from '../src/registry/registry.service.js';
import { MaintenancePlansService } from '../src/work-orders/maintenance-plans.service.js';
import { renderBanner } from './demo-banner.js';

/**
 * `npm start`: the service on the embedded defaults, and a simulated fleet that
 * first seeds a year of history (history mode, a progress bar), then catches up
 * with the clock at a day every 10 s, then goes on in real time, so failures,
 * repairs and KPIs are there from the first minute. SIMULATOR_DEVICES sets the
 * fleet size (0: none); SIMULATOR_HISTORY and SIMULATOR_CATCH_UP the spans.
 * Ctrl-C or SIGTERM stops the service and the simulator.
 */

const DAY = 86_400_000;
const MARKER = 'demo.json';

interface DemoSettings {
  devices: number;
  history: string;
  catchUp: string;
  speed: number;
  stepS: number;
}

function settings(env: NodeJS.ProcessEnv): DemoSettings {
  return {
    devices: Number(env.SIMULATOR_DEVICES ?? 25),
    history: env.SIMULATOR_HISTORY ?? '365d',
    catchUp: env.SIMULATOR_CATCH_UP ?? '14d',
    // a simulated day every 10 s while catching up
    speed: 8640,
    // a sample every 10 s in real time, so a newcomer sees telemetry move
    stepS: 10,
  };
}

const KEYS_FILE = 'demo-keys.json';

/**
 * Security is on in the demo as in production. Its own keys, made on its first start
 * and kept (mode 0600) in DATA_DIR: an admin API key, printed in the banner, and a
 * provisioning key for the simulator's models, with which the simulated devices
 * obtain their MQTT credentials themselves, as real ones would.
 */
function demoKeys(dataDir: string): { adminKey: string; provisioningKey: string } {
  const file = join(dataDir, KEYS_FILE);
  if (existsSync(file))
    return JSON.parse(readFileSync(file, 'utf8')) as { adminKey: string; provisioningKey: string };
  mkdirSync(dataDir, { recursive: true });
  const keys = { adminKey: newApiKeyToken().token, provisioningKey: newProvisioningKeyToken().token };
  writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
  return keys;
}

/** The demo's defaults where the environment says nothing. */
function demoConfig(env: NodeJS.ProcessEnv): AppConfig {
  const config = loadConfig();
  const keys = demoKeys(config.dataDir);
  config.security.adminKey ??= keys.adminKey;
  config.security.provisioningBootstrapKey ??= keys.provisioningKey;
  config.security.provisioningBootstrapModels ??= catalogAsRegistryModels().map((m) => String(m.modelId));
  // the demo fleet registers itself from its births, so its KPIs show up
  if (env.REGISTRY_REGISTER_FROM_BIRTH === undefined) config.registry.registerFromBirth = true;
  // the banner stays readable: warnings and errors only, unless asked for more
  if (env.LOG_LEVEL === undefined) config.logLevel = 'warn';
  // failures of the catch-up show in the KPIs within seconds
  if (env.KPI_REFRESH_INTERVAL_MS === undefined) config.kpi.refreshIntervalMs = 10_000;
  // failure risk shows up minutes after the history is in: a model trained, scores every minute
  if (env.PREDICTION_TRAINING_INTERVAL_MS === undefined) config.predictions.trainingIntervalMs = 5 * 60_000;
  if (env.PREDICTION_SCORING_INTERVAL_MS === undefined) config.predictions.scoringIntervalMs = 60_000;
  return config;
}

async function main(): Promise<void> {
  const demo = settings(process.env);
  const config = demoConfig(process.env);
  const marker = join(config.dataDir, MARKER);
  const seedNow = !existsSync(marker);

  let running: RunningApp | null = null;
  let simulator: ChildProcess | null = null;
  let stopping = false;
  const stop = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    process.stderr.write('\nStopping the simulator and the service…\n');
    if (simulator && simulator.exitCode === null && simulator.signalCode === null) {
      const exited = new Promise((r) => simulator!.once('exit', r));
      simulator.kill('SIGTERM');
      const timer = setTimeout(() => simulator?.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await running?.close();
    process.exit(code);
  };
  // a second Ctrl-C does not wait
  const onSignal = (): void => (stopping ? process.exit(130) : void stop(0));
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // npm killed without passing the signal on: don't outlive it
  const parentPid = process.ppid;
  setInterval(() => {
    if (process.ppid !== parentPid) void stop(0);
  }, 1000).unref();

  running = await startApp(config);
  const app = running.app;
  await app.get(RegistryService).importJson('models', catalogAsRegistryModels());
  // the catalog's PM intervals as plans: preventive orders open, and close on the simulator's own PM reports
  for (const plan of catalogAsMaintenancePlans()) await app.get(MaintenancePlansService).upsert(plan);
  const started = Date.now();

  let seeded: RunnerSummary | null = null;
  if (running.brokerPorts && demo.devices > 0) {
    const cli = fileURLToPath(new URL('../device-simulator/cli.js', import.meta.url));
    const args = [
      '--url',
      app.get(BrokerService).localUrl(),
      '--devices',
      String(demo.devices),
      '--speed',
      String(demo.speed),
      '--step',
      `${demo.stepS}s`,
      '--truth',
      seedNow ? join(config.dataDir, 'ground-truth.jsonl') : '-',
    ];
    if (seedNow) {
      args.push('--backfill', demo.history, '--catch-up', demo.catchUp);
      process.stderr.write(
        `Seeding ${demo.history} of history for ${demo.devices} simulated devices (once; kept in ${config.dataDir})…\n`,
      );
    }
    const child = fork(cli, args, {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // the devices provision themselves with it; by environment, so it stays out of the process list
      env: { ...process.env, FLEET_PROVISIONING_KEY: config.security.provisioningBootstrapKey ?? '' },
    });
    simulator = child;
    child.once('exit', (code, signal) => {
      if (!stopping) process.stderr.write(`simulator stopped (${signal ?? `exit ${code}`})\n`);
    });
    if (seedNow) {
      const summary = await new Promise<RunnerSummary | null>((resolve) => {
        child.on('message', (m: { type?: string; summary?: RunnerSummary }) => {
          if (m.type === 'history-done' && m.summary) resolve(m.summary);
        });
        child.once('exit', () => resolve(null));
      });
      if (summary) {
        await drained(app.get(IngestMetrics), summary.messages);
        // customers, sites with coordinates, contracts: the console's map and filters
        await registerFromTruth(app.get(RegistryService), join(config.dataDir, 'ground-truth.jsonl'));
        await app.get(KpiLedgerService).refresh();
        writeFileSync(
          marker,
          JSON.stringify({
            seededAt: new Date().toISOString(),
            devices: demo.devices,
            history: demo.history,
          }),
        );
        seeded = summary;
      }
    }
  }
  if (stopping) return;
  console.log(await banner(running, config, demo, seeded, (Date.now() - started) / 1000));
}

/**
 * Registers the simulated fleet's customers, sites and devices from its ground truth,
 * as an OEM would import its installed base (births alone give no site or contract).
 */
async function registerFromTruth(registry: RegistryService, file: string): Promise<void> {
  const until = Date.now() + 5000;
  let truth: TruthRecord[] = [];
  // the simulator's last writes may still be on their way to the file
  while (Date.now() < until) {
    truth = existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line) => {
            try {
              return [JSON.parse(line) as TruthRecord];
            } catch {
              return [];
            }
          })
      : [];
    if (truth.some((r) => r.type === 'device')) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const [collection, records] of truthAsRegistryRecords(truth))
    await registry.importJson(collection, records);
}

/** Waits until ingest has taken every message the simulator published and written it. */
async function drained(metrics: IngestMetrics, published: number): Promise<void> {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    const received = (await metrics.messagesReceived.get()).values.reduce((n, v) => n + v.value, 0);
    const queued = metrics.queueDepth;
    if (received >= published && queued === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  process.stderr.write('history still being written; the first KPIs may be short of it\n');
}

async function banner(
  running: RunningApp,
  config: AppConfig,
  demo: DemoSettings,
  seeded: RunnerSummary | null,
  seconds: number,
): Promise<string> {
  const api = running.httpUrl;
  const apiKey = config.security.adminKey!;
  const get = async <T>(path: string): Promise<T | null> => {
    const res = await fetch(api + path, { headers: { authorization: `Bearer ${apiKey}` } }).catch(() => null);
    return res?.ok ? ((await res.json()) as T) : null;
  };
  const yearAgo = new Date(Math.floor((Date.now() - 365 * DAY) / DAY) * DAY).toISOString().slice(0, 10);
  const paths = Object.keys((await get<{ paths: object }>('/docs/openapi.json'))?.paths ?? {});
  // show the device with the most failures, and a gauge it reports
  const faults = await get<{ data: Array<{ deviceId: string; severity?: string }> }>(
    `/api/v1/events?type=fault.raised&from=${yearAgo}&limit=10000`,
  );
  const counts = new Map<string, number>();
  for (const f of faults?.data ?? [])
    if (f.severity === 'machine-down') counts.set(f.deviceId, (counts.get(f.deviceId) ?? 0) + 1);
  const device = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'sim-00001';
  const metrics = (await get<string[]>(`/api/v1/devices/${device}/metrics`)) ?? [];
  const metric =
    ['fuser.temp_c', 'compressor.current_a', 'motor.current_a'].find((m) => metrics.includes(m)) ??
    metrics[0] ??
    'pages.total';
  const year = await get<{
    kpis: { mtbfMs: number | null; mttrMs: number | null; availability: number | null; failures: number };
  }>(`/api/v1/kpis?from=${yearAgo}`);
  return renderBanner({
    apiUrl: api,
    paths,
    devices: demo.devices,
    device,
    metric,
    yearAgo,
    seeded: seeded ? { failures: seeded.failures, repairs: seeded.repairs, seconds } : null,
    kpis: year?.kpis ?? null,
    pacing:
      seeded !== null
        ? `at a day every ${(DAY / demo.speed / 1000).toFixed(0)} s over the last ${demo.catchUp} until it has caught up with now, ` +
          `then in real time (a sample every ${demo.stepS} s)`
        : `in real time (a sample every ${demo.stepS} s)`,
    dataDir: config.dataDir,
    logLevel: config.logLevel,
    apiKey: { key: apiKey, file: join(config.dataDir, KEYS_FILE) },
  });
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  const code = (err as { code?: string }).code;
  if (code === 'EADDRINUSE')
    console.error(
      `${(err as Error).message}: another process has the port; stop it, or set HTTP_PORT, MQTT_PORT, MQTT_WS_PORT`,
    );
  else console.error(err);
  process.exit(1);
});
