import type { DeviceScope, EquipmentModel } from '../registry/registry-entities.js';
import { devicesInService, modelInfoFrom, predictionFleet } from './prediction-fleet.js';

const copier: EquipmentModel = {
  modelId: 'MFP-1',
  name: 'MFP',
  kind: 'copier',
  usageUnit: 'pages',
  usageMetric: 'pages.total',
  ratedMonthlyDuty: 30_000,
  components: [{ name: 'fuser', expectedLife: 200_000 }, { name: 'panel' }],
};
const scope = (deviceId: string, more: Partial<DeviceScope> = {}): DeviceScope => ({
  deviceId,
  modelId: 'MFP-1',
  siteId: 'S-1',
  customerId: 'C-1',
  installDate: '2025-01-01',
  removedDate: null,
  ...more,
});

describe(modelInfoFrom.name, () => {
  it('keeps the components with an expected life and says why the others are left out', () => {
    const { info, notPredicted } = modelInfoFrom(copier, null);

    expect(info).toEqual({
      modelId: 'MFP-1',
      usageUnit: 'pages',
      usageMetric: 'pages.total',
      ratedMonthlyDuty: 30_000,
      components: [{ name: 'fuser', expectedLife: 200_000 }],
    });
    expect(notPredicted.get('panel')).toMatch(/no expected life for panel/);
  });

  it.each([
    ['the fleet’s typical usage when the registry has no rated duty', 1000, 30_440],
    ['nothing when there is neither', null, null],
  ])('takes %s', (_name, typical, duty) => {
    const { info, notPredicted } = modelInfoFrom({ ...copier, ratedMonthlyDuty: undefined }, typical);

    expect(info?.ratedMonthlyDuty ?? null).toBe(duty);
    if (duty === null) expect(notPredicted.get('*')).toMatch(/no rated monthly duty/);
  });

  it('reads the fault table when the registry holds one', () => {
    const withTable = {
      ...copier,
      faultCodes: [{ code: 'J-1', symptom: 'jam', likelyComponent: null, severity: 'minor' as const }],
    };

    expect(modelInfoFrom(withTable, null).info?.faultCodes).toEqual([
      { code: 'J-1', component: null, severity: 'minor' },
    ]);
  });
});

describe(devicesInService.name, () => {
  it('leaves out devices removed by now, and reads the install date', () => {
    const now = Date.UTC(2026, 0, 1);
    const devices = devicesInService(
      [
        scope('b', { removedDate: '2025-06-01' }),
        scope('a', { removedDate: '2026-06-01' }),
        scope('c', { siteId: null, customerId: null }),
      ],
      now,
    );

    expect(devices).toEqual([
      {
        deviceId: 'a',
        modelId: 'MFP-1',
        installDate: Date.UTC(2025, 0, 1),
        siteId: 'S-1',
        customerId: 'C-1',
      },
      { deviceId: 'c', modelId: 'MFP-1', installDate: Date.UTC(2025, 0, 1), siteId: null, customerId: null },
    ]);
  });
});

describe(predictionFleet.name, () => {
  it('maps every model and notes what is not predicted', () => {
    const fleet = predictionFleet(
      [scope('a')],
      [copier, { ...copier, modelId: 'X', ratedMonthlyDuty: undefined }],
      0,
    );

    expect([...fleet.models.keys()]).toEqual(['MFP-1']);
    expect([...fleet.notPredicted.keys()]).toEqual(['MFP-1', 'X']);
  });
});
