import {
  alertMetrics,
  alertOutcome,
  alertTimes,
  averagePrecision,
  chooseThreshold,
  pointMetrics,
  quantile,
  windowMetrics,
  type FailureTruthFlags,
  type ScoreSeries,
} from './alert-scoring.js';
import { DAY_MS } from './prediction-input.js';

const D = DAY_MS;
const H = 3_600_000;
const repeat = (n: number, v: number): number[] => Array.from({ length: n }, () => v);
const days = (n: number): number[] => Array.from({ length: n }, (_, i) => i * D);

/** One device × component scored daily from day 0, with a 7-day horizon. */
function series(
  scores: number[],
  failures: number[],
  resets: number[] = failures,
  truth?: Array<Partial<FailureTruthFlags>>,
): ScoreSeries {
  return {
    deviceId: 'd',
    component: 'c',
    ts: days(scores.length),
    scores: [Float64Array.from(scores)],
    failures: failures.map((ts, i) => ({ ts, ...truth?.[i] })),
    resets,
  };
}

describe(alertTimes.name, () => {
  it.each([
    { name: 'one crossing, staying high', scores: [0, 0.6, 0.7, 0.8], resets: [], want: [1] },
    {
      name: 're-armed when the score falls back',
      scores: [0.6, 0.2, 0.6, 0.6, 0.1, 0.9],
      resets: [],
      want: [0, 2, 5],
    },
    {
      name: 're-armed by a replacement between two scores',
      scores: [0.6, 0.7, 0.7],
      resets: [1.5 * D],
      want: [0, 2],
    },
    { name: 'a reset before the first score changes nothing', scores: [0.6, 0.7], resets: [-D], want: [0] },
    { name: 'the threshold itself alerts', scores: [0.5], resets: [], want: [0] },
  ])('$name', ({ scores, resets, want }) => {
    expect(alertTimes(days(scores.length), scores, resets, 0.5)).toEqual(want.map((d) => d * D));
  });

  it.each([
    { name: 'renewed every horizon while the score stays high', scores: repeat(16, 0.9), want: [0, 7, 14] },
    {
      name: 'the renewal clock restarts at a fresh crossing',
      scores: [0.9, 0.9, 0.9, 0.1, ...repeat(9, 0.9)],
      want: [0, 4, 11],
    },
    { name: 'nothing to renew below the threshold', scores: [0.9, ...repeat(10, 0.1)], want: [0] },
  ])('$name (renewal after 7 days)', ({ scores, want }) => {
    expect(alertTimes(days(scores.length), scores, [], 0.5, 7 * D)).toEqual(want.map((d) => d * D));
  });
});

describe(alertOutcome.name, () => {
  it('calls an alert true when the failure follows within the horizon, and the failure caught', () => {
    // alert at day 10, failure at day 13 noon: lead 3.5 days
    const s = series([...repeat(10, 0), 0.9, 0.9, 0.9, 0.9, 0, ...repeat(25, 0)], [13 * D + 12 * H]);
    const o = alertOutcome([s], 0, 7, 0.5, 0, 40 * D);

    expect(o).toMatchObject({ alerts: 1, trueAlerts: 1, falseAlerts: 0, failures: 1, caught: 1 });
    expect(o.leadHours).toEqual([84]);
  });

  it('calls an alert raised too early false and, by the crossing rule, the failure missed when the score never fell back', () => {
    // crossing on day 5, failure on day 20: outside the 7-day horizon
    const s = series([...repeat(5, 0), ...repeat(16, 0.9), ...repeat(19, 0)], [20 * D + H]);
    const o = alertOutcome([s], 0, 7, 0.5, 0, 40 * D, 'crossing');

    expect(o).toMatchObject({ alerts: 1, trueAlerts: 0, falseAlerts: 1, failures: 1, caught: 0 });
  });

  it('renews an alert whose horizon passed while the score stayed high, and judges each renewal', () => {
    // high from day 5: alerts on days 5 (false: horizon ends day 12), 12 (false: ends day 19), 19 (true)
    const s = series([...repeat(5, 0), ...repeat(16, 0.9), ...repeat(19, 0)], [20 * D + H]);
    const o = alertOutcome([s], 0, 7, 0.5, 0, 40 * D, 'renewed');

    expect(o).toMatchObject({ alerts: 3, trueAlerts: 1, falseAlerts: 2, failures: 1, caught: 1 });
    expect(o.leadHours).toEqual([25]);
  });

  it('measures lead time from the first alert that caught a failure, and per true alert apart', () => {
    // a fresh crossing on day 10 and another on day 12, failure on day 14
    const s = series([...repeat(10, 0), 0.9, 0, 0.9, 0, ...repeat(26, 0)], [14 * D]);
    const o = alertOutcome([s], 0, 7, 0.5, 0, 40 * D);

    expect(o).toMatchObject({ alerts: 2, trueAlerts: 2, caught: 1 });
    expect(o.leadHours).toEqual([96]);
    expect(o.alertLeadHours).toEqual([96, 48]);
  });

  it('judges alerts only when their horizon ends inside the window, and failures only when their look-back does', () => {
    // alert on day 36 (horizon ends day 43 > 40): not judged; failure on day 3 (look-back starts day −4): not judged
    const s = series([...repeat(36, 0), 0.9, 0, 0, 0], [3 * D]);
    const o = alertOutcome([s], 0, 7, 0.5, 0, 40 * D);

    expect(o).toMatchObject({ alerts: 0, failures: 0 });
    expect(o.months).toBeCloseTo(33 / 30.44, 9);
    expect(o.devices).toBe(1);
  });

  it('splits recall between failures with warning signs and silent ones, and by what could be seen', () => {
    const s = series(
      [...repeat(10, 0), 0.9, 0, ...repeat(18, 0), 0.9, ...repeat(9, 0)],
      [12 * D, 30 * D, 34 * D],
      [12 * D, 30 * D, 34 * D],
      [
        { warned: true, observable: true, returned: false },
        { warned: false, observable: false, returned: false },
        { warned: true, observable: false, returned: true },
      ],
    );
    const m = alertMetrics(alertOutcome([s], 0, 7, 0.5, 0, 45 * D), 0.5, { visit: 1, missedFailure: 10 });

    expect(m).toMatchObject({
      warnedFailures: 2,
      silentFailures: 1,
      warnedRecall: 1,
      silentRecall: 0,
      observableFailures: 1,
      observableRecall: 1,
      unobservableFailures: 1,
      unobservableRecall: 0,
      returnedFailures: 1,
      returnedRecall: 1,
    });
    expect(m.recall).toBeCloseTo(2 / 3, 12);
    expect(m.precision).toBe(1);
    expect(m.f1).toBeCloseTo(0.8, 12);
    // two visits plus one missed failure
    expect(m.cost).toBe(12);
  });
});

