import { Inject, Injectable } from '@nestjs/common';
import { DateTime, IANAZone } from 'luxon';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { parseEnum } from '../common/http/query-params.js';
import type { DeviceScope } from '../registry/registry-entities.js';
import { RegistryService } from '../registry/registry.service.js';
import {
  KPI_SCOPES,
  TELEMETRY_STORE,
  type KpiScope,
  type TelemetryStore,
} from '../ports/telemetry-store.port.js';
import { registryDateMs } from '../registry/registry-entities.js';
import { HOUR_MS, dayStart, downByPeriod, factsByPeriod, inServiceByPeriod } from './kpi-ledger.js';
import { KpiLedgerService } from './kpi-ledger.service.js';
import { KPI_OUTAGE_REPOSITORY, type KpiOutageRepository } from './kpi-outage.repository.js';
import { kpisFromFields, type ReliabilityKpis } from './reliability-kpis.js';

export const KPI_INTERVALS = ['day', 'week', 'month'] as const;
export type KpiInterval = (typeof KPI_INTERVALS)[number];

export interface KpiQueryParams {
  scope?: string;
  id?: string;
  from?: string;
  to?: string;
  interval?: string;
  /** IANA time zone of the trend's days, weeks and months, and of dates without a zone; default UTC. */
  tz?: string;
}

export interface KpiAnswer {
  scope: KpiScope;
  id: string;
  timeZone: string;
  /** Time the ledger is computed up to: time after it is not in the figures yet. */
  computedThrough: number | null;
  kpis: ReliabilityKpis;
  /** Consecutive windows (with `interval`): the trend, oldest first. */
  periods?: ReliabilityKpis[];
}

const invalid = (message: string): DomainError => new DomainError(ErrorCode.InvalidArgument, message);

/** Most periods one trend answers (a year and a bit of days). */
const MAX_PERIODS = 400;

/**
 * Serves KPIs of a scope over any window of whole hours, with a trend by day, week
 * or month in a time zone: hourly facts from the ledger, down time from the
 * outages, in-service time from the registry (docs/kpis.md).
 */
@Injectable()
export class KpiQueryService {
  constructor(
    @Inject(TELEMETRY_STORE) private readonly store: TelemetryStore,
    private readonly registry: RegistryService,
    @Inject(KPI_OUTAGE_REPOSITORY) private readonly outages: KpiOutageRepository,
    private readonly ledger: KpiLedgerService,
  ) {}

