import type { EventRecord } from '../ports/records.js';
import type { PredictionAlert } from '../events/domain-events.js';
import { FloodDetector, faultCommands, predictionCleared, predictionRaised } from './alarm-rules.js';

const T = Date.UTC(2026, 10, 1);
const fault = (over: Partial<EventRecord>): EventRecord => ({
  deviceId: 'd1',
  ts: T,
  type: 'fault.raised',
  code: 'M-501',
  component: 'main_motor',
  severity: 'machine-down',
  ...over,
});

describe('faultCommands', () => {
  it.each([
    [
      'machine-down raises a critical alarm',
      fault({}),
      [{ kind: 'raise', type: 'fault:M-501', severity: 'critical' }],
    ],
    [
      'a major fault raises a major alarm',
      fault({ severity: 'major', code: 'D-401' }),
      [{ kind: 'raise', type: 'fault:D-401', severity: 'major' }],
    ],
    ['a minor fault raises none', fault({ severity: 'minor' }), []],
    [
      'fault.cleared clears its code',
      fault({ type: 'fault.cleared', severity: undefined }),
      [{ kind: 'clear', type: 'fault:M-501' }],
    ],
    ['a fault without a code is ignored', fault({ code: undefined }), []],
    ['service events raise nothing', fault({ type: 'service.finished' }), []],
  ])('%s', (_name, event, expected) => {
    const commands = faultCommands([event]);
    expect(commands).toHaveLength(expected.length);
    commands.forEach((c, i) => expect(c).toMatchObject({ deviceId: 'd1', at: T, ...expected[i] }));
  });

  it('says what happened in words', () => {
    expect(faultCommands([fault({})])[0]).toMatchObject({
      message: 'Machine down: M-501 on main_motor',
      details: { code: 'M-501', component: 'main_motor', faultSeverity: 'machine-down' },
    });
  });
});

describe('prediction alarms', () => {
  const alert = (probability: number): PredictionAlert => ({
    deviceId: 'd1',
    component: 'fuser',
    ts: T,
    horizonDays: 7,
    probability,
    threshold: 0.4,
    remainingDays: 5,
    remainingUsage: null,
    evidence: ['jam rate 3.1x its 30-day mean'],
    modelVersion: 'm1',
  });
  it.each([
    [0.95, 'major'],
    [0.8, 'major'],
    [0.79, 'minor'],
    [0.4, 'minor'],
  ])('probability %d raises a %s risk alarm', (p, severity) => {
    expect(predictionRaised(alert(p))).toMatchObject({ kind: 'raise', type: 'risk:fuser', severity });
  });
  it('keeps the evidence and clears on the fall-back', () => {
    expect(predictionRaised(alert(0.9)).kind === 'raise' && predictionRaised(alert(0.9))).toMatchObject({
      details: { evidence: ['jam rate 3.1x its 30-day mean'], horizonDays: 7 },
    });
    expect(predictionCleared(alert(0.2))).toMatchObject({ kind: 'clear', type: 'risk:fuser' });
  });
});

describe(FloodDetector.name, () => {
  const rule = { threshold: 3, windowMs: 60_000, quietMs: 300_000 };
  const reject = (deviceId: string | undefined, at: number, reason = 'schema_violation') => ({
    deviceId,
    reason,
    receivedAt: at,
  });

  it('raises when a device is refused threshold times within the window, once per threshold', () => {
    const d = new FloodDetector(rule);
    expect(d.take([reject('d1', T), reject('d1', T + 1000)])).toEqual([]);
    const [flood] = d.take([reject('d1', T + 2000, 'invalid_json')]);
    expect(flood).toMatchObject({ kind: 'raise', deviceId: 'd1', type: 'dead-letters', severity: 'minor' });
    expect(flood.kind === 'raise' && flood.details).toEqual({
      refused: 3,
      reasons: { schema_violation: 2, invalid_json: 1 },
    });
    // counting starts again: the next flood is a repeat of the same alarm
    expect(d.take([reject('d1', T + 3000), reject('d1', T + 4000)])).toEqual([]);
    expect(d.take([reject('d1', T + 5000)])).toHaveLength(1);
  });

  it('stays quiet when the refusals are spread wider than the window', () => {
    const d = new FloodDetector(rule);
    expect(
      d.take([
        reject('d1', T),
        reject('d1', T + 40_000),
        reject('d1', T + 80_000),
        reject('d1', T + 120_000),
      ]),
    ).toEqual([]);
  });

  it('counts devices apart and ignores refusals without a device', () => {
    const d = new FloodDetector(rule);
    expect(
      d.take([
        reject('d1', T),
        reject('d2', T),
        reject(undefined, T),
        reject('d1', T),
        reject('d2', T),
        reject(undefined, T),
      ]),
    ).toEqual([]);
  });
});
