import type { EventRecord } from '../../ports/records.js';
import { diagnose, OPERATOR, type DiagnosisContext } from './diagnosis.js';
import {
  EMPTY_KNOWLEDGE,
  learnFromHistory,
  mergeKnowledge,
  type Observation,
} from './diagnosis-knowledge.js';
import { codesForWords, faultSymptoms, type FaultTableEntry, type Symptom } from './symptoms.js';
import { anomalyObservations, detectAnomalies, type DailyMean } from './telemetry-anomalies.js';

const DAY = 86_400_000;
const TABLE: FaultTableEntry[] = [
  { code: 'J-101', symptom: 'Paper jam at the pickup', likelyComponent: 'pickup_roller', severity: 'minor' },
  {
    code: 'J-102',
    symptom: 'Repeated misfeeds: no sheet picked',
    likelyComponent: 'pickup_roller',
    severity: 'machine-down',
  },
  {
    code: 'J-110',
    symptom: 'Jam in the paper path (unsupported media)',
    likelyComponent: null,
    severity: 'minor',
  },
  {
    code: 'F-301',
    symptom: 'Fuser temperature out of range',
    likelyComponent: 'fuser',
    severity: 'machine-down',
  },
  {
    code: 'F-302',
    symptom: 'Fuser slow to warm up, temperature unstable',
    likelyComponent: 'fuser',
    severity: 'minor',
  },
  {
    code: 'IQ-204',
    symptom: 'Black marks or streaks on copies',
    likelyComponent: 'transfer_roller',
    severity: 'minor',
  },
  {
    code: 'IQ-301',
    symptom: 'Spots or grey background on copies',
    likelyComponent: 'drum',
    severity: 'minor',
  },
  {
    code: 'M-501',
    symptom: 'Main motor overcurrent',
    likelyComponent: 'main_motor',
    severity: 'machine-down',
  },
];
const PARTS = ['pickup_roller', 'fuser', 'transfer_roller', 'drum', 'main_motor'];
const ctx = (over: Partial<DiagnosisContext> = {}): DiagnosisContext => ({
  at: 0,
  components: PARTS,
  faultTable: TABLE,
  knowledge: EMPTY_KNOWLEDGE,
  ...over,
});
const fault = (code: string, count = 1): Symptom => ({ kind: 'fault', code, count, lastAt: 0 });
const ev = (ts: number, type: EventRecord['type'], extra: Partial<EventRecord> = {}): EventRecord => ({
  deviceId: 'd1',
  ts,
  type,
  ...extra,
});
const raised = (day: number, code: string, deviceId = 'd1'): EventRecord =>
  ev(day * DAY, 'fault.raised', { code, severity: 'minor', deviceId });
const replaced = (day: number, component: string, visitId: string, deviceId = 'd1'): EventRecord =>
  ev(day * DAY, 'part.replaced', { component, visitId, deviceId });

