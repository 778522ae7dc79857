import type { AlarmSeverity } from '../alarms/alarm.js';
import type { Customer, Device, Site } from '../registry/registry-entities.js';
import type { ServiceLevel, WorkOrder } from '../work-orders/work-order.js';
import { KPI_SNAPSHOT_MS, keptKpis, orderCounts, placeOnMap } from './fleet-overview.service.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 25, 12);
const END_OF_TODAY = Date.UTC(2026, 10, 26);

describe(keptKpis.name, () => {
  const snapshot = { at: NOW, to: END_OF_TODAY, kpis: 'kpis' };
  it.each([
    ['nothing kept', null, NOW, undefined],
    ['asked again at once', snapshot, NOW, 'kpis'],
    ['within the minute', snapshot, NOW + KPI_SNAPSHOT_MS - 1, 'kpis'],
    ['a minute old (another replica may have refreshed)', snapshot, NOW + KPI_SNAPSHOT_MS, undefined],
    ['the next UTC day, within the minute', { ...snapshot, at: END_OF_TODAY - 1 }, END_OF_TODAY, undefined],
    ['a clock gone back', snapshot, NOW - 1, undefined],
  ])('%s', (_what, kept, now, expected) => {
    expect(keptKpis(kept, now)).toBe(expected);
  });
});

const sla = (over: Partial<ServiceLevel> = {}): ServiceLevel => ({
  responseDueAt: null,
  resolutionDueAt: null,
  respondedAt: null,
  resolvedAt: null,
  responseWarnedAt: null,
  responseBreachedAt: null,
  resolutionWarnedAt: null,
  resolutionBreachedAt: null,
  ...over,
});
const order = (status: string, s: Partial<ServiceLevel>): WorkOrder => ({ status, sla: sla(s) }) as WorkOrder;

describe(orderCounts.name, () => {
  it('counts open orders by status, and those late on response or resolution', () => {
    const counts = orderCounts(
      [
        order('new', {}),
        // response due and not met: late
        order('new', { responseDueAt: NOW - 1 }),
        // response met in time, resolution not yet due
        order('in-progress', {
          responseDueAt: NOW - DAY,
          respondedAt: NOW - 2 * DAY,
          resolutionDueAt: NOW + 1,
        }),
        // resolution overdue
        order('in-progress', { respondedAt: NOW - DAY, resolutionDueAt: NOW - 1 }),
        // a breach recorded stays late even when the response came afterwards
        order('assigned', { responseDueAt: NOW - DAY, respondedAt: NOW - 1, responseBreachedAt: NOW - DAY }),
        // due exactly now: not late yet
        order('assigned', { responseDueAt: NOW }),
      ],
      NOW,
    );
    expect(counts).toEqual({ open: 6, late: 3, byStatus: { new: 2, 'in-progress': 2, assigned: 2 } });
  });
});

describe(placeOnMap.name, () => {
  const customers: Customer[] = [{ customerId: 'c1', name: 'Alder' }];
  const sites: Site[] = [
    { siteId: 's1', customerId: 'c1', name: 'Lyon', lat: 45.76, lon: 4.83 },
    { siteId: 's2', customerId: 'c9', name: 'Oslo', lat: 59.91, lon: 10.75 },
    // no coordinates: not on the map
    { siteId: 's3', customerId: 'c1', name: 'Somewhere' },
  ];
  const device = (deviceId: string, siteId?: string): Pick<Device, 'deviceId' | 'siteId'> => ({
    deviceId,
    siteId,
  });
  const alarm = (deviceId: string, active: number, worst: AlarmSeverity) => ({ deviceId, active, worst });

  it('places devices on their site with presence and alarms, and counts those it cannot place', () => {
    const { sites: placed, devicesWithoutPlace } = placeOnMap(
      [
        device('d1', 's1'),
        device('d2', 's1'),
        device('d3', 's1'),
        device('d4', 's2'),
        device('d5', 's3'),
        device('d6'),
      ],
      sites,
      customers,
      new Map([
        ['d1', true],
        ['d2', false],
        ['d3', null],
        ['d4', true],
      ]),
      [
        alarm('d1', 1, 'minor'),
        alarm('d2', 2, 'critical'),
        alarm('d5', 1, 'major'),
        alarm('gone', 1, 'critical'),
      ],
    );
    expect(devicesWithoutPlace).toBe(2);
    expect(placed).toEqual([
      {
        siteId: 's1',
        name: 'Lyon',
        customerId: 'c1',
        customerName: 'Alder',
        lat: 45.76,
        lon: 4.83,
        devices: 3,
        online: 1,
        offline: 1,
        activeAlarms: 3,
        worstSeverity: 'critical',
      },
      {
        siteId: 's2',
        name: 'Oslo',
        customerId: 'c9',
        customerName: null,
        lat: 59.91,
        lon: 10.75,
        devices: 1,
        online: 1,
        offline: 0,
        activeAlarms: 0,
        worstSeverity: null,
      },
    ]);
  });
});
