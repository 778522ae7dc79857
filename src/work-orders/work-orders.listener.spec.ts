import type { EventRecord } from '../ports/records.js';
import type { DeviceContext } from './work-order-context.js';
import { triggersOf } from './work-orders.listener.js';

const ctx: DeviceContext = {
  deviceId: 'd1',
  device: null,
  model: null,
  site: null,
  faultTable: [
    {
      code: 'F-301',
      symptom: 'Fuser temperature out of range',
      likelyComponent: 'fuser',
      severity: 'machine-down',
    },
    { code: 'J-110', symptom: 'Jam (media)', likelyComponent: null, severity: 'minor' },
  ],
};
const e = (ts: number, type: EventRecord['type'], extra: Partial<EventRecord> = {}): EventRecord => ({
  deviceId: 'd1',
  ts,
  type,
  ...extra,
});

describe(triggersOf.name, () => {
  it('turns a run of the same fault into one trigger with its count and last time, in time order', () => {
    const events = [
      e(3, 'fault.raised', { code: 'F-301', severity: 'machine-down' }),
      e(1, 'fault.raised', { code: 'F-301', severity: 'machine-down' }),
      e(2, 'fault.cleared', { code: 'F-301' }),
      e(4, 'fault.raised', { code: 'F-301', severity: 'machine-down' }),
      e(5, 'part.replaced', { component: 'fuser', visitId: 'v1' }),
      e(6, 'fault.raised', { code: 'F-301', severity: 'machine-down' }),
      e(7, 'fault.raised', { code: 'J-110', severity: 'minor' }),
      e(8, 'pm.done', { visitId: 'v2' }),
      e(9, 'consumable.replaced', { component: 'toner.black' }),
    ];
    expect(
      triggersOf(ctx, events).map((t) => [
        t.type,
        'event' in t ? t.event.ts : null,
        'count' in t ? (t.count ?? 1) : 1,
        'lastAt' in t ? t.lastAt : undefined,
      ]),
    ).toEqual([
      ['fault', 1, 3, 4],
      ['part-replaced', 5, 1, undefined],
      ['fault', 6, 1, undefined],
      ['symptom', 7, 1, undefined],
      ['pm-done', 8, 1, undefined],
    ]);
  });

  it('takes the part from the event, else from the fault table, else none', () => {
    const [own, table, none, user] = triggersOf(ctx, [
      e(1, 'fault.raised', { code: 'X-1', severity: 'machine-down', component: 'drum' }),
      e(2, 'fault.raised', { code: 'F-301', severity: 'machine-down' }),
      e(3, 'fault.raised', { code: 'X-2', severity: 'major' }),
      e(4, 'fault.raised', { code: 'J-110', severity: 'minor' }),
    ]);
    expect([own, table, none, user].map((t) => ('component' in t ? t.component : 'n/a'))).toEqual([
      'drum',
      'fuser',
      null,
      null,
    ]);
  });
});
