import { HistoryRowMapper, mappingProblems, type HistoryMapping } from './history-mapping.js';

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

  it.each([
    ['01/03/2026', '"01/03/2026" in column "at" is not a date I can read'],
    ['March 1, 2026', '"March 1, 2026" in column "at" is not a date I can read'],
    ['', 'the "at" cell is empty: every row needs its time'],
    [
      '2015-02-30 06:00:00',
      '"2015-02-30 06:00:00" in column "at" is not a real date: February 2015 has 28 days',
    ],
  ])('refuses the time "%s", naming the column', (at, reason) => {
    const out = mapper.map(row({ at, meter: '5' }));
    expect(out.ok).toBe(false);
    expect(!out.ok && out.reason).toContain(reason);
  });

  it('maps type and severity values, and matches a fault without a code by its component', () => {
    const out = mapper.map(row({ what: 'BREAKDOWN', part: 'fuser', prio: 'P1' }));
    expect(out).toMatchObject({
      ok: true,
      events: [
        {
          deviceId: 'd1',
          type: 'fault.raised',
          code: 'fuser',
          component: 'fuser',
          severity: 'machine-down',
        },
      ],
      points: [],
    });
  });

  it('takes telemetry only when the type is ignored, and refuses a row with nothing in it', () => {
    expect(mapper.map(row({ what: 'QUOTE', meter: '1200' }))).toMatchObject({
      ok: true,
      events: [],
      points: [{ metric: 'pages.total', kind: 'counter', value: 1200 }],
    });
    expect(mapper.map(row({ what: 'QUOTE' }))).toMatchObject({
      ok: false,
      reason: 'no event type and no telemetry in this row',
    });
  });

  it.each([
    ['a bad number', { meter: '12k' }, '"12k" in column "meter" is not a number'],
    ['an unmapped type', { what: 'LUNCH' }, '"LUNCH" in column "what" is not mapped to an event type'],
    [
      'empty code and component cells',
      { what: 'BREAKDOWN', prio: 'P1' },
      'the "code" and "part" cells are empty: fault.raised needs a fault code',
    ],
    [
      'a component with a space',
      { what: 'BREAKDOWN', prio: 'P1', part: 'comp 9' },
      '"comp 9" in column "part" is not a valid component: letters, digits and _ . : / - (no spaces)',
    ],
    [
      'a fault code with a space',
      { what: 'BREAKDOWN', prio: 'P1', code: 'E 12' },
      '"E 12" in column "code" is not a valid fault code',
    ],
    [
      'an unmapped severity',
      { what: 'BREAKDOWN', prio: 'P9', code: 'E1' },
      '"P9" in column "prio" is not a severity',
    ],
    [
      'an empty severity cell',
      { what: 'BREAKDOWN', code: 'E1' },
      'the "prio" cell is empty: fault.raised needs a severity',
    ],
    [
      'a time in the future',
      { at: '2027-01-01', meter: '1' },
      '"2027-01-01" in column "at" is in the future',
    ],
    ['an empty device cell', { dev: '', meter: '1' }, 'the "dev" cell is empty: every row needs its device'],
  ])('refuses %s, naming the column and cell', (_name, over, reason) => {
    const out = mapper.map(row(over));
    expect(out.ok).toBe(false);
    expect(!out.ok && out.reason).toContain(reason);
  });

  it('names the mapped columns the file lacks', () => {
    expect(HistoryRowMapper.headerProblems(mapping, ['dev', 'at', 'what', 'part', 'prio', 'code'])).toEqual([
      'column "meter" is not in the header',
    ]);
  });
});

