import { MONDAY } from '../technicians/technician.factory.js';
import {
  customerRating,
  normaliseWeights,
  scoreOf,
  type ScoreInputs,
  type ScoreWeights,
} from './dispatch-score.js';

const HOUR = 3_600_000;

const WEIGHTS: ScoreWeights = { travel: 0.3, sla: 0.25, skill: 0.15, rating: 0.1, workload: 0.1, parts: 0.1 };

/** Opened 06:00, due 12:00 (a six-hour window); on site 09:00 after 25 km. */
const INPUTS: ScoreInputs = {
  travelKm: 25,
  travelFrom: 'home base',
  travelScaleKm: 100,
  arrival: MONDAY + 9 * HOUR,
  dueAt: MONDAY + 12 * HOUR,
  createdAt: MONDAY + 6 * HOUR,
  skillLevel: 3,
  customerRatings: { sum: 9, count: 2 },
  overallRating: 4.2,
  overallCount: 17,
  priorWeight: 5,
  jobs: 2,
  maxJobs: 6,
  parts: ['fuser', 'transfer_roller'],
  carried: ['fuser', 'drum'],
};

const values = (i: ScoreInputs) =>
  Object.fromEntries(scoreOf(i, normaliseWeights(WEIGHTS)).terms.map((t) => [t.term, t.value]));

describe('dispatch score', () => {
  it('adds the weighted terms, each explained (hand-computed)', () => {
    const { score, terms } = scoreOf(INPUTS, normaliseWeights(WEIGHTS));
    // travel 1 − 25/100 = 0.75; sla 3 h of 6 left = 0.5; skill 3/5 = 0.6;
    // rating (5 × 4.2 + 9) / (5 + 2) = 30/7, (30/7 − 1)/4 = 23/28; workload 1 − 2/6 = 2/3; parts 1 of 2 = 0.5
    const expected = { travel: 0.75, sla: 0.5, skill: 0.6, rating: 23 / 28, workload: 2 / 3, parts: 0.5 };
    for (const t of terms) {
      expect([t.term, t.value]).toEqual([t.term, expect.closeTo(expected[t.term], 12)]);
      expect(t.contribution).toBeCloseTo(t.value * WEIGHTS[t.term], 12);
    }
    // 0.225 + 0.125 + 0.09 + 0.0821429 + 0.0666667 + 0.05
    expect(score).toBeCloseTo(0.225 + 0.125 + 0.09 + 23 / 280 + 2 / 30 + 0.05, 12);
    expect(score).toBeCloseTo(0.6388095, 6);
    expect(terms.map((t) => t.detail)).toEqual([
      '25.0 km by road from the home base',
      'on site 3.0 h before the due time (50 % of the window left)',
      'skill level 3 of 5',
      '4.29 of 5: 2 rating(s) by this customer, 4.20 overall from 17',
      '2 of 6 visits planned that day',
      'carries 1 of 2 diagnosed part(s): fuser; not transfer_roller',
    ]);
  });

  it.each([
    ['on site at the due time', { arrival: MONDAY + 12 * HOUR }, 'sla', 0],
    ['on site after the due time', { arrival: MONDAY + 14 * HOUR }, 'sla', 0],
    ['on site when the order opened', { arrival: MONDAY + 6 * HOUR }, 'sla', 1],
    ['no due time', { dueAt: null }, 'sla', 1],
    ['at the travel scale', { travelKm: 100 }, 'travel', 0],
    ['beyond it', { travelKm: 250 }, 'travel', 0],
    ['at the door', { travelKm: 0 }, 'travel', 1],
    ['no parts to bring', { parts: [] }, 'parts', 1],
    ['no diagnosed part carried', { carried: [] }, 'parts', 0],
    ['an empty day', { jobs: 0 }, 'workload', 1],
    ['a top skill', { skillLevel: 5 }, 'skill', 1],
  ] as const)('values %s', (_what, over, term, value) => {
    expect(values({ ...INPUTS, ...over })[term]).toBeCloseTo(value, 12);
  });

  it('lets one customer vote move the rating only a little (Bayesian)', () => {
    // prior 5 votes of the technician's 4.2: one 1-star vote gives (21 + 1) / 6 = 3.667, not 1
    expect(
      customerRating({ customerRatings: { sum: 1, count: 1 }, overallRating: 4.2, priorWeight: 5 }),
    ).toBeCloseTo(22 / 6, 12);
    // twenty 1-star votes: (21 + 20) / 25 = 1.64
    expect(
      customerRating({ customerRatings: { sum: 20, count: 20 }, overallRating: 4.2, priorWeight: 5 }),
    ).toBeCloseTo(1.64, 12);
    expect(
      customerRating({ customerRatings: { sum: 0, count: 0 }, overallRating: 4.2, priorWeight: 5 }),
    ).toBe(4.2);
  });

  it('normalises the weights, and refuses all zero', () => {
    expect(normaliseWeights({ travel: 2, sla: 2, skill: 0, rating: 0, workload: 0, parts: 0 })).toEqual({
      travel: 0.5,
      sla: 0.5,
      skill: 0,
      rating: 0,
      workload: 0,
      parts: 0,
    });
    expect(() => normaliseWeights({ travel: 0, sla: 0, skill: 0, rating: 0, workload: 0, parts: 0 })).toThrow(
      'dispatch weights must not all be 0',
    );
  });
});
