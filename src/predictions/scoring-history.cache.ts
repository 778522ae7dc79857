import { FAULT_SEVERITIES } from '../contract/index.js';
import { DEVICE_BATCH, pushDay, type FleetHistoryReader, type SupplyDevice } from './fleet-history.reader.js';
import {
  DAY_MS,
  dayStart,
  emptySeries,
  type DailySeries,
  type DeviceHistory,
  type HistoryEvent,
  type ModelInfo,
} from './prediction-input.js';

/**
 * What scoring reads, kept between runs: per device, the daily aggregates of its
 * gauges over the last `gaugeDays` complete days, its usage counter's over the last
 * `lookbackDays`, its events over the last `lookbackDays`, and a few anchors older
 * than that (the last replacement of each component and the last PM, with the counter's
 * reading before each; the first reading when the data starts at the installation), so
 * that a part's age and the usage since the PM are exact however long ago they were. A finished day never changes, so a run
 * reads only the days that ended since the last one and the events since then, for the
 * whole fleet in one query per metric; a device with late data (an import, a device
 * that caught up) is read again from the store. docs/predictions.md, "Data supply".
 */

export interface ScoringCacheOptions {
  /** Days of events and usage-counter aggregates before the scoring day. */
  lookbackDays: number;
  /** Days of gauge aggregates before the scoring day. */
  gaugeDays: number;
}

/** The engine reads these event types for scoring; the others tell it nothing. */
const SCORING_EVENT_TYPES = [
  'fault.raised',
  'fault.cleared',
  'part.replaced',
  'pm.done',
  'service.started',
] as const satisfies ReadonlyArray<HistoryEvent['type']>;

/** Kept from before the lookback, the last of each: a part's age runs from its replacement, the usage since the PM from it. */
const ANCHOR_EVENT_TYPES = ['part.replaced', 'pm.done'] as const;

/** The last replacement of each component and the last PM, sorted by time. */
function lastOfEach(events: readonly HistoryEvent[]): HistoryEvent[] {
  const last = new Map<string, HistoryEvent>();
  for (const e of events) {
    if (e.type === 'pm.done') last.set('pm.done', e);
    else if (e.type === 'part.replaced' && e.component) last.set(`part.replaced/${e.component}`, e);
  }
  return [...last.values()].sort((a, b) => a.ts - b.ts);
}

/** Readings this long before a replacement give its counter anchor. */
const ANCHOR_SEARCH_MS = 7 * DAY_MS;
/** The data starts at the installation when it starts within this of it (the engine's own slack). */
const INSTALL_SLACK_MS = 2 * DAY_MS;
/** How far before the install date readings are looked for (factory tests, clocks set late). */
const BEFORE_INSTALL_MS = 30 * DAY_MS;

interface CachedDevice {
  device: SupplyDevice;
  usageMetric: string | null;
  metrics: Map<string, DailySeries>;
  /** Sorted by time: the lookback's events, and the anchors before it. */
  events: EventLog;
  /** Codes raised as a failure (major, machine-down) on this device: only their clears matter. */
  failureCodes: Set<string>;
}

export interface CacheRefresh {
  /** Complete UTC days before this are read. */
  throughDay: number;
  /** Events before this are read. */
  eventsThrough: number;
  /** Devices read from the store in full (first run, new, moved to another model, late data). */
  loaded: number;
  /** Devices with new days or events since the last run (those loaded included). */
  changed: Set<string>;
  /** Aggregate rows and events read. */
  rows: number;
  events: number;
}

export class ScoringHistoryCache {
  private readonly devices = new Map<string, CachedDevice>();
  private readonly strings = new StringTable();
  private throughDay: number | null = null;
  private eventsThrough: number | null = null;

  constructor(
    private readonly reader: FleetHistoryReader,
    private readonly options: ScoringCacheOptions,
  ) {
    if (options.gaugeDays > options.lookbackDays)
      throw new Error('the gauge window cannot be longer than the lookback');
  }

  /** How much is held: devices, aggregate rows and events. */
  size(): { devices: number; rows: number; events: number } {
    let rows = 0;
    let events = 0;
    for (const c of this.devices.values()) {
      for (const s of c.metrics.values()) rows += s.day.length;
      events += c.events.length;
    }
    return { devices: this.devices.size, rows, events };
  }

