import { Inject, Injectable, Logger } from '@nestjs/common';
import { ReliabilityMetrics } from './reliability.metrics.js';
import {
  KPI_STATE_REPOSITORY,
  type KpiDeviceState,
  type KpiStateRepository,
} from './kpi-state.repository.js';
import type { EventRecord } from '../ports/records.js';
import type { DeviceScope } from '../registry/registry-entities.js';
import { RegistryService } from '../registry/registry.service.js';
import {
  TELEMETRY_STORE,
  type DeviceWindowValue,
  type KpiRow,
  type KpiScope,
  type TelemetryStore,
} from '../ports/telemetry-store.port.js';
import { registryDateMs, type EquipmentModel } from '../registry/registry-entities.js';
import { EpisodeBuilder, compareEvents, type EpisodeCarry } from './downtime-episodes.js';
import {
  KPI_OUTAGE_REPOSITORY,
  type DeviceOutage,
  type KpiOutageRepository,
  type OutageChange,
} from './kpi-outage.repository.js';
import {
  DAY_MS,
  HOUR_MS,
  compactFields,
  dayStart,
  deviceFactRows,
  downByPeriod,
  inServicePerDay,
  outagesFrom,
  usageRises,
  withTotals,
} from './kpi-ledger.js';
import { sumKpiFields, type KpiFields } from './reliability-kpis.js';

/** Event types that make downtime episodes and service calls. */
const LEDGER_EVENT_TYPES = ['fault.raised', 'fault.cleared', 'service.started', 'service.finished'];
const EVENT_PAGE = 50_000;
const WRITE_CHUNK = 5_000;
/** Devices recomputed from their history together: one read each of events, readings and rows. */
const REPLAY_BATCH = 250;
const END_OF_TIME = 8.64e15;

export interface KpiRunSummary {
  /** The time the ledger is now computed up to. */
  computedThrough: number;
  /** Registered devices the ledger covers. */
  devices: number;
  /** Devices whose facts were recomputed: new data since the last run, late data, new or changed records. */
  changedDevices: number;
  /** Of those, devices recomputed from before the last computed day: late data, new or changed records. */
  backfilledDevices: number;
  /** Earliest day recomputed; null when nothing was. */
  fromDay: number | null;
  /** Device rows written (days with facts, and emptied ones). */
  deviceRows: number;
  rollupRows: number;
  /** True when all history was recomputed (first run, or a rebuild). */
  full: boolean;
  durationMs: number;
  /** Where the time went: reading, computing and writing devices, rollups (with the dashboard series), state. */
  phasesMs: { read: number; devices: number; rollups: number; state: number };
}

/** What the ledger keeps of a device between runs, as `KpiDeviceState.carry`. */
interface DeviceCarry {
  episodes: EpisodeCarry;
  /** Last usage-counter reading (hour start, value) before the carry's day; null: none yet. */
  usage: { ts: number; value: number } | null;
}

interface Plan {
  scope: DeviceScope;
  installMs: number;
  removedMs: number | null;
  key: string;
  /** Facts from this day on. */
  fromDay: number;
  /** From all its history: new, changed, late data before the last computed day, or nothing carried. */
  replay: boolean;
  /** New or changed in the registry (or nothing carried): its in-service time changed too. */
  fresh: boolean;
  carry: DeviceCarry | null;
  metric: string | null;
}

type Group = [KpiScope, string];

/** Events, readings, device rows and outages of a batch of devices, by device. */
interface Batch {
  events: Map<string, EventRecord[]>;
  readings: Map<string, DeviceWindowValue[]>;
  old: Map<string, KpiRow[]>;
  oldOutages: Map<string, DeviceOutage[]>;
}

/** What the device passes of a run add up. */
interface BatchTotals {
  deviceRows: number;
  changed: number;
  fromDay: number | null;
  read: number;
  devices: number;
  /** The dashboard series is rewritten from this day (devices new, changed or gone; today's row) … */
  seriesFrom: number;
  /** … and on these days (outages that changed). */
  seriesDays: Set<number>;
}

/** In-service and down time of the fleet and each model, per day, by group key. */
interface DashboardSeries {
  values: Map<string, { scope: KpiScope; id: string; day: number; inService: number; down: number }>;
}
const groupKey = (scope: KpiScope, id: string, day: number): string => `${scope}\u0000${id}\u0000${day}`;

