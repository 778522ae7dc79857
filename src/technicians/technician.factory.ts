import type { Certification, Technician } from './technician.js';

const DAY = 86_400_000;

/** 2026-03-02, a Monday, 00:00 UTC: the specs' clock. */
export const MONDAY = Date.UTC(2026, 2, 2);

/** Kilometres per degree of latitude on the haversine sphere: `north(km)` is `km` from the equator at lon 0. */
export const KM_PER_DEGREE = (6371.0088 * Math.PI) / 180;
export const north = (km: number, lonKm = 0): { lat: number; lon: number } => ({
  lat: km / KM_PER_DEGREE,
  lon: lonKm / KM_PER_DEGREE,
});

export function aCertification(over: Partial<Certification> = {}): Certification {
  return {
    code: 'f-gas',
    issuedAt: MONDAY - 365 * DAY,
    expiresAt: MONDAY + 365 * DAY,
    warnedAt: null,
    expiredNoticeAt: null,
    ...over,
  };
}

/** An active technician with every field filled: UTC, Monday to Friday 08:00–17:00, home at the origin. */
export function aTechnician(over: Partial<Technician> = {}): Technician {
  return {
    technicianId: 'tech-1',
    name: 'Ada Field',
    employment: 'employee',
    status: 'active',
    skills: [{ modelId: 'MFP-C300', level: 3 }],
    certifications: [aCertification()],
    homeBase: north(0),
    position: null,
    workingHours: {
      timeZone: 'UTC',
      shifts: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '17:00' })),
    },
    absences: [],
    territory: { areas: [{ ...north(0), radiusKm: 100 }] },
    rates: {
      currency: 'EUR',
      labourPerHour: 60,
      travelPerHour: 30,
      perKm: 0.4,
      perPartFitted: 0,
      perVisit: 0,
    },
    maxJobsPerDay: 6,
    vanStock: [],
    identityCheckedAt: MONDAY - 30 * DAY,
    identityCheckedBy: 'hr:bea',
    statusReason: null,
    createdAt: MONDAY - 60 * DAY,
    updatedAt: MONDAY - 30 * DAY,
    version: 1,
    ...over,
  };
}
