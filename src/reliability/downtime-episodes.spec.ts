import type { EventRecord } from '../ports/records.js';
import { EpisodeBuilder, compareEvents, episodesFromEvents } from './downtime-episodes.js';

const down = (deviceId: string, ts: number, code: string, component?: string): EventRecord => ({
  deviceId,
  ts,
  type: 'fault.raised',
  code,
  severity: 'machine-down',
  ...(component ? { component } : {}),
});
const ev = (deviceId: string, ts: number, type: EventRecord['type'], code?: string): EventRecord => ({
  deviceId,
  ts,
  type,
  ...(code ? { code } : {}),
});

describe('episodesFromEvents', () => {
  it('pairs a machine-down fault with the visit and the clearing of its code', () => {
    const episodes = episodesFromEvents([
      down('a', 100, 'F-301', 'fuser'),
      ev('a', 150, 'service.started'),
      ev('a', 180, 'part.replaced'),
      ev('a', 190, 'service.finished'),
      ev('a', 190, 'fault.cleared', 'F-301'),
    ]);
    expect(episodes).toEqual([
      { deviceId: 'a', component: 'fuser', failureTs: 100, arrivalTs: 150, restoredTs: 190 },
    ]);
  });

  it('ignores minor faults and leaves an unrepaired failure open', () => {
    const episodes = episodesFromEvents([
      { deviceId: 'a', ts: 10, type: 'fault.raised', code: 'J-101', severity: 'minor' },
      ev('a', 12, 'fault.cleared', 'J-101'),
      down('a', 50, 'E-900'),
    ]);
    expect(episodes).toEqual([{ deviceId: 'a', failureTs: 50, restoredTs: null }]);
  });

  it('keeps two failures at the same instant apart, each cleared by its own code', () => {
    const episodes = episodesFromEvents([
      down('a', 100, 'F-301', 'fuser'),
      down('a', 100, 'M-501', 'main_motor'),
      ev('a', 120, 'service.started'),
      ev('a', 140, 'fault.cleared', 'F-301'),
      ev('a', 170, 'fault.cleared', 'M-501'),
    ]);
    expect(episodes.map((e) => [e.component, e.restoredTs])).toEqual([
      ['fuser', 140],
      ['main_motor', 170],
    ]);
  });

  it('reads events in any order and per device', () => {
    const episodes = episodesFromEvents([
      ev('b', 30, 'fault.cleared', 'X'),
      down('a', 5, 'Y'),
      down('b', 20, 'X'),
      ev('a', 9, 'fault.cleared', 'Y'),
    ]);
    expect(episodes).toEqual([
      { deviceId: 'a', failureTs: 5, restoredTs: 9 },
      { deviceId: 'b', failureTs: 20, restoredTs: 30 },
    ]);
  });

  it('treats a fault raised again while open as the same episode', () => {
    const episodes = episodesFromEvents([
      down('a', 1, 'Z'),
      down('a', 2, 'Z'),
      ev('a', 5, 'fault.cleared', 'Z'),
    ]);
    expect(episodes).toEqual([{ deviceId: 'a', failureTs: 1, restoredTs: 5 }]);
  });
});

describe('episodesFromEvents arrival', () => {
  it('takes the start of the visit that finished when the fault cleared, not an earlier visit', () => {
    const episodes = episodesFromEvents([
      down('a', 100, 'F-301', 'fuser'),
      { deviceId: 'a', ts: 110, type: 'service.started', visitId: 'other' },
      { deviceId: 'a', ts: 130, type: 'service.finished', visitId: 'other' },
      { deviceId: 'a', ts: 150, type: 'service.started', visitId: 'v-fuser' },
      // stored events with equal times come back in any order
      ev('a', 190, 'fault.cleared', 'F-301'),
      { deviceId: 'a', ts: 190, type: 'service.finished', visitId: 'v-fuser' },
    ]);
    expect(episodes).toEqual([
      { deviceId: 'a', component: 'fuser', failureTs: 100, arrivalTs: 150, restoredTs: 190 },
    ]);
  });
});

