/**
 * A technician: an employee or a freelancer who visits machines. The cycle the trade
 * describes (find, verify, engage, manage, pay, rate) as states in
 * technician-lifecycle.ts; certifications and their expiry in certifications.ts;
 * working hours in working-hours.ts. Times are ms since the epoch.
 */

export const TECHNICIAN_STATUSES = [
  /** Found: a profile, not yet checked. */
  'candidate',
  /** Identity and certifications checked. */
  'verified',
  /** Engaged: dispatch gives them work. */
  'active',
  /** Kept from work for a while (no valid certification left, a complaint, leave without pay). */
  'suspended',
  /** Gone; final. */
  'offboarded',
] as const;
export type TechnicianStatus = (typeof TECHNICIAN_STATUSES)[number];

export const EMPLOYMENT_TYPES = ['employee', 'freelancer'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

/** Skill levels: 1 trainee, 2 can work alone, 3 experienced, 4 expert, 5 trains others. */
export const SKILL_LEVELS = [1, 2, 3, 4, 5] as const;
export const MAX_SKILL_LEVEL = 5;

/**
 * What a technician can repair: a model, a component (on any model), or a component
 * of one model. A skill with neither is general (any model, any component).
 */
export interface Skill {
  modelId?: string;
  component?: string;
  level: number;
}

export interface Certification {
  /** What it certifies, as requirements name it: `f-gas`, `electrical-hv`, `mfp-c300`. */
  code: string;
  name?: string;
  issuedAt: number;
  /** First instant it is no longer valid (a plain date given covers its whole day). */
  expiresAt: number;
  /** When the warning before its expiry was raised, for this `expiresAt`; null: not yet. */
  warnedAt: number | null;
  /** When its expiry was announced; null: not yet. */
  expiredNoticeAt: number | null;
}

export interface GeoPoint {
  lat: number;
  lon: number;
}

/** One day's shift in the technician's time zone; ISO weekday 1 (Monday) to 7 (Sunday). */
export interface Shift {
  weekday: number;
  /** `HH:MM`, local time. */
  start: string;
  /** `HH:MM`, local time, after `start` (shifts do not cross midnight). */
  end: string;
}

export interface WorkingHours {
  /** IANA time zone: `Europe/Paris`. */
  timeZone: string;
  shifts: Shift[];
}

/** A span the technician does not work (leave, training, sickness): the days it touches are off. */
export interface Absence {
  from: number;
  to: number;
  reason: string;
}

/** A circle the technician covers. */
export interface TerritoryArea extends GeoPoint {
  radiusKm: number;
}

/** Where a technician works: a site within any area, or one listed by id. */
export interface Territory {
  name?: string;
  areas: TerritoryArea[];
  siteIds?: string[];
}

/** What a visit costs the service organisation, per technician (their contract). */
export interface Rates {
  /** ISO 4217 code: EUR. */
  currency: string;
  labourPerHour: number;
  travelPerHour: number;
  perKm: number;
  /** A fee per part fitted (freelancers are often paid per fitting); 0 for most employees. */
  perPartFitted: number;
  /** A fixed fee per visit (a freelancer's call-out); 0 for most employees. */
  perVisit: number;
}

/** A part in the technician's van. */
export interface StockItem {
  component: string;
  quantity: number;
}

export interface Technician {
  technicianId: string;
  name: string;
  employment: EmploymentType;
  status: TechnicianStatus;
  email?: string;
  phone?: string;
  skills: Skill[];
  certifications: Certification[];
  homeBase: GeoPoint;
  /** Where the technician was last reported (a visit, the app); null: at the home base. */
  position: (GeoPoint & { at: number }) | null;
  workingHours: WorkingHours;
  absences: Absence[];
  territory: Territory;
  rates: Rates;
  /** Most visits dispatch plans for them in one day. */
  maxJobsPerDay: number;
  vanStock: StockItem[];
  /** When and by whom the identity was checked (needed to be verified). */
  identityCheckedAt: number | null;
  identityCheckedBy: string | null;
  /** Why they are suspended or offboarded. */
  statusReason: string | null;
  createdAt: number;
  updatedAt: number;
  /** Bumped by every change: an update is refused when someone changed the record meanwhile. */
  version: number;
}

export const TECHNICIAN_CHANGE_TYPES = [
  'created',
  'profile',
  'transition',
  'certification',
  'position',
] as const;
export type TechnicianChangeType = (typeof TECHNICIAN_CHANGE_TYPES)[number];

/** One kept change: when, who, what, why. */
export interface TechnicianChange {
  at: number;
  actor: string;
  type: TechnicianChangeType;
  from?: TechnicianStatus;
  to?: TechnicianStatus;
  note?: string;
  data?: Record<string, unknown>;
}

/** A work order needs a certification when it matches every field a requirement gives. */
export interface CertificationRequirement {
  requirementId: string;
  certification: string;
  /** Any of these models; absent: any. */
  modelIds?: string[];
  /** Any model of these kinds (copier, hvac, …); absent: any. */
  equipmentKinds?: string[];
  /** Any of these components; absent: any (device-level work included). */
  components?: string[];
  description?: string;
}
