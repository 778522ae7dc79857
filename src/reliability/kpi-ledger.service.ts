import { Inject, Injectable, Logger } from '@nestjs/common';
import { MetricsService } from '../infrastructure/metrics/metrics.service.js';
import {
  KPI_STATE_REPOSITORY,
  type KpiDeviceState,
  type KpiStateRepository,
} from './kpi-state.repository.js';
import type { EventRecord } from '../ports/records.js';
import {
  REGISTRY_REPOSITORY,
  type DeviceScope,
  type RegistryRepository,
} from '../registry/registry.repository.js';
import {
  TELEMETRY_STORE,
  type KpiRow,
  type KpiScope,
  type TelemetryStore,
} from '../ports/telemetry-store.port.js';
import { registryDateMs, type EquipmentModel } from '../registry/registry-entities.js';
import { episodesFromEvents } from './downtime-episodes.js';
import { DAY_MS, compactFields, dayStart, deviceDayRows, openSince, usagePerDay } from './kpi-ledger.js';
import { sumKpiFields, type KpiFields } from './reliability-kpis.js';

/** Event types that make downtime episodes and service calls. */
const LEDGER_EVENT_TYPES = ['fault.raised', 'fault.cleared', 'service.started', 'service.finished'];
const EVENT_PAGE = 10_000;
const WRITE_CHUNK = 5_000;
/** Rollups are summed this many days at a time, to bound memory on a rebuild. */
const ROLLUP_DAYS = 31;
/** How far back a device's last counter reading is looked for, as the usage baseline. */
const USAGE_BASELINE_DAYS = 35;

export interface KpiRunSummary {
  /** The time the ledger is now computed up to. */
  computedThrough: number;
  /** Devices whose days were recomputed, and from which day (earliest). */
  devices: number;
  /** Of those, devices recomputed from before the last computed day: late data, new or changed records. */
  backfilledDevices: number;
  fromDay: number | null;
  deviceRows: number;
  rollupRows: number;
  /** True when all history was recomputed (first run, or a rebuild). */
  full: boolean;
  durationMs: number;
}

interface Plan {
  scope: DeviceScope;
  installMs: number;
  removedMs: number | null;
  fromDay: number;
  /** Needs its events from the start: new, moved, or late data before what was computed. */
  ownHistory: boolean;
  key: string;
}

/**
 * Keeps the KPI ledger up to date, incrementally: each run recomputes only the
 * days since the previous run, plus the days of devices that received late data
 * or were registered or changed since, then the rollups (model, site, customer,
 * component, fleet) of those days.
 */
@Injectable()
export class KpiLedgerService {
  private readonly logger = new Logger(KpiLedgerService.name);
  private running: Promise<KpiRunSummary> | null = null;

  constructor(
    @Inject(TELEMETRY_STORE) private readonly store: TelemetryStore,
    @Inject(REGISTRY_REPOSITORY) private readonly registry: RegistryRepository,
    @Inject(KPI_STATE_REPOSITORY) private readonly state: KpiStateRepository,
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
      return await this.compute(now, scopes, models, watermark, previous, dirty, started);
    } catch (err) {
      await this.state.markDirty(dirty); // try those again next time
      throw err;
    }
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
    const lastDay = watermark === null ? null : dayStart(watermark);
    const plans: Plan[] = [];
    for (const scope of scopes) {
      const installMs = registryDateMs(scope.installDate);
      const removedMs = scope.removedDate ? registryDateMs(scope.removedDate) : null;
      if (!(installMs < now)) continue;
      const key = JSON.stringify([installMs, removedMs, scope.modelId, scope.siteId, scope.customerId]);
      const before = previous.get(scope.deviceId);
      const late = dirty.get(scope.deviceId);
      const full = lastDay === null || before?.scopeKey !== key;
      const from = full ? installMs : Math.min(lastDay, late ?? Infinity);
      plans.push({
        scope,
        installMs,
        removedMs,
        fromDay: dayStart(Math.max(from, installMs)),
        ownHistory: full || (late !== undefined && late < lastDay),
        key,
      });
    }

    // events: one pass over the fleet for the recent days, full history for the few that need it
    const own = plans.filter((p) => p.ownHistory);
    const everyone = own.length > Math.max(20, plans.length / 5);
    let fleetFrom = Infinity;
    for (const p of plans) {
      if (everyone || !p.ownHistory)
        fleetFrom = Math.min(fleetFrom, p.fromDay, previous.get(p.scope.deviceId)?.openSince ?? Infinity);
    }
    const events = new Map<string, EventRecord[]>();
    if (everyone) fleetFrom = 0;
    if (fleetFrom < now) await this.collectEvents({ from: fleetFrom, to: now }, events);
    if (!everyone)
      for (const p of own) await this.collectEvents({ from: 0, to: now, deviceId: p.scope.deviceId }, events);