/**
 * Keeps the KPI ledger up to date (docs/kpis.md). A run costs in proportion to what
 * changed: devices with new events or readings since the last run go on from what was
 * carried (no history reread); devices with late data, new or changed records are
 * recomputed from the day concerned; quiet devices are not touched. Rollups (model,
 * site, customer, component, fleet) move by the difference.
 */
@Injectable()
export class KpiLedgerService {
  private readonly logger = new Logger(KpiLedgerService.name);
  private running: Promise<KpiRunSummary> | null = null;

  constructor(
    @Inject(TELEMETRY_STORE) private readonly store: TelemetryStore,
    private readonly registry: RegistryService,
    @Inject(KPI_STATE_REPOSITORY) private readonly state: KpiStateRepository,
    @Inject(KPI_OUTAGE_REPOSITORY) private readonly outages: KpiOutageRepository,
    private readonly metrics: ReliabilityMetrics,
  ) {}

  /** Brings the ledger up to `now`; runs one at a time (a call during a run waits for it, then runs). */
  async refresh(options: { rebuild?: boolean; now?: number } = {}): Promise<KpiRunSummary> {
    while (this.running) await this.running.catch(() => undefined);
    this.running = this.run(options.now ?? Date.now(), options.rebuild ?? false);
    // every run is measured, scheduled or asked for over HTTP
    const end = this.metrics.refreshSeconds.startTimer();
    try {
      const summary = await this.running;
      this.metrics.computedThrough.set(summary.computedThrough / 1000);
      return summary;
    } catch (err) {
      this.metrics.refreshFailures.inc();
      throw err;
    } finally {
      end();
      this.running = null;
    }
  }

  /** Marks devices for recomputation from the given times (late data, imports). */
  markDirty(fromByDevice: ReadonlyMap<string, number>): Promise<void> {
    return this.state.markDirty(fromByDevice);
  }

  computedThrough(): Promise<number | null> {
    return this.state.watermark();
  }

  private async run(now: number, rebuild: boolean): Promise<KpiRunSummary> {
    const started = Date.now();
    if (rebuild) await this.state.reset();
    const [scopes, models, watermark, previous] = await Promise.all([
      this.registry.deviceScopes(),
      this.registry.allModels(),
      this.state.watermark(),
      this.state.deviceStates(),
    ]);
    const dirty = await this.state.takeDirty();
    try {
      if (watermark === null) {
        // from nothing: what an earlier run or layout left is gone first
        await this.store.clearKpis();
        await this.outages.clear();
      }
      return await this.compute(now, scopes, models, watermark, previous, dirty, started);
    } catch (err) {
      await this.state.markDirty(dirty); // try those again next time
      throw err;
    }
  }

  private plan(
    now: number,
    scopes: DeviceScope[],
    models: Map<string, EquipmentModel>,
    lastDay: number | null,
    previous: Map<string, KpiDeviceState>,
    dirty: Map<string, number>,
  ): Plan[] {
    const plans: Plan[] = [];
    for (const scope of scopes) {
      const installMs = registryDateMs(scope.installDate);
      const removedMs = scope.removedDate ? registryDateMs(scope.removedDate) : null;
      if (!(installMs < now)) continue;
      const key = JSON.stringify([installMs, removedMs, scope.modelId, scope.siteId, scope.customerId]);
      const before = previous.get(scope.deviceId);
      const late = dirty.get(scope.deviceId);
      const carry = before?.carry ? (JSON.parse(before.carry) as DeviceCarry) : null;
      const fresh = lastDay === null || before?.scopeKey !== key || carry === null;
      const from = fresh ? installMs : Math.min(lastDay, late ?? Infinity);
      const replay = fresh || (late !== undefined && late < lastDay);
      plans.push({
        scope,
        installMs,
        removedMs,
        key,
        fromDay: dayStart(Math.max(from, installMs)),
        replay,
        fresh,
        // a replay goes through all history: it carries nothing in
        carry: replay ? null : carry,
        metric: models.get(scope.modelId)?.usageMetric ?? null,
      });
    }
    return plans;
  }

