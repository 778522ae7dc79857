import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { EventCursor } from '../ports/telemetry-store.port.js';
import { TELEMETRY_STORE, type TelemetryStore } from '../ports/telemetry-store.port.js';
import {
  registryDateMs,
  type Device,
  type EquipmentModel,
  type Site,
} from '../registry/registry-entities.js';
import type { RegistryEntity, RegistryRecords } from '../registry/registry-entities.js';
import { RegistryService } from '../registry/registry.service.js';
import { KpiLedgerService } from '../reliability/kpi-ledger.service.js';
import { KpiQueryService } from '../reliability/kpi-query.service.js';
import { orderVisitId, type WorkOrder } from '../work-orders/work-order.js';
import { WorkOrdersService } from '../work-orders/work-orders.service.js';
import {
  AVERAGE_MONTH_DAYS,
  DAY_MS,
  completeMonthsBefore,
  monthLabel,
  type DeviceFacts,
  type MonthFacts,
  type ModelNorm,
  type Visit,
} from './signal-facts.js';
import { SIGNALS_CONFIG, settingsFor, type SignalsConfig } from './signal-rules.config.js';

/** A registered device with a site, so a customer: what the rules can speak about. */
export interface RegisteredDevice {
  device: Device;
  model: EquipmentModel;
  siteId: string;
  customerId: string;
}

export interface FleetIndex {
  devices: RegisteredDevice[];
  byId: Map<string, RegisteredDevice>;
  byCustomer: Map<string, RegisteredDevice[]>;
  /** Registered devices without a site (no customer to offer anything to). */
  withoutSite: number;
}

const EVENT_TYPES = ['fault.raised', 'service.started', 'part.replaced'];
const EVENT_PAGE = 10_000;

/**
 * Gathers what the rules know about devices, from the features that own it: the
 * registry (models, sites, contracts), the reliability KPIs (usage and failures per
 * month), the stored device events (fault codes, visits, parts) and the work orders
 * (whether a visit was billed). Reads only through their services and ports.
 */