describe(diagnose.name, () => {
  it.each<[string, Symptom[], string, string[]]>([
    ['a machine-down code names its part', [fault('F-301')], 'fuser', ['fuser']],
    ['jams at the pickup', [fault('J-101', 4)], 'pickup_roller', ['pickup_roller']],
    ['a jam from unsupported media is the user: no part', [fault('J-110', 6)], OPERATOR, []],
    [
      'the customer asks for a cleaning because of black marks: the need is the transfer roller',
      [{ kind: 'words', text: 'Copies show black marks, can someone come and clean it?' }],
      'transfer_roller',
      ['transfer_roller'],
    ],
    [
      'a prediction names its part',
      [{ kind: 'prediction', component: 'drum', probability: 0.8 }],
      'drum',
      ['drum'],
    ],
    [
      "a prediction and the part's own minor code agree",
      [{ kind: 'prediction', component: 'fuser', probability: 0.6 }, fault('F-302', 2)],
      'fuser',
      ['fuser'],
    ],
  ])('with the fault table only: %s', (_name, symptoms, top, parts) => {
    const d = diagnose(symptoms, ctx());
    expect(d.causes[0].cause).toBe(top);
    expect(d.parts.map((p) => p.component)).toEqual(parts);
    expect(d.confidence).toBeGreaterThan(0.5);
    expect(d.causes[0].evidence.length).toBeGreaterThan(0);
    expect(d.causes.reduce((s, c) => s + c.probability, 0)).toBeLessThanOrEqual(1.0001);
  });

  it('says it cannot tell without symptoms, and brings no confident part', () => {
    const d = diagnose([], ctx());
    expect(d.action).toMatch(/inspect/);
    expect(d.confidence).toBeLessThan(0.5);
  });

  it('brings both candidate parts when two causes share the symptoms (first-time fix)', () => {
    // jams at the pickup and media jams: worn roller or the user
    const d = diagnose([fault('J-101', 3), fault('J-110', 3)], ctx());
    expect(
      d.causes
        .slice(0, 2)
        .map((c) => c.cause)
        .sort(),
    ).toEqual([OPERATOR, 'pickup_roller'].sort());
    expect(d.parts.map((p) => p.component)).toEqual(['pickup_roller']);
  });

  it('learns a telemetry symptom the fault table does not know', () => {
    const anomaly: Symptom = {
      kind: 'anomaly',
      metric: 'motor.current_a',
      direction: 'high',
      strong: false,
      z: 6,
      shift: 0.5,
    };
    expect(diagnose([anomaly], ctx()).confidence).toBeLessThan(0.5);
    // four motors replaced while their current was high; it was normal after
    const observations: Observation[] = [];
    const events: EventRecord[] = [];
    for (const [i, id] of ['a', 'b', 'c', 'd'].entries()) {
      for (let day = 10; day < 20; day++)
        observations.push({ deviceId: id, ts: (day + i) * DAY, feature: 'anomaly:motor.current_a:high' });
      events.push(replaced(20 + i, 'main_motor', `v-${id}`, id));
    }
    const knowledge = learnFromHistory(events, observations, {
      beforeMs: 30 * DAY,
      afterMs: 30 * DAY,
      until: 100 * DAY,
    });
    const d = diagnose([anomaly], ctx({ knowledge }));
    expect(d.causes[0].cause).toBe('main_motor');
    expect(d.causes[0].evidence.join()).toMatch(/ended by 4 of 4 replacements of main_motor/);
  });

  it('lets history overrule the fault table when replacements say otherwise', () => {
    // streaks kept coming back after transfer rollers; a new drum ended them, ten times
    const events: EventRecord[] = [];
    for (let i = 0; i < 10; i++) {
      const id = `dev-${i}`;
      events.push(raised(1, 'IQ-204', id), raised(2, 'IQ-204', id));
      events.push(replaced(3, 'drum', `v-${id}`, id));
    }
    const knowledge = learnFromHistory(events, [], {
      beforeMs: 30 * DAY,
      afterMs: 30 * DAY,
      until: 100 * DAY,
    });
    expect(diagnose([fault('IQ-204')], ctx()).causes[0].cause).toBe('transfer_roller');
    expect(diagnose([fault('IQ-204')], ctx({ knowledge })).causes[0].cause).toBe('drum');
  });
});

describe(learnFromHistory.name, () => {
  const opts = { beforeMs: 30 * DAY, afterMs: 30 * DAY, until: 365 * DAY };

  it.each<[string, EventRecord[], Record<string, Record<string, number>>, Record<string, number>]>([
    [
      'a replacement that ends the jams is credited with them',
      [raised(1, 'J-101'), raised(2, 'J-101'), replaced(5, 'pickup_roller', 'v1')],
      { 'code:J-101': { pickup_roller: 1 } },
      { pickup_roller: 1 },
    ],
    [
      'a symptom that persists after the replacement is not credited',
      [raised(1, 'J-110'), raised(2, 'J-101'), replaced(5, 'pickup_roller', 'v1'), raised(9, 'J-110')],
      { 'code:J-101': { pickup_roller: 1 } },
      { pickup_roller: 1 },
    ],
    [
      'a cleaning that did not hold (misdiagnosis) teaches nothing; the replacement that ended it does',
      [
        raised(1, 'F-301'),
        ev(1.2 * DAY, 'service.finished', { visitId: 'v1', note: 'cleaned and adjusted' }),
        raised(3, 'F-301'),
        replaced(3.3, 'fuser', 'v2'),
      ],
      { 'code:F-301': { fuser: 1 } },
      { fuser: 1 },
    ],
    [
      'a visit replacing two parts shares the credit',
      [raised(1, 'IQ-301'), replaced(50, 'drum', 'pm1'), replaced(50, 'fuser', 'pm1')],
      {},
      {},
    ],
    [
      'a visit replacing two parts within the window shares the credit',
      [raised(40, 'IQ-301'), replaced(50, 'drum', 'pm1'), replaced(50, 'fuser', 'pm1')],
      { 'code:IQ-301': { drum: 0.5, fuser: 0.5 } },
      { drum: 0.5, fuser: 0.5 },
    ],
    [
      'symptoms before the previous replacement belong to it, not to the next one',
      [raised(1, 'F-301'), replaced(2, 'fuser', 'v1'), replaced(10, 'pickup_roller', 'v2')],
      { 'code:F-301': { fuser: 1 } },
      { fuser: 1 },
    ],
    [
      'a replacement too recent to know whether the symptom came back is left out',
      [raised(350, 'J-101'), replaced(351, 'pickup_roller', 'v1')],
      {},
      {},
    ],
  ])('%s', (_name, events, ended, fixes) => {
    const k = learnFromHistory(events, [], opts);
    expect(k.ended).toEqual(ended);
    expect(k.fixes).toEqual(fixes);
  });

  it('adds up knowledge from two histories', () => {
    const a = learnFromHistory([raised(1, 'J-101'), replaced(2, 'pickup_roller', 'v')], [], opts);
    const m = mergeKnowledge(a, a);
    expect(m.ended).toEqual({ 'code:J-101': { pickup_roller: 2 } });
    expect(m.replacements).toBe(2);
  });
});

