import { HistoryRowMapper, type HistoryMapping } from './history-mapping.js';

const NOW = Date.UTC(2026, 10, 23);
const mapping: HistoryMapping = {
  columns: { device: 'dev', time: 'at', type: 'what', component: 'part', severity: 'prio', code: 'code' },
  types: { BREAKDOWN: 'fault.raised', FIXED: 'fault.cleared', QUOTE: 'ignore' },
  severities: { P1: 'machine-down' },
  metrics: { meter: { metric: 'pages.total', kind: 'counter' } },
};
const row = (over: Record<string, string>): Record<string, string> => ({
  dev: 'd1',
  at: '2026-03-01 08:30',
  what: '',
  part: '',
  prio: '',
  code: '',
  meter: '',
  ...over,
});

describe(HistoryRowMapper.name, () => {
  const mapper = new HistoryRowMapper(mapping, NOW);

  it.each([
    ['2026-03-01', Date.UTC(2026, 2, 1)],
    ['2026-03-01 08:30', Date.UTC(2026, 2, 1, 8, 30)],
    ['2026-03-01T08:30:15.250', Date.UTC(2026, 2, 1, 8, 30, 15, 250)],
    ['2026-03-01T08:30:00+02:00', Date.UTC(2026, 2, 1, 6, 30)],
    ['1772353800000', Date.UTC(2026, 2, 1, 8, 30)],
  ])('reads the time %s', (at, expected) => {
    const out = mapper.map(row({ at, meter: '5' }));
    expect(out.ok && out.ts).toBe(expected);
  });

  it.each([['01/03/2026'], ['March 1, 2026'], ['']])('refuses the time "%s"', (at) => {
    const out = mapper.map(row({ at, meter: '5' }));
    expect(out.ok).toBe(false);
    expect(!out.ok && out.reason).toContain('is not a date I can read');
  });

  it('maps type and severity values, and matches a fault without a code by its component', () => {
    const out = mapper.map(row({ what: 'BREAKDOWN', part: 'fuser', prio: 'P1' }));
    expect(out).toMatchObject({
      ok: true,
      event: {
        deviceId: 'd1',
        type: 'fault.raised',
        code: 'fuser',
        component: 'fuser',
        severity: 'machine-down',
      },
      points: [],
    });
  });

  it('takes telemetry only when the type is ignored, and refuses a row with nothing in it', () => {
    expect(mapper.map(row({ what: 'QUOTE', meter: '1200' }))).toMatchObject({
      ok: true,
      event: null,
      points: [{ metric: 'pages.total', kind: 'counter', value: 1200 }],
    });
    expect(mapper.map(row({ what: 'QUOTE' }))).toMatchObject({
      ok: false,
      reason: 'no event type and no telemetry in this row',
    });
  });

  it('refuses a bad number, an unmapped type, a missing code and a future time, with the reason', () => {
    expect(mapper.map(row({ meter: '12k' }))).toMatchObject({
      reason: '"12k" in column "meter" is not a number',
    });
    const lunch = mapper.map(row({ what: 'LUNCH' }));
    expect(!lunch.ok && lunch.reason).toContain('"LUNCH" is not mapped');
    expect(mapper.map(row({ what: 'BREAKDOWN', prio: 'P1' }))).toMatchObject({
      reason: 'fault.raised needs a code (map a column or set a default)',
    });
    const future = mapper.map(row({ at: '2027-01-01', meter: '1' }));
    expect(!future.ok && future.reason).toContain('in the future');
  });

  it('names the mapped columns the file lacks', () => {
    expect(HistoryRowMapper.headerProblems(mapping, ['dev', 'at', 'what', 'part', 'prio', 'code'])).toEqual([
      'column "meter" is not in the header',
    ]);
  });
});
