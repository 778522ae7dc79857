import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { SimulatorRunner, type RunnerOptions } from './simulator-runner.js';

const HELP = `Usage: simulate [options]
A simulated fleet of copiers and HVAC units publishing over MQTT. Docs: docs/simulator.md

  --url URL              broker (default mqtt://127.0.0.1:1883)
  --devices N            devices (default 25)
  --customers N          customers (default: devices / 8, at least 1)
  --seed N               random seed: the same seed gives the same fleet and events (default 1)
  --start DATE           simulated start, ISO 8601 (default: now, or duration ago when faster than real time)
  --duration D           simulated time to run: 30s, 10m, 12h, 90d (default: until interrupted)
  --speed X              1 = real time, 60 = an hour a minute, max = history mode (default 1)
  --history              same as --speed max: past data as fast as the broker takes it
  --backfill D           first seed the D before now in history mode (a progress bar on a terminal),
                         then go on at --speed, catching up with the clock, then in real time
  --catch-up D           the last D of the backfill is replayed at --speed instead (default 0)
  --backfill-step D      step of the history part of the backfill (default 1h)
  --catch-up-step D      step while behind the clock at --speed (default 15m)
  --step D               one telemetry sample per device per step (default 1m)
  --qos 0|1              QoS of telemetry; events and status always use 1 (default 0)
  --gateways N           N shared connections instead of one per device (default 0: one each)
  --username U           per-device user name; {deviceId} is replaced
  --password-template P  per-device password; {deviceId} is replaced
  --provisioning-key K   devices obtain their own credentials over MQTT with this key (pk-….…);
                         also read from FLEET_PROVISIONING_KEY
  --ca FILE              CA of the broker's certificate, for mqtts:// and wss://
  --truth FILE           ground-truth JSON lines (default ./data/ground-truth.jsonl; "-" for none)
  --overuse-share X      share of devices used beyond their rated duty cycle (default 0.1)
  --misuse-share X       share of devices misused (default 0.05)
  --failure-rate X       failure-rate multiplier (default 1)
  --no-pm                no scheduled preventive maintenance (a platform's plans send pm-visit commands instead)
  --external-repairs     nobody repairs failures but maintenance commands (an external field force)
  --buffer N             messages kept per connection while disconnected (default 10000)
  --no-progress          no progress bar
  --help                 this text`;

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseDuration(raw: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(raw);
  if (!m) throw new Error(`"${raw}" is not a duration like 30s, 10m, 12h or 90d`);
  return Number(m[1]) * UNITS[m[2]];
}

