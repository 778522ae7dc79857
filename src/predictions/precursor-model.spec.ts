import { precursorFailureProbability, type PrecursorCodeModel } from './precursor-model.js';
import { conditionalFailureProbability, type Weibull } from './weibull.js';

const LIFE: Weibull = { shape: 4, scale: 100_000 };
const MODEL: PrecursorCodeModel = { terminalRate: 1e-3, leadShare: [0.1, 0.2], share: 0.9, failures: 100 };

/** Code ages a linear ramp from `onset` to `end` would put down on average (the i-th at N(u) = i). */
function rampCodes(onset: number, end: number, upTo: number, rate = MODEL.terminalRate): number[] {
  const slope = rate / (end - onset);
  const out: number[] = [];
  for (let i = 1; ; i++) {
    const u = onset + Math.sqrt((2 * i) / slope);
    if (u > upTo) return out;
    out.push(u);
  }
}

describe(precursorFailureProbability.name, () => {
  it('is the life model itself when no life shows codes', () => {
    const silent = { ...MODEL, share: 0 };
    for (const age of [20_000, 60_000, 95_000]) {
      const [p] = precursorFailureProbability(LIFE, silent, age, [], [5_000]);
      expect(p).toBeCloseTo(conditionalFailureProbability(LIFE, age, 5_000), 2);
    }
  });

  it('rises with how far the code ramp has gone at the same age, and is high near its end', () => {
    // 5 codes per 1,000 at the end of the ramp; the part is at 95,500 and fails at 96,000
    const dense = { ...MODEL, terminalRate: 5e-3 };
    const risk = (codes: number[]): number =>
      precursorFailureProbability(LIFE, dense, 95_500, codes, [4_000])[0];
    const late = rampCodes(84_000, 96_000, 95_500, dense.terminalRate);
    // a ramp just begun: the rate it has reached is a fraction of the terminal one
    const early = rampCodes(92_000, 104_000, 95_500, dense.terminalRate);
    expect(late.length).toBeGreaterThan(25);
    expect(early.length).toBeGreaterThan(0);

    // a ramp just begun has most of its run ahead: less risk than a silent life's
    expect(risk(early)).toBeLessThan(risk([]));
    expect(risk([])).toBeLessThan(risk(late));
    expect(risk(late)).toBeGreaterThan(0.5);
  });

  it('reads no codes late in a life as a part not yet in its warning stage', () => {
    // at 70,000 a 10–20 % ramp would have begun for most lives ending before 80,000
    const withCodes = precursorFailureProbability(
      LIFE,
      MODEL,
      70_000,
      rampCodes(62_000, 72_000, 70_000),
      [3_000],
    )[0];
    const without = precursorFailureProbability(LIFE, MODEL, 70_000, [], [3_000])[0];

    expect(without).toBeLessThan(conditionalFailureProbability(LIFE, 70_000, 3_000));
    expect(withCodes).toBeGreaterThan(without);
  });

  it('never decreases with Δ and stays within [0, 1]', () => {
    const p = precursorFailureProbability(
      LIFE,
      MODEL,
      90_000,
      rampCodes(84_000, 96_000, 90_000),
      [0, 1_000, 4_000, 20_000, 1e9],
    );

    for (let i = 1; i < p.length; i++) expect(p[i]).toBeGreaterThanOrEqual(p[i - 1]);
    expect(p[0]).toBe(0);
    expect(p[p.length - 1]).toBeCloseTo(1, 9);
  });

  it.each([
    { name: 'an unusable life model', life: { shape: 2, scale: 0 }, model: MODEL },
    { name: 'no terminal rate', life: LIFE, model: { ...MODEL, terminalRate: 0 } },
  ])('answers zeros, never NaN, for $name', ({ life, model }) => {
    expect(precursorFailureProbability(life, model, 50_000, [49_000], [1_000, 5_000])).toEqual([0, 0]);
  });
});