  /** Forgets everything: the next refresh reads every device afresh. */
  clear(): void {
    this.devices.clear();
    this.throughDay = null;
    this.eventsThrough = null;
  }

  /** The watermarks of the last refresh; null before the first. */
  watermark(): { throughDay: number; eventsThrough: number } | null {
    return this.throughDay === null || this.eventsThrough === null
      ? null
      : { throughDay: this.throughDay, eventsThrough: this.eventsThrough };
  }

  /**
   * Brings the cache to `now`: complete days before the start of now's UTC day, events
   * before now. `late`: devices with data stored since the last refresh for times it had
   * read already (device → earliest such time); they are read again.
   */
  async refresh(
    fleet: readonly SupplyDevice[],
    models: ReadonlyMap<string, ModelInfo>,
    now: number,
    late: ReadonlyMap<string, number> = new Map(),
  ): Promise<CacheRefresh> {
    const dayEnd = dayStart(now);
    const registered = new Set(fleet.map((d) => d.deviceId));
    for (const id of [...this.devices.keys()]) if (!registered.has(id)) this.devices.delete(id);
    const previousDay = this.throughDay;
    const previousEvents = this.eventsThrough;
    // going back in time (a simulation restarted, a clock set back): read everything again
    if (previousDay !== null && (dayEnd < previousDay || now < (previousEvents ?? -Infinity))) this.clear();
    const reload: SupplyDevice[] = [];
    const goOn: CachedDevice[] = [];
    for (const d of fleet) {
      const c = this.devices.get(d.deviceId);
      const usageMetric = models.get(d.modelId)?.usageMetric ?? null;
      const lateTs = late.get(d.deviceId);
      const isLate = lateTs !== undefined && lateTs < (this.eventsThrough ?? -Infinity);
      if (
        !c ||
        c.device.modelId !== d.modelId ||
        c.device.installDate !== d.installDate ||
        c.usageMetric !== usageMetric ||
        isLate
      )
        reload.push(d);
      else goOn.push(c);
    }
    const summary: CacheRefresh = {
      throughDay: dayEnd,
      eventsThrough: now,
      loaded: reload.length,
      changed: new Set(reload.map((d) => d.deviceId)),
      rows: 0,
      events: 0,
    };
    const metrics = await this.reader.metricNames();
    const usageMetrics = new Set([...models.values()].map((m) => m.usageMetric));

    // what is new since the last refresh, fleet-wide: one query per metric, one for events
    if (goOn.length && previousDay !== null && previousEvents !== null) {
      const byId = new Map(goOn.map((c) => [c.device.deviceId, c]));
      if (dayEnd > previousDay) {
        for (const metric of metrics) {
          const rows = await this.reader.dailyRows(metric, previousDay, dayEnd);
          summary.rows += rows.length;
          for (const r of rows) {
            const c = byId.get(r.deviceId);
            if (!c) continue;
            let s = c.metrics.get(metric);
            if (!s) c.metrics.set(metric, (s = emptySeries()));
            pushDay(s, r);
            summary.changed.add(r.deviceId);
          }
        }
      }
      if (now > previousEvents) {
        const events = await this.reader.events({ from: previousEvents, to: now }, SCORING_EVENT_TYPES);
        for (const [id, list] of events) {
          const c = byId.get(id);
          if (!c) continue;
          const kept = list.filter((e) => keepEvent(c, e, models.get(c.device.modelId)));
          summary.events += kept.length;
          if (!kept.length) continue;
          for (const e of kept) c.events.push(e);
          summary.changed.add(id);
        }
      }
      for (const c of goOn) this.trim(c, dayEnd);
    }

    // devices read in full, a batch at a time
    for (let i = 0; i < reload.length; i += DEVICE_BATCH) {
      const batch = reload.slice(i, i + DEVICE_BATCH);
      const loaded = await this.load(batch, models, metrics, usageMetrics, dayEnd, now);
      summary.rows += loaded.rows;
      summary.events += loaded.events;
    }
    this.throughDay = dayEnd;
    this.eventsThrough = now;
    return summary;
  }

  /** The engine's input for one device, as known now; null when it is not cached. */
  history(deviceId: string): DeviceHistory | null {
    const c = this.devices.get(deviceId);
    if (!c) return null;
    const metrics: Record<string, DailySeries> = {};
    for (const [name, s] of c.metrics) if (s.day.length) metrics[name] = s;
    return {
      deviceId,
      modelId: c.device.modelId,
      installDate: c.device.installDate,
      metrics,
      events: c.events.slice(),
    };
  }

