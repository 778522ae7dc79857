import {
  counterAt,
  lastBefore,
  lowerBound,
  usageAt,
  usageBetween,
  usageDaysIn,
  type DeviceTimeline,
} from './device-timeline.js';
import { DAY_MS, type ModelInfo } from './prediction-input.js';
import {
  catalogPrior,
  conditionalFailureProbability,
  fitWeibull,
  medianResidualLife,
  unknownAgeFailureProbability,
  type LifeObservation,
  type WeibullFit,
} from './weibull.js';

/**
 * Life models per equipment model × component, fitted from the fleet's own history
 * (known-origin lives, running ones censored) with the catalog's expected life as the
 * prior, on usage and on calendar time. docs/predictions.md, "Life model".
 */

export interface ComponentLifeModel {
  modelId: string;
  component: string;
  /** Life in the model's usage unit (pages, run hours). */
  usage: WeibullFit;
  /** Life in days in service. */
  calendar: WeibullFit;
  /** Median usage per day of the model's devices: converts usage to days when a device has no rate. */
  typicalDailyUsage: number;
}

export type LifeModelTable = Record<string, ComponentLifeModel>;

export const lifeKey = (modelId: string, component: string): string => `${modelId}/${component}`;

/** How old a component is at t, as far as the history tells. */
export interface ComponentAge {
  /** Known when a replacement is on record, or the data starts at the device's installation. */
  originKnown: boolean;
  originTs: number | null;
  /** Usage and days since the origin; NaN when the origin is unknown. */
  usage: number;
  days: number;
  /** Upper bounds when the origin is unknown: the usage counter's value, days since install or first data. */
  upperUsage: number;
  upperDays: number;
}

/** Data that starts within this of the install date is taken to cover the whole life of the parts. */
const INSTALL_SLACK_MS = 2 * DAY_MS;

/** The install date when the data covers the device from its installation, else null. */
function installOrigin(tl: DeviceTimeline): number | null {
  return tl.installDate !== null &&
    tl.firstDataTs !== null &&
    tl.installDate >= tl.firstDataTs - INSTALL_SLACK_MS
    ? tl.installDate
    : null;
}

export function componentAge(tl: DeviceTimeline, component: string, t: number): ComponentAge {
  const c = tl.components.get(component);
  const replaced = c ? lastBefore(c.replacements, t) : null;
  const fromInstall = installOrigin(tl);
  const origin = replaced ?? (fromInstall !== null && fromInstall < t ? fromInstall : null);
  const used = usageAt(tl, t);
  const since = tl.installDate ?? tl.firstDataTs ?? t;
  const upperDays = Math.max(0, (t - since) / DAY_MS);
  const counter = counterAt(tl, t);
  const upperUsage = Math.max(used, counter ?? 0);
  if (origin === null) {
    return { originKnown: false, originTs: null, usage: NaN, days: NaN, upperUsage, upperDays };
  }
  return {
    originKnown: true,
    originTs: origin,
    usage: Math.max(0, used - usageAt(tl, origin)),
    days: (t - origin) / DAY_MS,
    upperUsage,
    upperDays,
  };
}

/** Lives of one component on one device that started at a known origin, as known at `asOf`. */
export function lifeObservations(
  tl: DeviceTimeline,
  component: string,
  asOf: number,
): { usage: LifeObservation[]; days: LifeObservation[] } {
  const c = tl.components.get(component);
  const out = { usage: [] as LifeObservation[], days: [] as LifeObservation[] };
  if (!c) return out;
  const origins = c.replacements.filter((ts) => ts < asOf);
  // the life before the first replacement counts only when its start is known (data since install)
  const install = installOrigin(tl);
  if (install !== null && install < asOf && (!origins.length || origins[0] > install))
    origins.unshift(install);
  const failureTs = c.failureTs;
  for (let i = 0; i < origins.length; i++) {
    const start = origins[i];
    const next = i + 1 < origins.length ? origins[i + 1] : asOf;
    const fi = lowerBound(failureTs, start + 1);
    const failed = fi < failureTs.length && failureTs[fi] < next && failureTs[fi] < asOf;
    const end = failed ? failureTs[fi] : Math.min(next, asOf);
    out.usage.push({ age: usageBetween(tl, start, end), failed });
    out.days.push({ age: (end - start) / DAY_MS, failed });
  }
  return out;
}

