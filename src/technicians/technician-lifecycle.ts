import { validCertifications } from './certifications.js';
import type { Technician, TechnicianChange, TechnicianStatus } from './technician.js';

/**
 * Where a technician may go from each status: found (candidate), verified
 * (identity and certifications checked), engaged (active), suspended, offboarded.
 * Offboarded is final: someone hired again gets a new record.
 */
export const TECHNICIAN_TRANSITIONS: Readonly<Record<TechnicianStatus, readonly TechnicianStatus[]>> = {
  candidate: ['verified', 'offboarded'],
  // suspended straight from verified: the certifications ran out before the first day
  verified: ['active', 'suspended', 'offboarded'],
  active: ['suspended', 'offboarded'],
  suspended: ['active', 'offboarded'],
  offboarded: [],
};

/** Statuses that need a reason in the note. */
const NEEDS_REASON: readonly TechnicianStatus[] = ['suspended', 'offboarded'];

export interface TechnicianTransitionRequest {
  to: TechnicianStatus;
  actor: string;
  at: number;
  note?: string;
  /** The actor checked the technician's identity (papers, right to work): needed to verify. */
  identityChecked?: boolean;
}

export type TechnicianTransitionResult =
  { ok: true; technician: Technician; change: TechnicianChange } | { ok: false; reason: string };

export function isLegalTechnicianMove(from: TechnicianStatus, to: TechnicianStatus): boolean {
  return TECHNICIAN_TRANSITIONS[from].includes(to);
}

/**
 * Applies one status change, or says why it cannot happen. Pure: a new record is
 * returned with the change to keep. Guards: verifying needs the identity checked and a
 * valid certification; activating needs both still; suspending and offboarding need
 * a reason.
 */
export function transitionTechnician(
  t: Technician,
  r: TechnicianTransitionRequest,
): TechnicianTransitionResult {
  const from = t.status;
  const note = r.note?.trim() || undefined;
  if (!isLegalTechnicianMove(from, r.to)) {
    const next = TECHNICIAN_TRANSITIONS[from];
    return {
      ok: false,
      reason:
        `technician ${t.technicianId} cannot go from ${from} to ${r.to}` +
        (next.length ? `; from ${from} they can go to ${next.join(', ')}` : `: ${from} is final`),
    };
  }
  if (NEEDS_REASON.includes(r.to) && !note)
    return { ok: false, reason: `going to ${r.to} needs a reason in the note` };
  const next: Technician = { ...t, status: r.to, updatedAt: r.at, version: t.version + 1 };
  if (r.to === 'verified' || r.to === 'active') {
    if (r.identityChecked) {
      next.identityCheckedAt = r.at;
      next.identityCheckedBy = r.actor;
    }
    if (next.identityCheckedAt === null)
      return { ok: false, reason: `going to ${r.to} needs the identity checked (identityChecked: true)` };
    if (!validCertifications(t.certifications, r.at).length)
      return { ok: false, reason: `going to ${r.to} needs at least one valid certification` };
    next.statusReason = null;
  } else next.statusReason = note ?? null;
  const change: TechnicianChange = { at: r.at, actor: r.actor, type: 'transition', from, to: r.to };
  if (note) change.note = note;
  return { ok: true, technician: next, change };
}
