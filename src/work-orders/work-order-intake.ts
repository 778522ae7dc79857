import type { PredictionAlert } from '../events/domain-events.js';
import type { EventRecord } from '../ports/records.js';
import type { FaultTableEntry } from './diagnosis/symptoms.js';
import { priorityFor, type Target, type Urgency } from './service-level.js';
import {
  dedupeKey,
  higherPriority,
  orderIdOfVisit,
  priorityRank,
  type Coverage,
  type Evidence,
  type Priority,
  type WorkOrder,
  type WorkOrderKind,
} from './work-order.js';

/** Something that may open an order or feed one. */
export type Trigger =
  | { type: 'prediction'; alert: PredictionAlert }
  /**
   * A machine-down or major fault from live ingest; `component` from the event or the
   * fault table. A run of the same code is one trigger: its first event, how many, the last time.
   */
  | { type: 'fault'; event: EventRecord; component: string | null; count?: number; lastAt?: number }
  /** A minor fault: evidence for an open order of its part, never an order by itself. */
  | { type: 'symptom'; event: EventRecord; component: string | null; count?: number; lastAt?: number }
  | { type: 'plan-due'; planId: string; planName: string; dueAt: number; reason: string; at: number }
  | {
      type: 'request';
      kind: 'customer-request' | 'installation';
      at: number;
      words: string;
      /** The part the request is about: given, or the diagnosis' confident top cause. */
      component: string | null;
      requestedBy: string;
    }
  | { type: 'part-replaced'; event: EventRecord }
  | { type: 'pm-done'; event: EventRecord };

export type IntakeDecision =
  | {
      action: 'open';
      kind: WorkOrderKind;
      component: string | null;
      title: string;
      priority: Priority;
      urgency: Urgency;
      target: Target;
      evidence: Evidence;
      at: number;
      planId: string | null;
    }
  | {
      action: 'append';
      orderId: string;
      evidence: Evidence;
      /** Set when the trigger makes the order more urgent. */
      raiseTo: Priority | null;
      note: string | null;
    }
  /** The device did what the order told it: one of its commands is confirmed. */
  | { action: 'confirm'; orderId: string; command: string; note: string; at: number }
  /** The device reports the work done by another visit. */
  | { action: 'close'; orderId: string; note: string; at: number }
  | { action: 'cancel'; orderId: string; note: string; at: number }
  | { action: 'ignore'; reason: string };

export interface IntakeContext {
  coverage: Coverage;
  faultTable: readonly FaultTableEntry[];
}

/** The key of a command, as confirmations name it. */
export function commandKey(c: { action: string; component?: string }): string {
  return c.action === 'replace-part' ? `replace-part:${c.component ?? ''}` : c.action;
}

const fmtDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * What one trigger does to a device's open orders. Pure: `open` are the device's
 * open orders (at most one per component, see `dedupeKey`). One open order per
 * device and component: a repeat appends evidence (and raises the priority when
 * more urgent), never a second order.
 */
