import type { EventRecord } from '../ports/records.js';
import type { DeviceWindowStats, StoredEvent, TelemetryStore } from '../ports/telemetry-store.port.js';
import {
  DAY_MS,
  emptySeries,
  type DailySeries,
  type DeviceHistory,
  type FleetHistory,
  type HistoryEvent,
  type ModelInfo,
} from './prediction-input.js';

/**
 * Reads the prediction engine's input from the time-series store: daily aggregates of
 * every metric (one `queryWindowStats` per metric for a batch of devices: mean, min,
 * max, count and last per device and UTC day, aggregated by the store) and device
 * events, as `DailySeries` and `HistoryEvent`s. Training and the backtest read whole
 * histories through it; the scoring cache reads new days through it.
 * docs/predictions.md, "Data supply".
 */

/** A registered device as the engine needs it. */
export interface SupplyDevice {
  deviceId: string;
  modelId: string;
  /** Registry install date, ms; null when unknown. */
  installDate: number | null;
}

/** Event types the engine reads; connection changes and visit ends tell it nothing. */
export const PREDICTION_EVENT_TYPES: ReadonlyArray<EventRecord['type']> = [
  'fault.raised',
  'fault.cleared',
  'part.replaced',
  'pm.done',
  'service.started',
  'service.finished',
  'consumable.replaced',
];

const EVENT_PAGE = 50_000;
/** Devices per aggregate query: a query's answer stays a few hundred thousand rows. */
export const DEVICE_BATCH = 500;

export function toHistoryEvent(e: EventRecord): HistoryEvent {
  const h: HistoryEvent = { ts: e.ts, type: e.type };
  if (e.code !== undefined) h.code = e.code;
  if (e.component !== undefined) h.component = e.component;
  if (e.severity !== undefined) h.severity = e.severity;
  if (e.visitId !== undefined) h.visitId = e.visitId;
  return h;
}

/** Appends a day's statistics to a series (days arrive in order). */
export function pushDay(s: DailySeries, r: DeviceWindowStats): void {
  s.day.push(r.start);
  s.mean.push(r.mean);
  s.min.push(r.min);
  s.max.push(r.max);
  s.count.push(r.count);
  s.last.push(r.last);
}

export class FleetHistoryReader {
  constructor(private readonly store: TelemetryStore) {}

  /** Daily rows of one metric over [from, to), every device's (or some devices'), sorted by device and day. */
  dailyRows(
    metric: string,
    from: number,
    to: number,
    deviceIds?: readonly string[],
  ): Promise<DeviceWindowStats[]> {
    if (from >= to || (deviceIds && !deviceIds.length)) return Promise.resolve([]);
    return this.store.queryWindowStats({ metric, from, to, windowMs: DAY_MS, deviceIds });
  }

  /** Every metric name the store holds. */
  metricNames(): Promise<string[]> {
    return this.store.listMetrics();
  }

  /**
   * Daily series of one metric for some devices over the UTC days in [from, to), by
   * device (devices without a point are absent).
   */
  async dailySeries(
    deviceIds: readonly string[],
    metric: string,
    from: number,
    to: number,
  ): Promise<Map<string, DailySeries>> {
    const out = new Map<string, DailySeries>();
    const rows = await this.dailyRows(metric, from, to, deviceIds);
    let current: DailySeries | null = null;
    let currentId = '';
    for (const r of rows) {
      if (!current || r.deviceId !== currentId) {
        currentId = r.deviceId;
        current = out.get(currentId) ?? emptySeries();
        out.set(currentId, current);
      }
      pushDay(current, r);
    }
    return out;
  }

  /** Events in [from, to) of some devices (all when absent), by device, in time order. */
  async events(
    range: { from: number; to: number; deviceIds?: readonly string[] },
    types: ReadonlyArray<EventRecord['type']> = PREDICTION_EVENT_TYPES,
  ): Promise<Map<string, HistoryEvent[]>> {
    const out = new Map<string, HistoryEvent[]>();
    if (range.from >= range.to || (range.deviceIds && !range.deviceIds.length)) return out;
    let after: { ts: number; key: string } | undefined;
    for (;;) {
      const page: StoredEvent[] = await this.store.queryEvents({
        ...range,
        types: [...types],
        limit: EVENT_PAGE,
        after,
      });
      for (const e of page) {
        const list = out.get(e.deviceId);
        if (list) list.push(toHistoryEvent(e));
        else out.set(e.deviceId, [toHistoryEvent(e)]);
      }
      if (page.length < EVENT_PAGE) return out;
      const last = page[page.length - 1];
      after = { ts: last.ts, key: last.key };
    }
  }

  /**
   * The whole history of some devices over [from, to): every metric by UTC day and
   * every event, read a batch of devices at a time. Memory is the engine's input itself
   * (docs/predictions.md: about 70 MB per 1,000 devices and year).
   */
  async fleetHistory(
    devices: readonly SupplyDevice[],
    models: readonly ModelInfo[],
    range: { from: number; to: number },
  ): Promise<FleetHistory> {
    const metrics = await this.metricNames();
    const out: DeviceHistory[] = [];
    for (let i = 0; i < devices.length; i += DEVICE_BATCH) {
      const batch = devices.slice(i, i + DEVICE_BATCH);
      const ids = batch.map((d) => d.deviceId);
      const series = new Map<string, Record<string, DailySeries>>();
      for (const metric of metrics) {
        for (const [id, s] of await this.dailySeries(ids, metric, range.from, range.to)) {
          const m = series.get(id) ?? {};
          m[metric] = s;
          series.set(id, m);
        }
      }
      const events = await this.events({ ...range, deviceIds: ids });
      for (const d of batch)
        out.push({
          deviceId: d.deviceId,
          modelId: d.modelId,
          installDate: d.installDate,
          metrics: series.get(d.deviceId) ?? {},
          events: events.get(d.deviceId) ?? [],
        });
    }
    return { models: [...models], devices: out };
  }
}
