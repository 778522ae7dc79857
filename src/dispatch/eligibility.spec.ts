import { aCertification, aTechnician, MONDAY, north } from '../technicians/technician.factory.js';
import type { Technician } from '../technicians/technician.js';
import { aDispatchOrder } from './dispatch.factory.js';
import type { DispatchOrder } from './dispatch-model.js';
import { eligibility, inTerritory, skillLevel, type IneligibleCode, type Slot } from './eligibility.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Monday's shift, 08:00–17:00 UTC, two jobs planned; the visit 10:00–11:30. */
const SLOT: Slot = {
  day: '2026-03-02',
  window: { start: MONDAY + 8 * HOUR, end: MONDAY + 17 * HOUR },
  jobs: 2,
  arrival: MONDAY + 10 * HOUR,
  departure: MONDAY + 11.5 * HOUR,
};
const NOW = MONDAY + 6 * HOUR;

type Case = [string, Partial<Technician>, Partial<DispatchOrder>, Slot | null, IneligibleCode[], string[]?];

const codes = (t: Partial<Technician>, o: Partial<DispatchOrder>, slot: Slot | null) => {
  const e = eligibility(aTechnician(t), aDispatchOrder(o), slot, NOW, 30);
  return { codes: e.reasons.map((r) => r.code), warnings: e.warnings.map((w) => w.code), e };
};

