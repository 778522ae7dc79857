import {
  carryAlertMarks,
  certificationAlerts,
  checkCertifications,
  isValidAt,
  noCertificationLeft,
  recordCertificationAlerts,
  requiredCertifications,
} from './certifications.js';
import type { CertificationRequirement } from './technician.js';
import { aCertification, aTechnician, MONDAY } from './technician.factory.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

const REQUIREMENTS: CertificationRequirement[] = [
  { requirementId: 'r1', certification: 'f-gas', equipmentKinds: ['hvac'] },
  { requirementId: 'r2', certification: 'electrical-hv', components: ['compressor', 'main_board'] },
  { requirementId: 'r3', certification: 'prod-printer', modelIds: ['PP-100'] },
  { requirementId: 'r4', certification: 'prod-printer', modelIds: ['PP-100'], components: ['fuser'] },
];

describe('certifications', () => {
  it('is valid from its issue to its expiry, the expiry excluded', () => {
    const c = aCertification({ issuedAt: 10, expiresAt: 20 });
    expect([9, 10, 19, 20].map((t) => isValidAt(c, t))).toEqual([false, true, true, false]);
  });

  it.each([
    [
      'an HVAC compressor',
      { modelId: 'RT-50', equipmentKind: 'hvac', component: 'compressor' },
      ['electrical-hv', 'f-gas'],
    ],
    ['an HVAC belt', { modelId: 'RT-50', equipmentKind: 'hvac', component: 'belt' }, ['f-gas']],
    ['device-level HVAC work', { modelId: 'RT-50', equipmentKind: 'hvac', component: null }, ['f-gas']],
    [
      'a copier main board',
      { modelId: 'MFP-C300', equipmentKind: 'copier', component: 'main_board' },
      ['electrical-hv'],
    ],
    ['a copier fuser', { modelId: 'MFP-C300', equipmentKind: 'copier', component: 'fuser' }, []],
    [
      'a production printer fuser (two rules, one code)',
      { modelId: 'PP-100', equipmentKind: 'copier', component: 'fuser' },
      ['prod-printer'],
    ],
    ['an unknown model', { modelId: null, equipmentKind: null, component: 'fuser' }, []],
  ])('says %s needs %j', (_what, work, expected) => {
    expect(requiredCertifications(REQUIREMENTS, work)).toEqual(expected);
  });

  it.each([
    [
      'valid through the visit, far from expiry',
      [aCertification()],
      { missing: [], invalid: [], expiring: [] },
    ],
    ['never held', [], { missing: ['f-gas'], invalid: [], expiring: [] }],
    [
      'expired before the visit',
      [aCertification({ expiresAt: MONDAY })],
      { missing: [], invalid: ['f-gas'], expiring: [] },
    ],
    [
      'expiring during the visit',
      [aCertification({ expiresAt: MONDAY + 9 * HOUR })],
      { missing: [], invalid: ['f-gas'], expiring: [] },
    ],
    [
      'valid for the visit, expiring in 20 days',
      [aCertification({ expiresAt: MONDAY + 20 * DAY })],
      { missing: [], invalid: [], expiring: ['f-gas'] },
    ],
    [
      'the old one expiring, a renewal valid for a year',
      [
        aCertification({ expiresAt: MONDAY + 20 * DAY }),
        aCertification({ issuedAt: MONDAY - DAY, expiresAt: MONDAY + 400 * DAY }),
      ],
      { missing: [], invalid: [], expiring: [] },
    ],
  ])('checks a visit 08:00–10:00 with a certificate %s', (_what, certs, expected) => {
    const from = MONDAY + 8 * HOUR;
    expect(checkCertifications(certs, ['f-gas'], from, from + 2 * HOUR, MONDAY, 30)).toEqual(expected);
  });

  describe('the certification timer', () => {
    const expiring = aCertification({ expiresAt: MONDAY + 20 * DAY });

    it('warns once, the warning days before the expiry', () => {
      const t = aTechnician({ certifications: [expiring] });
      expect(certificationAlerts(t, MONDAY - 11 * DAY, 30)).toEqual([]);
      const alerts = certificationAlerts(t, MONDAY - 10 * DAY, 30);
      expect(alerts).toEqual([{ kind: 'expiring', certification: expiring, daysLeft: 30 }]);
      const marked = {
        ...t,
        certifications: recordCertificationAlerts(t.certifications, alerts, MONDAY - 10 * DAY),
      };
      expect(certificationAlerts(marked, MONDAY, 30)).toEqual([]);
    });

    it('announces the expiry once, and then there is none left', () => {
      const t = aTechnician({ certifications: [{ ...expiring, warnedAt: MONDAY }] });
      const at = MONDAY + 20 * DAY;
      expect(noCertificationLeft(t, at - 1)).toBe(false);
      const alerts = certificationAlerts(t, at, 30);
      expect(alerts).toEqual([{ kind: 'expired', certification: t.certifications[0] }]);
      const marked = { ...t, certifications: recordCertificationAlerts(t.certifications, alerts, at) };
      expect(marked.certifications[0]).toMatchObject({ warnedAt: MONDAY, expiredNoticeAt: at });
      expect(certificationAlerts(marked, at + DAY, 30)).toEqual([]);
      expect(noCertificationLeft(marked, at)).toBe(true);
    });

    it('says nothing of a certificate renewed by a later one of the same code', () => {
      const renewal = aCertification({ issuedAt: MONDAY, expiresAt: MONDAY + 3 * 365 * DAY });
      const t = aTechnician({ certifications: [expiring, renewal] });
      expect(certificationAlerts(t, MONDAY + DAY, 30)).toEqual([]);
      expect(certificationAlerts(t, MONDAY + 25 * DAY, 30)).toEqual([]);
      expect(noCertificationLeft(t, MONDAY + 25 * DAY)).toBe(false);
    });

    it('keeps one valid certificate of another code: not suspended', () => {
      const t = aTechnician({
        certifications: [aCertification({ expiresAt: MONDAY }), aCertification({ code: 'electrical-hv' })],
      });
      expect(noCertificationLeft(t, MONDAY + DAY)).toBe(false);
    });

    it.each(['candidate', 'suspended', 'offboarded'] as const)(
      'leaves a %s technician as they are',
      (status) => {
        const t = aTechnician({ status, certifications: [aCertification({ expiresAt: MONDAY })] });
        expect(noCertificationLeft(t, MONDAY + DAY)).toBe(false);
      },
    );

    it('warns afresh about a renewed expiry date, and keeps the marks of unchanged ones', () => {
      const warned = { ...expiring, warnedAt: MONDAY };
      const kept = carryAlertMarks(
        [warned],
        [{ code: 'f-gas', issuedAt: expiring.issuedAt, expiresAt: expiring.expiresAt }],
      );
      expect(kept[0].warnedAt).toBe(MONDAY);
      const renewed = carryAlertMarks(
        [warned],
        [{ code: 'f-gas', issuedAt: MONDAY, expiresAt: MONDAY + 700 * DAY }],
      );
      expect(renewed[0]).toMatchObject({ warnedAt: null, expiredNoticeAt: null });
    });
  });
});