  private async compute(
    now: number,
    scopes: DeviceScope[],
    models: Map<string, EquipmentModel>,
    watermark: number | null,
    previous: Map<string, KpiDeviceState>,
    dirty: Map<string, number>,
    started: number,
  ): Promise<KpiRunSummary> {
    const full = watermark === null;
    const lastDay = full ? null : dayStart(watermark);
    const today = dayStart(now);
    let lap = started;
    const mark = (): number => {
      const t = Date.now() - lap;
      lap = Date.now();
      return t;
    };
    const plans = this.plan(now, scopes, models, lastDay, previous, dirty);
    const registered = new Set(scopes.map((s) => s.deviceId));
    const gone = [...previous.keys()].filter((id) => !registered.has(id));

    const groupsNow = new Map(
      scopes.map((s) => [s.deviceId, groupsOf(s.modelId, s.siteId, s.customerId, models)]),
    );
    const groupsBefore = (deviceId: string): Group[] => {
      const state = previous.get(deviceId);
      if (!state) return groupsNow.get(deviceId) ?? [];
      const [, , modelId, siteId, customerId] = JSON.parse(state.scopeKey) as [
        number,
        number | null,
        string,
        string | null,
        string | null,
      ];
      return groupsOf(modelId, siteId, customerId, models);
    };
    const delta = new RollupDelta();
    const states = new Map(previous);
    const changes: OutageChange[] = [];
    const out: KpiRow[] = [];
    const totals: BatchTotals = {
      deviceRows: 0,
      changed: 0,
      fromDay: null,
      read: 0,
      devices: 0,
      seriesFrom: lastDay ?? today,
      seriesDays: new Set(),
    };

    // devices going on from their carry: what is new since the last computed day, fleet-wide, in one read
    const goingOn = plans.filter((p) => !p.replay);
    if (goingOn.length && lastDay !== null) {
      const batch = await this.readBatch(goingOn, lastDay, now, null);
      totals.read += mark();
      await this.computeBatch(
        goingOn,
        batch,
        today,
        groupsNow,
        groupsBefore,
        delta,
        states,
        changes,
        out,
        totals,
      );
      totals.devices += mark();
    }
    // devices recomputed from their history, a batch at a time: memory stays flat
    const replays = plans.filter((p) => p.replay);
    for (let i = 0; i < replays.length; i += REPLAY_BATCH) {
      const group = replays.slice(i, i + REPLAY_BATCH);
      const batch = await this.readBatch(group, 0, now, full ? null : lastDay);
      totals.read += mark();
      await this.computeBatch(
        group,
        batch,
        today,
        groupsNow,
        groupsBefore,
        delta,
        states,
        changes,
        out,
        totals,
      );
      totals.devices += mark();
    }
    // devices no longer registered leave the rollups
    if (gone.length) {
      const rows = await this.store.queryKpis({ scope: 'device', scopeIds: gone, from: 0, to: END_OF_TIME });
      for (const r of rows) {
        delta.apply(groupsBefore(r.scopeId), r, -1);
        out.push({ ...r, fields: {} });
      }
      for (const id of gone) {
        const install = (JSON.parse(previous.get(id)!.scopeKey) as [number])[0];
        totals.seriesFrom = Math.min(totals.seriesFrom, dayStart(install));
        changes.push({ deviceId: id, from: -END_OF_TIME, outages: [] });
        states.delete(id);
      }
    }
    totals.deviceRows += out.length;
    for (let i = 0; i < out.length; i += WRITE_CHUNK)
      await this.store.writeKpis(out.slice(i, i + WRITE_CHUNK));
    await this.outages.replaceFrom(changes);
    totals.devices += mark();

    const fromDay = totals.fromDay;
    // the dashboards' daily series, on the days whose facts, outages or devices in service changed
    const series = await this.dashboardSeries(totals, delta, now, plans, previous, models);
    const rollupRows = await this.writeRollups(delta, full, series);
    const rollupsMs = mark();
    await this.state.saveRun(now, states);
    const summary: KpiRunSummary = {
      computedThrough: now,
      devices: plans.length,
      changedDevices: totals.changed,
      backfilledDevices: replays.length,
      fromDay,
      deviceRows: totals.deviceRows,
      rollupRows,
      full,
      durationMs: Date.now() - started,
      phasesMs: { read: totals.read, devices: totals.devices, rollups: rollupsMs, state: mark() },
    };
    this.logger.log(summary, 'KPI ledger brought up to date');
    return summary;
  }

