#!/usr/bin/env node
// Independent reliability KPIs from a simulator ground-truth file (JSON lines).
// Deliberately shares no code with src/: it is the yardstick the platform's KPIs
// are checked against (docs/kpis.md has the definitions both follow).
//
//   node tools/kpi-from-ground-truth.mjs --truth data/ground-truth.jsonl --from 2026-01-01 --to 2026-02-01 \
//     [--device sim-00001 | --model MFP-C300 | --site S-0001 | --customer C-001]
//
// Prints one JSON object: upTimeMs, downTimeMs, failures, mtbfMs, mttrMs, meanRepairMs,
// meanResponseMs (from the true call times), availability, repairsEnded.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    truth: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    device: { type: 'string' },
    model: { type: 'string' },
    site: { type: 'string' },
    customer: { type: 'string' },
  },
});
if (!values.truth || !values.from || !values.to) {
  console.error(
    'usage: kpi-from-ground-truth.mjs --truth FILE --from DATE --to DATE [--device ID | --model ID | --site ID | --customer ID]',
  );
  process.exit(2);
}
const from = /^\d+$/.test(values.from) ? Number(values.from) : Date.parse(values.from);
const to = /^\d+$/.test(values.to) ? Number(values.to) : Date.parse(values.to);

const installed = new Map(); // deviceId -> install time
const failures = []; // machine-down failures
const repairs = []; // machine-down repairs
const lines = createInterface({ input: createReadStream(values.truth) });
for await (const line of lines) {
  if (!line) continue;
  const r = JSON.parse(line);
  if (values.device && r.deviceId !== undefined && r.deviceId !== values.device) continue;
  if (r.type === 'device') {
    const out =
      (values.model && r.modelId !== values.model) ||
      (values.site && r.siteId !== values.site) ||
      (values.customer && r.customerId !== values.customer);
    if (!out) installed.set(r.deviceId, r.installDate);
  } else if (r.type === 'failure' && r.severity === 'machine-down') failures.push(r);
  else if (r.type === 'repair' && r.machineDown) repairs.push(r);
}

// each machine-down failure is down from its time to its repair's finish (or the window end)
const finishOf = new Map(repairs.map((r) => [`${r.deviceId} ${r.failureTs}`, r.finishTs]));
const downIntervals = new Map();
for (const f of failures) {
  const end = finishOf.get(`${f.deviceId} ${f.ts}`) ?? Infinity;
  if (!downIntervals.has(f.deviceId)) downIntervals.set(f.deviceId, []);
  downIntervals.get(f.deviceId).push([f.ts, end]);
}

let inService = 0;
let down = 0;
for (const [deviceId, install] of installed) {
  const start = Math.max(from, install);
  if (to <= start) continue;
  inService += to - start;
  // merge overlapping intervals, clipped to [start, to)
  const merged = [];
  for (const [a, b] of (downIntervals.get(deviceId) ?? [])
    .map(([a, b]) => [Math.max(a, start), Math.min(b, to)])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0])) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  for (const [a, b] of merged) down += b - a;
}
const up = inService - down;
const started = failures.filter((f) => f.ts >= from && f.ts < to && installed.has(f.deviceId)).length;
const ended = repairs.filter((r) => r.finishTs >= from && r.finishTs < to && installed.has(r.deviceId));
const mean = (xs) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);

console.log(
  JSON.stringify({
    from,
    to,
    devices: installed.size,
    upTimeMs: up,
    downTimeMs: down,
    failures: started,
    mtbfMs: started > 0 ? up / started : null,
    repairsEnded: ended.length,
    mttrMs: mean(ended.map((r) => r.finishTs - r.failureTs)),
    meanRepairMs: mean(ended.map((r) => r.finishTs - r.arrivalTs)),
    meanResponseMs: mean(ended.map((r) => r.arrivalTs - r.callTs)),
    availability: inService > 0 ? up / inService : null,
  }),
);