  async kpis(q: KpiQueryParams, now = Date.now()): Promise<KpiAnswer> {
    const scope = parseEnum('scope', q.scope, KPI_SCOPES, 'fleet');
    const id = scope === 'fleet' ? 'all' : q.id;
    if (!id) throw invalid(`id is required for scope ${scope}`);
    const zone = parseZone(q.tz);
    const endOfToday = DateTime.fromMillis(now, { zone }).startOf('day').plus({ days: 1 });
    const to = hourParam('to', q.to, zone, endOfToday.toMillis());
    const from = hourParam(
      'from',
      q.from,
      zone,
      DateTime.fromMillis(to, { zone }).minus({ days: 30 }).toMillis(),
    );
    if (from >= to) throw invalid('from must be before to');
    const interval = q.interval ? parseEnum('interval', q.interval, KPI_INTERVALS, 'day') : undefined;
    const bounds = interval ? periodBounds(from, to, interval, zone) : [];
    if (bounds.length > MAX_PERIODS)
      throw new DomainError(
        ErrorCode.ResultTooLarge,
        `${bounds.length} ${interval}s asked for; at most ${MAX_PERIODS}: use a longer interval`,
      );
    const offHour = bounds.find(([a]) => a % HOUR_MS !== 0);
    if (offHour)
      throw invalid(
        `${interval} boundaries in ${zone} fall off the hour (${new Date(offHour[0]).toISOString()}); KPIs are kept per hour: ask in a time zone whose offset is whole hours`,
      );

    const scopes = await this.registry.deviceScopes();
    const members = await this.members(scope, id, scopes);
    const computedThrough = await this.ledger.computedThrough();
    const until = Math.min(to, computedThrough ?? -Infinity);
    const devices = members.map((m) => ({
      inServiceFrom: registryDateMs(m.installDate),
      inServiceTo: m.removedDate ? registryDateMs(m.removedDate) : null,
    }));
    const [rows, outages] = await Promise.all([
      this.store.queryKpis({ scope, scopeIds: [id], from: dayStart(from), to }),
      until > from
        ? this.outages.overlapping({
            from,
            to: until,
            deviceIds: scope === 'fleet' ? undefined : members.map((m) => m.deviceId),
          })
        : Promise.resolve([]),
    ]);
    const component = scope === 'component' ? id : undefined;
    // consecutive windows in order: the whole window, then the trend's
    const windows = (periods: Array<[number, number]>): ReliabilityKpis[] => {
      const facts = factsByPeriod(rows, periods);
      const inService = inServiceByPeriod(devices, periods, until);
      const down = downByPeriod(outages, periods, until);
      return periods.map(([a, b], i) =>
        kpisFromFields(
          {
            failures: 0,
            repairs: 0,
            service_calls: 0,
            ...facts[i],
            in_service_ms: inService[i],
            down_ms: down[i],
          },
          { from: a, to: b },
          devices.filter((d) => d.inServiceFrom < b && (d.inServiceTo ?? Infinity) > a).length,
          component,
        ),
      );
    };
    const answer: KpiAnswer = { scope, id, timeZone: zone, computedThrough, kpis: windows([[from, to]])[0] };
    if (interval) answer.periods = windows(bounds);
    return answer;
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
        if (!found.length && (await this.registry.find('models', id))) return [];
        break;
      case 'site':
        found = scopes.filter((s) => s.siteId === id);
        if (!found.length && (await this.registry.find('sites', id))) return [];
        break;
      case 'customer':
        found = scopes.filter((s) => s.customerId === id);
        if (!found.length && (await this.registry.find('customers', id))) return [];
        break;
      case 'component': {
        const models = new Set<string>();
        for (const m of (await this.registry.allModels()).values())
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

function parseZone(raw: string | undefined): string {
  if (raw === undefined || raw === '') return 'UTC';
  if (!IANAZone.isValidZone(raw))
    throw invalid(`tz must be an IANA time zone such as Europe/Paris or America/Chicago, got "${raw}"`);
  return raw;
}

/** Epoch ms, or an ISO 8601 date or time (read in `zone` when it has none); on the hour. */
function hourParam(name: string, raw: string | undefined, zone: string, fallback: number): number {
  let ms = fallback;
  if (raw !== undefined && raw !== '') {
    ms = /^-?\d+$/.test(raw) ? Number(raw) : DateTime.fromISO(raw, { zone }).toMillis();
    if (!Number.isFinite(ms))
      throw invalid(`${name} must be epoch milliseconds or an ISO 8601 date, got "${raw}"`);
  }
  if (ms % HOUR_MS !== 0)
    throw invalid(
      `${name} must be on the hour, such as 2026-01-01 or 2026-01-01T06:00 (KPIs are kept per hour), got "${raw ?? new Date(ms).toISOString()}"`,
    );
  return ms;
}

const UNITS = { day: 'days', week: 'weeks', month: 'months' } as const;

/**
 * Consecutive windows covering [from, to): days, ISO weeks (from Monday) or calendar
 * months in a time zone (23- and 25-hour days where its clocks change), clipped.
 */
export function periodBounds(
  from: number,
  to: number,
  interval: KpiInterval,
  zone = 'UTC',
): Array<[number, number]> {
  const bounds: Array<[number, number]> = [];
  let boundary = DateTime.fromMillis(from, { zone }).startOf(interval);
  let start = from;
  while (start < to) {
    boundary = boundary.plus({ [UNITS[interval]]: 1 });
    const next = Math.min(boundary.toMillis(), to);
    bounds.push([start, next]);
    start = next;
  }
  return bounds;
}
