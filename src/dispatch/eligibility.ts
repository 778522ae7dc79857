import { haversineKm, type LatLon } from '../common/geo.js';
import { checkCertifications } from '../technicians/certifications.js';
import type { Skill, Technician, Territory } from '../technicians/technician.js';
import type { Window } from '../technicians/working-hours.js';
import type { DispatchOrder } from './dispatch-model.js';

/**
 * The hard rules of dispatch: a technician who breaks one never gets the work,
 * whatever the score. Pure; each refusal says why.
 */

export const INELIGIBLE_CODES = [
  /** Not active (candidate, verified, suspended, offboarded). */
  'not-active',
  /** No skill for the model and component. */
  'no-skill',
  /** The work needs a certification the technician never held. */
  'certification-missing',
  /** Held, but not valid for the whole visit (expired, or expiring before it ends). */
  'certification-invalid',
  /** The site is outside the technician's territory. */
  'outside-territory',
  /** No shift in the planning horizon (days off, absences). */
  'off-duty',
  /** The day already has the most jobs the technician takes. */
  'day-full',
  /** The visit does not fit in the shift (with the travel to it). */
  'no-time',
] as const;
export type IneligibleCode = (typeof INELIGIBLE_CODES)[number];

export interface Ineligible {
  code: IneligibleCode;
  detail: string;
}

export interface EligibilityWarning {
  code: 'certification-expiring';
  detail: string;
}

/** A candidate time for the visit in one of the technician's days. */
export interface Slot {
  day: string;
  window: Window;
  /** Visits that day already (done and planned). */
  jobs: number;
  arrival: number;
  departure: number;
}

export interface Eligibility {
  eligible: boolean;
  reasons: Ineligible[];
  warnings: EligibilityWarning[];
  /** The best level of a matching skill; 0 without one. */
  skillLevel: number;
}

/**
 * The best level of the technician's skills for the work. A skill matches when each
 * field it names matches: a model skill covers every component of the model, a
 * component skill that component on any model, a skill naming both only that pair.
 * Device-level work (no component: PM, installation) needs a skill without a component.
 */
export function skillLevel(
  skills: readonly Skill[],
  modelId: string | null,
  component: string | null,
): number {
  let best = 0;
  for (const s of skills) {
    if (s.modelId !== undefined && s.modelId !== modelId) continue;
    if (s.component !== undefined && s.component !== component) continue;
    best = Math.max(best, s.level);
  }
  return best;
}

/** A site within any area of the territory, or listed by id; a territory with neither covers everywhere. */
export function inTerritory(
  territory: Territory,
  siteId: string | null,
  location: LatLon | null,
): { inside: boolean; distanceKm: number | null } {
  if (siteId && territory.siteIds?.includes(siteId)) return { inside: true, distanceKm: null };
  if (!territory.areas.length && !territory.siteIds?.length) return { inside: true, distanceKm: null };
  if (!location) return { inside: false, distanceKm: null };
  let nearest = Number.POSITIVE_INFINITY;
  for (const a of territory.areas) {
    const d = haversineKm(a, location);
    if (d <= a.radiusKm) return { inside: true, distanceKm: d };
    nearest = Math.min(nearest, d - a.radiusKm);
  }
  return { inside: false, distanceKm: Number.isFinite(nearest) ? nearest : null };
}

const what = (o: Pick<DispatchOrder, 'modelId' | 'component'>): string =>
  `${o.modelId ?? 'an unknown model'}${o.component ? ` / ${o.component}` : ' (device-level work)'}`;

/** The rules that do not depend on the day: status, skill, territory, certifications ever held. */
export function staticEligibility(t: Technician, o: DispatchOrder): Eligibility {
  const reasons: Ineligible[] = [];
  if (t.status !== 'active') reasons.push({ code: 'not-active', detail: `${t.technicianId} is ${t.status}` });
  const level = skillLevel(t.skills, o.modelId, o.component);
  if (level === 0) reasons.push({ code: 'no-skill', detail: `no skill for ${what(o)}` });
  const territory = inTerritory(t.territory, o.siteId, o.location);
  if (!territory.inside)
    reasons.push({
      code: 'outside-territory',
      detail:
        territory.distanceKm === null
          ? `site ${o.siteId ?? '?'} has no coordinates and is not listed in the territory`
          : `site ${o.siteId ?? '?'} is ${territory.distanceKm.toFixed(1)} km outside the territory`,
    });
  const missing = o.requiredCertifications.filter((c) => !t.certifications.some((x) => x.code === c));
  if (missing.length)
    reasons.push({ code: 'certification-missing', detail: `the work needs ${missing.join(', ')}` });
  return { eligible: reasons.length === 0, reasons, warnings: [], skillLevel: level };
}

const hhmm = (ms: number, window: Window): string => {
  const m = Math.round((ms - window.start) / 60_000);
  return `${m >= 0 ? '+' : '-'}${Math.floor(Math.abs(m) / 60)}h${String(Math.abs(m) % 60).padStart(2, '0')}`;
};

/** The rules of one slot: room in the day, the visit within the shift, certifications valid through it. */
export function slotEligibility(
  t: Technician,
  o: DispatchOrder,
  slot: Slot,
  now: number,
  warningDays: number,
): Pick<Eligibility, 'reasons' | 'warnings'> {
  const reasons: Ineligible[] = [];
  const warnings: EligibilityWarning[] = [];
  if (slot.jobs >= t.maxJobsPerDay)
    reasons.push({
      code: 'day-full',
      detail: `${slot.day} has ${slot.jobs} of at most ${t.maxJobsPerDay} jobs`,
    });
  if (slot.arrival < slot.window.start || slot.departure > slot.window.end)
    reasons.push({
      code: 'no-time',
      detail: `on ${slot.day} the visit would end ${hhmm(slot.departure, slot.window)} after the shift start, past its end (${hhmm(slot.window.end, slot.window)})`,
    });
  const certs = checkCertifications(
    t.certifications,
    o.requiredCertifications,
    slot.arrival,
    slot.departure,
    now,
    warningDays,
  );
  if (certs.invalid.length)
    reasons.push({
      code: 'certification-invalid',
      detail: `${certs.invalid.join(', ')} not valid on ${slot.day}`,
    });
  if (certs.expiring.length)
    warnings.push({
      code: 'certification-expiring',
      detail: `${certs.expiring.join(', ')} expires within ${warningDays} days: renew it`,
    });
  return { reasons, warnings };
}

/**
 * Every hard rule for one technician, one order and (when there is one) one slot.
 * Without a slot: `off-duty` (no shift in the horizon).
 */
export function eligibility(
  t: Technician,
  o: DispatchOrder,
  slot: Slot | null,
  now: number,
  warningDays: number,
): Eligibility {
  const base = staticEligibility(t, o);
  if (!slot) {
    base.reasons.push({ code: 'off-duty', detail: 'no shift in the planning horizon' });
    return { ...base, eligible: false };
  }
  const s = slotEligibility(t, o, slot, now, warningDays);
  const reasons = [...base.reasons, ...s.reasons];
  return { eligible: reasons.length === 0, reasons, warnings: s.warnings, skillLevel: base.skillLevel };
}