  /** Median usage per day over the counter window of a model's devices; null without readings. */
  typicalDailyUsage(modelId: string): number | null {
    const rates: number[] = [];
    for (const c of this.devices.values()) {
      if (c.device.modelId !== modelId || !c.usageMetric) continue;
      const s = c.metrics.get(c.usageMetric);
      if (!s || s.day.length < 8) continue;
      const n = s.day.length - 1;
      const days = (s.day[n] - s.day[Math.max(0, n - 30)]) / DAY_MS;
      const used = s.last[n] - s.last[Math.max(0, n - 30)];
      if (days > 0 && used >= 0) rates.push(used / days);
    }
    if (!rates.length) return null;
    rates.sort((a, b) => a - b);
    return rates[Math.floor(rates.length / 2)];
  }

  private async load(
    batch: readonly SupplyDevice[],
    models: ReadonlyMap<string, ModelInfo>,
    metrics: readonly string[],
    usageMetrics: ReadonlySet<string>,
    dayEnd: number,
    now: number,
  ): Promise<{ rows: number; events: number }> {
    const ids = batch.map((d) => d.deviceId);
    const lookbackStart = dayEnd - this.options.lookbackDays * DAY_MS;
    const gaugeStart = dayEnd - this.options.gaugeDays * DAY_MS;
    let rows = 0;
    const cached = new Map<string, CachedDevice>();
    for (const d of batch) {
      const c: CachedDevice = {
        device: d,
        usageMetric: models.get(d.modelId)?.usageMetric ?? null,
        metrics: new Map(),
        events: new EventLog(this.strings),
        failureCodes: new Set(),
      };
      cached.set(d.deviceId, c);
      this.devices.set(d.deviceId, c);
    }
    for (const metric of metrics) {
      const start = usageMetrics.has(metric) ? lookbackStart : gaugeStart;
      for (const [id, s] of await this.reader.dailySeries(ids, metric, start, dayEnd)) {
        cached.get(id)!.metrics.set(metric, s);
        rows += s.day.length;
      }
    }
    const events = await this.reader.events(
      { from: lookbackStart, to: now, deviceIds: ids },
      SCORING_EVENT_TYPES,
    );
    // before the lookback: the last replacement of each component (its origin) and the last PM …
    const older = await this.reader.events(
      { from: -8.64e15, to: lookbackStart, deviceIds: ids },
      ANCHOR_EVENT_TYPES,
    );
    let eventCount = 0;
    const anchorsWanted = new Map<number, string[]>();
    for (const c of cached.values()) {
      const id = c.device.deviceId;
      const origins = lastOfEach(older.get(id) ?? []);
      c.events = EventLog.from(this.strings, origins);
      for (const e of events.get(id) ?? [])
        if (keepEvent(c, e, models.get(c.device.modelId))) c.events.push(e);
      eventCount += c.events.length;
      // … with the counter's reading before it, so the part's usage since then is known
      if (c.usageMetric)
        for (const r of origins) {
          const day = dayStart(r.ts);
          anchorsWanted.set(day, [...(anchorsWanted.get(day) ?? []), id]);
        }
    }
    rows += await this.loadAnchors(cached, anchorsWanted, lookbackStart);
    for (const c of cached.values()) this.trim(c, dayEnd);
    return { rows, events: eventCount };
  }

