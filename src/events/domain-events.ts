import type { Alarm, AlarmChange } from '../alarms/alarm.js';
import type {
  DispatchAssignment,
  DispatchPlanChange,
  DispatchProposalSet,
  DispatchUnassignable,
} from '../dispatch/dispatch-events.js';
import type { FeedbackReceived, FeedbackRequested, LoyaltyRiskChanged } from '../feedback/feedback-events.js';
import type { DeadLetter, EventRecord, StatusUpdate } from '../ports/records.js';
import type { Technician, TechnicianChange } from '../technicians/technician.js';
import type { Signal, SignalChange } from '../signals/signal.js';
import type { WorkOrder, WorkOrderChange } from '../work-orders/work-order.js';

/** What one durable write batch brought for one device. */
export interface StoredTelemetry {
  deviceId: string;
  /** Earliest and latest device time of the points, ms since the epoch. */
  from: number;
  to: number;
  points: number;
}

/** A component's failure risk as the prediction scoring job saw it (see docs/predictions.md). */
export interface PredictionAlert {
  deviceId: string;
  component: string;
  /** Scoring time, ms since the epoch. */
  ts: number;
  /** The alert horizon in days, and the probability of failure within it. */
  horizonDays: number;
  probability: number;
  /** The threshold crossed (raised) or fallen below (cleared). */
  threshold: number;
  /** Expected remaining life; null when it cannot be told. */
  remainingDays: number | null;
  remainingUsage: number | null;
  /** Why, in words a service planner reads: "4 minor J-101 codes in 48 h", … */
  evidence: string[];
  /** The trained model that scored it. */
  modelVersion: string;
  /**
   * Raised: when this alert was first raised. Equal to `ts` for a new alert, earlier for
   * a renewal (the risk has stayed at or above the threshold for a horizon since it was
   * last raised: the claim of a failure within the horizon is made again). Absent when
   * the publisher does not tell (cleared alerts, the closed-loop bench's oracle).
   */
  raisedSince?: number;
}

/** An SLA warning or breach of a work order (see docs/work-orders.md). */
export interface WorkOrderSlaEvent {
  order: WorkOrder;
  target: 'response' | 'resolution';
  dueAt: number;
  /** When the SLA timer raised it. */
  at: number;
}

/** One webhook delivery's outcome (see docs/webhooks.md). */
export interface WebhookDeliveryEvent {
  deliveryId: string;
  subscriptionId: string;
  event: string;
  attempts: number;
  /** HTTP status of the attempt; null when no answer came. */
  status: number | null;
  error?: string;
  /** Failed: when it is tried again; null when given up. */
  nextAttemptAt?: number | null;
}

/** A technician's certification nearing or reaching its expiry (docs/field-force.md). */
export interface TechnicianCertificationEvent {
  technicianId: string;
  code: string;
  expiresAt: number;
  /** Whole days left; 0 once expired. */
  daysLeft: number;
  /** When the certification job saw it. */
  at: number;
}

/** How a job run ended. */
export type JobOutcome = 'ok' | 'failed';

/**
 * Every domain event: its name and payload. Publishers state facts once they are
 * durable; features react through `@OnDomainEvent` listeners. A feature adds its
 * own events here, named `<feature or record>.<past participle>`.
 */
