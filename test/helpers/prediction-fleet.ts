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