  /**
   * Counter readings older than the lookback that the engine needs: the last day before
   * each old replacement, and the first day when the data starts at the installation
   * (the engine then knows the original parts' age).
   */
  private async loadAnchors(
    cached: Map<string, CachedDevice>,
    beforeReplacement: Map<number, string[]>,
    lookbackStart: number,
  ): Promise<number> {
    const anchors = new Map<string, Array<{ at: number; s: DailySeries }>>();
    const add = (id: string, s: DailySeries, i: number): void => {
      const row = emptySeries();
      appendRow(row, s, i);
      anchors.set(id, [...(anchors.get(id) ?? []), { at: s.day[i], s: row }]);
    };
    let rows = 0;
    const byMetric = (ids: string[]): Map<string, string[]> => {
      const m = new Map<string, string[]>();
      for (const id of ids) {
        const metric = cached.get(id)!.usageMetric!;
        m.set(metric, [...(m.get(metric) ?? []), id]);
      }
      return m;
    };
    for (const [day, ids] of beforeReplacement)
      for (const [metric, group] of byMetric(ids))
        for (const [id, s] of await this.reader.dailySeries(group, metric, day - ANCHOR_SEARCH_MS, day)) {
          rows++;
          add(id, s, s.day.length - 1);
        }
    // installed before the lookback: does the data start at the installation?
    const byInstall = new Map<number, string[]>();
    for (const c of cached.values()) {
      const install = c.device.installDate;
      if (install === null || !c.usageMetric || install + INSTALL_SLACK_MS >= lookbackStart) continue;
      const day = dayStart(install);
      byInstall.set(day, [...(byInstall.get(day) ?? []), c.device.deviceId]);
    }
    for (const [day, ids] of byInstall)
      for (const [metric, group] of byMetric(ids))
        for (const [id, s] of await this.reader.dailySeries(
          group,
          metric,
          day - BEFORE_INSTALL_MS,
          day + INSTALL_SLACK_MS + DAY_MS,
        )) {
          const install = cached.get(id)!.device.installDate!;
          if (s.day[0] > install + INSTALL_SLACK_MS) continue;
          rows++;
          add(id, s, 0);
        }
    for (const [id, list] of anchors) {
      const c = cached.get(id)!;
      const metric = c.usageMetric!;
      const window = c.metrics.get(metric) ?? emptySeries();
      const merged = emptySeries();
      const seen = new Set<number>();
      for (const { s } of list.sort((a, b) => a.at - b.at)) {
        if (seen.has(s.day[0]) || (window.day.length && s.day[0] >= window.day[0])) continue;
        seen.add(s.day[0]);
        appendRow(merged, s, 0);
      }
      for (let i = 0; i < window.day.length; i++) appendRow(merged, window, i);
      c.metrics.set(metric, merged);
    }
    return rows;
  }

  /** Drops what has left the windows, keeping the anchors the engine still needs. */
  private trim(c: CachedDevice, dayEnd: number): void {
    const lookbackStart = dayEnd - this.options.lookbackDays * DAY_MS;
    const gaugeStart = dayEnd - this.options.gaugeDays * DAY_MS;
    // events: the lookback, and each component's last replacement and the last PM before it
    const firstKept = c.events.firstAtOrAfter(lookbackStart);
    const old = c.events.slice(0, firstKept);
    if (old.length) {
      const origins = lastOfEach(old);
      if (origins.length !== old.length)
        c.events = EventLog.from(this.strings, [...origins, ...c.events.slice(firstKept)]);
    }
    const anchors = c.events.slice(0, c.events.firstAtOrAfter(lookbackStart));
    for (const [metric, s] of c.metrics) {
      const isCounter = metric === c.usageMetric;
      const start = isCounter ? lookbackStart : gaugeStart;
      if (!s.day.length || s.day[0] >= start) continue;
      const keep = new Set<number>();
      if (isCounter) {
        // the reading before each retained old replacement, and the install anchor (first row)
        for (const e of anchors) {
          let k = -1;
          for (let i = 0; i < s.day.length && s.day[i] + DAY_MS <= e.ts; i++) k = i;
          if (k >= 0) keep.add(k);
        }
        const install = c.device.installDate;
        if (install !== null && s.day[0] <= install + INSTALL_SLACK_MS) keep.add(0);
      }
      const out = emptySeries();
      for (let i = 0; i < s.day.length; i++) if (s.day[i] >= start || keep.has(i)) appendRow(out, s, i);
      c.metrics.set(metric, out);
    }
  }
}

function appendRow(into: DailySeries, from: DailySeries, i: number): void {
  into.day.push(from.day[i]);
  into.mean.push(from.mean[i]);
  into.min.push(from.min[i]);
  into.max.push(from.max[i]);
  into.count.push(from.count[i]);
  into.last.push(from.last[i]);
}

const TYPES: ReadonlyArray<HistoryEvent['type']> = SCORING_EVENT_TYPES;
const SEVERITIES = [undefined, ...FAULT_SEVERITIES] as const;

