import { parseArgs } from 'node:util';
import { endToEnd, rawAedes } from './ingest.bench.js';
import { fleetSoak } from './fleet-soak.bench.js';
import { historyAndKpis } from './history-kpi.bench.js';
import { oversizePublishes } from './hostile.bench.js';
import { kpiLedgerBench } from './kpi-ledger.bench.js';
import { influxStoreBench } from './influx.bench.js';
import { simulatorRun } from './simulator.bench.js';

/**
 * `npm run bench`: figures and ratios measured in one run on this machine.
 *   --case ingest|soak|simulator|history|kpi|influx|hostile|all   (default ingest)
 *   --messages N             messages per ingest run (default 200000)
 *   --minutes M              soak length (default 10)
 *   --devices N              soak fleet size (default 10000)
 *   --history-devices N, --history-days D   history import size (default 1000 × 1000: over a million rows)
 *   --kpi-devices N, --kpi-old-devices N     KPI ledger: a fleet-year (default 10000) and a fleet installed
 *                                            30 years ago with one year of events (default 1000)
 */
const { values: a } = parseArgs({
  options: {
    case: { type: 'string', default: 'ingest' },
    messages: { type: 'string', default: '200000' },
    connections: { type: 'string', default: '4' },
    minutes: { type: 'string', default: '10' },
    devices: { type: 'string', default: '10000' },
    'realtime-minutes': { type: 'string', default: '3' },
    'history-devices': { type: 'string', default: '1000' },
    'history-days': { type: 'string', default: '1000' },
    'influx-points': { type: 'string', default: '400000' },
    'hostile-mb': { type: 'string', default: '250' },
    'kpi-devices': { type: 'string', default: '10000' },
    'kpi-old-devices': { type: 'string', default: '1000' },
  },
});
const log = (line: string): void => console.log(line);
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

if (a.case === 'ingest' || a.case === 'all') {
  const o = { messages: Number(a.messages), connections: Number(a.connections), devices: 1000 };
  log(
    `ingest: ${fmt(o.messages)} messages (4 points each) over ${o.connections} connections, QoS 0, ${o.devices} devices`,
  );
  // warm-up, then raw and end-to-end alternate so drift hits both alike
  await rawAedes({ ...o, messages: 20_000 });
  const raw1 = await rawAedes(o);
  const e2e1 = await endToEnd(o);
  const raw2 = await rawAedes(o);
  const e2e2 = await endToEnd(o);
  const raw = (raw1.rate + raw2.rate) / 2;
  const e2e = (e2e1.rate + e2e2.rate) / 2;
  log(`  raw aedes (publisher → broker → counting subscriber): ${fmt(raw1.rate)} / ${fmt(raw2.rate)} msg/s`);
  log(
    `  end to end (publisher → broker → ingest → SQLite):   ${fmt(e2e1.rate)} / ${fmt(e2e2.rate)} msg/s, ${fmt(e2e * 4)} points/s`,
  );
  log(
    `  stored: ${fmt(e2e1.stored)} and ${fmt(e2e2.stored)} of ${fmt(o.messages)}; peak RSS ${Math.max(e2e1.peakRssMb, e2e2.peakRssMb).toFixed(0)} MB`,
  );
  log(
    `  ratio end-to-end / raw: ${((e2e / raw) * 100).toFixed(1)}% (target ≥ 50%; authentication, ACL and packet guard on)`,
  );
  const q1 = await endToEnd({ ...o, messages: Math.min(o.messages, 50_000), qos: 1 });
  log(
    `  QoS 1 end to end, each message acknowledged once stored: ${fmt(q1.rate)} msg/s (${fmt(q1.stored)} stored)`,
  );
}

if (a.case === 'soak' || a.case === 'all') {
  const r = await fleetSoak(
    {
      devices: Number(a.devices),
      minutes: Number(a.minutes),
      perMinute: 1,
    },
    log,
  );
  const first = r.samples[0];
  const last = r.samples[r.samples.length - 1];
  log(
    `  ${r.messagesPerSecond.toFixed(1)} msg/s held; RSS ${first.rssMb.toFixed(0)} → ${last.rssMb.toFixed(0)} MB`,
  );
  log(`  RSS slope over the second half: ${r.rssSlopeMbPerMin.toFixed(2)} MB/min (flat ≈ 0)`);
}

if (a.case === 'simulator' || a.case === 'all') {
  log('simulator: history mode, 1000 devices, 7 days at one sample per 15 min, 4 gateway connections, QoS 0');
  const h = await simulatorRun([
    '--history',
    '--duration',
    '7d',
    '--step',
    '15m',
    '--devices',
    '1000',
    '--gateways',
    '4',
  ]);
  log(
    `  simulator published ${fmt(h.publishedRate)} msg/s (target ≥ 50,000); peak RSS ${h.peakRssMb.toFixed(0)} MB`,
  );
  log(
    `  a plain subscriber of aedes received ${fmt(h.received)} in ${h.seconds.toFixed(1)} s: ${fmt(h.rate)} msg/s`,
  );
  const minutes = Number(a['realtime-minutes']);
  log(`simulator: real time, ${a.devices} devices, one connection each, one sample a minute, ${minutes} min`);
  const r = await simulatorRun(['--devices', a.devices, '--duration', `${minutes}m`]);
  log(
    `  ${fmt(r.received)} messages: ${r.rate.toFixed(1)} msg/s (expected ${(Number(a.devices) / 60).toFixed(1)}); peak RSS ${r.peakRssMb.toFixed(0)} MB`,
  );
}