export interface DomainEvents {
  /** A birth or last will was received: the device says it is online or offline. */
  'device.status-changed': StatusUpdate;
  /** Devices heard from and the receive time of their latest message; batched, about once a second. */
  'devices.heard': { lastHeard: ReadonlyMap<string, number> };
  /** Live telemetry made durable (store or spool), per device, one write batch at a time. */
  'telemetry.stored': { devices: readonly StoredTelemetry[] };
  /** Live device events made durable: faults, visits, parts, PM, connection changes. */
  'events.stored': { events: readonly EventRecord[] };
  /** Past data imported from an export: per device, the time range imported. */
  'history.imported': {
    devices: ReadonlyMap<string, { from: number; to: number }>;
    events: number;
    points: number;
  };
  /** Input refused (MQTT payloads, publishes the broker refused, lines the store refused). */
  'input.rejected': { records: readonly DeadLetter[] };
  /** A component's risk crossed its alert threshold: work orders open or raise a proactive order. */
  'prediction.alert-raised': PredictionAlert;
  /** A component's risk fell back below its threshold (or the part was replaced). */
  'prediction.alert-cleared': PredictionAlert;
  /** An alarm was opened (docs/alarms.md). */
  'alarm.raised': { alarm: Alarm; change: AlarmChange };
  /** An alarm changed: escalated, acknowledged, assigned, commented, linked to an order, cleared. */
  'alarm.changed': { alarm: Alarm; change: AlarmChange };
  /**
   * Broker credentials stopped being valid: disabled, deleted, given a new secret or new rights.
   * `identity` names the broker identity (`device:dev-1`, `gateway:gw-site-1`,
   * `provisioning:pk-0a1b2c3d`); its live sessions must end at once.
   */
  'mqtt-credentials.revoked': { identity: string; reason: 'disabled' | 'deleted' | 'rotated' | 'changed' };
  /** A device obtained its credentials (with a provisioning key, or from an admin). */
  'device.provisioned': {
    deviceId: string;
    modelId: string | null;
    customerId: string | null;
    issuedBy: string;
  };
  /** A work order was opened (by a prediction, a fault, a plan, or by hand); `change` is its first history entry. */
  'work-order.created': { order: WorkOrder; change: WorkOrderChange };
  /**
   * A work order changed in a way worth telling: a transition (with from, to, actor and
   * note), new evidence, a raised priority, an assignment, a note, a device confirmation.
   */
  'work-order.changed': { order: WorkOrder; changes: WorkOrderChange[] };
  /** A response or resolution due time is near (WORK_ORDER_SLA_WARNING_SHARE of it has passed). */
  'work-order.sla-warning': WorkOrderSlaEvent;
  /** A response or resolution due time passed unmet. */
  'work-order.sla-breached': WorkOrderSlaEvent;
  /** A technician was taken on as a candidate. */
  'technician.created': { technician: Technician; change: TechnicianChange };
  /** A technician changed: profile, status (with from, to, actor and note), certification alerts, position. */
  'technician.changed': { technician: Technician; changes: TechnicianChange[] };
  /** A certification expires within TECHNICIAN_CERT_WARNING_DAYS (raised once per certificate and expiry). */
  'technician.certification-expiring': TechnicianCertificationEvent;
  /** A certification expired: work that needs it goes to others; with none left the technician is suspended. */
  'technician.certification-expired': TechnicianCertificationEvent;
  /** Dispatch assigned an order to a technician, with the explained score of the choice. */
  'dispatch.assigned': DispatchAssignment;
  /** Dispatch proposes the top three technicians for an order (auto-assign off). */
  'dispatch.proposed': DispatchProposalSet;
  /** No technician passes the hard rules for an order within the horizon; each says why. */
  'dispatch.unassignable': DispatchUnassignable;
  /** A technician's day plan changed (an order joined, an urgent one bumped work, a visit was released). */
  'dispatch.plan-changed': DispatchPlanChange;
  /** A completed visit's feedback request was issued: `link` carries the single-use token. */
  'feedback.requested': FeedbackRequested;
  /** A customer rated a visit. */
  'feedback.received': FeedbackReceived;
  /** A customer's loyalty risk changed band, or moved by 0.1 or more (see FeedbackService.loyaltyRisk). */
  'feedback.loyalty-risk-changed': LoyaltyRiskChanged;
  /** A webhook receiver took a delivery (2xx). */
  'webhook.delivered': WebhookDeliveryEvent;
  /** A webhook attempt failed; it is retried at `nextAttemptAt`, or given up when that is null. */
  'webhook.attempt-failed': WebhookDeliveryEvent;
  /** An upsell signal was raised: by a rule's finding, or by a customer's request (docs/signals.md). */
  'signal.raised': { signal: Signal };
  /** A signal gained evidence (another device or rule, another request) or changed status. */
  'signal.changed': { signal: Signal; changes: SignalChange[] };
  /** A scheduled job's run ended on this replica. */
  'job.finished': {
    job: string;
    outcome: JobOutcome;
    startedAt: number;
    durationMs: number;
    /** What the run returned (a summary), or the error message. */
    result?: unknown;
    error?: string;
  };
}

export type DomainEventName = keyof DomainEvents;
