import type { Certification, CertificationRequirement, Technician } from './technician.js';

const DAY = 86_400_000;

/** Valid at `at`: issued, not yet expired. */
export const isValidAt = (c: Certification, at: number): boolean => c.issuedAt <= at && at < c.expiresAt;

export const validCertifications = (certs: readonly Certification[], at: number): Certification[] =>
  certs.filter((c) => isValidAt(c, at));

/** What the work is, as requirements read it. */
export interface WorkFacts {
  modelId: string | null;
  equipmentKind: string | null;
  component: string | null;
}

/** Does a requirement apply to this work: every field it gives matches. */
export function requirementApplies(r: CertificationRequirement, w: WorkFacts): boolean {
  if (r.modelIds?.length && !(w.modelId && r.modelIds.includes(w.modelId))) return false;
  if (r.equipmentKinds?.length && !(w.equipmentKind && r.equipmentKinds.includes(w.equipmentKind)))
    return false;
  if (r.components?.length && !(w.component && r.components.includes(w.component))) return false;
  return true;
}

/** The certifications the work needs, sorted, each once. */
export function requiredCertifications(
  requirements: readonly CertificationRequirement[],
  w: WorkFacts,
): string[] {
  return [
    ...new Set(requirements.filter((r) => requirementApplies(r, w)).map((r) => r.certification)),
  ].sort();
}

export interface CertificationCheck {
  /** Needed, and the technician never held it. */
  missing: string[];
  /** Needed, held, but not valid for the whole visit (expired, or expiring before it ends, or not yet issued). */
  invalid: string[];
  /** Needed, valid for the visit, but expiring within the warning days of `now`. */
  expiring: string[];
}

/**
 * The technician's certifications against what a visit in [from, to) needs. The best
 * certificate of each code counts (a renewal beside the old one).
 */
export function checkCertifications(
  certs: readonly Certification[],
  required: readonly string[],
  from: number,
  to: number,
  now: number,
  warningDays: number,
): CertificationCheck {
  const out: CertificationCheck = { missing: [], invalid: [], expiring: [] };
  for (const code of required) {
    const held = certs.filter((c) => c.code === code);
    if (!held.length) {
      out.missing.push(code);
      continue;
    }
    const covering = held.filter((c) => c.issuedAt <= from && to <= c.expiresAt);
    if (!covering.length) {
      out.invalid.push(code);
      continue;
    }
    const latest = Math.max(...covering.map((c) => c.expiresAt));
    if (latest - now <= warningDays * DAY) out.expiring.push(code);
  }
  return out;
}

export type CertificationAlert =
  | { kind: 'expiring'; certification: Certification; daysLeft: number }
  | { kind: 'expired'; certification: Certification };

/**
 * What the certification timer has to say about a technician at `now`, once per
 * certificate and expiry date: a warning `warningDays` ahead, and the expiry. A
 * certificate renewed by another of the same code with a later expiry says nothing.
 */
export function certificationAlerts(t: Technician, now: number, warningDays: number): CertificationAlert[] {
  const out: CertificationAlert[] = [];
  for (const c of t.certifications) {
    const renewed = t.certifications.some(
      (o) =>
        o !== c && o.code === c.code && o.expiresAt > c.expiresAt && o.issuedAt <= Math.max(now, c.expiresAt),
    );
    if (renewed) continue;
    if (now >= c.expiresAt) {
      if (c.expiredNoticeAt === null) out.push({ kind: 'expired', certification: c });
    } else if (c.expiresAt - now <= warningDays * DAY && c.warnedAt === null && c.issuedAt <= now)
      out.push({ kind: 'expiring', certification: c, daysLeft: Math.ceil((c.expiresAt - now) / DAY) });
  }
  return out;
}

/** The alerts recorded on the certificates, so each is raised once. */
export function recordCertificationAlerts(
  certs: readonly Certification[],
  alerts: readonly CertificationAlert[],
  now: number,
): Certification[] {
  return certs.map((c) => {
    const mine = alerts.filter((a) => a.certification === c);
    if (!mine.length) return c;
    return {
      ...c,
      warnedAt: mine.some((a) => a.kind === 'expiring') ? now : c.warnedAt,
      expiredNoticeAt: mine.some((a) => a.kind === 'expired') ? now : c.expiredNoticeAt,
      // an expiry announced without a warning first (the timer was off): warned too
      ...(mine.some((a) => a.kind === 'expired') && c.warnedAt === null ? { warnedAt: now } : {}),
    };
  });
}

/**
 * Suspended when no certification is left: a working technician (verified or
 * active) who held some and has none valid at `now`.
 */
export function noCertificationLeft(t: Technician, now: number): boolean {
  return (
    (t.status === 'active' || t.status === 'verified') &&
    t.certifications.length > 0 &&
    validCertifications(t.certifications, now).length === 0
  );
}

/**
 * A profile update's certificates, keeping the alert marks of those unchanged (same
 * code and expiry): a renewal (a new expiry) is warned about afresh.
 */
export function carryAlertMarks(
  previous: readonly Certification[],
  next: ReadonlyArray<Omit<Certification, 'warnedAt' | 'expiredNoticeAt'>>,
): Certification[] {
  return next.map((c) => {
    const same = previous.find((p) => p.code === c.code && p.expiresAt === c.expiresAt);
    return { ...c, warnedAt: same?.warnedAt ?? null, expiredNoticeAt: same?.expiredNoticeAt ?? null };
  });
}