  /**
   * Events, usage readings and current device rows of some devices: from `from` (0: all
   * their history); old rows from each device's first day (none on a full run).
   */
  private async readBatch(
    plans: Plan[],
    from: number,
    now: number,
    rowsSince: number | null,
  ): Promise<Batch> {
    const ids = plans.map((p) => p.scope.deviceId);
    const fleetWide = from > 0; // what is new since the last day: few, whoever they belong to
    const events = new Map<string, EventRecord[]>();
    await this.collectEvents({ from, to: now, deviceIds: fleetWide ? undefined : ids }, events);
    const readings = new Map<string, DeviceWindowValue[]>();
    const byMetric = new Map<string, string[]>();
    for (const p of plans) {
      if (!p.metric) continue;
      const list = byMetric.get(p.metric);
      if (list) list.push(p.scope.deviceId);
      else byMetric.set(p.metric, [p.scope.deviceId]);
    }
    for (const [metric, wanted] of byMetric) {
      const values = await this.store.queryWindowLast({
        metric,
        from,
        to: now,
        windowMs: HOUR_MS,
        deviceIds: fleetWide ? undefined : wanted,
      });
      for (const v of values) {
        const list = readings.get(v.deviceId);
        if (list) list.push(v);
        else readings.set(v.deviceId, [v]);
      }
    }
    const old = new Map<string, KpiRow[]>();
    const since = rowsSince === null ? null : Math.min(rowsSince, ...plans.map((p) => p.fromDay));
    if (since !== null) {
      const rows = await this.store.queryKpis({
        scope: 'device',
        scopeIds: fleetWide ? undefined : ids,
        from: since,
        to: END_OF_TIME,
      });
      for (const r of rows) {
        const list = old.get(r.scopeId);
        if (list) list.push(r);
        else old.set(r.scopeId, [r]);
      }
    }
    const oldOutages = new Map<string, DeviceOutage[]>();
    if (since !== null)
      for (const o of await this.outages.overlapping({
        from: since,
        to: now,
        deviceIds: fleetWide ? undefined : ids,
      })) {
        const list = oldOutages.get(o.deviceId);
        if (list) list.push(o);
        else oldOutages.set(o.deviceId, [o]);
      }
    return { events, readings, old, oldOutages };
  }

  /** Recomputes the facts and outages of some devices from their plans, and moves the rollups. */
  private async computeBatch(
    plans: Plan[],
    batch: Batch,
    today: number,
    groupsNow: Map<string, Group[]>,
    groupsBefore: (deviceId: string) => Group[],
    delta: RollupDelta,
    states: Map<string, KpiDeviceState>,
    changes: OutageChange[],
    out: KpiRow[],
    totals: BatchTotals,
  ): Promise<void> {
    for (const p of plans) {
      const id = p.scope.deviceId;
      const deviceEvents = batch.events.get(id) ?? [];
      const deviceReadings = (batch.readings.get(id) ?? []).sort((a, b) => a.start - b.start);
      const old = (batch.old.get(id) ?? []).filter((r) => r.day >= p.fromDay);
      // quiet since the last run: nothing to do, its carry holds
      if (!p.replay && !deviceEvents.length && !deviceReadings.length && !old.length) continue;
      totals.changed++;
      totals.fromDay = Math.min(totals.fromDay ?? Infinity, p.fromDay);
      deviceEvents.sort(compareEvents);
      const builder = new EpisodeBuilder(id, p.carry?.episodes);
      const split = deviceEvents.findIndex((e) => e.ts >= today);
      builder.feed(split < 0 ? deviceEvents : deviceEvents.slice(0, split));
      const episodesCarry = builder.carry();
      if (split >= 0) builder.feed(deviceEvents.slice(split));
      const episodes = [...builder.closed, ...builder.openEpisodes()];

      const baseline = p.replay ? null : (p.carry?.usage ?? null);
      const rises = usageRises(deviceReadings, baseline);
      let lastReading: DeviceWindowValue | null = null;
      for (const r of deviceReadings) if (r.start < today) lastReading = r;
      const meteredSince = baseline ? -Infinity : (deviceReadings[0]?.start ?? null);

      const rows = deviceFactRows({
        deviceId: id,
        inServiceFrom: p.installMs,
        inServiceTo: p.removedMs,
        episodes,
        serviceCalls: deviceEvents.filter((e) => e.type === 'service.started').map((e) => e.ts),
        usage: p.metric ? rises : undefined,
        meteredSince,
        fromDay: p.fromDay,
      }).map((d): KpiRow => ({ scope: 'device', scopeId: id, day: d.day, fields: d.fields }));
      // days that had facts and have none now are emptied
      const kept = new Set(rows.map((r) => r.day));
      for (const r of old) if (!kept.has(r.day)) out.push({ ...r, fields: {} });
      out.push(...rows);
      for (const r of old) delta.apply(groupsBefore(id), r, -1);
      for (const r of rows) delta.apply(groupsNow.get(id) ?? [], r, 1);
      const outages = outagesFrom(episodes, p.installMs, p.removedMs, p.fromDay);
      changes.push({ deviceId: id, from: p.fromDay, outages });
      if (p.fresh) totals.seriesFrom = Math.min(totals.seriesFrom, p.fromDay);
      // the days its outages, before and after, touch: their down time may have changed
      else
        for (const o of [...outages, ...(batch.oldOutages.get(id) ?? [])])
          for (
            let day = dayStart(Math.max(o.start, p.fromDay));
            day < (o.end ?? today + DAY_MS);
            day += DAY_MS
          )
            totals.seriesDays.add(day);
      const carry: DeviceCarry = {
        episodes: episodesCarry,
        usage: lastReading ? { ts: lastReading.start, value: lastReading.value } : baseline,
      };
      states.set(id, { scopeKey: p.key, carry: JSON.stringify(carry) });
      if (out.length >= WRITE_CHUNK) {
        totals.deviceRows += out.length;
        await this.store.writeKpis(out.splice(0));
      }
    }
  }

