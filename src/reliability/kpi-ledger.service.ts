import { Inject, Injectable, Logger } from '@nestjs/common';
import { MetricsService } from '../infrastructure/metrics/metrics.service.js';
import {
  KPI_STATE_REPOSITORY,
  type KpiDeviceState,
  type KpiStateRepository,
} from '../ports/kpi-state-repository.port.js';
import type { EventRecord } from '../ports/records.js';
import {
  REGISTRY_REPOSITORY,
  type DeviceScope,
  type RegistryRepository,
} from '../ports/registry-repository.port.js';
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
} from './kpi-ledger.js';
import { sumKpiFields, type KpiFields } from './reliability-kpis.js';

/** Event types that make downtime episodes and service calls. */
const LEDGER_EVENT_TYPES = ['fault.raised', 'fault.cleared', 'service.started', 'service.finished'];
const EVENT_PAGE = 10_000;
const WRITE_CHUNK = 5_000;

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
  carry: DeviceCarry | null;
  metric: string | null;
}

type Group = [KpiScope, string];
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
    @Inject(REGISTRY_REPOSITORY) private readonly registry: RegistryRepository,
    @Inject(KPI_STATE_REPOSITORY) private readonly state: KpiStateRepository,
    @Inject(KPI_OUTAGE_REPOSITORY) private readonly outages: KpiOutageRepository,
    private readonly metrics: MetricsService,
  ) {}

  /** Brings the ledger up to `now`; runs one at a time (a call during a run waits for it, then runs). */
  async refresh(options: { rebuild?: boolean; now?: number } = {}): Promise<KpiRunSummary> {
    while (this.running) await this.running.catch(() => undefined);
    this.running = this.run(options.now ?? Date.now(), options.rebuild ?? false);
    // every run is measured, scheduled or asked for over HTTP
    const end = this.metrics.kpiRefreshSeconds.startTimer();
    try {
      const summary = await this.running;
      this.metrics.kpiComputedThrough.set(summary.computedThrough / 1000);
      return summary;
    } catch (err) {
      this.metrics.kpiRefreshFailures.inc();
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
      allModels(this.registry),
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
    const plans = this.plan(now, scopes, models, lastDay, previous, dirty);
    const replays = plans.filter((p) => p.replay);
    const goingOn = plans.filter((p) => !p.replay);

    // events: what is new since the last run for everyone, all history for the replays
    const events = new Map<string, EventRecord[]>();
    const fleetWide = replays.length > Math.max(20, plans.length / 5);
    if (fleetWide) await this.collectEvents({ from: 0, to: now }, events);
    else {
      if (lastDay !== null && goingOn.length) await this.collectEvents({ from: lastDay, to: now }, events);
      for (const p of replays) {
        // its recent events came with the fleet's: read its whole history instead
        events.delete(p.scope.deviceId);
        await this.collectEvents({ from: 0, to: now, deviceId: p.scope.deviceId }, events);
      }
    }
    const readings = await this.readings(replays, goingOn, lastDay, now);

    // what was there before, to move the rollups by the difference and empty what is gone
    const gone = [...previous.keys()].filter((id) => !scopes.some((s) => s.deviceId === id));
    const oldRows = full ? new Map<string, KpiRow[]>() : await this.oldRows(replays, goingOn, gone, lastDay!);

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

    const delta = new Map<string, { scope: KpiScope; id: string; day: number; fields: KpiFields }>();
    const apply = (groups: Group[], row: KpiRow, sign: 1 | -1): void => {
      for (const [scope, id] of groups) {
        const k = groupKey(scope, id, row.day);
        let entry = delta.get(k);
        if (!entry) delta.set(k, (entry = { scope, id, day: row.day, fields: {} }));
        for (const f in row.fields) entry.fields[f] = (entry.fields[f] ?? 0) + sign * row.fields[f];
      }
    };

    const states = new Map(previous);
    const changes: OutageChange[] = [];
    const deviceRowsOut: KpiRow[] = [];
    let deviceRows = 0;
    let fromDay: number | null = null;
    let changed = 0;
    const flushDeviceRows = async (force: boolean): Promise<void> => {
      if (!force && deviceRowsOut.length < WRITE_CHUNK) return;
      deviceRows += deviceRowsOut.length;
      await this.store.writeKpis(deviceRowsOut.splice(0));
    };

    for (const p of plans) {
      const id = p.scope.deviceId;
      const deviceEvents = (events.get(id) ?? []).filter((e) => p.replay || e.ts >= p.fromDay);
      const deviceReadings = readings.get(id) ?? [];
      const old = oldRows.get(id) ?? [];
      // quiet since the last run: nothing to do, its carry holds
      if (!p.replay && !deviceEvents.length && !deviceReadings.length && !old.length) continue;
      changed++;
      fromDay = Math.min(fromDay ?? Infinity, p.fromDay);
      deviceEvents.sort(compareEvents);
      const builder = new EpisodeBuilder(id, p.carry?.episodes);
      const split = deviceEvents.findIndex((e) => e.ts >= today);
      builder.feed(split < 0 ? deviceEvents : deviceEvents.slice(0, split));
      const episodesCarry = builder.carry();
      if (split >= 0) builder.feed(deviceEvents.slice(split));
      const episodes = [...builder.closed, ...builder.openEpisodes()];

      const baseline = p.replay ? null : (p.carry?.usage ?? null);
      const rises = usageRises(deviceReadings, baseline);
      const beforeToday = deviceReadings.filter((r) => r.start < today);
      const lastReading = beforeToday.length ? beforeToday[beforeToday.length - 1] : null;
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
      const emptied = old.filter((r) => !kept.has(r.day)).map((r): KpiRow => ({ ...r, fields: {} }));
      deviceRowsOut.push(...rows, ...emptied);
      for (const r of old) apply(groupsBefore(id), r, -1);
      for (const r of rows) apply(groupsNow.get(id) ?? [], r, 1);
      changes.push({
        deviceId: id,
        from: p.fromDay,
        outages: outagesFrom(episodes, p.installMs, p.removedMs, p.fromDay),
      });
      const carry: DeviceCarry = {
        episodes: episodesCarry,
        usage: lastReading ? { ts: lastReading.start, value: lastReading.value } : baseline,
      };
      states.set(id, { scopeKey: p.key, carry: JSON.stringify(carry) });
      await flushDeviceRows(false);
    }
    // devices no longer registered leave the rollups
    for (const id of gone) {
      for (const r of oldRows.get(id) ?? []) {
        apply(groupsBefore(id), r, -1);
        deviceRowsOut.push({ ...r, fields: {} });
      }
      changes.push({ deviceId: id, from: -8.64e15, outages: [] });
      states.delete(id);
    }
    await flushDeviceRows(true);
    await this.outages.replaceFrom(changes);

    let rollupRows = await this.writeRollups(delta, full);
    if (fromDay !== null || full) {
      const seriesFrom = full
        ? Math.min(...plans.map((p) => p.fromDay), today)
        : Math.min(fromDay ?? today, lastDay!);
      rollupRows += await this.dashboardSeries(seriesFrom, now, plans, previous, models);
    }
    await this.state.saveRun(now, states);
    const summary: KpiRunSummary = {
      computedThrough: now,
      devices: plans.length,
      changedDevices: changed,
      backfilledDevices: lastDay === null ? plans.length : plans.filter((p) => p.replay).length,
      fromDay,
      deviceRows,
      rollupRows,
      full,
      durationMs: Date.now() - started,
    };
    this.logger.log(summary, 'KPI ledger brought up to date');
    return summary;
  }

  private async collectEvents(
    range: { from: number; to: number; deviceId?: string },
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
   * Usage-counter readings (last of each hour) per device: all of them for devices
   * recomputed from their history, since the last computed day for the others.
   */
  private async readings(
    replays: Plan[],
    goingOn: Plan[],
    lastDay: number | null,
    now: number,
  ): Promise<Map<string, DeviceWindowValue[]>> {
    const out = new Map<string, DeviceWindowValue[]>();
    const read = async (group: Plan[], from: number, everyone: boolean): Promise<void> => {
      const byMetric = new Map<string, Plan[]>();
      for (const p of group) if (p.metric) byMetric.set(p.metric, [...(byMetric.get(p.metric) ?? []), p]);
      for (const [metric, plans] of byMetric) {
        const wanted = new Set(plans.map((p) => p.scope.deviceId));
        const values = await this.store.queryWindowLast({
          metric,
          from,
          to: now,
          windowMs: HOUR_MS,
          // the whole fleet: no list of ids to send
          deviceIds: everyone ? undefined : [...wanted],
        });
        for (const v of values) {
          if (!wanted.has(v.deviceId)) continue;
          const list = out.get(v.deviceId);
          if (list) list.push(v);
          else out.set(v.deviceId, [v]);
        }
      }
    };
    if (replays.length) await read(replays, 0, replays.length > 50);
    if (goingOn.length && lastDay !== null) await read(goingOn, lastDay, goingOn.length > 50);
    for (const list of out.values()) list.sort((a, b) => a.start - b.start);
    return out;
  }

  /** Device rows as they are now, from the day each device is recomputed from; all rows of devices gone. */
  private async oldRows(
    replays: Plan[],
    goingOn: Plan[],
    gone: string[],
    lastDay: number,
  ): Promise<Map<string, KpiRow[]>> {
    const out = new Map<string, KpiRow[]>();
    const fromOf = new Map<string, number>();
    for (const p of [...replays, ...goingOn]) fromOf.set(p.scope.deviceId, p.fromDay);
    for (const id of gone) fromOf.set(id, -8.64e15);
    const add = (rows: KpiRow[]): void => {
      for (const r of rows) {
        const from = fromOf.get(r.scopeId);
        if (from === undefined || r.day < from) continue;
        const list = out.get(r.scopeId);
        if (list) list.push(r);
        else out.set(r.scopeId, [r]);
      }
    };
    const end = 8.64e15;
    // rows since the last computed day: few, whoever they belong to
    if (goingOn.length) add(await this.store.queryKpis({ scope: 'device', from: lastDay, to: end }));
    const back = [...replays.map((p) => p.scope.deviceId), ...gone];
    if (back.length) {
      const from = Math.min(...back.map((id) => fromOf.get(id)!));
      const rows = await this.store.queryKpis({
        scope: 'device',
        scopeIds: back,
        from: Math.max(from, 0),
        to: end,
      });
      // a replayed device's rows since the last day may have come with the first read
      const seen = new Set([...out.values()].flat().map((r) => `${r.scopeId}\u0000${r.day}`));
      add(rows.filter((r) => !seen.has(`${r.scopeId}\u0000${r.day}`)));
    }
    return out;
  }

  /** Rollup rows moved by the difference (or, on a full run, written from it). */
  private async writeRollups(
    delta: Map<string, { scope: KpiScope; id: string; day: number; fields: KpiFields }>,
    full: boolean,
  ): Promise<number> {
    if (!delta.size) return 0;
    const rows: KpiRow[] = [];
    if (full) {
      for (const d of delta.values())
        rows.push({ scope: d.scope, scopeId: d.id, day: d.day, fields: compactFields(d.fields) });
    } else {
      const days = [...delta.values()].map((d) => d.day);
      const from = Math.min(...days);
      const to = Math.max(...days) + DAY_MS;
      for (const scope of new Set([...delta.values()].map((d) => d.scope))) {
        const ids = [...new Set([...delta.values()].filter((d) => d.scope === scope).map((d) => d.id))];
        const current = new Map(
          (await this.store.queryKpis({ scope, scopeIds: ids, from, to })).map((r) => [
            groupKey(scope, r.scopeId, r.day),
            r.fields,
          ]),
        );
        for (const [k, d] of delta) {
          if (d.scope !== scope) continue;
          rows.push({
            scope,
            scopeId: d.id,
            day: d.day,
            fields: compactFields(sumKpiFields([current.get(k) ?? {}, d.fields])),
          });
        }
      }
    }
    for (let i = 0; i < rows.length; i += WRITE_CHUNK)
      await this.store.writeKpis(rows.slice(i, i + WRITE_CHUNK));
    return rows.length;
  }

  /**
   * Daily in-service and down time of the fleet and of each model, from `fromDay` to
   * today, on their rows: what the Grafana dashboards sum (one row per day and per
   * model, whatever the fleet's size). The KPI API computes them itself.
   */
  private async dashboardSeries(
    fromDay: number,
    now: number,
    plans: Plan[],
    previous: Map<string, KpiDeviceState>,
    models: Map<string, EquipmentModel>,
  ): Promise<number> {
    const days: Array<[number, number]> = [];
    for (let day = fromDay; day < now; day += DAY_MS) days.push([day, Math.min(day + DAY_MS, now)]);
    const modelOf = new Map(plans.map((p) => [p.scope.deviceId, p.scope.modelId]));
    const modelIds = new Set([...models.keys()]);
    for (const s of previous.values()) modelIds.add((JSON.parse(s.scopeKey) as unknown[])[2] as string);
    const groups: Group[] = [['fleet', 'all'], ...[...modelIds].map((m): Group => ['model', m])];
    const outages = await this.outages.overlapping({ from: fromDay, to: now });
    const series = new Map<string, { inService: number[]; down: number[] }>();
    for (const [scope, id] of groups) {
      const members = plans.filter((p) => scope === 'fleet' || p.scope.modelId === id);
      const memberIds = new Set(members.map((p) => p.scope.deviceId));
      series.set(groupKey(scope, id, 0), {
        inService: inServicePerDay(
          members.map((p) => ({ inServiceFrom: p.installMs, inServiceTo: p.removedMs })),
          fromDay,
          now,
        ),
        down: downByPeriod(
          outages.filter((o) => memberIds.has(o.deviceId) && modelOf.has(o.deviceId)),
          days,
          now,
        ),
      });
    }
    let written = 0;
    for (const scope of ['fleet', 'model'] as const) {
      const ids = groups.filter(([s]) => s === scope).map(([, id]) => id);
      const current = new Map(
        (await this.store.queryKpis({ scope, scopeIds: ids, from: fromDay, to: now })).map((r) => [
          groupKey(scope, r.scopeId, r.day),
          r.fields,
        ]),
      );
      const rows: KpiRow[] = [];
      for (const id of ids) {
        const s = series.get(groupKey(scope, id, 0))!;
        days.forEach(([day], i) => {
          const fields = { ...(current.get(groupKey(scope, id, day)) ?? {}) };
          fields.in_service_ms = s.inService[i];
          fields.down_ms = s.down[i];
          rows.push({ scope, scopeId: id, day, fields: compactFields(fields) });
        });
      }
      for (let i = 0; i < rows.length; i += WRITE_CHUNK)
        await this.store.writeKpis(rows.slice(i, i + WRITE_CHUNK));
      written += rows.length;
    }
    return written;
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

/** Every registered model by id (paged through the registry). */
export async function allModels(registry: RegistryRepository): Promise<Map<string, EquipmentModel>> {
  const models = new Map<string, EquipmentModel>();
  let after: string | undefined;
  for (;;) {
    const page = await registry.list('models', { limit: 1000, after });
    for (const m of page) models.set(m.modelId, m);
    if (page.length < 1000) return models;
    after = page[page.length - 1].modelId;
  }
}
