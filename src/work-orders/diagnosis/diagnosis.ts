import { codeFeature, type DiagnosisKnowledge } from './diagnosis-knowledge.js';
import { anomalyFeatures, codesForWords, type FaultTableEntry, type Symptom } from './symptoms.js';

/** The cause "the user did it" (wrong media, a lid left open): no part, training instead. */
export const OPERATOR = 'operator';

export interface RankedCause {
  /** A component name, or `operator`. */
  cause: string;
  probability: number;
  action: string;
  /** What speaks for it, in a planner's words. */
  evidence: string[];
}

export interface Diagnosis {
  at: number;
  symptoms: Symptom[];
  /** Most likely first; at most five. */
  causes: RankedCause[];
  /** Parts to bring so the first visit fixes it: the likely causes until 90 % is covered (at most three). */
  parts: Array<{ component: string; quantity: number; probability: number }>;
  /** What to do, for the technician. */
  action: string;
  /** Probability of the top cause. */
  confidence: number;
  /** What the ranking rests on: fix episodes learned from history, fault-table lines as the prior. */
  basis: { learnedFixes: number; faultTableCodes: number };
}

export interface DiagnosisContext {
  at: number;
  /** The model's parts (registry); the causes considered, with the operator. Empty: every part known. */
  components: readonly string[];
  faultTable: readonly FaultTableEntry[];
  knowledge: DiagnosisKnowledge;
}

/** How many fix episodes one fault-table line is worth: the prior's weight against history. */
export const PRIOR_EPISODES = 3;
/** Smoothing for a symptom never seen with a cause. */
const EPSILON = 0.1;
const MAX_PARTS = 3;
const PARTS_COVER = 0.9;
const PART_MIN_PROBABILITY = 0.15;

interface Feature {
  feature: string;
  weight: number;
  label: string;
}

/** Symptoms as features for the ranking, each with its weight and a label for the evidence. */
export function featuresOf(symptoms: readonly Symptom[], table: readonly FaultTableEntry[]): Feature[] {
  const byCode = new Map(table.map((t) => [t.code, t]));
  const out = new Map<string, Feature>();
  const add = (f: Feature): void => {
    const had = out.get(f.feature);
    if (!had || had.weight < f.weight) out.set(f.feature, f);
  };
  for (const s of symptoms) {
    switch (s.kind) {
      case 'fault': {
        const text = byCode.get(s.code)?.symptom;
        add({
          feature: codeFeature(s.code),
          // the code that stopped the machine says more than a jam here and there
          weight: s.severity === 'machine-down' ? 4 : s.severity === 'major' ? 3 : 1,
          label: `${s.code}${text ? ` "${text}"` : ''}${s.count > 1 ? ` ×${s.count}` : ''}`,
        });
        break;
      }
      case 'anomaly':
        for (const feature of anomalyFeatures(s))
          add({ feature, weight: 1, label: `${s.metric} ${s.direction} by ${s.shift} (z ${s.z})` });
        break;
      case 'words':
        for (const m of codesForWords(s.text, table))
          add({
            feature: codeFeature(m.code),
            weight: 2 * m.weight,
            label: `customer: "${s.text}" ≈ ${m.code}`,
          });
        break;
      case 'prediction':
        add({
          feature: `predicted:${s.component}`,
          weight: 2 * Math.min(1, Math.max(0, s.probability)),
          label: `predicted failure of ${s.component} (p ${s.probability.toFixed(2)})`,
        });
        break;
    }
  }
  return [...out.values()];
}

/**
 * Symptoms → ranked root causes → the parts and action, with confidence and
 * evidence. Each symptom votes for the causes that explain it, by Bayes' rule:
 * P(cause) from how often each part's replacement fixed something, P(symptom |
 * cause) from how often that replacement ended the symptom, both with the fault
 * table as a prior worth PRIOR_EPISODES episodes per line (a code names its likely
 * part; a code the user causes names the operator; a prediction names its part).
 * The votes are weighted (a machine-down code 4, major 3, a customer's complaint
 * and a prediction 2, a minor code or a gauge drift 1) and summed: a misused
 * machine whose part failed shows user codes and the failure code at once, and
 * the failure still wins; a symptom every cause could explain votes thinly. With
 * no history the fault table decides; history sharpens or overrules it. Pure.
 */