/** Fits every model × component of the registry on the histories as known at `asOf`. */
export function fitLifeModels(
  timelines: readonly DeviceTimeline[],
  models: readonly ModelInfo[],
  asOf: number,
  priorShape = 1.5,
): LifeModelTable {
  const table: LifeModelTable = {};
  for (const model of models) {
    const devices = timelines.filter((tl) => tl.modelId === model.modelId);
    const typical = typicalDailyUsage(devices, asOf) ?? model.ratedMonthlyDuty / 30.44;
    for (const comp of model.components) {
      const usage: LifeObservation[] = [];
      const days: LifeObservation[] = [];
      for (const tl of devices) {
        const obs = lifeObservations(tl, comp.name, asOf);
        usage.push(...obs.usage);
        days.push(...obs.days);
      }
      table[lifeKey(model.modelId, comp.name)] = {
        modelId: model.modelId,
        component: comp.name,
        usage: fitWeibull(usage, catalogPrior(comp.expectedLife, priorShape)),
        calendar: fitWeibull(days, catalogPrior(comp.expectedLife / Math.max(typical, 1e-9), priorShape)),
        typicalDailyUsage: typical,
      };
    }
  }
  return table;
}

/** Median over devices of usage per day over the 90 days before `asOf`; null without readings. */
function typicalDailyUsage(devices: readonly DeviceTimeline[], asOf: number): number | null {
  const rates: number[] = [];
  for (const tl of devices) {
    const days = usageDaysIn(tl, asOf - 90 * DAY_MS, asOf);
    if (days >= 7) rates.push(usageBetween(tl, asOf - 90 * DAY_MS, asOf) / days);
  }
  if (!rates.length) return null;
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)];
}

/** Usage per day of a device over the 30 days before t; null with under 7 days of readings. */
export function recentDailyUsage(tl: DeviceTimeline, t: number): number | null {
  const days = usageDaysIn(tl, t - 30 * DAY_MS, t);
  return days >= 7 ? usageBetween(tl, t - 30 * DAY_MS, t) / days : null;
}

export interface LifeRisk {
  /** P(failure within each horizon) by the life model alone. */
  probability: number[];
  /** Median remaining life in usage units and in days at the device's rate. */
  residualUsage: number;
  residualDays: number;
  dailyUsage: number;
  /** The calendar model is used when the device reports no usage. */
  basis: 'usage' | 'calendar';
}

/** Life-model risk of a component at t over the horizons (days). */
export function lifeRisk(
  life: ComponentLifeModel,
  age: ComponentAge,
  dailyUsage: number | null,
  horizons: readonly number[],
): LifeRisk {
  const rate = dailyUsage ?? life.typicalDailyUsage;
  const useUsage = dailyUsage !== null && dailyUsage > 0;
  const probability = horizons.map((h) => {
    if (useUsage) {
      const delta = rate * h;
      return age.originKnown
        ? conditionalFailureProbability(life.usage, age.usage, delta)
        : unknownAgeFailureProbability(life.usage, age.upperUsage, delta);
    }
    return age.originKnown
      ? conditionalFailureProbability(life.calendar, age.days, h)
      : unknownAgeFailureProbability(life.calendar, age.upperDays, h);
  });
  // an unknown age is taken at the middle of its possible range for the remaining life
  const usageAge = age.originKnown ? age.usage : age.upperUsage / 2;
  const dayAge = age.originKnown ? age.days : age.upperDays / 2;
  const residualUsage = medianResidualLife(life.usage, usageAge);
  const residualDays = useUsage ? residualUsage / rate : medianResidualLife(life.calendar, dayAge);
  return {
    probability,
    residualUsage,
    residualDays,
    dailyUsage: rate,
    basis: useUsage ? 'usage' : 'calendar',
  };
}