export function parseCli(argv: string[], now = Date.now()): RunnerOptions | 'help' {
  const { values: a } = parseArgs({
    args: argv,
    options: {
      url: { type: 'string', default: 'mqtt://127.0.0.1:1883' },
      devices: { type: 'string', default: '25' },
      customers: { type: 'string' },
      seed: { type: 'string', default: '1' },
      start: { type: 'string' },
      duration: { type: 'string' },
      speed: { type: 'string', default: '1' },
      history: { type: 'boolean', default: false },
      backfill: { type: 'string' },
      'catch-up': { type: 'string', default: '0s' },
      'backfill-step': { type: 'string', default: '1h' },
      'catch-up-step': { type: 'string', default: '15m' },
      step: { type: 'string', default: '1m' },
      qos: { type: 'string', default: '0' },
      gateways: { type: 'string', default: '0' },
      username: { type: 'string' },
      'password-template': { type: 'string' },
      'provisioning-key': { type: 'string' },
      ca: { type: 'string' },
      truth: { type: 'string', default: './data/ground-truth.jsonl' },
      'overuse-share': { type: 'string', default: '0.1' },
      'misuse-share': { type: 'string', default: '0.05' },
      'failure-rate': { type: 'string', default: '1' },
      buffer: { type: 'string', default: '10000' },
      'no-progress': { type: 'boolean', default: false },
      'no-pm': { type: 'boolean', default: false },
      'external-repairs': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (a.help) return 'help';
  const problems: string[] = [];
  const int = (name: string, raw: string, min: number): number => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) problems.push(`--${name} must be an integer ≥ ${min}, got "${raw}"`);
    return n;
  };
  const share = (name: string, raw: string): number => {
    const n = Number(raw);
    if (!(n >= 0 && n <= 1)) problems.push(`--${name} must be between 0 and 1, got "${raw}"`);
    return n;
  };
  const duration = (name: string, raw: string): number => {
    try {
      return parseDuration(raw);
    } catch (err) {
      problems.push(`--${name}: ${(err as Error).message}`);
      return 0;
    }
  };
  const devices = int('devices', a.devices, 1);
  const speed: number | 'max' = a.history || a.speed === 'max' ? 'max' : Number(a.speed);
  if (speed !== 'max' && !(speed > 0))
    problems.push(`--speed must be a positive number or max, got "${a.speed}"`);
  const durationMs = a.duration ? duration('duration', a.duration) : null;
  const backfillMs = a.backfill ? duration('backfill', a.backfill) : null;
  const catchUpMs = duration('catch-up', a['catch-up']);
  if (speed !== 1 && durationMs === null && backfillMs === null)
    problems.push('--duration is needed when faster than real time (or --backfill)');
  if (backfillMs !== null && (speed === 'max' || a.start || durationMs !== null))
    problems.push(
      '--backfill goes on until interrupted, at --speed: no --history, --start or --duration with it',
    );
  if (backfillMs !== null && catchUpMs > backfillMs)
    problems.push('--catch-up must not be longer than --backfill');
  let start = now;
  if (backfillMs !== null) {
    start = now - backfillMs;
  } else if (a.start) {
    start = Date.parse(a.start);
    if (!Number.isFinite(start)) problems.push(`--start must be an ISO 8601 date, got "${a.start}"`);
  } else if (speed !== 1 && durationMs !== null) {
    // faster than real time ends now: device timestamps never run ahead of the clock
    start = now - durationMs;
  }
  const qos =
    a.qos === '1' ? 1 : a.qos === '0' ? 0 : (problems.push(`--qos must be 0 or 1, got "${a.qos}"`), 0);
  const failureRate = Number(a['failure-rate']);
  if (!(failureRate > 0)) problems.push(`--failure-rate must be positive, got "${a['failure-rate']}"`);
  const options: RunnerOptions = {
    url: a.url,
    devices,
    customers: a.customers ? int('customers', a.customers, 1) : Math.max(1, Math.round(devices / 8)),
    seed: int('seed', a.seed, 0),
    start,
    durationMs,
    speed,
    stepMs: duration('step', a.step),
    qos,
    gateways: int('gateways', a.gateways, 0),
    truthFile: a.truth === '-' ? null : a.truth,
    overuseShare: share('overuse-share', a['overuse-share']),
    misuseShare: share('misuse-share', a['misuse-share']),
    failureRateMultiplier: failureRate,
    preventiveMaintenance: !a['no-pm'],
    repairs: a['external-repairs'] ? 'external' : 'simulated',
    bufferLimit: int('buffer', a.buffer, 0),
    progress: !a['no-progress'] && process.stderr.isTTY === true,
    username: a.username,
    passwordTemplate: a['password-template'],
    // from the environment too, so the key stays out of the process list
    provisioningKey: a['provisioning-key'] ?? (process.env.FLEET_PROVISIONING_KEY || undefined),
    ca: a.ca ? readFileSync(a.ca) : undefined,
  };
  if (backfillMs !== null) {
    options.historyUntil = now - catchUpMs;
    options.historyStepMs = duration('backfill-step', a['backfill-step']);
    options.catchUpStepMs = duration('catch-up-step', a['catch-up-step']);
  }
  // how often a device reports in real time, declared in its birth (presence)
  const realTimeStep =
    backfillMs !== null || speed === 1 ? options.stepMs : speed === 'max' ? 0 : options.stepMs / speed;
  if (realTimeStep >= 1000 && realTimeStep <= 86_400_000)
    options.reportingIntervalMs = Math.round(realTimeStep);
  if (problems.length) throw new Error(problems.join('\n'));
  return options;
}

async function main(): Promise<void> {
  let options: RunnerOptions | 'help';
  try {
    options = parseCli(process.argv.slice(2));
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${HELP}`);
    process.exit(2);
  }
  if (options === 'help') {
    console.log(HELP);
    return;
  }
  if (options.truthFile) mkdirSync(dirname(options.truthFile), { recursive: true });
  // forked by `npm start`: tell the parent when the history is in, and stop with it
  const parent = process.send?.bind(process);
  if (parent) options.onHistoryDone = (summary) => parent({ type: 'history-done', summary });
  const runner = new SimulatorRunner(options);
  if (parent) process.once('disconnect', () => runner.stop());
  process.once('SIGINT', () => runner.stop());
  process.once('SIGTERM', () => runner.stop());
  console.error(
    `simulator: ${options.devices} devices → ${options.url}, ` +
      (options.historyUntil !== undefined && options.historyUntil !== null
        ? `history up to ${new Date(options.historyUntil).toISOString()}, then speed ${String(options.speed)}× until caught up, then real time`
        : options.speed === 'max'
          ? 'history mode'
          : `speed ${options.speed}×`),
  );
  const s = await runner.run();
  console.error(
    `simulator: ${s.devices} devices, ${s.messages} messages (${Math.round(s.messagesPerSecond)}/s), ` +
      `${s.failures} failures, ${s.repairs} repairs, ${s.commands} commands, ${s.dropped} dropped` +
      (options.truthFile ? `; ground truth in ${options.truthFile}` : ''),
  );
}

// run only as a program, not when a test imports parseCli
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/.*\//, '/'))) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