@Injectable()
export class SignalFactsService {
  constructor(
    private readonly registry: RegistryService,
    private readonly kpis: KpiQueryService,
    private readonly ledger: KpiLedgerService,
    private readonly workOrders: WorkOrdersService,
    @Inject(TELEMETRY_STORE) private readonly store: TelemetryStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SIGNALS_CONFIG) private readonly rulesConfig: SignalsConfig,
  ) {}

  /** The registered devices that have a site, with their models, by customer. */
  async fleet(): Promise<FleetIndex> {
    const [models, sites, devices] = await Promise.all([
      this.all('models'),
      this.all('sites'),
      this.all('devices'),
    ]);
    const modelById = new Map(models.map((m) => [m.modelId, m]));
    const siteById = new Map<string, Site>(sites.map((s) => [s.siteId, s]));
    const index: FleetIndex = { devices: [], byId: new Map(), byCustomer: new Map(), withoutSite: 0 };
    for (const device of devices) {
      const site = device.siteId ? siteById.get(device.siteId) : undefined;
      const model = modelById.get(device.modelId);
      if (!site || !model) {
        index.withoutSite++;
        continue;
      }
      const d: RegisteredDevice = { device, model, siteId: site.siteId, customerId: site.customerId };
      index.devices.push(d);
      index.byId.set(device.deviceId, d);
      index.byCustomer.set(site.customerId, [...(index.byCustomer.get(site.customerId) ?? []), d]);
    }
    return index;
  }

  /**
   * Facts of these devices at `now`: their complete months before the time the KPI
   * ledger is computed to (a month the ledger has not finished is not looked at), and
   * their visits and parts up to `now`.
   */
  async facts(
    devices: readonly RegisteredDevice[],
    now: number,
  ): Promise<{ facts: DeviceFacts[]; asOf: number }> {
    const asOf = await this.asOf(now);
    if (!devices.length) return { facts: [], asOf };
    const rules = this.rulesConfig;
    const months = completeMonthsBefore(asOf, rules.lookbackMonths);
    const from = months[0][0];
    const ids = devices.map((d) => d.device.deviceId);
    const { devices: periods } = await this.kpis.devicePeriods(ids, months);
    const facts = new Map<string, DeviceFacts>();
    for (const d of devices) {
      const kpis = periods.get(d.device.deviceId) ?? [];
      facts.set(d.device.deviceId, {
        deviceId: d.device.deviceId,
        modelId: d.model.modelId,
        customerId: d.customerId,
        siteId: d.siteId,
        department: d.device.department ?? null,
        equipmentKind: d.model.kind,
        usageUnit: d.model.usageUnit,
        ratedMonthlyDuty: d.model.ratedMonthlyDuty ?? null,
        successorModelId: d.model.successorModelId ?? null,
        installDate: registryDateMs(d.device.installDate),
        warrantyEnd: d.device.warrantyEnd ? registryDateMs(d.device.warrantyEnd) : null,
        contractType: d.device.contractType ?? null,
        contractEnd: d.device.contractEnd ? registryDateMs(d.device.contractEnd) : null,
        months: months.map(([start, end], i): MonthFacts => {
          const k = kpis[i];
          return {
            start,
            end,
            label: monthLabel(start),
            usage: k?.usage ?? null,
            failures: k?.failures ?? 0,
            faultCodes: {},
            inServiceDays: k ? (k.upTimeMs + k.downTimeMs) / DAY_MS : 0,
          };
        }),
        visits: [],
        parts: [],
        queueDepth: null,
        misuseCodes: (d.model.faultCodes ?? []).filter((f) => f.likelyComponent === null).map((f) => f.code),
      });
    }
    const visits = await this.addEvents(facts, ids, from, asOf, now);
    await this.addBilling(facts, visits, devices, from - 30 * DAY_MS, now);
    await this.addQueues(facts, asOf);
    return { facts: [...facts.values()], asOf };
  }

  /**
   * Failures per in-service device-month of each model over the lookback, fleet-wide:
   * the norm repeat breakdowns are measured against.
   */
  async norms(modelIds: Iterable<string>, asOf: number): Promise<Map<string, ModelNorm>> {
    const months = completeMonthsBefore(asOf, this.rulesConfig.lookbackMonths);
    const norms = new Map<string, ModelNorm>();
    for (const modelId of new Set(modelIds)) {
      const answer = await this.kpis.kpis(
        { scope: 'model', id: modelId, from: String(months[0][0]), to: String(months[months.length - 1][1]) },
        asOf,
      );
      const deviceMonths = (answer.kpis.upTimeMs + answer.kpis.downTimeMs) / (AVERAGE_MONTH_DAYS * DAY_MS);
      if (deviceMonths <= 0) continue;
      norms.set(modelId, {
        modelId,
        failuresPerDeviceMonth: answer.kpis.failures / deviceMonths,
        deviceMonths,
      });
    }
    return norms;
  }

  private async asOf(now: number): Promise<number> {
    const computedThrough = await this.ledger.computedThrough();
    return computedThrough === null ? now : Math.min(now, computedThrough);
  }

  /** Fault codes per month (up to `asOf`), visits and parts (up to `now`); the visits by visit id. */
  private async addEvents(
    facts: Map<string, DeviceFacts>,
    ids: string[],
    from: number,
    asOf: number,
    now: number,
  ): Promise<Map<string, Visit>> {
    const byVisitId = new Map<string, Visit>();
    let after: EventCursor | undefined;
    for (;;) {
      const page = await this.store.queryEvents({
        deviceIds: ids,
        types: EVENT_TYPES,
        from,
        to: now,
        limit: EVENT_PAGE,
        after,
      });
      for (const e of page) {
        const f = facts.get(e.deviceId);
        if (!f) continue;
        if (e.type === 'fault.raised') {
          const m = e.code && e.ts < asOf ? f.months.find((x) => e.ts >= x.start && e.ts < x.end) : undefined;
          if (m) m.faultCodes[e.code!] = (m.faultCodes[e.code!] ?? 0) + 1;
        } else if (e.type === 'service.started') {
          const visit: Visit = { ts: e.ts, billable: null, workOrderId: null };
          f.visits.push(visit);
          if (e.visitId) byVisitId.set(e.visitId, visit);
        } else if (e.type === 'part.replaced' && e.component) {
          f.parts.push({ ts: e.ts, component: e.component });
        }
      }
      if (page.length < EVENT_PAGE) return byVisitId;
      const last = page[page.length - 1];
      after = { ts: last.ts, key: last.key };
    }
  }

  /**
   * Whether visits were billed, from the work orders completed with a billing record:
   * the order's visit (the device reports it under the order's visit id) takes its
   * entitlement; an order whose visit the device never reported counts as a visit at
   * its completion.
   */
  private async addBilling(
    facts: Map<string, DeviceFacts>,
    visits: ReadonlyMap<string, Visit>,
    devices: readonly RegisteredDevice[],
    from: number,
    now: number,
  ): Promise<void> {
    const customers = new Set(devices.map((d) => d.customerId));
    for (const customerId of customers) {
      let cursor: string | undefined;
      do {
        const page = await this.workOrders.list({
          customerId,
          status: 'completed,closed',
          from: String(from),
          limit: this.config.apiMaxPoints,
          cursor,
        });
        for (const order of page.data) this.addOrder(facts, visits, order, now);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    }
    for (const f of facts.values()) f.visits.sort((a, b) => a.ts - b.ts);
  }

  private addOrder(
    facts: Map<string, DeviceFacts>,
    visits: ReadonlyMap<string, Visit>,
    order: WorkOrder,
    now: number,
  ): void {
    const f = facts.get(order.deviceId);
    if (!f || !order.billing || order.billing.completedAt >= now) return;
    const visit = visits.get(orderVisitId(order.deviceId, order.id));
    if (visit) {
      visit.billable = order.billing.billable;
      visit.workOrderId = order.id;
    } else {
      f.visits.push({
        ts: order.billing.completedAt,
        billable: order.billing.billable,
        workOrderId: order.id,
      });
    }
  }

  /** The daily peak of the queue gauge, averaged over the 30 days before `asOf`, where a model names one. */
  private async addQueues(facts: Map<string, DeviceFacts>, asOf: number): Promise<void> {
    for (const f of facts.values()) {
      const metric = settingsFor(this.rulesConfig, f.modelId).capacity.queueMetric;
      if (!metric) continue;
      const peaks = await this.store.queryAggregate({
        deviceId: f.deviceId,
        metric,
        fn: 'max',
        windowMs: DAY_MS,
        from: asOf - 30 * DAY_MS,
        to: asOf,
      });
      f.queueDepth = peaks.length ? peaks.reduce((s, p) => s + p.value, 0) / peaks.length : null;
    }
  }

  /** Every record of a registry collection, page by page. */
  private async all<E extends RegistryEntity>(entity: E): Promise<Array<RegistryRecords[E]>> {
    const out: Array<RegistryRecords[E]> = [];
    let cursor: string | undefined;
    do {
      const page = await this.registry.list(entity, { limit: String(this.config.apiMaxPoints), cursor });
      out.push(...page.data);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  }
}
