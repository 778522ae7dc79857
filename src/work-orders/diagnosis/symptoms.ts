import type { FaultSeverity } from '../../contract/index.js';
import type { EventRecord } from '../../ports/records.js';

/** One line of a model's fault table: what a code means and which part to suspect (null: the user caused it). */
export interface FaultTableEntry {
  code: string;
  symptom: string;
  likelyComponent: string | null;
  severity: FaultSeverity;
}

/** What was seen on the device, or said by the customer, before anyone opened it up. */
export type Symptom =
  | { kind: 'fault'; code: string; severity?: FaultSeverity; count: number; lastAt: number }
  | { kind: 'anomaly'; metric: string; direction: 'high' | 'low'; strong: boolean; z: number; shift: number }
  | { kind: 'words'; text: string }
  | { kind: 'prediction'; component: string; probability: number };

/** The features of a gauge drift: its direction, and whether it is far off (learning and ranking share them). */
export function anomalyFeatures(a: Extract<Symptom, { kind: 'anomaly' }>): string[] {
  const f = `anomaly:${a.metric}:${a.direction}`;
  return a.strong ? [f, `${f}:strong`] : [f];
}

/** The device's fault codes in [from, to), one symptom per code with how often and when last. */
export function faultSymptoms(events: readonly EventRecord[], from: number, to: number): Symptom[] {
  const byCode = new Map<string, Extract<Symptom, { kind: 'fault' }>>();
  for (const e of events) {
    if (e.type !== 'fault.raised' || !e.code || e.ts < from || e.ts >= to) continue;
    const s = byCode.get(e.code);
    if (!s) byCode.set(e.code, { kind: 'fault', code: e.code, severity: e.severity, count: 1, lastAt: e.ts });
    else {
      s.count++;
      if (e.ts > s.lastAt) s.lastAt = e.ts;
      if (e.severity === 'machine-down') s.severity = e.severity;
    }
  }
  return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** Field words that mean the same as the fault table's, so "smudges" finds "marks". */
const SYNONYMS: Readonly<Record<string, string>> = {
  smudge: 'mark',
  smear: 'mark',
  line: 'streak',
  stripe: 'streak',
  dirty: 'mark',
  stuck: 'jam',
  jamming: 'jam',
  jammed: 'jam',
  crumpled: 'jam',
  misfeed: 'misfeed',
  pick: 'pickup',
  dot: 'spot',
  speck: 'spot',
  grey: 'background',
  gray: 'background',
  pale: 'faint',
  light: 'faint',
  washed: 'faint',
  cold: 'warm',
  heat: 'warm',
  warming: 'warm',
  hot: 'temperature',
  blank: 'blank',
  empty: 'blank',
  dead: 'responding',
  frozen: 'responding',
  screen: 'controller',
  squeal: 'squeal',
  squeak: 'squeal',
  noise: 'vibration',
  noisy: 'vibration',
  rattle: 'vibration',
  shaking: 'vibration',
  airflow: 'airflow',
  air: 'airflow',
  cooling: 'compressor',
  tripping: 'tripped',
  trip: 'tripped',
  door: 'cover',
  lid: 'lid',
  paper: 'paper',
  media: 'media',
  envelope: 'media',
  label: 'media',
  cardstock: 'media',
};

const STOP = new Set([
  'the',
  'a',
  'an',
  'on',
  'of',
  'or',
  'and',
  'at',
  'in',
  'no',
  'is',
  'are',
  'our',
  'it',
  'to',
]);

/** Lower-case words, crude singular, synonyms mapped, stop words out. */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !STOP.has(w))
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w))
    .map((w) => SYNONYMS[w] ?? w);
}

/**
 * The fault codes whose symptom text the customer's words describe, with a weight
 * in (0, 1]: the share of the code's words the customer used, relative to the best
 * match. Codes under half the best are dropped.
 */
export function codesForWords(
  text: string,
  table: readonly FaultTableEntry[],
): Array<{ code: string; weight: number }> {
  const said = new Set(wordsOf(text));
  if (!said.size) return [];
  const scored = table
    .map((entry) => {
      const words = [...new Set(wordsOf(entry.symptom))];
      const hits = words.filter((w) => said.has(w)).length;
      return { code: entry.code, score: words.length ? hits / Math.sqrt(words.length) : 0 };
    })
    .filter((s) => s.score > 0);
  const best = Math.max(0, ...scored.map((s) => s.score));
  return scored
    .filter((s) => s.score >= best / 2)
    .map((s) => ({ code: s.code, weight: Math.round((s.score / best) * 1000) / 1000 }))
    .sort((a, b) => b.weight - a.weight || a.code.localeCompare(b.code));
}
