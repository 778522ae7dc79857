import { DEFAULT_RULE_SETTINGS, type RuleSettings } from './signal-rules.config.js';
import {
  AVERAGE_MONTH_DAYS,
  DAY_MS,
  completeMonthsBefore,
  monthLabel,
  type DeviceFacts,
  type MonthFacts,
  type Visit,
} from './signal-facts.js';
import type { RuleInput } from './rules/signal-rule.js';

/** Hand-made histories for the rules' specs: an evaluation on 15 July 2026, months before it. */
export const NOW = Date.UTC(2026, 6, 15);

export interface MonthSpec {
  /** Usage per average month (30.44 days); the month's usage is scaled to its length. Null: no reading. */
  rate?: number | null;
  failures?: number;
  faultCodes?: Record<string, number>;
  /** Days in service; default the whole month. */
  inServiceDays?: number;
}

/** Complete months ending with June 2026 (before NOW), oldest first, from specs or plain rates. */
export function months(specs: ReadonlyArray<MonthSpec | number | null>, asOf = NOW): MonthFacts[] {
  return completeMonthsBefore(asOf, specs.length).map(([start, end], i) => {
    const raw = specs[i];
    const spec: MonthSpec = typeof raw === 'number' || raw === null ? { rate: raw } : raw;
    const days = spec.inServiceDays ?? (end - start) / DAY_MS;
    const rate = spec.rate === undefined ? null : spec.rate;
    return {
      start,
      end,
      label: monthLabel(start),
      usage: rate === null ? null : (rate * days) / AVERAGE_MONTH_DAYS,
      failures: spec.failures ?? 0,
      faultCodes: spec.faultCodes ?? {},
      inServiceDays: days,
    };
  });
}

/** A copier on a full-service contract, rated 20,000 pages a month, at 12,000 a month for a year. */
export function aDevice(over: Partial<DeviceFacts> = {}): DeviceFacts {
  return {
    deviceId: 'dev-1',
    modelId: 'MFP-C300',
    customerId: 'cust-1',
    siteId: 'site-1',
    department: 'floor 1',
    equipmentKind: 'copier',
    usageUnit: 'pages',
    ratedMonthlyDuty: 20_000,
    successorModelId: 'MFP-C500',
    installDate: Date.UTC(2023, 0, 10),
    warrantyEnd: Date.UTC(2024, 0, 10),
    contractType: 'full-service',
    contractEnd: Date.UTC(2027, 5, 30),
    months: months(Array<number>(12).fill(12_000)),
    visits: [],
    parts: [],
    queueDepth: null,
    misuseCodes: ['J-110', 'C-001'],
    ...over,
  };
}

/** Visits at these times, no work order known. */
export const visitsAt = (...ts: number[]): Visit[] =>
  ts.map((t) => ({ ts: t, billable: null, workOrderId: null }));

/** Settings with some sections overridden. */
export function settings(over: { [K in keyof RuleSettings]?: Partial<RuleSettings[K]> } = {}): RuleSettings {
  const out = { ...DEFAULT_RULE_SETTINGS } as Record<string, unknown>;
  for (const [k, v] of Object.entries(over))
    out[k] = { ...(DEFAULT_RULE_SETTINGS as Record<string, object>)[k], ...v };
  return out as RuleSettings;
}

/** A rule's input: the device, its peers, default settings, no failure norm. */
export function input(device: DeviceFacts, over: Partial<RuleInput> = {}): RuleInput {
  return { now: NOW, device, peers: [], settings: DEFAULT_RULE_SETTINGS, norm: null, ...over };
}