describe('dispatch hard rules', () => {
  describe('skills', () => {
    it.each<Case>([
      ['a skill for the model', {}, {}, SLOT, []],
      [
        'no skill for the model',
        {},
        { modelId: 'RT-50', equipmentKind: 'hvac', component: 'compressor' },
        SLOT,
        ['no-skill'],
      ],
      [
        'a skill for another component of the model only',
        { skills: [{ modelId: 'RT-50', component: 'belt', level: 4 }] },
        { modelId: 'RT-50', component: 'compressor' },
        SLOT,
        ['no-skill'],
      ],
      [
        'a component skill on any model',
        { skills: [{ component: 'fuser', level: 2 }] },
        { modelId: 'MFP-C500' },
        SLOT,
        [],
      ],
      [
        'device-level work with a component skill only',
        { skills: [{ modelId: 'MFP-C300', component: 'fuser', level: 5 }] },
        { component: null, kind: 'preventive' },
        SLOT,
        ['no-skill'],
      ],
      ['a general skill', { skills: [{ level: 1 }] }, { modelId: null, component: null }, SLOT, []],
      ['no skills at all', { skills: [] }, {}, SLOT, ['no-skill']],
    ])('%s', (_what, t, o, slot, expected) => {
      expect(codes(t, o, slot).codes).toEqual(expected);
    });

    it.each([
      [
        [
          { modelId: 'MFP-C300', level: 2 },
          { component: 'fuser', level: 4 },
        ],
        4,
      ],
      [
        [
          { modelId: 'MFP-C300', level: 2 },
          { modelId: 'MFP-C300', component: 'drum', level: 5 },
        ],
        2,
      ],
      [[{ level: 1 }, { modelId: 'MFP-C300', component: 'fuser', level: 3 }], 3],
    ])('takes the best matching level of %j: %d', (skills, level) => {
      expect(skillLevel(skills, 'MFP-C300', 'fuser')).toBe(level);
    });
  });

  describe('certifications', () => {
    const fgas = { requiredCertifications: ['f-gas'] };
    it.each<Case>([
      ['valid through the visit', {}, fgas, SLOT, [], []],
      [
        'never held',
        { certifications: [aCertification({ code: 'electrical-hv' })] },
        fgas,
        SLOT,
        ['certification-missing'],
        [],
      ],
      [
        'expired yesterday',
        { certifications: [aCertification({ expiresAt: MONDAY - DAY })] },
        fgas,
        SLOT,
        ['certification-invalid'],
        [],
      ],
      [
        'expiring during the visit',
        { certifications: [aCertification({ expiresAt: MONDAY + 11 * HOUR })] },
        fgas,
        SLOT,
        ['certification-invalid'],
        [],
      ],
      [
        'expiring in ten days: eligible, with a warning',
        { certifications: [aCertification({ expiresAt: MONDAY + 10 * DAY })] },
        fgas,
        SLOT,
        [],
        ['certification-expiring'],
      ],
      ['none needed, none held', { certifications: [] }, {}, SLOT, [], []],
    ])('%s', (_what, t, o, slot, expected, warnings) => {
      const r = codes(t, o, slot);
      expect(r.codes).toEqual(expected);
      expect(r.warnings).toEqual(warnings);
    });
  });

  describe('working hours and availability', () => {
    it.each<Case>([
      ['within the shift', {}, {}, SLOT, []],
      ['no shift in the horizon', {}, {}, null, ['off-duty']],
      [
        'ending after the shift',
        {},
        {},
        { ...SLOT, arrival: MONDAY + 16 * HOUR, departure: MONDAY + 17.5 * HOUR },
        ['no-time'],
      ],
      [
        'ending exactly at its end',
        {},
        {},
        { ...SLOT, arrival: MONDAY + 15.5 * HOUR, departure: MONDAY + 17 * HOUR },
        [],
      ],
      ['starting before it', {}, {}, { ...SLOT, arrival: MONDAY + 7 * HOUR }, ['no-time']],
      ['the day full', {}, {}, { ...SLOT, jobs: 6 }, ['day-full']],
      ['one job short of full', {}, {}, { ...SLOT, jobs: 5 }, []],
      ['suspended', { status: 'suspended' }, {}, SLOT, ['not-active']],
      ['a candidate', { status: 'candidate' }, {}, SLOT, ['not-active']],
    ])('%s', (_what, t, o, slot, expected) => {
      expect(codes(t, o, slot).codes).toEqual(expected);
    });
  });

  describe('territory', () => {
    it.each<Case>([
      ['a site 10 km from the centre of a 100 km area', {}, {}, SLOT, []],
      ['a site 150 km away', {}, { location: north(150) }, SLOT, ['outside-territory']],
      [
        'a site listed by id, far away',
        { territory: { areas: [{ ...north(0), radiusKm: 100 }], siteIds: ['site-1'] } },
        { location: north(900) },
        SLOT,
        [],
      ],
      ['a site without coordinates', {}, { location: null }, SLOT, ['outside-territory']],
      ['no territory at all: everywhere', { territory: { areas: [] } }, { location: north(900) }, SLOT, []],
      [
        'the second of two areas',
        {
          territory: {
            areas: [
              { ...north(0), radiusKm: 20 },
              { ...north(500), radiusKm: 30 },
            ],
          },
        },
        { location: north(520) },
        SLOT,
        [],
      ],
    ])('%s', (_what, t, o, slot, expected) => {
      expect(codes(t, o, slot).codes).toEqual(expected);
    });

    it('says how far outside the site is', () => {
      const r = inTerritory({ areas: [{ ...north(0), radiusKm: 100 }] }, 'site-9', north(150));
      expect(r.inside).toBe(false);
      expect(r.distanceKm).toBeCloseTo(50, 6);
    });
  });

  it('lists every rule broken at once, each with its reason', () => {
    const r = codes(
      {
        status: 'suspended',
        skills: [],
        territory: { areas: [{ ...north(0), radiusKm: 5 }] },
        certifications: [],
      },
      { requiredCertifications: ['f-gas'] },
      { ...SLOT, jobs: 6 },
    );
    expect(r.codes).toEqual([
      'not-active',
      'no-skill',
      'outside-territory',
      'certification-missing',
      'day-full',
    ]);
    expect(r.e.reasons.find((x) => x.code === 'outside-territory')?.detail).toBe(
      'site site-1 is 5.0 km outside the territory',
    );
    expect(r.e.eligible).toBe(false);
  });
});