  private async collectEvents(
    range: { from: number; to: number; deviceIds?: readonly string[] },
    into: Map<string, EventRecord[]>,
  ): Promise<void> {
    let after: { ts: number; key: string } | undefined;
    for (;;) {
      const page = await this.store.queryEvents({
        ...range,
        types: LEDGER_EVENT_TYPES,
        limit: EVENT_PAGE,
        after,
      });
      for (const e of page) {
        const list = into.get(e.deviceId);
        if (list) list.push(e);
        else into.set(e.deviceId, [e]);
      }
      if (page.length < EVENT_PAGE) return;
      const last = page[page.length - 1];
      after = { ts: last.ts, key: last.key };
    }
  }

  /**
   * Rollup rows moved by the difference (on a full run, written from it), with the
   * dashboards' daily series on the fleet and model rows of its days.
   */
  private async writeRollups(delta: RollupDelta, full: boolean, series: DashboardSeries): Promise<number> {
    const entries = delta.entries();
    const byKey = new Map(entries.map((d) => [groupKey(d.scope, d.id, d.day), d]));
    // every day of the series has a fleet and a model row, facts or not
    for (const [k, value] of series.values)
      if (!byKey.has(k)) byKey.set(k, { scope: value.scope, id: value.id, day: value.day, fields: {} });
    if (!byKey.size) return 0;
    const current = new Map<string, KpiFields>();
    if (!full) {
      let from = Infinity;
      let to = -Infinity;
      for (const d of byKey.values()) {
        from = Math.min(from, d.day);
        to = Math.max(to, d.day + DAY_MS);
      }
      for (const scope of new Set([...byKey.values()].map((d) => d.scope))) {
        const ids = [...new Set([...byKey.values()].filter((d) => d.scope === scope).map((d) => d.id))];
        for (const r of await this.store.queryKpis({ scope, scopeIds: ids, from, to }))
          current.set(groupKey(scope, r.scopeId, r.day), r.fields);
      }
    }
    const rows: KpiRow[] = [];
    for (const [k, d] of byKey) {
      const before = current.get(k);
      const fields = before ? sumKpiFields([before, d.fields]) : d.fields;
      const daily = series.values.get(k);
      if (daily) {
        fields.in_service_ms = daily.inService;
        fields.down_ms = daily.down;
      }
      rows.push({ scope: d.scope, scopeId: d.id, day: d.day, fields: withTotals(compactFields(fields)) });
    }
    for (let i = 0; i < rows.length; i += WRITE_CHUNK)
      await this.store.writeKpis(rows.slice(i, i + WRITE_CHUNK));
    return rows.length;
  }

