/**
 * Reliability KPIs of a scope (device, model, customer, site, fleet) over a time
 * window. Pure functions: no I/O, no clock. Definitions: docs/kpis.md.
 */

/** Half-open window [from, to), ms since the epoch. */
export interface KpiWindow {
  from: number;
  to: number;
}

/** A failure (machine-down event) and the repair that restored service. */
export interface DowntimeEpisode {
  deviceId: string;
  component?: string;
  failureTs: number;
  /** When the service call was placed; defaults to the failure (remote monitoring calls at once). */
  callTs?: number;
  /** Technician on site. */
  arrivalTs?: number;
  /** Service restored; null while the episode is open. */
  restoredTs: number | null;
}

/** When a device was in service (installed, not yet removed). */
export interface DeviceInService {
  deviceId: string;
  inServiceFrom: number;
  inServiceTo?: number | null;
}

export interface KpiInput {
  window: KpiWindow;
  devices: readonly DeviceInService[];
  episodes: readonly DowntimeEpisode[];
  /** Usage in the window (pages, or run hours) per device, from the counters. */
  usage?: ReadonlyMap<string, number>;
  /** Service calls (visits of any kind) that started in the window. */
  serviceCalls?: number;
}

export interface ReliabilityKpis {
  window: KpiWindow;
  devices: number;
  /** In-service time of the scope in the window, less down time. */
  upTimeMs: number;
  /** Time devices were down in the window (overlapping episodes of a device count once). */
  downTimeMs: number;
  /** Failures that started in the window. */
  failures: number;
  failuresByComponent: Record<string, number>;
  /** upTime ÷ failures; null without failures. */
  mtbfMs: number | null;
  /**
   * With no failure: the one-sided 95 % lower confidence bound of MTBF for an
   * exponential life, upTime ÷ 3 (χ²₀.₉₅ with 2 degrees of freedom, halved). Null otherwise.
   */
  mtbfLowerBoundMs: number | null;
  /** Episodes that ended in the window, and their mean downtime (failure → restored). */
  repairsEnded: number;
  mttrMs: number | null;
  /** Mean call → arrival and arrival → restored of the episodes that ended in the window. */
  meanResponseMs: number | null;
  meanRepairMs: number | null;
  /** upTime ÷ (upTime + downTime). */
  availability: number | null;
  /** MTBF ÷ (MTBF + MTTR). */
  inherentAvailability: number | null;
  /** Usage in the window (pages or run hours), when counters were given. */
  usage: number | null;
  /** Mean copies (or run hours) between failures: usage ÷ failures. */
  mcbf: number | null;
  serviceCalls: number | null;
  /** Mean copies between service calls: usage ÷ service calls. */
  mcbc: number | null;
  /** Why each figure that is null has no value, in words. */
  reasons: Partial<Record<NullableKpi, string>>;
}

/** The figures that can be null, each with its reason when it is. */
export type NullableKpi =
  | 'mtbfMs'
  | 'mttrMs'
  | 'meanResponseMs'
  | 'meanRepairMs'
  | 'availability'
  | 'inherentAvailability'
  | 'usage'
  | 'mcbf'
  | 'serviceCalls'
  | 'mcbc';

const ZERO_FAILURE_FACTOR = 2 / 5.991464547107979; // 2 / χ²(0.95; 2)

/** Length of the union of intervals, clipped to [from, to). */
function unionLength(intervals: Array<[number, number]>, from: number, to: number): number {
  const clipped = intervals
    .map(([a, b]): [number, number] => [Math.max(a, from), Math.min(b, to)])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let start = -Infinity;
  let end = -Infinity;
  for (const [a, b] of clipped) {
    if (a > end) {
      total += end - start > 0 ? end - start : 0;
      start = a;
      end = b;
    } else if (b > end) {
      end = b;
    }
  }
  return total + (end - start > 0 ? end - start : 0);
}

/**
 * Additive parts of the KPIs: the fields of two windows (or two devices) add up to
 * the fields of both, so KPIs over any run of days and any scope are sums of
 * per-device, per-day fields (the KPI ledger). Per-component fields are
 * `failures.<component>`, `repairs.<component>` and `downtime_sum_ms.<component>`.
 */
export type KpiFields = Record<string, number>;

const add = (f: KpiFields, key: string, value: number): void => {
  f[key] = (f[key] ?? 0) + value;
};

/** Sums fields (the KPI ledger rows of a scope and window). */
export function sumKpiFields(rows: Iterable<KpiFields>): KpiFields {
  const total: KpiFields = {};
  for (const row of rows) for (const key in row) add(total, key, row[key]);
  return total;
}

