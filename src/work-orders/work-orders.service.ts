import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import type { Page } from '../common/http/paged-response.js';
import { encodeCursor, parseTime } from '../common/http/query-params.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DomainEventBus } from '../events/domain-event-bus.js';
import type { PredictionAlert } from '../events/domain-events.js';
import { DEVICE_COMMANDS, type DeviceCommandSender } from '../ports/device-commands.port.js';
import { RECORDS_DATABASE, type RecordsDatabase } from '../ports/records-database.port.js';
import { WebhookOutbox } from '../webhooks/webhook-outbox.js';
import { DiagnosisService } from './diagnosis/diagnosis.service.js';
import type { Diagnosis } from './diagnosis/diagnosis.js';
import type { Symptom } from './diagnosis/symptoms.js';
import { entitlementOf, recordSlaAlerts, serviceLevelFor, slaAlerts } from './service-level.js';
import type { CreateWorkOrderBody, NoteBody, TransitionBody, VisitReportBody } from './work-order.dto.js';
import { WorkOrderContext, type DeviceContext } from './work-order-context.js';
import {
  commandKey,
  decideIntake,
  mergeEvidence,
  raisedPriority,
  type IntakeDecision,
  type Trigger,
} from './work-order-intake.js';
import { transition, type TransitionRequest } from './work-order-lifecycle.js';
import {
  csvRow,
  parseListQuery,
  type WorkOrderCsvRow,
  type WorkOrderListParams,
} from './work-order-query.js';
import { WORK_ORDER_REPOSITORY, type WorkOrderRepository } from './work-order.repository.js';
import { isOpen, type VisitReport, type WorkOrder, type WorkOrderChange } from './work-order.js';
import { WorkOrdersMetrics } from './work-orders.metrics.js';

/** A change to apply to an order: the new order and the history to keep (empty: a silent update). */
interface Mutation {
  order: WorkOrder;
  changes: WorkOrderChange[];
}

const MAX_RETRIES = 5;
/** A customer's words name the part when the diagnosis is at least this sure. */
const WORDS_CONFIDENCE = 0.5;

export interface WorkOrderDetail extends WorkOrder {
  history: WorkOrderChange[];
}

/**
 * Work orders: opened and fed by triggers (predictions, faults, plans, requests),
 * moved through their lifecycle by people and integrations, closed by the device's
 * own report. Every change is kept; the worthwhile ones are published on the bus
 * and written to the webhook outbox in the same transaction as the order.
 */
@Injectable()
export class WorkOrdersService {
  private readonly logger = new Logger(WorkOrdersService.name);

  constructor(
    @Inject(WORK_ORDER_REPOSITORY) private readonly repo: WorkOrderRepository,
    @Inject(RECORDS_DATABASE) private readonly db: RecordsDatabase,
    @Inject(DEVICE_COMMANDS) private readonly commands: DeviceCommandSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly context: WorkOrderContext,
    private readonly diagnosis: DiagnosisService,
    private readonly webhooks: WebhookOutbox,
    private readonly bus: DomainEventBus,
    private readonly metrics: WorkOrdersMetrics,
  ) {}

  // ---- intake ----------------------------------------------------------------

