import type { FaultSeverity } from '../contract/index.js';
import type { EventRecord, TelemetryPoint } from '../ports/records.js';

/**
 * What the prediction engine reads: what the platform can supply cheaply from its
 * stores. Per device, daily aggregates of each metric (one `queryAggregate` per
 * aggregate function with `windowMs` = 1 day, which both stores answer), the device's
 * events, and registry data. Nothing here is simulator-specific. docs/predictions.md,
 * "Input".
 */

export const DAY_MS = 86_400_000;

/**
 * Daily aggregates of one metric of one device: parallel arrays, one entry per UTC day
 * that had points, days ascending and unique (empty days are absent, as the stores
 * omit empty windows).
 */
export interface DailySeries {
  /** Start of the UTC day, ms since the epoch. */
  day: number[];
  mean: number[];
  min: number[];
  max: number[];
  count: number[];
  /** Value of the latest point of the day. */
  last: number[];
}

/** A device event as the store keeps it (EventRecord without the device id). */
export interface HistoryEvent {
  ts: number;
  type: EventRecord['type'];
  code?: string;
  component?: string;
  severity?: FaultSeverity;
  visitId?: string;
}

export interface DeviceHistory {
  deviceId: string;
  modelId: string;
  /** Registry install date, ms since the epoch; null when unknown. */
  installDate: number | null;
  /** Daily series by metric name: gauges, and the model's usage counter. */
  metrics: Record<string, DailySeries>;
  /** Sorted by time. */
  events: HistoryEvent[];
}

/** A row of a model's fault table: which component a code points at. */
export interface FaultCodeInfo {
  code: string;
  /** Null when the user caused it (wrong media, lid open). */
  component: string | null;
  severity: FaultSeverity;
}

/** Registry data of an equipment model. */
export interface ModelInfo {
  modelId: string;
  usageUnit: 'pages' | 'hours';
  /** The usage counter: `pages.total`, `run_hours`. */
  usageMetric: string;
  ratedMonthlyDuty: number;
  /** Expected life in the usage unit: the Weibull scale the life model's prior starts from. */
  components: Array<{ name: string; expectedLife: number }>;
  /**
   * The model's fault table. Optional: without it, a fault's component is the one the
   * event names.
   */
  faultCodes?: FaultCodeInfo[];
}

export interface FleetHistory {
  models: ModelInfo[];
  devices: DeviceHistory[];
}

export const emptySeries = (): DailySeries => ({ day: [], mean: [], min: [], max: [], count: [], last: [] });

/** Start of the UTC day holding `ts` (windows aligned to the epoch, as the stores align them). */
export const dayStart = (ts: number): number => ts - (((ts % DAY_MS) + DAY_MS) % DAY_MS);

/**
 * Builds daily series from telemetry points as the stores aggregate them, in any order
 * of arrival: what a bench or test feeds the engine in place of store queries.
 */
export class DailyAggregator {
  private readonly byDevice = new Map<string, Map<string, Map<number, DayCell>>>();

  add(point: Pick<TelemetryPoint, 'deviceId' | 'metric' | 'ts' | 'value'>): void {
    let metrics = this.byDevice.get(point.deviceId);
    if (!metrics) this.byDevice.set(point.deviceId, (metrics = new Map<string, Map<number, DayCell>>()));
    let days = metrics.get(point.metric);
    if (!days) metrics.set(point.metric, (days = new Map<number, DayCell>()));
    const day = dayStart(point.ts);
    const cell = days.get(day);
    if (!cell) {
      days.set(day, {
        sum: point.value,
        min: point.value,
        max: point.value,
        count: 1,
        lastTs: point.ts,
        last: point.value,
      });
      return;
    }
    cell.sum += point.value;
    cell.count++;
    if (point.value < cell.min) cell.min = point.value;
    if (point.value > cell.max) cell.max = point.value;
    if (point.ts >= cell.lastTs) {
      cell.lastTs = point.ts;
      cell.last = point.value;
    }
  }

  /** The series of one device, by metric. */
  series(deviceId: string): Record<string, DailySeries> {
    const out: Record<string, DailySeries> = {};
    for (const [metric, days] of this.byDevice.get(deviceId) ?? []) {
      const s = emptySeries();
      for (const day of [...days.keys()].sort((a, b) => a - b)) {
        const c = days.get(day)!;
        s.day.push(day);
        s.mean.push(c.sum / c.count);
        s.min.push(c.min);
        s.max.push(c.max);
        s.count.push(c.count);
        s.last.push(c.last);
      }
      out[metric] = s;
    }
    return out;
  }

  deviceIds(): string[] {
    return [...this.byDevice.keys()];
  }
}

interface DayCell {
  sum: number;
  min: number;
  max: number;
  count: number;
  lastTs: number;
  last: number;
}

/** Sorts events by time (the stores return them so; imports and clock jumps may not). */
export function sortedEvents(events: readonly HistoryEvent[]): HistoryEvent[] {
  return [...events].sort((a, b) => a.ts - b.ts);
}