describe(chooseThreshold.name, () => {
  it('picks the threshold with the least cost, the higher one on ties', () => {
    // noise at 0.4 on day 2, a real warning at 0.8 on day 20 before a failure on day 22
    const s = series([0, 0, 0.4, ...repeat(17, 0), 0.8, 0, ...repeat(18, 0)], [22 * D]);
    const costs = { visit: 1, missedFailure: 10 };

    // 0.3 alerts twice (cost 2), 0.5 once (1), 0.9 never (10): 0.5 wins; 0.6 ties and is higher
    expect(chooseThreshold([s], 0, 7, 0, 40 * D, costs, [0.3, 0.5, 0.6, 0.9])).toEqual({
      threshold: 0.6,
      cost: 1,
    });
  });
});

describe(averagePrecision.name, () => {
  it.each([
    { scores: [0.9, 0.8, 0.1], labels: [1, 1, 0], want: 1 },
    // ranks: 1 (neg), 2 (pos), 3 (pos): AP = (1/2·1/2) + (1/2·2/3)
    { scores: [0.9, 0.8, 0.7], labels: [0, 1, 1], want: 0.25 + 1 / 3 },
    // ties form one step: precision 1/2 at recall 1
    { scores: [0.5, 0.5], labels: [1, 0], want: 0.5 },
    { scores: [0.5, 0.4], labels: [0, 0], want: null },
  ])('scores $scores, labels $labels: $want', ({ scores, labels, want }) => {
    const ap = averagePrecision(scores, labels);
    if (want === null) expect(ap).toBeNull();
    else expect(ap).toBeCloseTo(want, 12);
  });
});

describe(windowMetrics.name, () => {
  it('labels each scored day by a failure within the horizon and scores probabilities by Brier', () => {
    // days 0..9 scored, failure on day 5 noon: days 0..5 are positive (5 < t + 7 d)
    const s = series(repeat(10, 0.5), [5 * D + 12 * H]);
    const w = windowMetrics([s], 0, 7, 0, 17 * D);

    expect(w.cases).toBe(10);
    expect(w.positives).toBe(6);
    expect(w.brier).toBeCloseTo(0.25, 12);
    expect(w.prAuc).toBeCloseTo(0.6, 12);
  });
});

describe(pointMetrics.name, () => {
  it('counts each scored day at or above the threshold as a claim of a failure within the horizon', () => {
    // failure on day 5 noon: days 0..5 positive; days 3..7 at or above 0.5
    const s = series([0, 0, 0, 0.6, 0.6, 0.6, 0.6, 0.6, 0, 0], [5 * D + 12 * H]);
    const p = pointMetrics([s], 0, 7, 0.5, 0, 17 * D);

    expect(p).toMatchObject({ flagged: 5, flaggedPositives: 3, positives: 6 });
    expect(p.precision).toBeCloseTo(0.6, 12);
    expect(p.recall).toBeCloseTo(0.5, 12);
  });
});

describe(quantile.name, () => {
  it.each([
    { values: [1, 2, 3, 4], q: 0.5, want: 2.5 },
    { values: [10], q: 0.1, want: 10 },
    { values: [5, 1, 3], q: 0, want: 1 },
  ])('q$q of $values = $want', ({ values, q, want }) => {
    expect(quantile(values, q)).toBe(want);
  });

  it('is null for no values', () => {
    expect(quantile([], 0.5)).toBeNull();
  });
});