/** Strings of events (codes, components) by number, one table per cache. */
class StringTable {
  private readonly strings: string[] = [];
  private readonly index = new Map<string, number>();

  id(x: string | undefined): number {
    if (x === undefined) return -1;
    let i = this.index.get(x);
    if (i === undefined) this.index.set(x, (i = this.strings.push(x) - 1));
    return i;
  }

  at(i: number): string | undefined {
    return i < 0 ? undefined : this.strings[i];
  }
}

/**
 * A device's events in columns, strings by number: 18 bytes an event where an
 * object takes a couple of hundred (a fleet's lookback holds millions of events).
 * Scoring gets them back as objects, a device at a time. Only the fields the engine
 * reads are kept (time, type, code, component, severity).
 */
class EventLog {
  private ts = new Float64Array(0);
  private type = new Uint8Array(0);
  private severity = new Uint8Array(0);
  private code = new Int32Array(0);
  private component = new Int32Array(0);
  private count = 0;

  constructor(private readonly strings: StringTable) {}

  get length(): number {
    return this.count;
  }

  static from(strings: StringTable, events: readonly HistoryEvent[]): EventLog {
    const log = new EventLog(strings);
    log.grow(events.length);
    for (const e of events) log.push(e);
    return log;
  }

  push(e: HistoryEvent): void {
    const type = TYPES.indexOf(e.type);
    // the cache reads only the types scoring needs
    if (type < 0) throw new Error(`the scoring cache keeps no ${e.type} events`);
    if (this.count === this.ts.length) this.grow(Math.max(8, Math.ceil(this.count * 1.5)));
    const i = this.count++;
    this.ts[i] = e.ts;
    this.type[i] = type;
    this.severity[i] = e.severity === undefined ? 0 : SEVERITIES.indexOf(e.severity);
    this.code[i] = this.strings.id(e.code);
    this.component[i] = this.strings.id(e.component);
  }

  /** The index of the first event at or after `ts` (the length when none). */
  firstAtOrAfter(ts: number): number {
    let i = 0;
    while (i < this.count && this.ts[i] < ts) i++;
    return i;
  }

  /** Events [from, to) as objects. */
  slice(from = 0, to = this.count): HistoryEvent[] {
    const out: HistoryEvent[] = [];
    for (let i = from; i < Math.min(to, this.count); i++) {
      const e: HistoryEvent = { ts: this.ts[i], type: TYPES[this.type[i]] };
      const code = this.strings.at(this.code[i]);
      if (code !== undefined) e.code = code;
      const component = this.strings.at(this.component[i]);
      if (component !== undefined) e.component = component;
      const severity = SEVERITIES[this.severity[i]];
      if (severity !== undefined) e.severity = severity;
      out.push(e);
    }
    return out;
  }

  private grow(capacity: number): void {
    const n = this.count;
    const copy = <T extends Float64Array | Uint8Array | Int32Array>(from: T, to: T): T => {
      to.set(from.subarray(0, n));
      return to;
    };
    this.ts = copy(this.ts, new Float64Array(capacity));
    this.type = copy(this.type, new Uint8Array(capacity));
    this.severity = copy(this.severity, new Uint8Array(capacity));
    this.code = copy(this.code, new Int32Array(capacity));
    this.component = copy(this.component, new Int32Array(capacity));
  }
}

const tables = new WeakMap<ModelInfo, Map<string, string>>();
function severityTable(model: ModelInfo | undefined): Map<string, string> {
  if (!model) return new Map();
  let t = tables.get(model);
  if (!t) tables.set(model, (t = new Map((model.faultCodes ?? []).map((f) => [f.code, f.severity]))));
  return t;
}

/**
 * Whether the engine reads an event for scoring. A fault's clearing matters only for
 * a code raised as a failure (it ends the failure's downtime); the clearing of a minor
 * code, half of all events, is dropped.
 */
function keepEvent(c: CachedDevice, e: HistoryEvent, model: ModelInfo | undefined): boolean {
  if (e.type === 'fault.raised') {
    const severity =
      e.severity ?? (e.code !== undefined ? severityTable(model).get(e.code) : undefined) ?? 'minor';
    if (severity !== 'minor' && e.code !== undefined) c.failureCodes.add(e.code);
    return true;
  }
  if (e.type === 'fault.cleared') return e.code !== undefined && c.failureCodes.has(e.code);
  return true;
}
