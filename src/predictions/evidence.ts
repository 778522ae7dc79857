import { countIn, type DeviceTimeline } from './device-timeline.js';
import { featureValue, type FeatureLayout } from './features.js';
import type { ComponentAge, ComponentLifeModel } from './life-models.js';
import { DAY_MS } from './prediction-input.js';
import { weibullMedian } from './weibull.js';

/**
 * The evidence behind a risk, in words a service planner reads. Each statement comes
 * from a feature group; the groups the trees leaned on most come first.
 */

export interface EvidenceItem {
  /** Feature group: codes, gauge:<metric>, age, failures, usage, data. */
  kind: string;
  text: string;
  /** How much this group raised the 7-day log-odds (0 when no condition model). */
  weight: number;
}

const UNITS: Array<[string, string, string]> = [
  ['_mm_s', 'mm/s', ''],
  ['_pct', '%', ' level'],
  ['_c', '°C', ''],
  ['_a', 'A', ''],
  ['_v', 'V', ''],
  ['_bar', 'bar', ''],
  ['_rpm', 'rpm', ''],
];

/** 'fuser.temp_c' → fuser temperature, °C. */
export function describeMetric(metric: string): { label: string; unit: string } {
  for (const [suffix, unit, extra] of UNITS) {
    if (metric.endsWith(suffix)) {
      const label = metric
        .slice(0, -suffix.length)
        .replace(/[._]/g, ' ')
        .replace(/\btemp\b/, 'temperature');
      return { label: label + extra, unit };
    }
  }
  return { label: metric.replace(/[._]/g, ' '), unit: '' };
}

/** 11 months ago, 5 days ago, 2.5 years ago. */
export function ago(days: number): string {
  if (days < 1.5) return `${Math.max(0, Math.round(days * 24))} h ago`;
  if (days < 60) return `${Math.round(days)} days ago`;
  if (days < 730) return `${Math.round(days / 30.44)} months ago`;
  return `${(days / 365.25).toFixed(1)} years ago`;
}

const signed = (x: number, digits: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(digits)}`;
const digitsFor = (x: number): number => (Math.abs(x) >= 10 ? 0 : Math.abs(x) >= 1 ? 1 : 2);

export function componentEvidence(
  tl: DeviceTimeline,
  component: string,
  t: number,
  layout: FeatureLayout,
  row: Float64Array,
  age: ComponentAge,
  life: ComponentLifeModel | undefined,
  contributions: Float64Array | null,
): EvidenceItem[] {
  const f = (name: string): number => featureValue(layout, row, name);
  const weightOf = (prefix: string): number => {
    if (!contributions) return 0;
    let w = 0;
    layout.names.forEach((n, i) => {
      if (n.startsWith(prefix)) w += contributions[i];
    });
    return w;
  };
  const items: EvidenceItem[] = [];
  const c = tl.components.get(component);
  const unit = tl.model.usageUnit;

  // minor codes pointing at the component
  if (c) {
    const windows: Array<[number, string]> = [
      [2, '48 h'],
      [7, '7 days'],
      [30, '30 days'],
    ];
    for (const [days, label] of windows) {
      const from = t - days * DAY_MS;
      const n = countIn(c.minorTs, from, t);
      if (!n) continue;
      const byCode = new Map<string, number>();
      for (let i = 0; i < c.minorTs.length; i++) {
        if (c.minorTs[i] >= from && c.minorTs[i] < t)
          byCode.set(c.minorCodes[i], (byCode.get(c.minorCodes[i]) ?? 0) + 1);
      }
      const codes = [...byCode].map(([code, k]) => `${k} minor ${code} code${k > 1 ? 's' : ''}`).join(', ');
      let text = `${codes} in ${label}`;
      const ratio = f('codes.ownRateRatio');
      if (days <= 7 && f('codes.own7d') >= 2 && ratio >= 2)
        text += `; rate ${ratio.toFixed(1)}x its 30-day mean`;
      items.push({ kind: 'codes', text, weight: weightOf('codes.') });
      break;
    }
  }

  // gauges that moved
  for (const metric of layout.metrics) {
    const delta = f(`${metric}:delta3`);
    const z = f(`${metric}:z3`);
    const level = f(`${metric}:level3`);
    const slope = f(`${metric}:slope7`);
    const spread = f(`${metric}:rangeRatio3`);
    const { label, unit: u } = describeMetric(metric);
    const parts: string[] = [];
    if (Number.isFinite(delta) && Number.isFinite(z) && Math.abs(z) >= 3) {
      parts.push(`${label} ${signed(delta, digitsFor(delta))} ${u} against its 30-day mean`);
    } else if (Number.isFinite(level) && Number.isFinite(z) && Math.abs(z) >= 2) {
      parts.push(`${label} ${signed(level, digitsFor(level))} ${u} from the model's norm`);
    }
    if (parts.length && Number.isFinite(slope) && Math.abs(slope * 7) >= Math.abs(delta) / 3) {
      parts.push(`${signed(slope * 7, digitsFor(slope * 7))} ${u} over 7 days`);
    }
    if (Number.isFinite(spread) && spread >= 2)
      parts.push(`readings ${spread.toFixed(1)}x as spread out as usual`);
    if (parts.length)
      items.push({ kind: `gauge:${metric}`, text: parts.join(', '), weight: weightOf(`${metric}:`) });
  }

  // a failure the last visit did not fix
  const failedSince = f('fail.sinceOrigin');
  const lastFailure = f('fail.daysSinceLast');
  if (failedSince > 0 && Number.isFinite(lastFailure)) {
    items.push({
      kind: 'failures',
      text: `failed ${ago(lastFailure)} and the part was not replaced since`,
      weight: weightOf('fail.'),
    });
  } else if (f('fail.count365') >= 2) {
    items.push({
      kind: 'failures',
      text: `${f('fail.count365')} failures in the last year`,
      weight: weightOf('fail.'),
    });
  }

  // usage against rated duty
  const load = f('usage.load30');
  if (Number.isFinite(load) && load >= 1.3) {
    items.push({
      kind: 'usage',
      text: `running at ${load.toFixed(1)}x its rated duty`,
      weight: weightOf('usage.'),
    });
  }

  // age against the model's life
  const ageWeight = weightOf('age.') + weightOf('life.');
  if (life) {
    const median = weibullMedian(life.usage);
    if (age.originKnown) {
      items.push({
        kind: 'age',
        text: `at ${Math.round((100 * age.usage) / median)} % of this model's median ${component} life in ${unit}; replaced ${ago(age.days)}`,
        weight: ageWeight,
      });
    } else {
      items.push({
        kind: 'age',
        text: `no replacement on record; at most ${Math.round((100 * age.upperUsage) / median)} % of this model's median ${component} life in ${unit}`,
        weight: ageWeight,
      });
    }
  }

  const stale = f('data.daysSinceData');
  if (!Number.isFinite(stale)) items.push({ kind: 'data', text: 'no telemetry yet', weight: 0 });
  else if (stale >= 2)
    items.push({ kind: 'data', text: `no telemetry for ${Math.round(stale)} days`, weight: 0 });

  // what raised the risk most first; the age line always stays
  return items.sort((a, b) => b.weight - a.weight);
}