describe('episodesFromEvents at one instant', () => {
  it.each([
    ['raise then clear', ['fault.raised', 'fault.cleared']],
    ['clear then raise', ['fault.cleared', 'fault.raised']],
  ])('closes a fault raised and cleared at the same instant (stored %s)', (_name, order) => {
    const events = order.map((type) =>
      type === 'fault.raised' ? down('a', 100, 'comp1') : ev('a', 100, 'fault.cleared', 'comp1'),
    );
    expect(episodesFromEvents(events)).toEqual([{ deviceId: 'a', failureTs: 100, restoredTs: 100 }]);
  });

  it('takes a visit, a part and a restore at one instant in the order they happen on site', () => {
    const at = 500;
    const events: EventRecord[] = [
      { deviceId: 'a', ts: at, type: 'service.finished', visitId: 'v1' },
      ev('a', at, 'fault.cleared', 'comp2'),
      { deviceId: 'a', ts: at, type: 'part.replaced', component: 'comp2' },
      { deviceId: 'a', ts: at, type: 'service.started', visitId: 'v1' },
      down('a', at, 'comp2', 'comp2'),
    ];
    expect(events.sort(compareEvents).map((e) => e.type)).toEqual([
      'fault.raised',
      'service.started',
      'part.replaced',
      'fault.cleared',
      'service.finished',
    ]);
    expect(episodesFromEvents(events)).toEqual([
      { deviceId: 'a', component: 'comp2', failureTs: at, arrivalTs: at, restoredTs: at },
    ]);
  });

  it('closes an open episode when its code is raised again and cleared at one instant', () => {
    const episodes = episodesFromEvents([
      down('a', 10, 'Z'),
      ev('a', 50, 'fault.cleared', 'Z'),
      down('a', 50, 'Z'),
    ]);
    expect(episodes).toEqual([{ deviceId: 'a', failureTs: 10, restoredTs: 50 }]);
  });
});

describe(EpisodeBuilder.name, () => {
  // failures, visits and restores of two overlapping faults, cut at every instant
  const events: EventRecord[] = [
    down('a', 100, 'F-301', 'fuser'),
    { deviceId: 'a', ts: 110, type: 'service.started', visitId: 'v1' },
    down('a', 120, 'M-501', 'main_motor'),
    { deviceId: 'a', ts: 130, type: 'service.finished', visitId: 'v1' },
    { deviceId: 'a', ts: 150, type: 'service.started', visitId: 'v2' },
    ev('a', 160, 'fault.cleared', 'F-301'),
    { deviceId: 'a', ts: 190, type: 'service.finished', visitId: 'v2' },
    ev('a', 190, 'fault.cleared', 'M-501'),
    down('a', 190, 'F-301', 'fuser'),
    ev('a', 400, 'fault.cleared', 'F-301'),
  ];

  it.each([100, 110, 111, 125, 130, 155, 160, 190, 191, 400, 401])(
    'goes on from its carry at %i as if it had read everything in one pass',
    (cut) => {
      const before = new EpisodeBuilder('a');
      before.feed(events.filter((e) => e.ts < cut));
      const after = new EpisodeBuilder(
        'a',
        JSON.parse(JSON.stringify(before.carry())) as ReturnType<EpisodeBuilder['carry']>,
      );
      after.feed(events.filter((e) => e.ts >= cut));
      const resumed = [...before.closed, ...after.closed, ...after.openEpisodes()].sort(
        (x, y) => x.failureTs - y.failureTs,
      );
      expect(resumed).toEqual(episodesFromEvents(events));
    },
  );

  it('forgets visits no open episode can use', () => {
    const b = new EpisodeBuilder('a');
    b.feed([{ deviceId: 'a', ts: 1, type: 'service.started', visitId: 'old' }]);
    expect(b.carry()).toEqual({ open: [], visits: {} });
  });
});
