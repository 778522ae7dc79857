import { aCertification, aTechnician, MONDAY } from './technician.factory.js';
import {
  isLegalTechnicianMove,
  TECHNICIAN_TRANSITIONS,
  transitionTechnician,
  type TechnicianTransitionRequest,
} from './technician-lifecycle.js';
import { TECHNICIAN_STATUSES, type TechnicianStatus } from './technician.js';

const DAY = 86_400_000;

/** Every (from, to) pair a person may make: the spec of the cycle. */
const LEGAL: Array<[TechnicianStatus, TechnicianStatus]> = [
  ['candidate', 'verified'],
  ['candidate', 'offboarded'],
  ['verified', 'active'],
  ['verified', 'suspended'],
  ['verified', 'offboarded'],
  ['active', 'suspended'],
  ['active', 'offboarded'],
  ['suspended', 'active'],
  ['suspended', 'offboarded'],
];
const legal = new Set(LEGAL.map(([a, b]) => `${a}>${b}`));
const allPairs = TECHNICIAN_STATUSES.flatMap((from) =>
  TECHNICIAN_STATUSES.map((to) => [from, to, legal.has(`${from}>${to}`)] as const),
);

/** A request with everything any guard asks for, so only the table decides. */
const full = (to: TechnicianStatus): TechnicianTransitionRequest => ({
  to,
  actor: 'hr:bea',
  at: MONDAY,
  note: 'because',
  identityChecked: true,
});

describe('technician lifecycle', () => {
  it('has the table the spec lists, nothing more', () => {
    const table = Object.entries(TECHNICIAN_TRANSITIONS).flatMap(([from, tos]) =>
      tos.map((to) => `${from}>${to}`),
    );
    expect(table.sort()).toEqual([...legal].sort());
  });

  it.each(allPairs)('%s → %s is legal: %s', (from, to, ok) => {
    expect(isLegalTechnicianMove(from, to)).toBe(ok);
    const r = transitionTechnician(aTechnician({ status: from }), full(to));
    expect(r.ok).toBe(ok);
    if (r.ok) {
      expect(r.technician.status).toBe(to);
      expect(r.change).toMatchObject({ type: 'transition', from, to, actor: 'hr:bea', at: MONDAY });
      expect(r.technician.version).toBe(2);
    } else expect(r.reason).toMatch(`cannot go from ${from} to ${to}`);
  });

  it('refuses to verify a candidate whose identity nobody checked', () => {
    const t = aTechnician({ status: 'candidate', identityCheckedAt: null, identityCheckedBy: null });
    const r = transitionTechnician(t, { to: 'verified', actor: 'hr:bea', at: MONDAY });
    expect(r).toEqual({
      ok: false,
      reason: 'going to verified needs the identity checked (identityChecked: true)',
    });
    const ok = transitionTechnician(t, {
      to: 'verified',
      actor: 'hr:bea',
      at: MONDAY,
      identityChecked: true,
    });
    expect(ok.ok && ok.technician).toMatchObject({ identityCheckedAt: MONDAY, identityCheckedBy: 'hr:bea' });
  });

  it.each([
    ['no certification at all', []],
    ['only an expired one', [aCertification({ expiresAt: MONDAY - DAY })]],
    ['only one issued later', [aCertification({ issuedAt: MONDAY + DAY })]],
  ])('refuses to verify or activate with %s', (_what, certifications) => {
    for (const [from, to] of [
      ['candidate', 'verified'],
      ['verified', 'active'],
      ['suspended', 'active'],
    ] as const) {
      const r = transitionTechnician(aTechnician({ status: from, certifications }), full(to));
      expect(r).toEqual({ ok: false, reason: `going to ${to} needs at least one valid certification` });
    }
  });

  it.each(['suspended', 'offboarded'] as const)('needs a reason to go to %s, and keeps it', (to) => {
    const t = aTechnician({ status: 'active' });
    expect(transitionTechnician(t, { to, actor: 'hr:bea', at: MONDAY, note: '  ' })).toEqual({
      ok: false,
      reason: `going to ${to} needs a reason in the note`,
    });
    const r = transitionTechnician(t, { to, actor: 'hr:bea', at: MONDAY, note: 'left the company' });
    expect(r.ok && r.technician.statusReason).toBe('left the company');
  });

  it('clears the reason when a suspended technician comes back', () => {
    const t = aTechnician({ status: 'suspended', statusReason: 'f-gas expired' });
    const r = transitionTechnician(t, { to: 'active', actor: 'hr:bea', at: MONDAY });
    expect(r.ok && r.technician).toMatchObject({ status: 'active', statusReason: null });
  });

  it('says offboarded is final', () => {
    const r = transitionTechnician(aTechnician({ status: 'offboarded' }), full('active'));
    expect(r).toEqual({
      ok: false,
      reason: 'technician tech-1 cannot go from offboarded to active: offboarded is final',
    });
  });
});