describe(`${HistoryRowMapper.name} with several events per row`, () => {
  const failures = (over: Partial<HistoryMapping> = {}): HistoryRowMapper =>
    new HistoryRowMapper(
      { columns: { device: 'machineID', time: 'datetime', component: 'failure' }, ...over },
      NOW,
    );
  const at = Date.UTC(2015, 0, 5, 6);
  const cells = {
    machineID: 'm1',
    datetime: '2015-01-05 06:00:00',
    failure: 'comp2',
    restored: '',
    hours: '',
    part: '',
  };

  it('makes a failure restored at the same instant from one row of a failures file', () => {
    const out = failures({
      events: [{ type: 'fault.raised', severity: 'machine-down' }, { type: 'fault.cleared' }],
    }).map(cells);
    expect(out).toMatchObject({
      ok: true,
      events: [
        { type: 'fault.raised', ts: at, code: 'comp2', component: 'comp2', severity: 'machine-down' },
        { type: 'fault.cleared', ts: at, code: 'comp2', component: 'comp2' },
      ],
    });
  });

  it.each([
    [
      'a restore-time column',
      { columns: { device: 'machineID', time: 'datetime', component: 'failure', restored: 'restored' } },
      { restored: '2015-01-05 09:30:00' },
    ],
    [
      'a duration column in hours',
      { columns: { device: 'machineID', time: 'datetime', component: 'failure', duration: 'hours' } },
      { hours: '3.5' },
    ],
    [
      'a duration column in minutes',
      {
        columns: { device: 'machineID', time: 'datetime', component: 'failure', duration: 'hours' },
        durationUnit: 'min' as const,
      },
      { hours: '210' },
    ],
  ])('adds the clear of a failure from %s', (_name, mapping, over) => {
    const mapper = failures({ ...mapping, defaults: { type: 'fault.raised', severity: 'machine-down' } });
    const out = mapper.map({ ...cells, ...over });
    expect(out.ok && out.events.map((e) => [e.type, e.ts])).toEqual([
      ['fault.raised', at],
      ['fault.cleared', at + 3.5 * 3_600_000],
    ]);
    // not restored yet: the failure alone, left open
    const open = mapper.map(cells);
    expect(open.ok && open.events.map((e) => e.type)).toEqual(['fault.raised']);
  });

  it('makes a part replacement only when its column has a value, at the restore time', () => {
    const mapper = failures({
      columns: { device: 'machineID', time: 'datetime', component: 'failure', duration: 'hours' },
      events: [
        { type: 'fault.raised', severity: 'machine-down' },
        { type: 'part.replaced', at: 'restored', when: 'part', component: 'part' },
        { type: 'fault.cleared', at: 'restored' },
      ],
    });
    const fixed = mapper.map({ ...cells, hours: '2', part: 'comp2' });
    expect(fixed.ok && fixed.events.map((e) => [e.type, e.ts, e.component])).toEqual([
      ['fault.raised', at, 'comp2'],
      ['part.replaced', at + 2 * 3_600_000, 'comp2'],
      ['fault.cleared', at + 2 * 3_600_000, 'comp2'],
    ]);
    const noPart = mapper.map({ ...cells, hours: '2' });
    expect(noPart.ok && noPart.events.map((e) => e.type)).toEqual(['fault.raised', 'fault.cleared']);
  });

  it('refuses a restore before the failure and a duration that is not a number', () => {
    const mapper = failures({
      columns: { device: 'machineID', time: 'datetime', component: 'failure', duration: 'hours' },
      defaults: { type: 'fault.raised', severity: 'machine-down' },
    });
    expect(mapper.map({ ...cells, hours: '2h' })).toMatchObject({
      reason: '"2h" in column "hours" is not a duration (a number of h, 0 or more)',
    });
    expect(mapper.map({ ...cells, hours: '-1' })).toMatchObject({ ok: false });
  });

  it('names contradictions in a mapping', () => {
    expect(
      mappingProblems({
        columns: { device: 'd', time: 't', type: 'what', restored: 'r', duration: 'h' },
        events: [{ type: 'fault.cleared', at: 'restored' }],
      }),
    ).toEqual([
      'events lists what every row makes: drop columns.type, or drop events',
      'map columns.restored or columns.duration, not both',
    ]);
    expect(
      mappingProblems({
        columns: { device: 'd', time: 't' },
        events: [{ type: 'fault.cleared', at: 'restored' }],
      }),
    ).toEqual(['an event at "restored" needs columns.restored or columns.duration']);
  });
});
