import { Inject, Injectable } from '@nestjs/common';
import { AlarmsService } from '../alarms/alarms.service.js';
import { severityRank, type AlarmSeverity } from '../alarms/alarm.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { Page } from '../common/http/paged-response.js';
import { DevicesService } from '../devices/devices.service.js';
import { registryDateMs, type Customer, type Device, type Site } from '../registry/registry-entities.js';
import { RegistryService } from '../registry/registry.service.js';
import type { WorkOrder } from '../work-orders/work-order.js';
import { WorkOrdersService } from '../work-orders/work-orders.service.js';
import { DAY_MS, dayStart } from '../reliability/kpi-ledger.js';
import { KpiQueryService } from '../reliability/kpi-query.service.js';
import type { FleetOverview, SiteOverview } from './fleet-overview.dto.js';
import { groupsFromEnd, rollUp } from './kpi-rollup.js';

/** Every page of a paged list, through the owning feature's service. */
export async function allPages<T>(page: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  for (let cursor: string | undefined; ;) {
    const p = await page(cursor);
    all.push(...p.data);
    if (!p.nextCursor) return all;
    cursor = p.nextCursor;
  }
}

/** How long the fleet KPIs are kept at most when no refresh is seen on this replica. */
export const KPI_SNAPSHOT_MS = 60_000;

/** A fleet-KPI answer kept: when it was computed, and the end of the day it runs to. */
export interface KpiSnapshot<K> {
  at: number;
  to: number;
  kpis: K;
}

/**
 * The kept fleet KPIs while they still hold at `now`: same UTC day, younger than
 * KPI_SNAPSHOT_MS (a refresh may have run on another replica), and not dropped by a
 * refresh on this one (then `snapshot` is null); undefined when they must be asked again.
 */
export function keptKpis<K>(snapshot: KpiSnapshot<K> | null, now: number): K | undefined {
  if (!snapshot || snapshot.to !== dayStart(now) + DAY_MS) return undefined;
  return now >= snapshot.at && now - snapshot.at < KPI_SNAPSHOT_MS ? snapshot.kpis : undefined;
}

/**
 * What the console's fleet page shows, in one answer: presence, fleet KPIs with their
 * trend, active alarms, open and late work orders, and the sites on the map with their
 * devices' state. It asks each feature's
 * service (devices, registry, KPIs, alarms), never their tables; every list is read
 * whole once, then joined in memory, so the cost grows linearly with the fleet
 * (`npm run bench -- --case console`).
 */
@Injectable()
export class FleetOverviewService {
  private snapshot: KpiSnapshot<FleetOverview['kpis']> | null = null;