export function decideIntake(
  trigger: Trigger,
  open: readonly WorkOrder[],
  ctx: IntakeContext,
): IntakeDecision {
  const byKey = (key: string): WorkOrder | undefined => open.find((o) => dedupeKey(o) === key);
  const raise = (o: WorkOrder, p: Priority): Priority | null =>
    priorityRank(p) < priorityRank(o.priority) ? p : null;
  const table = new Map(ctx.faultTable.map((t) => [t.code, t]));

  switch (trigger.type) {
    case 'prediction': {
      const a = trigger.alert;
      const urgency: Urgency = { probability: a.probability, remainingDays: a.remainingDays };
      const priority = priorityFor('proactive', urgency, ctx.coverage);
      const evidence: Evidence = {
        kind: 'prediction',
        key: a.component,
        detail:
          `p ${a.probability.toFixed(2)} of failure within ${a.horizonDays} d` +
          (a.remainingDays !== null ? `, about ${Math.round(a.remainingDays)} d left` : '') +
          (a.evidence.length ? `: ${a.evidence.join('; ')}` : ''),
        firstAt: a.ts,
        lastAt: a.ts,
        count: 1,
        data: {
          probability: a.probability,
          threshold: a.threshold,
          horizonDays: a.horizonDays,
          remainingDays: a.remainingDays,
          remainingUsage: a.remainingUsage,
          modelVersion: a.modelVersion,
        },
      };
      const o = byKey(a.component);
      if (o) return { action: 'append', orderId: o.id, evidence, raiseTo: raise(o, priority), note: null };
      return {
        action: 'open',
        kind: 'proactive',
        component: a.component,
        title: `${a.component}: failure predicted (p ${a.probability.toFixed(2)} within ${a.horizonDays} d)`,
        priority,
        urgency,
        target: { remainingDays: a.remainingDays, horizonDays: a.horizonDays },
        evidence,
        at: a.ts,
        planId: null,
      };
    }

    case 'fault':
    case 'symptom': {
      const e = trigger.event;
      const code = e.code ?? 'unknown';
      const text = table.get(code)?.symptom;
      const evidence: Evidence = {
        kind: trigger.type === 'fault' ? 'fault' : 'symptom',
        key: code,
        detail: `${code}${text ? ` ${text}` : ''} (${e.severity ?? 'unknown severity'})`,
        firstAt: e.ts,
        lastAt: Math.max(e.ts, trigger.lastAt ?? e.ts),
        count: trigger.count ?? 1,
        data: { severity: e.severity ?? null },
      };
      const key = trigger.component ?? '#device';
      const o = byKey(key);
      if (trigger.type === 'symptom') {
        if (!o) return { action: 'ignore', reason: `minor ${code}: no open order for ${key}` };
        return { action: 'append', orderId: o.id, evidence, raiseTo: null, note: null };
      }
      const urgency: Urgency = { severity: e.severity };
      const priority = priorityFor('corrective', urgency, ctx.coverage);
      if (o) {
        const joins = o.kind === 'proactive' && !o.evidence.some((x) => x.kind === 'fault');
        return {
          action: 'append',
          orderId: o.id,
          evidence,
          raiseTo: raise(o, priority),
          note: joins ? `${code} arrived while the proactive order was open: it joins the order` : null,
        };
      }
      return {
        action: 'open',
        kind: 'corrective',
        component: trigger.component,
        title: `${trigger.component ?? 'device'}: ${code}${text ? ` ${text}` : ''}`,
        priority,
        urgency,
        target: {},
        evidence,
        at: e.ts,
        planId: null,
      };
    }

    case 'plan-due': {
      const carrying = open.find((o) => o.planId === trigger.planId);
      if (carrying) return { action: 'ignore', reason: `plan ${trigger.planId} is in order ${carrying.id}` };
      const o = byKey('#preventive');
      if (o) return { action: 'ignore', reason: `preventive order ${o.id} is open` };
      return {
        action: 'open',
        kind: 'preventive',
        component: null,
        title: `${trigger.planName} due ${fmtDay(trigger.dueAt)} (${trigger.reason})`,
        priority: priorityFor('preventive', {}, ctx.coverage),
        urgency: {},
        target: { dueAt: trigger.dueAt },
        evidence: {
          kind: 'plan',
          key: trigger.planId,
          detail: `${trigger.planName}: due ${fmtDay(trigger.dueAt)} by ${trigger.reason}`,
          firstAt: trigger.at,
          lastAt: trigger.at,
          count: 1,
          data: { dueAt: trigger.dueAt, reason: trigger.reason },
        },
        at: trigger.at,
        planId: trigger.planId,
      };
    }

    case 'request': {
      const evidence: Evidence = {
        kind: 'customer',
        key: trigger.requestedBy,
        detail: trigger.words,
        firstAt: trigger.at,
        lastAt: trigger.at,
        count: 1,
      };
      const priority = priorityFor(trigger.kind, {}, ctx.coverage);
      const key = trigger.component ?? (trigger.kind === 'installation' ? '#installation' : '#device');
      const o = byKey(key);
      if (o)
        return {
          action: 'append',
          orderId: o.id,
          evidence,
          raiseTo: raise(o, priority),
          note: `the customer's request joins the open order for ${key}`,
        };
      return {
        action: 'open',
        kind: trigger.kind,
        component: trigger.component,
        title: `${trigger.kind === 'installation' ? 'installation' : 'customer'}: ${trigger.words.slice(0, 120)}`,
        priority,
        urgency: {},
        target: {},
        evidence,
        at: trigger.at,
        planId: null,
      };
    }

    case 'part-replaced':
    case 'pm-done': {
      const e = trigger.event;
      const isPm = trigger.type === 'pm-done';
      const what = isPm ? 'PM done' : `${e.component} replaced`;
      const visit = e.visitId ? ` in visit ${e.visitId}` : '';
      const ours = orderIdOfVisit(e.visitId);
      if (ours) {
        const o = open.find((x) => x.id === ours);
        if (!o) return { action: 'ignore', reason: `order ${ours} is not open` };
        const command = isPm ? 'pm-visit' : `replace-part:${e.component}`;
        return {
          action: 'confirm',
          orderId: o.id,
          command,
          note: `device reports ${what}${visit}`,
          at: e.ts,
        };
      }
      const o = byKey(isPm ? '#preventive' : (e.component ?? ''));
      if (!o) return { action: 'ignore', reason: `${what}${visit}: no open order for it` };
      if (o.kind === 'proactive')
        return { action: 'cancel', orderId: o.id, note: `part replaced anyway: ${what}${visit}`, at: e.ts };
      return {
        action: 'close',
        orderId: o.id,
        note: `device reports the work done: ${what}${visit}`,
        at: e.ts,
      };
    }
  }
}

/** Most evidence entries kept on an order; the oldest (after the first) go. */
export const MAX_EVIDENCE = 100;

/**
 * Adds evidence to an order's list. The same thing again (kind and key) adds to
 * its count instead of a new line; it is material (worth a change event) only when
 * new, or back after `debounceMs` of quiet: a flapping fault is one line and one
 * notification, however many times it fires. Pure.
 */
export function mergeEvidence(
  list: readonly Evidence[],
  e: Evidence,
  debounceMs: number,
): { evidence: Evidence[]; material: boolean } {
  const i = list.findIndex((x) => x.kind === e.kind && x.key === e.key);
  if (i < 0) {
    const evidence = [...list, e];
    if (evidence.length > MAX_EVIDENCE) evidence.splice(1, evidence.length - MAX_EVIDENCE);
    return { evidence, material: true };
  }
  const had = list[i];
  const merged: Evidence = {
    ...had,
    detail: e.lastAt >= had.lastAt ? e.detail : had.detail,
    data: e.lastAt >= had.lastAt ? (e.data ?? had.data) : had.data,
    firstAt: Math.min(had.firstAt, e.firstAt),
    lastAt: Math.max(had.lastAt, e.lastAt),
    count: had.count + e.count,
  };
  const evidence = [...list];
  evidence[i] = merged;
  return { evidence, material: e.firstAt - had.lastAt > debounceMs };
}

/** The higher of a priority and a raise. */
export const raisedPriority = (p: Priority, raise: Priority | null): Priority =>
  raise ? higherPriority(p, raise) : p;
