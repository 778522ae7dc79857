import type { TelemetryStore } from '../ports/telemetry-store.port.js';
import type { DeviceScope, EquipmentModel } from '../registry/registry-entities.js';
import { FleetHistoryReader } from './fleet-history.reader.js';
import { predictionFleet, type PredictionFleet } from './prediction-fleet.js';
import { DAY_MS, type DailySeries, type FleetHistory } from './prediction-input.js';

/** The registry as the data supply reads it: the registry service. */
export interface FleetRegistry {
  deviceScopes(): Promise<DeviceScope[]>;
  allModels(): Promise<ReadonlyMap<string, EquipmentModel>>;
}

/**
 * The whole history of the fleet in service at `now` over [from, to), in the engine's
 * form: training and the backtest read it so. At most `maxDevices` devices, a fixed
 * sample beyond that (the same devices from one run to the next). A model without a
 * rated duty in the registry takes its devices' typical usage.
 */
export async function readFleetHistory(
  store: TelemetryStore,
  registry: FleetRegistry,
  o: { from: number; to: number; now: number; maxDevices?: number },
): Promise<{ history: FleetHistory; fleet: PredictionFleet; inService: number }> {
  const [scopes, models] = await Promise.all([registry.deviceScopes(), registry.allModels()]);
  const all = predictionFleet(scopes, models.values(), o.now);
  const devices = sample(all.devices, o.maxDevices ?? Infinity);
  const raw = await new FleetHistoryReader(store).fleetHistory(devices, [], o);
  const usageMetric = new Map([...models.values()].map((m) => [m.modelId, m.usageMetric]));
  const typical = typicalUsage(raw, usageMetric);
  const fleet = predictionFleet(scopes, models.values(), o.now, (m) => typical.get(m) ?? null);
  const sampled = new Set(devices.map((d) => d.deviceId));
  fleet.devices = fleet.devices.filter((d) => sampled.has(d.deviceId));
  return {
    history: { models: [...fleet.models.values()], devices: raw.devices },
    fleet,
    inService: all.devices.length,
  };
}

/** A fixed sample of at most `max` devices. */
export function sample<T extends { deviceId: string }>(devices: readonly T[], max: number): T[] {
  if (devices.length <= max) return [...devices];
  const hash = (s: string): number => {
    let h = 2166136261;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
    return h >>> 0;
  };
  return [...devices].sort((a, b) => hash(a.deviceId) - hash(b.deviceId)).slice(0, max);
}

/** Median usage per day of each model's devices over the history read. */
function typicalUsage(history: FleetHistory, usageMetric: ReadonlyMap<string, string>): Map<string, number> {
  const rates = new Map<string, number[]>();
  for (const d of history.devices) {
    const metric = usageMetric.get(d.modelId);
    const s: DailySeries | undefined = metric === undefined ? undefined : d.metrics[metric];
    if (!s || s.day.length < 8) continue;
    const n = s.day.length - 1;
    const days = (s.day[n] - s.day[0]) / DAY_MS;
    const used = s.last[n] - s.last[0];
    if (days > 0 && used >= 0) rates.set(d.modelId, [...(rates.get(d.modelId) ?? []), used / days]);
  }
  const out = new Map<string, number>();
  for (const [m, r] of rates) out.set(m, r.sort((a, b) => a - b)[Math.floor(r.length / 2)]);
  return out;
}