  constructor(
    private readonly devices: DevicesService,
    private readonly registry: RegistryService,
    private readonly kpis: KpiQueryService,
    private readonly alarms: AlarmsService,
    private readonly orders: WorkOrdersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async overview(now = Date.now()): Promise<FleetOverview> {
    const limit = String(this.config.apiMaxPoints);
    const [seen, registered, sites, customers, kpis, alarms, alarmed, open] = await Promise.all([
      this.devices.presence(),
      allPages((cursor) => this.registry.list('devices', { limit, cursor })),
      allPages((cursor) => this.registry.list('sites', { limit, cursor })),
      allPages((cursor) => this.registry.list('customers', { limit, cursor })),
      this.fleetKpis(now),
      this.alarms.counts(),
      this.alarms.activeByDevice(),
      allPages((cursor) => this.orders.list({ open: true, limit: this.config.apiMaxPoints, cursor })),
    ]);
    const inService = registered.filter((d) => isInService(d, now));
    const online = new Map(seen.map((d) => [d.deviceId, d.online]));
    const registeredIds = new Set(registered.map((d) => d.deviceId));
    return {
      generatedAt: now,
      devices: {
        seen: seen.length,
        online: seen.filter((d) => d.online === true).length,
        offline: seen.filter((d) => d.online === false).length,
        neverTold: seen.filter((d) => d.online === null).length,
        registered: inService.length,
        unregisteredSeen: seen.filter((d) => !registeredIds.has(d.deviceId)).length,
      },
      kpis,
      alarms: { active: alarms.active, unacknowledged: alarms.unacknowledged },
      workOrders: orderCounts(open, now),
      ...placeOnMap(inService, sites, customers, online, alarmed),
    };
  }

  /**
   * One KPI question by day over the last 52 weeks, from which the last 30 days, the 30
   * before and the weekly trend are rolled up. Kept until the KPI ledger refreshes on
   * this replica, the day changes, or KPI_SNAPSHOT_MS passes (the refresh may run on
   * another replica): the ledger only changes when it refreshes.
   */
  private async fleetKpis(now: number): Promise<FleetOverview['kpis']> {
    const kept = keptKpis(this.snapshot, now);
    if (kept) return kept;
    const to = dayStart(now) + DAY_MS;
    const answer = await this.kpis.kpis(
      { from: String(to - 52 * 7 * DAY_MS), to: String(to), interval: 'day' },
      now,
    );
    const days = answer.periods ?? [];
    const kpis: FleetOverview['kpis'] = {
      computedThrough: answer.computedThrough,
      current: rollUp(days.slice(-30)),
      previous: rollUp(days.slice(-60, -30)),
      trend: groupsFromEnd(days, 7).map(rollUp),
    };
    this.snapshot = { at: now, to, kpis };
    return kpis;
  }

  /** The KPI ledger refreshed: the next overview asks again. */
  kpisChanged(): void {
    this.snapshot = null;
  }
}

/** Open orders by status, and how many are late: a due time passed or a breach recorded. */
export function orderCounts(open: readonly WorkOrder[], now: number): FleetOverview['workOrders'] {
  const byStatus: Record<string, number> = {};
  let late = 0;
  for (const o of open) {
    byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
    const s = o.sla;
    const responseLate = s.respondedAt === null && s.responseDueAt !== null && s.responseDueAt < now;
    const resolutionLate = s.resolvedAt === null && s.resolutionDueAt !== null && s.resolutionDueAt < now;
    if (responseLate || resolutionLate || s.responseBreachedAt !== null || s.resolutionBreachedAt !== null)
      late++;
  }
  return { open: open.length, late, byStatus };
}

function isInService(d: Device, now: number): boolean {
  return registryDateMs(d.installDate) <= now && (!d.removedDate || registryDateMs(d.removedDate) > now);
}

/** Sites with coordinates and their devices' presence; devices that cannot be placed are counted. */
export function placeOnMap(
  devices: ReadonlyArray<Pick<Device, 'deviceId' | 'siteId'>>,
  sites: readonly Site[],
  customers: readonly Customer[],
  online: ReadonlyMap<string, boolean | null>,
  alarmed: ReadonlyArray<{ deviceId: string; active: number; worst: AlarmSeverity }>,
): { sites: SiteOverview[]; devicesWithoutPlace: number } {
  const customerName = new Map(customers.map((c) => [c.customerId, c.name]));
  const bySite = new Map<string, SiteOverview>();
  for (const s of sites)
    if (s.lat !== undefined && s.lon !== undefined)
      bySite.set(s.siteId, {
        siteId: s.siteId,
        name: s.name,
        customerId: s.customerId,
        customerName: customerName.get(s.customerId) ?? null,
        lat: s.lat,
        lon: s.lon,
        devices: 0,
        online: 0,
        offline: 0,
        activeAlarms: 0,
        worstSeverity: null,
      });
  let devicesWithoutPlace = 0;
  for (const d of devices) {
    const site = d.siteId ? bySite.get(d.siteId) : undefined;
    if (!site) {
      devicesWithoutPlace++;
      continue;
    }
    site.devices++;
    const state = online.get(d.deviceId);
    if (state === true) site.online++;
    else if (state === false) site.offline++;
  }
  // by where each device is now (an alarm raised before its device got a site still counts)
  const siteOf = new Map(devices.map((d) => [d.deviceId, d.siteId]));
  for (const a of alarmed) {
    const siteId = siteOf.get(a.deviceId);
    const site = siteId ? bySite.get(siteId) : undefined;
    if (!site) continue;
    site.activeAlarms += a.active;
    if (!site.worstSeverity || severityRank(a.worst) > severityRank(site.worstSeverity as AlarmSeverity))
      site.worstSeverity = a.worst;
  }
  return { sites: [...bySite.values()], devicesWithoutPlace };
}