if (a.case === 'history' || a.case === 'all') {
  const o = { devices: Number(a['history-devices']), days: Number(a['history-days']) };
  log(
    `history import and KPI ledger: ${fmt(o.devices)} devices × ${fmt(o.days)} days, through the import CLI`,
  );
  const h = await historyAndKpis(o, log);
  log(
    `  imported ${fmt(h.rows)} rows (${h.fileMb.toFixed(0)} MB) in ${h.importSeconds.toFixed(1)} s: ${fmt(h.rowsPerSecond)} rows/s, ${h.rejected} refused; service peak RSS ${h.importPeakRssMb.toFixed(0)} MB`,
  );
  log(
    `  KPI ledger from scratch: ${h.fullRefreshSeconds.toFixed(1)} s for ${fmt(h.deviceRows)} device-days (install to today); peak RSS ${h.fullRefreshPeakRssMb.toFixed(0)} MB`,
  );
  log(
    `  incremental run right after: ${(h.incrementalSeconds * 1000).toFixed(0)} ms; with one late failure on one device: ${(h.lateDataSeconds * 1000).toFixed(0)} ms`,
  );
  log(`  ratio from scratch / incremental: ${(h.fullRefreshSeconds / h.incrementalSeconds).toFixed(0)}×`);
}

if (a.case === 'kpi' || a.case === 'all') {
  const runs = [
    { devices: Number(a['kpi-devices']), installedYearsAgo: 0, target: 10 },
    { devices: Number(a['kpi-old-devices']), installedYearsAgo: 30, target: 5 },
  ];
  for (const o of runs) {
    log(
      `KPI ledger: ${fmt(o.devices)} devices installed ${o.installedYearsAgo ? `${o.installedYearsAgo} years` : 'a year'} ago, one year of events`,
    );
    const k = await kpiLedgerBench(o, log);
    log(
      `  full rebuild: ${k.fullSeconds.toFixed(2)} s over HTTP (${(k.fullServerMs / 1000).toFixed(2)} s in the run, ${k.fullCpuSeconds.toFixed(2)} s of CPU; target ≤ ${o.target} s): ${fmt(k.deviceRows)} device rows, ${fmt(k.rollupRows)} rollup rows; peak RSS ${k.peakRssMb.toFixed(0)} MB`,
    );
    log(
      `  of which (ms): ${Object.entries(k.fullPhasesMs)
        .map(([phase, ms]) => `${phase} ${ms}`)
        .join(', ')}`,
    );
    log(`  incremental run right after: ${k.incrementalMs.toFixed(0)} ms`);
    log(
      `  after one late failure 200 days back: ${k.lateEventMs.toFixed(0)} ms, ${k.lateEventChangedDevices} device recomputed (target < 1000 ms)`,
    );
    log(`  ratio full / late-event run: ${((k.fullSeconds * 1000) / k.lateEventMs).toFixed(0)}×`);
  }
}

if (a.case === 'influx' || a.case === 'all') {
  const n = Number(a['influx-points']);
  log(`InfluxDB store on Debian's influxd 1.6: ${fmt(n)} points in batches of 5,000`);
  const r = await influxStoreBench(n);
  log(`  plain line-protocol writer (fetch to /write): ${fmt(r.plainRate)} points/s`);
  log(`  the platform's store (WriteApi, v1 transport):  ${fmt(r.storeRate)} points/s`);
  log(`  ratio store / plain: ${((r.storeRate / r.plainRate) * 100).toFixed(1)}% (target ≥ 70%)`);
  log(
    `  InfluxDB down: spooled to disk at ${fmt(r.spooledRate)} points/s; drained at ${fmt(r.drainRate)} points/s once back`,
  );
}

if (a.case === 'hostile' || a.case === 'all') {
  const mb = Number(a['hostile-mb']);
  log(
    `hostile: 8 devices each publish ${mb} MB at once (the issue's tester); service RSS sampled every 20 ms`,
  );
  const g = await oversizePublishes(8, mb);
  log(
    `  packet guard on (512 KiB): RSS ${g.baselineRssMb.toFixed(0)} → peak ${g.peakRssMb.toFixed(0)} MB (+${(g.peakRssMb - g.baselineRssMb).toFixed(0)}), ${g.afterRssMb.toFixed(0)} MB after; ` +
      `${g.closedEarly}/8 closed early, ${g.writtenMb.toFixed(1)} MB written in all, ${g.seconds.toFixed(1)} s`,
  );
  const small = Math.min(mb, 32);
  const u = await oversizePublishes(8, small, { MQTT_MAX_PACKET_BYTES: '268435455' });
  log(
    `  for comparison, no limit (MQTT's maximum) and 8 × ${small} MB: RSS ${u.baselineRssMb.toFixed(0)} → peak ${u.peakRssMb.toFixed(0)} MB (+${(u.peakRssMb - u.baselineRssMb).toFixed(0)}), ${u.afterRssMb.toFixed(0)} MB after`,
  );
}