  /**
   * Daily in-service and down time of the fleet and of each model from `fromDay` to
   * today: what the Grafana dashboards sum (a row per day and model, whatever the
   * fleet's size). The KPI API computes them itself for any window.
   */
  private async dashboardSeries(
    totals: BatchTotals,
    delta: RollupDelta,
    now: number,
    plans: Plan[],
    previous: Map<string, KpiDeviceState>,
    models: Map<string, EquipmentModel>,
  ): Promise<DashboardSeries> {
    const wanted = new Set(totals.seriesDays);
    for (const d of delta.days()) wanted.add(d);
    for (let day = totals.seriesFrom; day < now; day += DAY_MS) wanted.add(day);
    const fromDay = Math.min(...wanted);
    const days = [...wanted]
      .filter((d) => d < now)
      .sort((x, y) => x - y)
      .map((d): [number, number] => [d, Math.min(d + DAY_MS, now)]);
    const modelOf = new Map(plans.map((p) => [p.scope.deviceId, p.scope.modelId]));
    const modelIds = new Set([...models.keys()]);
    for (const s of previous.values()) modelIds.add((JSON.parse(s.scopeKey) as unknown[])[2] as string);
    const outages = await this.outages.overlapping({ from: fromDay, to: now });
    const values: DashboardSeries['values'] = new Map();
    for (const [scope, id] of [['fleet', 'all'], ...[...modelIds].map((m) => ['model', m])] as Group[]) {
      const members = plans.filter((p) => scope === 'fleet' || p.scope.modelId === id);
      const inService = inServicePerDay(
        members.map((p) => ({ inServiceFrom: p.installMs, inServiceTo: p.removedMs })),
        fromDay,
        now,
      );
      const down = downByPeriod(
        outages.filter((o) => (scope === 'fleet' ? modelOf.has(o.deviceId) : modelOf.get(o.deviceId) === id)),
        days,
        now,
      );
      days.forEach(([day], i) =>
        values.set(groupKey(scope, id, day), {
          scope,
          id,
          day,
          inService: inService[Math.round((day - fromDay) / DAY_MS)],
          down: down[i],
        }),
      );
    }
    return { values };
  }
}

/**
 * How the rollups move: device rows in (+1) and out (-1), summed first by the set
 * of groups they count in (devices of one model and site share it), then spread
 * over those groups, so the work grows with devices, not devices × groups.
 */
class RollupDelta {
  private readonly bySet = new Map<string, { groups: Group[]; days: Map<number, KpiFields> }>();

  apply(groups: Group[], row: KpiRow, sign: 1 | -1): void {
    const setKey = groups.map((g) => g.join('\u0000')).join('\u0001');
    let set = this.bySet.get(setKey);
    if (!set) this.bySet.set(setKey, (set = { groups, days: new Map() }));
    let fields = set.days.get(row.day);
    if (!fields) set.days.set(row.day, (fields = {}));
    // hourly facts only: totals are recomputed when the rollup row is written
    for (const f in row.fields) if (f.includes('@')) fields[f] = (fields[f] ?? 0) + sign * row.fields[f];
  }

  /** Days with a difference. */
  days(): Set<number> {
    const days = new Set<number>();
    for (const set of this.bySet.values()) for (const day of set.days.keys()) days.add(day);
    return days;
  }

  /** The difference for each group and day. */
  entries(): Array<{ scope: KpiScope; id: string; day: number; fields: KpiFields }> {
    const byGroupDay = new Map<string, { scope: KpiScope; id: string; day: number; fields: KpiFields }>();
    for (const { groups, days } of this.bySet.values())
      for (const [day, fields] of days)
        for (const [scope, id] of groups) {
          const k = groupKey(scope, id, day);
          const entry = byGroupDay.get(k);
          if (!entry) byGroupDay.set(k, { scope, id, day, fields: { ...fields } });
          else for (const f in fields) entry.fields[f] = (entry.fields[f] ?? 0) + fields[f];
        }
    return [...byGroupDay.values()];
  }
}

/** The rollup groups a device counts in. */
function groupsOf(
  modelId: string,
  siteId: string | null,
  customerId: string | null,
  models: Map<string, EquipmentModel>,
): Group[] {
  const groups: Group[] = [
    ['fleet', 'all'],
    ['model', modelId],
  ];
  if (siteId) groups.push(['site', siteId]);
  if (customerId) groups.push(['customer', customerId]);
  for (const c of models.get(modelId)?.components ?? []) groups.push(['component', c.name]);
  return groups;
}