    const usage = await this.usageByDevice(plans, models, now);

    // a few devices with late data: their old rows, to move the rollups by the difference
    const backfill = lastDay === null ? [] : plans.filter((p) => p.fromDay < lastDay);
    const byDelta =
      lastDay !== null && backfill.length > 0 && backfill.length <= Math.max(50, plans.length / 20);
    const oldRows =
      byDelta && lastDay !== null
        ? await this.store.queryKpis({
            scope: 'device',
            scopeIds: backfill.map((p) => p.scope.deviceId),
            from: Math.min(...backfill.map((p) => p.fromDay)),
            to: lastDay,
          })
        : [];
    const newRows: KpiRow[] = [];

    const states = new Map<string, KpiDeviceState>();
    const rows: KpiRow[] = [];
    let deviceRows = 0;
    let fromDay: number | null = null;
    const today = dayStart(now);
    for (const p of plans) {
      const deviceEvents = events.get(p.scope.deviceId) ?? [];
      const episodes = episodesFromEvents(deviceEvents);
      const days = deviceDayRows(
        {
          deviceId: p.scope.deviceId,
          inServiceFrom: p.installMs,
          inServiceTo: p.removedMs,
          episodes,
          serviceCalls: deviceEvents.filter((e) => e.type === 'service.started').map((e) => e.ts),
          usage: usage.get(p.scope.deviceId),
        },
        p.fromDay,
        now,
      );
      for (const d of days) {
        const row: KpiRow = {
          scope: 'device',
          scopeId: p.scope.deviceId,
          day: d.day,
          fields: compactFields(d.fields),
        };
        rows.push(row);
        if (byDelta && d.day < lastDay) newRows.push(row);
      }
      if (days.length) fromDay = Math.min(fromDay ?? Infinity, p.fromDay);
      states.set(p.scope.deviceId, { scopeKey: p.key, openSince: openSince(episodes, today) });
      if (rows.length >= WRITE_CHUNK) {
        deviceRows += rows.length;
        await this.store.writeKpis(rows.splice(0));
      }
    }
    // days a backfilled device no longer has (its install date moved later) are emptied
    const kept = new Set(newRows.map((r) => `${r.scopeId}\u0000${r.day}`));
    for (const r of oldRows) {
      if (kept.has(`${r.scopeId}\u0000${r.day}`)) continue;
      const empty: KpiRow = { scope: 'device', scopeId: r.scopeId, day: r.day, fields: {} };
      rows.push(empty);
      newRows.push(empty);
    }
    deviceRows += rows.length;
    await this.store.writeKpis(rows);

