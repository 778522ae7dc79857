import { aDevice, input, months } from '../signal-facts.factory.js';
import { FIRES_ONCE_THEN_COOLS_DOWN, coolDownTimeline } from './rule-spec-kit.js';
import { underuseRule } from './underuse.rule.js';

const flat = (rate: number) => months([rate, rate, rate]);
const idle = aDevice({ deviceId: 'dev-1', months: flat(3_000) });
const roomy = aDevice({ deviceId: 'dev-2', department: 'floor 2', months: flat(8_000) });

describe('underuse rule', () => {
  it.each([
    ['0.15× its duty, a peer at 0.4× with room', idle, [roomy], true],
    ['0.15× its duty, the peer would end above 0.8×', idle, [{ ...roomy, months: flat(14_000) }], false],
    ['0.15× its duty, alone at the site', idle, [{ ...roomy, siteId: 'site-2' }], false],
    [
      '0.15× its duty, the only peer is HVAC',
      idle,
      [{ ...roomy, equipmentKind: 'hvac' as const, usageUnit: 'hours' as const }],
      false,
    ],
    ['0.4× its duty (not underused)', { ...idle, months: flat(8_000) }, [roomy], false],
    ['one quiet month among busy ones', { ...idle, months: months([3_000, 15_000, 15_000]) }, [roomy], false],
    ['no reading in one of the months', { ...idle, months: months([3_000, null, 3_000]) }, [roomy], false],
  ])('%s: fires %s', (_, device, peers, fires) => {
    expect(underuseRule.evaluate(input(device, { peers })) !== null).toBe(fires);
  });

  it('offers consolidation naming the peer with the most room and its load after', () => {
    const busier = { ...roomy, deviceId: 'dev-3', months: flat(12_000) };
    const finding = underuseRule.evaluate(input(idle, { peers: [busier, roomy] }))!;
    expect(finding).toMatchObject({
      kind: 'observed',
      offer: { kind: 'consolidation', productId: null },
      reason:
        'used at 0.15× its rated duty (3,000 of 20,000 pages a month) over 3 months; dev-2 in floor 2 could take its volume (0.55× its duty after)',
      figures: { peerDeviceId: 'dev-2', peerShareAfter: 0.55, shareOfRated: 0.15 },
    });
  });

  it('fires once, is held back after a dismissal, and fires again after the cool-down', () => {
    expect(coolDownTimeline(underuseRule, () => [idle, roomy]).counts).toEqual(FIRES_ONCE_THEN_COOLS_DOWN);
  });
});
