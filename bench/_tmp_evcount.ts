import { simulateHistory } from './prediction-data.js';
const s = simulateHistory({ devices: 200, days: 365, seed: 3 });
const counts: Record<string, number> = {};
let n = 0;
for (const d of s.history.devices) for (const e of d.events) { n++; const k = e.type + (e.severity ? ':' + e.severity : ''); counts[k] = (counts[k] ?? 0) + 1; }
console.log('events/device/year', n / 200, counts);
const metrics: Record<string, number> = {};
for (const d of s.history.devices) for (const m of Object.keys(d.metrics)) metrics[m] = (metrics[m] ?? 0) + 1;
console.log(metrics);