describe(codesForWords.name, () => {
  it.each<[string, string[]]>([
    ['black marks on every copy', ['IQ-204']],
    ['there are streaks and smudges', ['IQ-204']],
    ['grey spots on the copies', ['IQ-301']],
    ['the paper keeps getting stuck', ['J-101', 'J-110']],
    ['it takes ages to warm up in the morning', ['F-302']],
    ['hello', []],
  ])('"%s" → %j', (text, codes) => {
    expect(codesForWords(text, TABLE).map((c) => c.code)).toEqual(codes);
  });
});

describe(faultSymptoms.name, () => {
  it('counts each code once per window with its latest time, machine-down winning', () => {
    const events = [raised(1, 'J-101'), raised(3, 'J-101'), raised(2, 'F-301'), raised(9, 'J-101')];
    events[2].severity = 'machine-down';
    expect(faultSymptoms(events, 0, 5 * DAY)).toEqual([
      { kind: 'fault', code: 'F-301', severity: 'machine-down', count: 1, lastAt: 2 * DAY },
      { kind: 'fault', code: 'J-101', severity: 'minor', count: 2, lastAt: 3 * DAY },
    ]);
  });
});

describe(detectAnomalies.name, () => {
  const series = (values: number[]): DailyMean[] => values.map((value, i) => ({ day: i * DAY, value }));
  const steady = Array.from({ length: 28 }, (_, i) => 182 + (i % 3) * 0.3);

  it.each<[string, number[], Array<[string, boolean]>]>([
    ['a steady gauge says nothing', [...steady, 182.2, 182.1, 182.4], []],
    ['a fuser running 10 °C cold is low', [...steady, 173, 172, 171], [['low', false]]],
    [
      'a gauge that doubled is strongly high',
      [...Array.from({ length: 28 }, () => 2), 4.1, 4.2, 4.3],
      [['high', true]],
    ],
    [
      'a week of baseline is needed',
      [...Array.from({ length: 24 }, () => NaN), 182, 182, 182, 182, 170, 170, 170],
      [],
    ],
    [
      'a slow drift over weeks shows against the start, not against last month',
      Array.from({ length: 90 }, (_, i) => 182 - (i > 30 ? (i - 30) * 0.2 : 0)),
      [['low', false]],
    ],
  ])('%s', (_name, values, expected) => {
    const got = detectAnomalies({ g: series(values) }, values.length * DAY);
    expect(got.map((a) => [a.direction, a.strong])).toEqual(expected);
  });
});

describe(anomalyObservations.name, () => {
  it('sees a drift before a replacement and, when the new part runs true, not after it', () => {
    // the current creeps up from day 20 to day 40 when the motor is replaced; normal again after
    const days: DailyMean[] = Array.from({ length: 80 }, (_, i) => ({
      day: i * DAY,
      value: i < 20 ? 1.2 : i < 40 ? 1.2 + (i - 20) * 0.04 : 1.2 + (i % 2) * 0.01,
    }));
    const obs = anomalyObservations('d1', [40 * DAY], { 'motor.current_a': days }, 30 * DAY, 100 * DAY);
    expect(obs).toEqual([
      { deviceId: 'd1', ts: 40 * DAY - 1, feature: 'anomaly:motor.current_a:high' },
      { deviceId: 'd1', ts: 40 * DAY - 1, feature: 'anomaly:motor.current_a:high:strong' },
    ]);
  });

  it('sees a drift the replacement did not end after it too, and skips a follow-up past the end', () => {
    const days: DailyMean[] = Array.from({ length: 80 }, (_, i) => ({
      day: i * DAY,
      value: 180 - (i > 10 ? (i - 10) * 0.5 : 0),
    }));
    const features = (until: number) =>
      anomalyObservations('d1', [40 * DAY], { 'fuser.temp_c': days }, 30 * DAY, until).map((o) => [
        o.ts / DAY,
        o.feature,
      ]);
    expect(features(100 * DAY)).toEqual([
      [40 - 1 / DAY, 'anomaly:fuser.temp_c:low'],
      [70 - 1 / DAY, 'anomaly:fuser.temp_c:low'],
    ]);
    expect(features(60 * DAY)).toEqual([[40 - 1 / DAY, 'anomaly:fuser.temp_c:low']]);
  });
});