/** The additive fields of a scope over a window. */
export function kpiFields(input: KpiInput): KpiFields {
  const { from, to } = input.window;
  if (!(to > from)) throw new RangeError('window.to must be after window.from');

  const byDevice = new Map<string, DowntimeEpisode[]>();
  for (const e of input.episodes) {
    const list = byDevice.get(e.deviceId) ?? [];
    list.push(e);
    byDevice.set(e.deviceId, list);
  }
  const f: KpiFields = {
    in_service_ms: 0,
    down_ms: 0,
    failures: 0,
    repairs: 0,
    downtime_sum_ms: 0,
    arrivals: 0,
    response_sum_ms: 0,
    repair_sum_ms: 0,
  };
  for (const d of input.devices) {
    const start = Math.max(from, d.inServiceFrom);
    const end = Math.min(to, d.inServiceTo ?? to);
    if (end <= start) continue;
    f.in_service_ms += end - start;
    const episodes = byDevice.get(d.deviceId) ?? [];
    // an open episode is down until the end of the window
    f.down_ms += unionLength(
      episodes.map((e) => [e.failureTs, e.restoredTs ?? to]),
      start,
      end,
    );
    for (const e of episodes) {
      const component = e.component ?? 'unknown';
      if (e.failureTs >= from && e.failureTs < to) {
        f.failures++;
        add(f, `failures.${component}`, 1);
      }
      if (e.restoredTs !== null && e.restoredTs >= from && e.restoredTs < to) {
        const downtime = e.restoredTs - e.failureTs;
        f.repairs++;
        f.downtime_sum_ms += downtime;
        add(f, `repairs.${component}`, 1);
        add(f, `downtime_sum_ms.${component}`, downtime);
        if (e.arrivalTs !== undefined) {
          f.arrivals++;
          f.response_sum_ms += e.arrivalTs - (e.callTs ?? e.failureTs);
          f.repair_sum_ms += e.restoredTs - e.arrivalTs;
        }
      }
    }
    const used = input.usage?.get(d.deviceId);
    if (used !== undefined) {
      // failures of a device with a usage counter: what MCBF divides by
      add(f, 'usage', used);
      for (const e of episodes)
        if (e.failureTs >= from && e.failureTs < to) {
          add(f, 'metered_failures', 1);
          add(f, `metered_failures.${e.component ?? 'unknown'}`, 1);
        }
    }
  }
  if (input.usage && f.usage === undefined) f.usage = 0;
  if (input.serviceCalls !== undefined) f.service_calls = input.serviceCalls;
  return f;
}

/**
 * KPIs from summed fields. `component` narrows failures and repairs to one
 * component (its MTBF is the up time of the devices that have it ÷ its failures).
 */
export function kpisFromFields(
  fields: KpiFields,
  window: KpiWindow,
  devices: number,
  component?: string,
): ReliabilityKpis {
  const get = (key: string): number => fields[key] ?? 0;
  const suffix = component === undefined ? '' : `.${component}`;
  const inService = get('in_service_ms');
  const down = get('down_ms');
  const up = inService - down;
  const failures = get(`failures${suffix}`);
  const repairs = get(`repairs${suffix}`);
  const failuresByComponent: Record<string, number> = {};
  for (const key of Object.keys(fields).sort()) {
    if (!key.startsWith('failures.') || fields[key] === 0) continue;
    const name = key.slice('failures.'.length);
    if (component === undefined || name === component) failuresByComponent[name] = fields[key];
  }
  const mtbf = failures > 0 ? up / failures : null;
  const mttr = repairs > 0 ? get(`downtime_sum_ms${suffix}`) / repairs : null;
  const arrivals = component === undefined ? get('arrivals') : 0;
  const usage = fields.usage ?? null;
  const calls = fields.service_calls ?? null;
  // MCBF and MCBC divide usage by the failures and calls of devices that report usage
  const meteredFailures = get(`metered_failures${suffix}`);
  const meteredCalls = fields.metered_calls ?? calls ?? 0;
  const kpis: Omit<ReliabilityKpis, 'reasons'> = {
    window: { from: window.from, to: window.to },
    devices,
    upTimeMs: up,
    downTimeMs: down,
    failures,
    failuresByComponent,
    mtbfMs: mtbf,
    mtbfLowerBoundMs: failures === 0 && up > 0 ? up * ZERO_FAILURE_FACTOR : null,
    repairsEnded: repairs,
    mttrMs: mttr,
    meanResponseMs: arrivals > 0 ? get('response_sum_ms') / arrivals : null,
    meanRepairMs: arrivals > 0 ? get('repair_sum_ms') / arrivals : null,
    availability: inService > 0 ? up / inService : null,
    inherentAvailability: mtbf !== null && mttr !== null ? mtbf / (mtbf + mttr) : null,
    usage,
    mcbf: usage !== null && meteredFailures > 0 ? usage / meteredFailures : null,
    serviceCalls: calls,
    mcbc: usage !== null && meteredCalls > 0 ? usage / meteredCalls : null,
  };
  return { ...kpis, reasons: nullReasons(kpis, component !== undefined) };
}

/** Why each null figure is null. */
function nullReasons(k: Omit<ReliabilityKpis, 'reasons'>, component: boolean): ReliabilityKpis['reasons'] {
  const noUsage =
    "no usage counter reading from these devices in this window (the model's usageMetric: pages.total, run_hours …)";
  const candidates: Record<NullableKpi, string> = {
    availability: 'no device in service in this window',
    mtbfMs:
      k.upTimeMs > 0
        ? 'no failure in this window: mtbfLowerBoundMs is the 95 % lower bound'
        : 'no failure and no up time in this window',
    mttrMs: 'no repair ended in this window',
    meanResponseMs: component
      ? 'response and repair times are not kept per component'
      : k.repairsEnded > 0
        ? 'no repair that ended in this window has a technician visit'
        : 'no repair ended in this window',
    meanRepairMs: '',
    inherentAvailability: 'needs both MTBF and MTTR',
    usage: noUsage,
    mcbf: k.usage === null ? noUsage : 'no failure of a device that reports usage in this window',
    serviceCalls: 'service calls are not counted for this window',
    mcbc: k.usage === null ? noUsage : 'no service call to a device that reports usage in this window',
  };
  candidates.meanRepairMs = candidates.meanResponseMs;
  const reasons: ReliabilityKpis['reasons'] = {};
  for (const key of Object.keys(candidates) as NullableKpi[])
    if (k[key] === null) reasons[key] = candidates[key];
  return reasons;
}

export function computeReliabilityKpis(input: KpiInput): ReliabilityKpis {
  const fields = kpiFields(input);
  return kpisFromFields(fields, input.window, input.devices.length);
}
