import type { EventRecord, TelemetryPoint } from '../../src/ports/records.js';
import type { FleetHistory, ModelInfo } from '../../src/predictions/prediction-input.js';

const H = 3_600_000;

/**
 * A fleet history in the engine's form (daily series, events) turned into what devices
 * send: per gauge and day three points whose mean, min and max are the day's (the last
 * one the mean, as `syntheticFleet` has it), per counter two (the day's first and last
 * reading), and the events as stored. The store's daily aggregates of these points are
 * the series again, counts aside.
 */
export function fleetAsPoints(history: FleetHistory): { points: TelemetryPoint[]; events: EventRecord[] } {
  const counters = new Set(history.models.map((m) => m.usageMetric));
  const points: TelemetryPoint[] = [];
  const events: EventRecord[] = [];
  for (const d of history.devices) {
    for (const [metric, s] of Object.entries(d.metrics)) {
      const counter = counters.has(metric);
      for (let i = 0; i < s.day.length; i++) {
        const at = (h: number, value: number): void => {
          points.push({
            deviceId: d.deviceId,
            metric,
            kind: counter ? 'counter' : 'gauge',
            ts: s.day[i] + h * H,
            value,
          });
        };
        if (counter) {
          at(1, s.min[i]);
          at(23, s.last[i]);
        } else {
          at(1, s.min[i]);
          at(2, s.max[i]);
          at(3, 3 * s.mean[i] - s.min[i] - s.max[i]);
        }
      }
    }
    for (const e of d.events) events.push({ ...e, deviceId: d.deviceId });
  }
  return { points, events };
}

/** A model in the registry's words (what `PUT /api/v1/registry/models/{id}` takes). */
export function registryModel(m: ModelInfo): Record<string, unknown> {
  return {
    modelId: m.modelId,
    name: m.modelId,
    kind: m.usageUnit === 'pages' ? 'copier' : 'hvac',
    usageUnit: m.usageUnit,
    usageMetric: m.usageMetric,
    ratedMonthlyDuty: m.ratedMonthlyDuty,
    components: m.components.map((c) => ({ name: c.name, expectedLife: c.expectedLife })),
  };
}

/** The history-import mapping of `historyCsv`'s columns (docs/history-import.md). */
export const HISTORY_MAPPING = {
  columns: {
    device: 'Machine',
    time: 'Date',
    type: 'Activity',
    code: 'Error code',
    component: 'Part',
    severity: 'Priority',
  },
  types: {
    FAULT: 'fault.raised',
    FIXED: 'fault.cleared',
    'PART FITTED': 'part.replaced',
    PM: 'pm.done',
    'ON SITE': 'service.started',
    'JOB CLOSED': 'service.finished',
  },
  severities: { P1: 'machine-down', P2: 'major', P3: 'minor' },
  metrics: {
    Temp: { metric: 'fuser.temp_c', kind: 'gauge' },
    Meter: { metric: 'pages.total', kind: 'counter' },
  },
};

const ACTIVITY: Record<string, string> = {
  'fault.raised': 'FAULT',
  'fault.cleared': 'FIXED',
  'part.replaced': 'PART FITTED',
  'pm.done': 'PM',
  'service.started': 'ON SITE',
  'service.finished': 'JOB CLOSED',
};
const PRIORITY: Record<string, string> = { 'machine-down': 'P1', major: 'P2', minor: 'P3' };

/**
 * A field-service export of points and events (the synthetic fleet's `fuser.temp_c`
 * and `pages.total`): one row per reading time, one per event, as `HISTORY_MAPPING` reads it.
 */
export function historyCsv(points: readonly TelemetryPoint[], events: readonly EventRecord[]): string {
  const time = (ts: number): string => new Date(ts).toISOString();
  const readings = new Map<string, { device: string; ts: number; temp?: number; meter?: number }>();
  for (const p of points) {
    const key = `${p.deviceId}\u0000${p.ts}`;
    const row = readings.get(key) ?? { device: p.deviceId, ts: p.ts };
    if (p.metric === 'fuser.temp_c') row.temp = p.value;
    else if (p.metric === 'pages.total') row.meter = p.value;
    readings.set(key, row);
  }
  const lines = ['Machine,Date,Activity,Error code,Part,Priority,Temp,Meter'];
  for (const r of readings.values())
    lines.push(`${r.device},${time(r.ts)},,,,,${r.temp ?? ''},${r.meter ?? ''}`);
  for (const e of events)
    lines.push(
      [
        e.deviceId,
        time(e.ts),
        ACTIVITY[e.type],
        e.code ?? '',
        e.component ?? '',
        e.severity ? PRIORITY[e.severity] : '',
        '',
        '',
      ].join(','),
    );
  return lines.join('\n') + '\n';
}
