import type { Rates } from './technician.js';

/**
 * Pay, pure. A line per completed visit, priced at the rates the technician had
 * when the visit was completed (a later change of rates does not rewrite past pay):
 *
 *   labour   = labour minutes / 60 × labourPerHour
 *   travel   = travel minutes / 60 × travelPerHour + travel km × perKm
 *   parts    = parts fitted × perPartFitted
 *   visit    = perVisit (a call-out fee)
 *
 * Each amount is rounded to the cent on its line; totals add the rounded cents, so
 * the statement adds up exactly as printed.
 */

export interface PayLine {
  orderId: string;
  technicianId: string;
  completedAt: number;
  deviceId: string;
  customerId: string | null;
  kind: string;
  labourMinutes: number;
  travelMinutes: number;
  travelKm: number;
  parts: Array<{ component: string; quantity: number }>;
  /** The rates at completion. */
  rates: Rates;
}

export interface PricedLine extends PayLine {
  currency: string;
  labourAmount: number;
  travelAmount: number;
  partsAmount: number;
  visitFee: number;
  total: number;
}

export interface PayTotals {
  currency: string;
  visits: number;
  labourMinutes: number;
  travelMinutes: number;
  travelKm: number;
  partsFitted: number;
  labour: number;
  travel: number;
  parts: number;
  visit: number;
  total: number;
}

export interface PayStatement {
  technicianId: string;
  from: number;
  to: number;
  lines: PricedLine[];
  /** One per currency (a technician whose rates changed currency in the period has two). */
  totals: PayTotals[];
}

const cents = (x: number): number => Math.round(x * 100);

export function priceLine(
  l: PayLine,
): PricedLine & { cents: Record<'labour' | 'travel' | 'parts' | 'visit' | 'total', number> } {
  const r = l.rates;
  const fitted = l.parts.reduce((s, p) => s + p.quantity, 0);
  const c = {
    labour: cents((l.labourMinutes / 60) * r.labourPerHour),
    travel: cents((l.travelMinutes / 60) * r.travelPerHour + l.travelKm * r.perKm),
    parts: cents(fitted * r.perPartFitted),
    visit: cents(r.perVisit),
    total: 0,
  };
  c.total = c.labour + c.travel + c.parts + c.visit;
  return {
    ...l,
    currency: r.currency,
    labourAmount: c.labour / 100,
    travelAmount: c.travel / 100,
    partsAmount: c.parts / 100,
    visitFee: c.visit / 100,
    total: c.total / 100,
    cents: c,
  };
}

/** The statement of one technician for [from, to): lines by completion time, totals by currency. */
export function payStatement(
  technicianId: string,
  lines: readonly PayLine[],
  from: number,
  to: number,
): PayStatement {
  const mine = lines
    .filter((l) => l.technicianId === technicianId && l.completedAt >= from && l.completedAt < to)
    .sort((a, b) => a.completedAt - b.completedAt || (a.orderId < b.orderId ? -1 : 1))
    .map(priceLine);
  const byCurrency = new Map<string, PayTotals & { c: Record<string, number> }>();
  for (const l of mine) {
    const t = byCurrency.get(l.currency) ?? {
      currency: l.currency,
      visits: 0,
      labourMinutes: 0,
      travelMinutes: 0,
      travelKm: 0,
      partsFitted: 0,
      labour: 0,
      travel: 0,
      parts: 0,
      visit: 0,
      total: 0,
      c: { labour: 0, travel: 0, parts: 0, visit: 0, total: 0 },
    };
    t.visits++;
    t.labourMinutes += l.labourMinutes;
    t.travelMinutes += l.travelMinutes;
    t.travelKm += l.travelKm;
    t.partsFitted += l.parts.reduce((s, p) => s + p.quantity, 0);
    for (const k of ['labour', 'travel', 'parts', 'visit', 'total'] as const) t.c[k] += l.cents[k];
    byCurrency.set(l.currency, t);
  }
  const totals = [...byCurrency.values()]
    .sort((a, b) => (a.currency < b.currency ? -1 : 1))
    .map(({ c, ...t }) => ({
      ...t,
      travelKm: Math.round(t.travelKm * 10) / 10,
      labour: c.labour / 100,
      travel: c.travel / 100,
      parts: c.parts / 100,
      visit: c.visit / 100,
      total: c.total / 100,
    }));
  return { technicianId, from, to, lines: mine.map(({ cents: _c, ...l }) => l), totals };
}