  /**
   * Applies one trigger to the device's orders: opens one, feeds one, confirms,
   * closes or cancels one. Returns the order touched, or null when ignored.
   */
  async intake(
    deviceId: string,
    trigger: Trigger,
    actor: string,
    ctx?: DeviceContext,
  ): Promise<WorkOrder | null> {
    const device = ctx ?? (await this.context.of(deviceId));
    for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
      const open = await this.repo.openForDevice(deviceId);
      const at = triggerTime(trigger);
      const decision = decideIntake(trigger, open, {
        coverage: entitlementOf(device.device, at).coverage,
        faultTable: device.faultTable,
      });
      this.metrics.intake.inc({ trigger: trigger.type, action: decision.action });
      const result = await this.apply(decision, device, actor);
      // another replica opened the same order meanwhile: decide again against it
      if (result !== 'retry') return result;
    }
    throw new DomainError(ErrorCode.Conflict, `work orders of ${deviceId} keep changing; try again`);
  }

  private async apply(
    d: IntakeDecision,
    device: DeviceContext,
    actor: string,
  ): Promise<WorkOrder | null | 'retry'> {
    switch (d.action) {
      case 'ignore':
        return null;
      case 'open':
        return (await this.open(d, device, actor)) ?? 'retry';
      case 'append':
        return this.mutate(d.orderId, actor, async (o) => {
          const merged = mergeEvidence(o.evidence, d.evidence, this.config.workOrders.faultDebounceMs);
          const at = d.evidence.lastAt;
          const order: WorkOrder = { ...o, evidence: merged.evidence, updatedAt: Math.max(o.updatedAt, at) };
          const changes: WorkOrderChange[] = [];
          if (merged.material)
            changes.push({
              at,
              actor,
              type: 'evidence',
              note: `${d.evidence.kind}: ${d.evidence.detail}`,
              data: { key: d.evidence.key },
            });
          const priority = raisedPriority(o.priority, d.raiseTo);
          if (priority !== o.priority) {
            order.priority = priority;
            changes.push({
              at,
              actor,
              type: 'priority',
              note: `${o.priority} → ${priority}`,
              data: { from: o.priority, to: priority },
            });
          }
          if (d.note) changes.push({ at, actor, type: 'note', note: d.note });
          if (merged.material) {
            const diagnosis = await this.diagnose(order, device, at);
            if (diagnosis.causes[0]?.cause !== o.diagnosis?.causes[0]?.cause)
              changes.push({
                at,
                actor,
                type: 'diagnosis',
                note: `${diagnosis.causes[0]?.cause ?? 'unknown'} (${Math.round(diagnosis.confidence * 100)} %): ${diagnosis.action}`,
              });
            order.diagnosis = diagnosis;
          }
          return { order, changes };
        });
      case 'confirm':
        return this.mutate(d.orderId, `device:${device.deviceId}`, (o) => {
          const at = d.at;
          let matched = false;
          const commands = o.commands.map((c) => {
            if (matched || c.confirmedAt !== null || commandKey(c.command) !== d.command) return c;
            matched = true;
            return { ...c, confirmedAt: at };
          });
          const order: WorkOrder = { ...o, commands };
          const changes: WorkOrderChange[] = [
            { at, actor: `device:${o.deviceId}`, type: 'device-confirmed', note: d.note },
          ];
          if (o.status === 'completed' && commands.length && commands.every((c) => c.confirmedAt !== null)) {
            const closed = transition(order, {
              to: 'closed',
              actor: `device:${o.deviceId}`,
              at,
              note: `the device confirmed the work: ${d.note}`,
            });
            if (!closed.ok) throw new DomainError(ErrorCode.Conflict, closed.reason);
            return { order: closed.order, changes: [...changes, ...closed.changes] };
          }
          return { order, changes };
        });
      case 'close':
      case 'cancel':
        return this.mutate(d.orderId, `device:${device.deviceId}`, (o) => {
          const r = transition(o, {
            to: d.action === 'close' ? 'closed' : 'cancelled',
            actor: `device:${o.deviceId}`,
            at: d.at,
            note: d.note,
            deviceReport: d.action === 'close',
          });
          if (!r.ok) throw new DomainError(ErrorCode.Conflict, r.reason);
          return { order: r.order, changes: r.changes };
        });
    }
  }

  /** Opens an order; null when an open one for the same device and part appeared meanwhile. */
  private async open(
    d: Extract<IntakeDecision, { action: 'open' }>,
    device: DeviceContext,
    actor: string,
  ): Promise<WorkOrder | null> {
    const entitlement = entitlementOf(device.device, d.at);
    const order: WorkOrder = {
      id: await this.repo.nextId(),
      deviceId: device.deviceId,
      component: d.component,
      kind: d.kind,
      status: 'new',
      priority: d.priority,
      title: d.title,
      customerId: device.site?.customerId ?? null,
      siteId: device.device?.siteId ?? null,
      modelId: device.device?.modelId ?? null,
      entitlement,
      sla: serviceLevelFor(d.kind, entitlement.coverage, d.at, this.config.workOrders.sla, d.target),
      evidence: [d.evidence],
      diagnosis: null,
      assignee: null,
      scheduledStart: null,
      scheduledEnd: null,
      planId: d.planId,
      dueAt: d.target.dueAt ?? null,
      billing: null,
      commands: [],
      createdAt: d.at,
      updatedAt: d.at,
      closedAt: null,
      outcome: null,
      version: 1,
    };
    order.diagnosis = await this.diagnose(order, device, d.at);
    const change: WorkOrderChange = {
      at: d.at,
      actor,
      type: 'created',
      to: 'new',
      note: d.title,
      data: { kind: d.kind, priority: d.priority, trigger: d.evidence.kind, coverage: entitlement.coverage },
    };
    const inserted = await this.db.transaction(async () => {
      if (!(await this.repo.insert(order, [change]))) return false;
      await this.webhooks.enqueue('work-order.created', { order, change }, d.at);
      return true;
    });
    if (!inserted) return null;
    this.metrics.opened.inc({ kind: order.kind });
    this.bus.publish('work-order.created', { order, change });
    this.webhooks.kick();
    return order;
  }

  /**
   * Reads, changes, writes an order under optimistic locking (retried when another
   * writer got there first); the history, bus event and webhook go with the write.
   */
  private async mutate(
    id: string,
    actor: string,
    change: (o: WorkOrder) => Mutation | null | Promise<Mutation | null>,
  ): Promise<WorkOrder> {
    for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
      const current = await this.repo.get(id);
      if (!current) throw new DomainError(ErrorCode.NotFound, `no work order ${id}`);
      const m = await change(current);
      if (!m) return current;
      const order: WorkOrder = { ...m.order, version: current.version + 1 };
      const written = await this.db.transaction(async () => {
        if (!(await this.repo.update(order, current.version, m.changes))) return false;
        if (m.changes.length)
          await this.webhooks.enqueue('work-order.changed', { order, changes: m.changes }, order.updatedAt);
        return true;
      });
      if (!written) continue;
      if (m.changes.length) {
        for (const c of m.changes)
          if (c.type === 'transition' && c.to) this.metrics.transitions.inc({ to: c.to });
        this.bus.publish('work-order.changed', { order, changes: m.changes });
        this.webhooks.kick();
      }
      if (order.status === 'completed' && current.status !== 'completed')
        await this.afterCompletion(order, actor);
      return order;
    }
    throw new DomainError(ErrorCode.Conflict, `work order ${id} keeps changing; try again`);
  }

  private async diagnose(order: WorkOrder, device: DeviceContext, at: number): Promise<Diagnosis> {
    const extra: Symptom[] = [];
    for (const e of order.evidence) {
      if (e.kind === 'customer') extra.push({ kind: 'words', text: e.detail });
      else if (e.kind === 'prediction')
        extra.push({ kind: 'prediction', component: e.key, probability: Number(e.data?.probability ?? 0.5) });
      else if (e.kind === 'fault' || e.kind === 'symptom')
        extra.push({ kind: 'fault', code: e.key, count: e.count, lastAt: e.lastAt });
    }
    return this.diagnosis.diagnose({
      deviceId: order.deviceId,
      model: device.model,
      faultTable: device.faultTable,
      extra,
      at,
    });
  }

  // ---- what people and integrations do -----------------------------------------

  /** A customer's request or an installation, by hand or API. */
  async request(req: CreateWorkOrderBody, at: number): Promise<WorkOrder> {
    const device = await this.context.of(req.deviceId);
    if (!device.device) throw new DomainError(ErrorCode.NotFound, `device ${req.deviceId} is not registered`);
    let component = req.component ?? null;
    if (component && device.model && !device.model.components.some((c) => c.name === component))
      throw new DomainError(
        ErrorCode.InvalidArgument,
        `model ${device.model.modelId} has no part ${component}`,
      );
    if (!component && req.kind === 'customer-request') {
      // the words may name the part (black marks → transfer roller): then the request joins its order
      const d = await this.diagnosis.diagnose({
        deviceId: req.deviceId,
        model: device.model,
        faultTable: device.faultTable,
        extra: [{ kind: 'words', text: req.description }],
        at,
      });
      const top = d.causes[0];
      if (top && top.cause !== 'operator' && d.confidence >= WORDS_CONFIDENCE) component = top.cause;
    }
    const order = await this.intake(
      req.deviceId,
      {
        type: 'request',
        kind: req.kind,
        at,
        words: req.description,
        component,
        requestedBy: req.requestedBy,
      },
      req.requestedBy,
      device,
    );
    if (!order) throw new DomainError(ErrorCode.Conflict, 'the request was not taken');
    return order;
  }

  /** A lifecycle move: 409 with the reason when it is not allowed. */
  async transition(id: string, b: TransitionBody, at: number): Promise<WorkOrder> {
    const current = await this.repo.get(id);
    if (!current) throw new DomainError(ErrorCode.NotFound, `no work order ${id}`);
    const visit = b.visit ? await this.visitReport(current, b.visit) : undefined;
    const req: TransitionRequest = {
      to: b.to,
      actor: b.actor,
      at,
      note: b.note,
      assignee: b.assignee,
      scheduledStart:
        b.scheduledStart === undefined
          ? undefined
          : parseTime('scheduledStart', String(b.scheduledStart), at),
      scheduledEnd:
        b.scheduledEnd === undefined ? undefined : parseTime('scheduledEnd', String(b.scheduledEnd), at),
      visit,
    };
    return this.applyTransition(id, req);
  }

  /** The same for in-process callers (dispatch, the simulated field force). */
  applyTransition(id: string, req: TransitionRequest): Promise<WorkOrder> {
    return this.mutate(id, req.actor, (o) => {
      const r = transition(o, req);
      if (!r.ok) throw new DomainError(ErrorCode.Conflict, r.reason, { status: o.status });
      return { order: r.order, changes: r.changes };
    });
  }

  addNote(id: string, b: NoteBody, at: number): Promise<WorkOrder> {
    return this.mutate(id, b.actor, (o) => ({
      order: { ...o, updatedAt: Math.max(o.updatedAt, at) },
      changes: [{ at, actor: b.actor, type: 'note', note: b.note }],
    }));
  }

  private async visitReport(order: WorkOrder, v: VisitReportBody): Promise<VisitReport> {
    const parts = (v.parts ?? []).map((p) => ({ component: p.component, quantity: p.quantity ?? 1 }));
    const model = (await this.context.of(order.deviceId)).model;
    for (const p of parts)
      if (model && !model.components.some((c) => c.name === p.component))
        throw new DomainError(ErrorCode.InvalidArgument, `model ${model.modelId} has no part ${p.component}`);
    return {
      parts,
      pmDone: v.pmDone ?? false,
      labourMinutes: v.labourMinutes,
      travelMinutes: v.travelMinutes ?? 0,
      travelKm: v.travelKm ?? 0,
      technician: v.technician ?? null,
      ...(v.note ? { note: v.note } : {}),
    };
  }

  /**
   * Back to the device: the maintenance commands of the visit go out; with nothing
   * for the device to confirm, the order closes at once.
   */
  private async afterCompletion(order: WorkOrder, actor: string): Promise<void> {
    if (!order.commands.length) {
      await this.mutate(order.id, actor, (o) => {
        if (o.status !== 'completed') return null;
        const r = transition(o, {
          to: 'closed',
          actor: 'system:work-orders',
          at: o.updatedAt,
          note: 'nothing for the device to confirm',
        });
        return r.ok ? { order: r.order, changes: r.changes } : null;
      });
      return;
    }
    await this.sendCommands(order.id);
  }

  /** Sends the order's commands not yet sent; a failure leaves them for the SLA job to retry. */
  async sendCommands(id: string): Promise<number> {
    const order = await this.repo.get(id);
    if (!order) return 0;
    let sent = 0;
    for (const c of order.commands) {
      if (c.sentAt !== null) continue;
      try {
        await this.commands.send(order.deviceId, c.command);
        sent++;
        await this.mutate(id, 'system:work-orders', (o) => ({
          order: {
            ...o,
            commands: o.commands.map((x) =>
              commandKey(x.command) === commandKey(c.command) && x.sentAt === null
                ? { ...x, sentAt: Date.now() }
                : x,
            ),
          },
          changes: [
            {
              at: Date.now(),
              actor: 'system:work-orders',
              type: 'command-sent',
              note: JSON.stringify(c.command),
            },
          ],
        }));
      } catch (err) {
        this.logger.warn(
          { err: (err as Error).message, orderId: id, deviceId: order.deviceId },
          'maintenance command not sent; retried later',
        );
      }
    }
    return sent;
  }

  // ---- reading ----------------------------------------------------------------

  async get(id: string): Promise<WorkOrderDetail> {
    const order = await this.repo.get(id);
    if (!order) throw new DomainError(ErrorCode.NotFound, `no work order ${id}`);
    return { ...order, history: await this.repo.history(id) };
  }

  /** A page of orders, newest first, from the API's query parameters. */
  async list(params: WorkOrderListParams): Promise<Page<WorkOrder>> {
    const q = parseListQuery(params, this.config.apiMaxPoints);
    const rows = await this.repo.list({ ...q, limit: q.limit + 1 });
    const data = rows.slice(0, q.limit);
    const last = data[data.length - 1];
    return {
      data,
      nextCursor:
        rows.length > q.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
    };
  }

  /** The same page as CSV rows (the list's filters; `format=csv`). */
  async csv(params: WorkOrderListParams): Promise<Page<WorkOrderCsvRow>> {
    const page = await this.list(params);
    return { data: page.data.map(csvRow), nextCursor: page.nextCursor };
  }

  /** The open proactive order of a device and part, for the plans' pull-forward. */
  async openFor(deviceId: string, component: string): Promise<WorkOrder | null> {
    return (await this.repo.openForDevice(deviceId)).find((o) => o.component === component) ?? null;
  }

  /** A plan pulled forward into an open order: its visit does the PM too. */
  async attachPlan(id: string, planId: string, note: string, at: number): Promise<WorkOrder> {
    return this.mutate(id, 'system:maintenance-plans', (o) =>
      o.planId === planId || !isOpen(o.status)
        ? null
        : {
            order: { ...o, planId },
            changes: [{ at, actor: 'system:maintenance-plans', type: 'note', note, data: { planId } }],
          },
    );
  }

  /** A prediction that fell back below its threshold: noted on the open order, which stays for a planner to judge. */
  async alertCleared(alert: PredictionAlert): Promise<void> {
    const o = await this.openFor(alert.deviceId, alert.component);
    if (!o || o.kind !== 'proactive') return;
    await this.mutate(o.id, 'system:predictions', (x) => ({
      order: x,
      changes: [
        {
          at: alert.ts,
          actor: 'system:predictions',
          type: 'note',
          note: `prediction cleared: p ${alert.probability.toFixed(2)} is below ${alert.threshold}`,
        },
      ],
    }));
  }

  // ---- timers -----------------------------------------------------------------

  /**
   * The SLA timers at `now`: a warning before each breach and an event at it, once
   * each; and commands that could not be sent are sent again.
   */
  async slaTick(now: number): Promise<{ warnings: number; breaches: number; resent: number }> {
    const out = { warnings: 0, breaches: 0, resent: 0 };
    let after: string | null = null;
    for (;;) {
      const page = await this.repo.scanOpen(after, 500);
      if (!page.length) break;
      after = page[page.length - 1].id;
      for (const o of page) {
        if (o.commands.some((c) => c.sentAt === null) && o.status === 'completed')
          out.resent += await this.sendCommands(o.id);
        const alerts = slaAlerts(o, now, this.config.workOrders.sla.warningShare);
        if (!alerts.length) continue;
        const updated = await this.mutate(o.id, 'system:sla', (x) => {
          const fresh = slaAlerts(x, now, this.config.workOrders.sla.warningShare);
          if (!fresh.length) return null;
          return {
            order: { ...x, sla: recordSlaAlerts(x.sla, fresh, now) },
            changes: fresh.map((a) => ({
              at: now,
              actor: 'system:sla',
              type: a.stage === 'breach' ? 'sla-breach' : 'sla-warning',
              note: `${a.target} due ${new Date(a.dueAt).toISOString()}`,
              data: { target: a.target, dueAt: a.dueAt },
            })),
          };
        });
        for (const a of alerts) {
          const event = a.stage === 'breach' ? 'work-order.sla-breached' : 'work-order.sla-warning';
          this.metrics.slaAlerts.inc({ target: a.target, stage: a.stage });
          if (a.stage === 'breach') out.breaches++;
          else out.warnings++;
          this.bus.publish(event, { order: updated, target: a.target, dueAt: a.dueAt, at: now });
        }
      }
    }
    return out;
  }
}

function triggerTime(t: Trigger): number {
  switch (t.type) {
    case 'prediction':
      return t.alert.ts;
    case 'fault':
    case 'symptom':
    case 'part-replaced':
    case 'pm-done':
      return t.event.ts;
    case 'plan-due':
    case 'request':
      return t.at;
  }
}
