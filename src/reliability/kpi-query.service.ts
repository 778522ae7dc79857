import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { parseEnum, parseTime } from '../common/http/query-params.js';
import {
  REGISTRY_REPOSITORY,
  type DeviceScope,
  type RegistryRepository,
} from '../registry/registry.repository.js';
import {
  KPI_SCOPES,
  TELEMETRY_STORE,
  type KpiScope,
  type TelemetryStore,
} from '../ports/telemetry-store.port.js';
import { registryDateMs } from '../registry/registry-entities.js';
import { DAY_MS, dayStart } from './kpi-ledger.js';
import { KpiLedgerService, allModels } from './kpi-ledger.service.js';
import { kpisFromFields, sumKpiFields, type ReliabilityKpis } from './reliability-kpis.js';

export const KPI_INTERVALS = ['day', 'week', 'month'] as const;
export type KpiInterval = (typeof KPI_INTERVALS)[number];

export interface KpiQueryParams {
  scope?: string;
  id?: string;
  from?: string;
  to?: string;
  interval?: string;
}

export interface KpiAnswer {
  scope: KpiScope;
  id: string;
  /** Time the ledger is computed up to: days after it are not in the figures yet. */
  computedThrough: number | null;
  kpis: ReliabilityKpis;
  /** Consecutive windows (with `interval`): the trend, oldest first. */
  periods?: ReliabilityKpis[];
}

const invalid = (message: string): DomainError => new DomainError(ErrorCode.InvalidArgument, message);

/** Most periods one trend answers (a year and a bit of days). */
const MAX_PERIODS = 400;

/** Serves KPIs of a scope and day-aligned window from the KPI ledger. */
@Injectable()
export class KpiQueryService {
  constructor(
    @Inject(TELEMETRY_STORE) private readonly store: TelemetryStore,
    @Inject(REGISTRY_REPOSITORY) private readonly registry: RegistryRepository,
    private readonly ledger: KpiLedgerService,
  ) {}

  async kpis(q: KpiQueryParams, now = Date.now()): Promise<KpiAnswer> {
    const scope = parseEnum('scope', q.scope, KPI_SCOPES, 'fleet');
    const id = scope === 'fleet' ? 'all' : q.id;
    if (!id) throw invalid(`id is required for scope ${scope}`);
    const to = this.dayParam('to', q.to, dayStart(now) + DAY_MS);
    const from = this.dayParam('from', q.from, to - 30 * DAY_MS);
    if (from >= to) throw invalid('from must be before to');
    const interval = q.interval ? parseEnum('interval', q.interval, KPI_INTERVALS, 'day') : undefined;

    const scopes = await this.registry.deviceScopes();
    const members = await this.members(scope, id, scopes);
    const rows = await this.store.queryKpis({ scope, scopeIds: [id], from, to });
    const component = scope === 'component' ? id : undefined;
    const window = (a: number, b: number): ReliabilityKpis =>
      kpisFromFields(
        sumKpiFields(rows.filter((r) => r.day >= a && r.day < b).map((r) => r.fields)),
        { from: a, to: b },
        members.filter((m) => inService(m, a, b)).length,
        component,
      );
    const answer: KpiAnswer = {
      scope,
      id,
      computedThrough: await this.ledger.computedThrough(),
      kpis: window(from, to),
    };
    if (interval) {
      const bounds = periodBounds(from, to, interval);
      if (bounds.length > MAX_PERIODS)
        throw new DomainError(
          ErrorCode.ResultTooLarge,
          `${bounds.length} ${interval}s asked for; at most ${MAX_PERIODS}: use a longer interval`,
        );
      answer.periods = bounds.map(([a, b]) => window(a, b));
    }
    return answer;
  }

  private dayParam(name: string, raw: string | undefined, fallback: number): number {
    const ms = parseTime(name, raw, fallback);
    if (ms % DAY_MS !== 0)
      throw invalid(`${name} must be a UTC midnight such as 2026-01-01 (KPIs are kept per UTC day)`);
    return ms;
  }

  private async members(scope: KpiScope, id: string, scopes: DeviceScope[]): Promise<DeviceScope[]> {
    let found: DeviceScope[];
    switch (scope) {
      case 'fleet':
        return scopes;
      case 'device':
        found = scopes.filter((s) => s.deviceId === id);
        break;
      case 'model':
        found = scopes.filter((s) => s.modelId === id);
        if (!found.length && (await this.registry.get('models', id))) return [];
        break;
      case 'site':
        found = scopes.filter((s) => s.siteId === id);
        if (!found.length && (await this.registry.get('sites', id))) return [];
        break;
      case 'customer':
        found = scopes.filter((s) => s.customerId === id);
        if (!found.length && (await this.registry.get('customers', id))) return [];
        break;
      case 'component': {
        const models = new Set<string>();
        for (const m of (await allModels(this.registry)).values())
          if (m.components.some((c) => c.name === id)) models.add(m.modelId);
        if (!models.size)
          throw new DomainError(ErrorCode.NotFound, `no registered model has a component ${id}`);
        return scopes.filter((s) => models.has(s.modelId));
      }
    }
    if (!found.length) throw new DomainError(ErrorCode.NotFound, `${scope} ${id} is not registered`);
    return found;
  }
}

function inService(s: DeviceScope, from: number, to: number): boolean {
  const install = registryDateMs(s.installDate);
  const removed = s.removedDate ? registryDateMs(s.removedDate) : Infinity;
  return install < to && removed > from;
}

/** Consecutive windows covering [from, to): days, ISO weeks (from Monday) or calendar months, clipped. */
export function periodBounds(from: number, to: number, interval: KpiInterval): Array<[number, number]> {
  const bounds: Array<[number, number]> = [];
  let start = from;
  while (start < to) {
    const d = new Date(start);
    let next: number;
    if (interval === 'day') next = start + DAY_MS;
    else if (interval === 'week') next = start + ((8 - d.getUTCDay()) % 7 || 7) * DAY_MS;
    else next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    bounds.push([start, Math.min(next, to)]);
    start = Math.min(next, to);
  }
  return bounds;
}
