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
}

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

const meanOf = (xs: number[]): number | null =>
  xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;

export function computeReliabilityKpis(input: KpiInput): ReliabilityKpis {
  const { from, to } = input.window;
  if (!(to > from)) throw new RangeError('window.to must be after window.from');

  const byDevice = new Map<string, DowntimeEpisode[]>();
  for (const e of input.episodes) {
    const list = byDevice.get(e.deviceId) ?? [];
    list.push(e);
    byDevice.set(e.deviceId, list);
  }

  let inService = 0;
  let down = 0;
  for (const d of input.devices) {
    const start = Math.max(from, d.inServiceFrom);
    const end = Math.min(to, d.inServiceTo ?? to);
    if (end <= start) continue;
    inService += end - start;
    const episodes = byDevice.get(d.deviceId) ?? [];
    // an open episode is down until the end of the window
    down += unionLength(
      episodes.map((e) => [e.failureTs, e.restoredTs ?? to]),
      start,
      end,
    );
  }
  const up = inService - down;

  const inScope = new Set(input.devices.map((d) => d.deviceId));
  const scoped = input.episodes.filter((e) => inScope.has(e.deviceId));
  const started = scoped.filter((e) => e.failureTs >= from && e.failureTs < to);
  const failuresByComponent: Record<string, number> = {};
  for (const e of started) {
    const key = e.component ?? 'unknown';
    failuresByComponent[key] = (failuresByComponent[key] ?? 0) + 1;
  }
  const ended = scoped.filter((e): e is DowntimeEpisode & { restoredTs: number } => {
    return e.restoredTs !== null && e.restoredTs >= from && e.restoredTs < to;
  });

  const failures = started.length;
  const mtbf = failures > 0 ? up / failures : null;
  const mttr = meanOf(ended.map((e) => e.restoredTs - e.failureTs));
  const withArrival = ended.filter((e) => e.arrivalTs !== undefined);
  const usage = input.usage
    ? [...input.devices].reduce((s, d) => s + (input.usage!.get(d.deviceId) ?? 0), 0)
    : null;
  const calls = input.serviceCalls ?? null;

  return {
    window: { from, to },
    devices: input.devices.length,
    upTimeMs: up,
    downTimeMs: down,
    failures,
    failuresByComponent,
    mtbfMs: mtbf,
    mtbfLowerBoundMs: failures === 0 && up > 0 ? up * ZERO_FAILURE_FACTOR : null,
    repairsEnded: ended.length,
    mttrMs: mttr,
    meanResponseMs: meanOf(withArrival.map((e) => e.arrivalTs! - (e.callTs ?? e.failureTs))),
    meanRepairMs: meanOf(withArrival.map((e) => e.restoredTs - e.arrivalTs!)),
    availability: inService > 0 ? up / inService : null,
    inherentAvailability: mtbf !== null && mttr !== null ? mtbf / (mtbf + mttr) : null,
    usage,
    mcbf: usage !== null && failures > 0 ? usage / failures : null,
    serviceCalls: calls,
    mcbc: usage !== null && calls !== null && calls > 0 ? usage / calls : null,
  };
}
