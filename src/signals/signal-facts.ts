import type { ContractType, EquipmentKind, UsageUnit } from '../registry/registry-entities.js';

/**
 * What the rules know about a device: registry fields, and its history by calendar
 * month (UTC) from the reliability KPIs and the stored events. Gathered by
 * `signal-facts.service.ts`; made by hand in the rules' specs and by the bench from
 * the same services. Times are ms since the epoch.
 */

export const DAY_MS = 86_400_000;
/** An average month: a monthly volume is per this many days. */
export const AVERAGE_MONTH_DAYS = 365.25 / 12;

export interface MonthFacts {
  /** Start and end of the UTC calendar month. */
  start: number;
  end: number;
  /** `2026-03`. */
  label: string;
  /** Usage (pages or run hours) from the usage counter; null when no reading fell in the month. */
  usage: number | null;
  /** Machine-down failures that started in the month. */
  failures: number;
  /** Fault codes raised in the month (any severity), by code. */
  faultCodes: Record<string, number>;
  /** Days of the month the device was in service (installed, not removed). */
  inServiceDays: number;
}

export interface DeviceFacts {
  deviceId: string;
  modelId: string;
  customerId: string;
  siteId: string;
  department: string | null;
  equipmentKind: EquipmentKind;
  usageUnit: UsageUnit;
  ratedMonthlyDuty: number | null;
  successorModelId: string | null;
  installDate: number;
  warrantyEnd: number | null;
  contractType: ContractType | null;
  contractEnd: number | null;
  /** Complete months before the evaluation, oldest first. */
  months: MonthFacts[];
  /** Service visits in the months (and since), oldest first. */
  visits: Visit[];
  /** Parts replaced in the months (and since). */
  parts: Array<{ ts: number; component: string }>;
  /** Daily peak of the configured queue gauge, averaged over the last 30 days; null: none reported. */
  queueDepth: number | null;
  /** Fault codes the model's fault table (registry) says the user causes: wrong media, a lid left open. */
  misuseCodes: string[];
}

/** A service visit: from the device's events, and its work order's billing record when it had one. */
export interface Visit {
  /** When it started. */
  ts: number;
  /** Whether the customer was billed (work orders' entitlement); null when no work order tells. */
  billable: boolean | null;
  workOrderId: string | null;
}

/** The failure norm of a model: failures per device and in-service month, fleet-wide. */
export interface ModelNorm {
  modelId: string;
  failuresPerDeviceMonth: number;
  /** In-service device-months it was measured over. */
  deviceMonths: number;
}

/**
 * Usage per average month: the month's usage scaled to 30.44 days of service. Null
 * without a reading, or when the device was in service under a week of it.
 */
export function monthlyRate(m: MonthFacts): number | null {
  if (m.usage === null || m.inServiceDays < 7) return null;
  return (m.usage * AVERAGE_MONTH_DAYS) / m.inServiceDays;
}

/** The last `n` months (fewer when there are fewer). */
export const lastMonths = (d: DeviceFacts, n: number): MonthFacts[] => d.months.slice(-n);

/** Mean monthly rate over the last `n` months; null unless every one of them has a rate. */
export function meanRate(d: DeviceFacts, n: number): number | null {
  const rates = lastMonths(d, n).map(monthlyRate);
  if (rates.length < n || rates.some((r) => r === null)) return null;
  return (rates as number[]).reduce((s, r) => s + r, 0) / n;
}

/** `2026-03` for a time in March 2026 (UTC). */
export const monthLabel = (ts: number): string => new Date(ts).toISOString().slice(0, 7);

/** `2026-03-31`. */
export const dayLabel = (ts: number): string => new Date(ts).toISOString().slice(0, 10);

/** Start of the UTC month holding `ts`, and of the month `k` months later. */
export function monthStart(ts: number, k = 0): number {
  const d = new Date(ts);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + k, 1);
}

/** The `n` complete UTC months before the month holding `asOf`, oldest first, as [start, end). */
export function completeMonthsBefore(asOf: number, n: number): Array<[number, number]> {
  const current = monthStart(asOf);
  return Array.from({ length: n }, (_, i) => [monthStart(current, i - n), monthStart(current, i - n + 1)]);
}

/** Rounds for evidence: figures a person reads, not float noise. */
export const round = (x: number, digits = 2): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** 20,000 (no decimals): numbers in reasons. */
export const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');

/** 1.55 as "1.55×". */
export const times = (x: number): string => `${round(x)}×`;