    let rollupRows = 0;
    if (fromDay !== null) {
      if (byDelta) {
        rollupRows += await this.rollUpDelta(oldRows, newRows, previous, scopes, models);
        rollupRows += await this.rollUp(lastDay, now, scopes, models);
      } else {
        rollupRows += await this.rollUp(fromDay, now, scopes, models);
      }
    }
    await this.state.saveRun(now, states);
    const summary: KpiRunSummary = {
      computedThrough: now,
      devices: plans.filter((p) => p.fromDay < now).length,
      backfilledDevices: lastDay === null ? plans.length : plans.filter((p) => p.fromDay < lastDay).length,
      fromDay,
      deviceRows,
      rollupRows,
      full: lastDay === null,
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
        const list = into.get(e.deviceId) ?? [];
        list.push(e);
        into.set(e.deviceId, list);
      }
      if (page.length < EVENT_PAGE) return;
      const last = page[page.length - 1];
      after = { ts: last.ts, key: last.key };
    }
  }

  /** Usage per device and day from each model's usage counter. */
  private async usageByDevice(
    plans: Plan[],
    models: Map<string, EquipmentModel>,
    now: number,
  ): Promise<Map<string, Map<number, number>>> {
    // grouped by counter and first day: a device with late data does not widen everyone's read
    const groups = new Map<string, { metric: string; plans: Plan[] }>();
    for (const p of plans) {
      const metric = models.get(p.scope.modelId)?.usageMetric;
      if (!metric) continue;
      const key = `${metric}\u0000${p.fromDay}`;
      const group = groups.get(key) ?? { metric, plans: [] };
      group.plans.push(p);
      groups.set(key, group);
    }
    const usage = new Map<string, Map<number, number>>();
    for (const { metric, plans: group } of groups.values()) {
      const from = group[0].fromDay - USAGE_BASELINE_DAYS * DAY_MS;
      const readings = await this.store.queryWindowLast({
        metric,
        from,
        to: now,
        windowMs: DAY_MS,
        deviceIds: group.map((p) => p.scope.deviceId),
      });
      const perDevice = new Map<string, Array<{ start: number; value: number }>>();
      for (const r of readings) perDevice.set(r.deviceId, [...(perDevice.get(r.deviceId) ?? []), r]);
      for (const p of group) usage.set(p.scope.deviceId, usagePerDay(perDevice.get(p.scope.deviceId) ?? []));
    }
    return usage;
  }

  /**
   * Moves the rollups of past days by what changed for a few devices (late data):
   * their old rows out of the groups they were in, their new rows into their groups now.
   * Integer sums, so the result equals a recomputation.
   */
  private async rollUpDelta(
    oldRows: KpiRow[],
    newRows: KpiRow[],
    previous: Map<string, KpiDeviceState>,
    scopes: DeviceScope[],
    models: Map<string, EquipmentModel>,
  ): Promise<number> {
    const now = new Map(scopes.map((s) => [s.deviceId, groupsOf(s.modelId, s.siteId, s.customerId, models)]));
    const before = new Map<string, Array<[KpiScope, string]>>();
    for (const [deviceId, state] of previous) {
      const [, , modelId, siteId, customerId] = JSON.parse(state.scopeKey) as [
        number,
        number | null,
        string,
        string | null,
        string | null,
      ];
      before.set(deviceId, groupsOf(modelId, siteId, customerId, models));
    }
    const delta = new Map<string, { scope: KpiScope; id: string; day: number; fields: KpiFields }>();
    const apply = (groups: Array<[KpiScope, string]>, row: KpiRow, sign: 1 | -1): void => {
      for (const [scope, id] of groups) {
        const key = `${scope}\u0000${id}\u0000${row.day}`;
        const entry = delta.get(key) ?? { scope, id, day: row.day, fields: {} };
        for (const f in row.fields) entry.fields[f] = (entry.fields[f] ?? 0) + sign * row.fields[f];
        delta.set(key, entry);
      }
    };
    for (const r of oldRows) apply(before.get(r.scopeId) ?? now.get(r.scopeId) ?? [], r, -1);
    for (const r of newRows) apply(now.get(r.scopeId) ?? [], r, 1);
    if (!delta.size) return 0;

    const days = [...delta.values()].map((d) => d.day);
    const from = Math.min(...days);
    const to = Math.max(...days) + DAY_MS;
    const rows: KpiRow[] = [];
    for (const scope of new Set([...delta.values()].map((d) => d.scope))) {
      const ids = [...new Set([...delta.values()].filter((d) => d.scope === scope).map((d) => d.id))];
      const current = new Map(
        (await this.store.queryKpis({ scope, scopeIds: ids, from, to })).map((r) => [
          `${scope}\u0000${r.scopeId}\u0000${r.day}`,
          r.fields,
        ]),
      );
      for (const [key, d] of delta) {
        if (d.scope !== scope) continue;
        rows.push({
          scope,
          scopeId: d.id,
          day: d.day,
          fields: compactFields(sumKpiFields([current.get(key) ?? {}, d.fields])),
        });
      }
    }
    for (let i = 0; i < rows.length; i += WRITE_CHUNK)
      await this.store.writeKpis(rows.slice(i, i + WRITE_CHUNK));
    return rows.length;
  }

  /** Rollup rows of every scope for the days from `fromDay` to today, from the device rows. */
  private async rollUp(
    fromDay: number,
    now: number,
    scopes: DeviceScope[],
    models: Map<string, EquipmentModel>,
  ): Promise<number> {
    const groupOf = new Map<string, Array<[KpiScope, string]>>();
    const allGroups = new Map<string, [KpiScope, string]>();
    for (const s of scopes) {
      const groups = groupsOf(s.modelId, s.siteId, s.customerId, models);
      groupOf.set(s.deviceId, groups);
      for (const g of groups) allGroups.set(g.join('\u0000'), g);
    }
    let written = 0;
    for (let chunk = fromDay; chunk < now; chunk += ROLLUP_DAYS * DAY_MS) {
      const to = Math.min(chunk + ROLLUP_DAYS * DAY_MS, now);
      const deviceRows = await this.store.queryKpis({ scope: 'device', from: chunk, to });
      const sums = new Map<string, KpiFields[]>();
      for (const r of deviceRows) {
        for (const [scope, id] of groupOf.get(r.scopeId) ?? []) {
          const key = `${scope}\u0000${id}\u0000${r.day}`;
          const list = sums.get(key) ?? [];
          list.push(r.fields);
          sums.set(key, list);
        }
      }
      const rows: KpiRow[] = [];
      // every known scope gets a row for every day, so a device that moved leaves no stale sums
      for (let day = chunk; day < to; day += DAY_MS) {
        for (const [scope, id] of allGroups.values()) {
          const fields = sumKpiFields(sums.get(`${scope}\u0000${id}\u0000${day}`) ?? []);
          rows.push({ scope, scopeId: id, day, fields: compactFields(fields) });
        }
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
): Array<[KpiScope, string]> {
  const groups: Array<[KpiScope, string]> = [
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