export function diagnose(symptoms: readonly Symptom[], ctx: DiagnosisContext): Diagnosis {
  const k = ctx.knowledge;
  const table = ctx.faultTable;
  const causes = new Set<string>(ctx.components);
  if (!causes.size) {
    for (const p of Object.keys(k.fixes)) causes.add(p);
    for (const t of table) if (t.likelyComponent) causes.add(t.likelyComponent);
  }
  causes.add(OPERATOR);
  const features = featuresOf(symptoms, table);

  // the fault table as pseudo-episodes: each line one episode of its cause showing its code
  const priorFixes = new Map<string, number>();
  const priorEnded = new Map<string, Map<string, number>>();
  const addPrior = (feature: string, cause: string): void => {
    priorFixes.set(cause, (priorFixes.get(cause) ?? 0) + PRIOR_EPISODES);
    const row = priorEnded.get(feature) ?? new Map<string, number>();
    row.set(cause, (row.get(cause) ?? 0) + PRIOR_EPISODES);
    priorEnded.set(feature, row);
  };
  for (const t of table) addPrior(codeFeature(t.code), t.likelyComponent ?? OPERATOR);
  for (const f of features) if (f.feature.startsWith('predicted:')) addPrior(f.feature, f.feature.slice(10));

  const fixesOf = (c: string): number => (k.fixes[c] ?? 0) + (priorFixes.get(c) ?? 0);
  const endedBy = (f: string, c: string): number => (k.ended[f]?.[c] ?? 0) + (priorEnded.get(f)?.get(c) ?? 0);
  const likelihood = (f: string, c: string): number => (endedBy(f, c) + EPSILON) / (fixesOf(c) + 2 * EPSILON);

  const list = [...causes];
  const prior = list.map((c) => fixesOf(c) + 1);
  // each symptom's posterior over the causes, weighted and summed
  const votes = list.map(() => 0);
  let totalWeight = 0;
  for (const f of features) {
    const joint = list.map((c, i) => prior[i] * likelihood(f.feature, c));
    const z = joint.reduce((a, b) => a + b, 0);
    joint.forEach((j, i) => (votes[i] += (f.weight * j) / z));
    totalWeight += f.weight;
  }
  const priorSum = prior.reduce((a, b) => a + b, 0);
  const probability = totalWeight > 0 ? votes.map((v) => v / totalWeight) : prior.map((p) => p / priorSum);
  const byCode = new Map(table.map((t) => [t.code, t]));

  const ranked: RankedCause[] = list
    .map((cause, i) => ({ cause, probability: probability[i] }))
    .sort((a, b) => b.probability - a.probability || a.cause.localeCompare(b.cause))
    .slice(0, 5)
    .map(({ cause, probability }) => {
      const evidence: string[] = [];
      for (const f of features) {
        // supports this cause when it is likelier under it than on average
        const here = likelihood(f.feature, cause);
        const mean = list.reduce((s, c) => s + likelihood(f.feature, c), 0) / list.length;
        if (here <= mean * 1.5) continue;
        const parts = [f.label];
        const code = f.feature.startsWith('code:') ? byCode.get(f.feature.slice(5)) : undefined;
        if (code && (code.likelyComponent ?? OPERATOR) === cause) parts.push(`fault table: ${cause}`);
        const learned = k.ended[f.feature]?.[cause] ?? 0;
        if (learned >= 0.5)
          parts.push(
            `ended by ${round1(learned)} of ${round1(k.fixes[cause] ?? 0)} replacements of ${cause}`,
          );
        evidence.push(parts.join(' — '));
      }
      return { cause, probability: round3(probability), action: actionFor(cause), evidence };
    });

  const parts: Diagnosis['parts'] = [];
  let covered = 0;
  for (const c of ranked) {
    if (parts.length >= MAX_PARTS || covered >= PARTS_COVER) break;
    // the top cause always; the others when they are a real possibility
    if (c !== ranked[0] && c.probability < PART_MIN_PROBABILITY) break;
    covered += c.probability;
    if (c.cause !== OPERATOR) parts.push({ component: c.cause, quantity: 1, probability: c.probability });
  }
  const best = ranked[0];
  return {
    at: ctx.at,
    symptoms: [...symptoms],
    causes: ranked,
    parts,
    action: features.length ? best.action : 'no symptoms recorded yet: inspect the machine',
    confidence: best.probability,
    basis: {
      learnedFixes: round1(Object.values(k.fixes).reduce((a, b) => a + b, 0)),
      faultTableCodes: table.length,
    },
  };
}

function actionFor(cause: string): string {
  return cause === OPERATOR
    ? 'no part: show the users the right media and handling, check the machine settings'
    : `replace ${cause}`;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
const round3 = (x: number): number => Math.round(x * 1000) / 1000;
