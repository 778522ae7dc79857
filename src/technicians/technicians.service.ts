import { Inject, Injectable } from '@nestjs/common';
import { readCalendarTime } from '../common/calendar-time.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import type { Page } from '../common/http/paged-response.js';
import { checkLimit, decodeCursor, encodeCursor, parseTime } from '../common/http/query-params.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DomainEventBus } from '../events/domain-event-bus.js';
import type { DomainEventName, DomainEvents } from '../events/domain-events.js';
import { RECORDS_DATABASE, type RecordsDatabase } from '../ports/records-database.port.js';
import { WebhookOutbox } from '../webhooks/webhook-outbox.js';
import type { WorkOrder } from '../work-orders/work-order.js';
import {
  carryAlertMarks,
  certificationAlerts,
  noCertificationLeft,
  recordCertificationAlerts,
  requiredCertifications,
  type WorkFacts,
} from './certifications.js';
import { payStatement, type PayLine, type PayStatement } from './pay-statement.js';
import type {
  PositionBody,
  RequirementList,
  TechnicianBody,
  TechnicianListQuery,
  TechnicianTransitionBody,
} from './technician.dto.js';
import { transitionTechnician } from './technician-lifecycle.js';
import { TechniciansMetrics } from './technicians.metrics.js';
import {
  PAY_LINE_REPOSITORY,
  TECHNICIAN_REPOSITORY,
  type PayLineRepository,
  type TechnicianRepository,
} from './technician.repository.js';
import {
  TECHNICIAN_STATUSES,
  type CertificationRequirement,
  type Technician,
  type TechnicianChange,
  type TechnicianStatus,
} from './technician.js';
import { workingHoursProblem } from './working-hours.js';

const DAY = 86_400_000;
const MAX_RETRIES = 5;

export interface TechnicianDetail extends Technician {
  history: TechnicianChange[];
}

export interface CertificationTickResult {
  warnings: number;
  expiries: number;
  suspended: number;
}

const invalid = (message: string): DomainError => new DomainError(ErrorCode.InvalidArgument, message);

/**
 * A time from the API: epoch ms, RFC 3339, or a date; a date given as an end
 * (`endOfDay`) covers its whole day, so its instant is the next midnight UTC.
 */
export function timeInput(name: string, value: number | string, endOfDay = false): number {
  if (typeof value === 'number') return value;
  const t = readCalendarTime(value);
  if (!t.ok)
    throw invalid(
      `${name}: ${t.reason === 'format' ? `"${value}" is not a date or RFC 3339 time` : t.reason}`,
    );
  return value.length === 10 && endOfDay ? t.ms + DAY : t.ms;
}

/**
 * Technicians: found, verified, engaged, managed, paid. Records through the
 * repository, each change kept with its actor, published on the bus and written to
 * the webhook outbox in the same transaction (`technician.*`). The certification
 * job warns before expiries and suspends a technician with none left; completed
 * visits become pay lines at the rates of the day.
 */
@Injectable()
export class TechniciansService {
  constructor(
    @Inject(TECHNICIAN_REPOSITORY) private readonly repo: TechnicianRepository,
    @Inject(PAY_LINE_REPOSITORY) private readonly payLines: PayLineRepository,
    @Inject(RECORDS_DATABASE) private readonly db: RecordsDatabase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly webhooks: WebhookOutbox,
    private readonly bus: DomainEventBus,
    private readonly metrics: TechniciansMetrics,
  ) {}

  // ---- the record ----------------------------------------------------------

  /** A new technician, as a candidate. */
  async create(body: TechnicianBody, actor: string, at: number): Promise<Technician> {
    const t: Technician = {
      ...this.profile(body, null),
      status: 'candidate',
      position: null,
      identityCheckedAt: null,
      identityCheckedBy: null,
      statusReason: null,
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    const change: TechnicianChange = { at, actor, type: 'created', to: 'candidate', note: t.name };
    const inserted = await this.db.transaction(async () => {
      if (!(await this.repo.insert(t, change))) return false;
      await this.webhooks.enqueue('technician.created', { technician: t, change }, at);
      return true;
    });
    if (!inserted) throw new DomainError(ErrorCode.Conflict, `technician ${t.technicianId} exists already`);
    this.publish('technician.created', { technician: t, change });
    return t;
  }

  /** PUT: the whole profile again; status, identity check and position stay as they are. */
  replace(id: string, body: TechnicianBody, actor: string, at: number): Promise<Technician> {
    if (body.technicianId !== id)
      throw invalid(`technicianId in the body (${body.technicianId}) differs from the path (${id})`);
    return this.mutate(id, (t) => {
      const profile = this.profile(body, t);
      return {
        technician: { ...t, ...profile, updatedAt: Math.max(t.updatedAt, at) },
        changes: [{ at, actor, type: 'profile', note: 'profile updated' }],
      };
    });
  }

  transition(id: string, b: TechnicianTransitionBody, at: number): Promise<Technician> {
    return this.mutate(id, (t) => {
      const r = transitionTechnician(t, { ...b, at });
      if (!r.ok) throw new DomainError(ErrorCode.Conflict, r.reason, { status: t.status });
      return { technician: r.technician, changes: [r.change] };
    });
  }

  /** Where the technician is now (their app, or the site of a visit just completed). */
  setPosition(id: string, b: PositionBody, actor: string, now: number): Promise<Technician> {
    const at = b.at === undefined ? now : timeInput('at', b.at);
    return this.mutate(id, (t) => {
      // a late report never moves the technician back
      if (t.position && t.position.at > at) return null;
      return {
        technician: { ...t, position: { lat: b.lat, lon: b.lon, at } },
        changes: [{ at, actor, type: 'position', data: { lat: b.lat, lon: b.lon } }],
        quiet: true,
      };
    });
  }

  private profile(
    b: TechnicianBody,
    current: Technician | null,
  ): Omit<
    Technician,
    | 'status'
    | 'position'
    | 'identityCheckedAt'
    | 'identityCheckedBy'
    | 'statusReason'
    | 'createdAt'
    | 'updatedAt'
    | 'version'
  > {
    const problem = workingHoursProblem(b.workingHours);
    if (problem) throw invalid(`workingHours: ${problem}`);
    const certifications = b.certifications.map((c, i) => {
      const issuedAt = timeInput(`certifications.${i}.issuedAt`, c.issuedAt);
      const expiresAt = timeInput(`certifications.${i}.expiresAt`, c.expiresAt, true);
      if (expiresAt <= issuedAt) throw invalid(`certifications.${i}: expires before it is issued`);
      return { code: c.code, ...(c.name ? { name: c.name } : {}), issuedAt, expiresAt };
    });
    const absences = (b.absences ?? []).map((a, i) => {
      const from = timeInput(`absences.${i}.from`, a.from);
      const to = timeInput(`absences.${i}.to`, a.to, true);
      if (to <= from) throw invalid(`absences.${i}: ends before it starts`);
      return { from, to, reason: a.reason };
    });
    return {
      technicianId: b.technicianId,
      name: b.name,
      employment: b.employment,
      ...(b.email ? { email: b.email } : {}),
      ...(b.phone ? { phone: b.phone } : {}),
      skills: b.skills,
      certifications: carryAlertMarks(current?.certifications ?? [], certifications),
      homeBase: b.homeBase,
      workingHours: b.workingHours,
      absences,
      territory: b.territory,
      rates: { perPartFitted: 0, perVisit: 0, ...b.rates },
      maxJobsPerDay: b.maxJobsPerDay,
      vanStock: b.vanStock ?? [],
    };
  }

  /**
   * Reads, changes, writes a technician under optimistic locking (retried when another
   * writer got there first); the history, bus event and webhook go with the write.
   */
  private async mutate(
    id: string,
    change: (
      t: Technician,
    ) => { technician: Technician; changes: TechnicianChange[]; quiet?: boolean } | null,
  ): Promise<Technician> {
    for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
      const current = await this.repo.get(id);
      if (!current) throw new DomainError(ErrorCode.NotFound, `no technician ${id}`);
      const m = change(current);
      if (!m) return current;
      const technician: Technician = { ...m.technician, version: current.version + 1 };
      const written = await this.db.transaction(async () => {
        if (!(await this.repo.update(technician, current.version, m.changes))) return false;
        // position updates are frequent and of no interest to a CRM: bus only
        if (!m.quiet)
          await this.webhooks.enqueue(
            'technician.changed',
            { technician, changes: m.changes },
            technician.updatedAt,
          );
        return true;
      });
      if (!written) continue;
      this.publish('technician.changed', { technician, changes: m.changes });
      return technician;
    }
    throw new DomainError(ErrorCode.Conflict, `technician ${id} keeps changing; try again`);
  }

  private publish<K extends DomainEventName>(event: K, payload: DomainEvents[K]): void {
    this.bus.publish(event, payload);
    this.webhooks.kick();
  }

  // ---- reading ---------------------------------------------------------------

  async get(id: string): Promise<TechnicianDetail> {
    const t = await this.repo.get(id);
    if (!t) throw new DomainError(ErrorCode.NotFound, `no technician ${id}`);
    return { ...t, history: await this.repo.history(id) };
  }

  /** The record alone; null when unknown. */
  find(id: string): Promise<Technician | null> {
    return this.repo.get(id);
  }

  async list(q: TechnicianListQuery): Promise<Page<Technician>> {
    const limit = checkLimit(q.limit, 100, this.config.apiMaxPoints);
    const status = q.status ? q.status.split(',').map((s) => s.trim()) : undefined;
    const bad = status?.filter((s) => !(TECHNICIAN_STATUSES as readonly string[]).includes(s)) ?? [];
    if (bad.length)
      throw invalid(`status must be among ${TECHNICIAN_STATUSES.join(', ')}; got ${bad.join(', ')}`);
    const after = decodeCursor(q.cursor, (v): v is string => typeof v === 'string');
    const rows = await this.repo.list({
      status: status as TechnicianStatus[] | undefined,
      employment: q.employment,
      limit: limit + 1,
      after,
    });
    const data = rows.slice(0, limit);
    return {
      data,
      nextCursor: rows.length > limit ? encodeCursor(data[data.length - 1].technicianId) : null,
    };
  }

  /** Everyone dispatch may give work to. */
  roster(): Promise<Technician[]> {
    return this.repo.inStatus(['active']);
  }

  // ---- certifications ----------------------------------------------------------

  requirements(): Promise<CertificationRequirement[]> {
    return this.repo.requirements();
  }

  async replaceRequirements(all: RequirementList): Promise<CertificationRequirement[]> {
    const ids = new Set<string>();
    for (const r of all) {
      if (ids.has(r.requirementId)) throw invalid(`requirement ${r.requirementId} is listed twice`);
      ids.add(r.requirementId);
    }
    await this.repo.replaceRequirements(all);
    return this.repo.requirements();
  }

  /** The certifications a piece of work needs. */
  async requiredFor(work: WorkFacts): Promise<string[]> {
    return requiredCertifications(await this.repo.requirements(), work);
  }

  /**
   * The certification timer at `now`: a warning `TECHNICIAN_CERT_WARNING_DAYS`
   * before each expiry, the expiry itself (once each, kept on the certificate), and
   * a working technician with none left is suspended.
   */
  async certificationTick(now: number): Promise<CertificationTickResult> {
    const out: CertificationTickResult = { warnings: 0, expiries: 0, suspended: 0 };
    const days = this.config.technicians.certificationWarningDays;
    const watched = await this.repo.inStatus(['verified', 'active', 'suspended']);
    for (const t of watched) {
      if (!certificationAlerts(t, now, days).length && !noCertificationLeft(t, now)) continue;
      const events: Array<
        [
          'technician.certification-expiring' | 'technician.certification-expired',
          DomainEvents['technician.certification-expired'],
        ]
      > = [];
      let suspended = false;
      await this.mutate(t.technicianId, (x) => {
        events.length = 0;
        suspended = false;
        const alerts = certificationAlerts(x, now, days);
        const changes: TechnicianChange[] = alerts.map((a) => ({
          at: now,
          actor: 'system:certifications',
          type: 'certification',
          note:
            a.kind === 'expiring'
              ? `${a.certification.code} expires in ${a.daysLeft} day(s), ${new Date(a.certification.expiresAt).toISOString().slice(0, 10)}`
              : `${a.certification.code} expired ${new Date(a.certification.expiresAt).toISOString().slice(0, 10)}`,
          data: { code: a.certification.code, kind: a.kind, expiresAt: a.certification.expiresAt },
        }));
        for (const a of alerts)
          events.push([
            a.kind === 'expiring' ? 'technician.certification-expiring' : 'technician.certification-expired',
            {
              technicianId: x.technicianId,
              code: a.certification.code,
              expiresAt: a.certification.expiresAt,
              daysLeft: a.kind === 'expiring' ? a.daysLeft : 0,
              at: now,
            },
          ]);
        let next: Technician = {
          ...x,
          certifications: recordCertificationAlerts(x.certifications, alerts, now),
          updatedAt: Math.max(x.updatedAt, now),
        };
        if (noCertificationLeft(next, now)) {
          const r = transitionTechnician(next, {
            to: 'suspended',
            actor: 'system:certifications',
            at: now,
            note: `no valid certification left (${[...new Set(x.certifications.map((c) => c.code))].join(', ')} expired)`,
          });
          if (r.ok) {
            next = r.technician;
            changes.push(r.change);
            suspended = true;
          }
        }
        return changes.length ? { technician: next, changes } : null;
      });
      for (const [event, payload] of events) {
        this.publish(event, payload);
        this.metrics.certificationAlerts.inc({
          kind: event === 'technician.certification-expiring' ? 'expiring' : 'expired',
        });
        if (event === 'technician.certification-expiring') out.warnings++;
        else out.expiries++;
      }
      if (suspended) {
        out.suspended++;
        this.metrics.certificationAlerts.inc({ kind: 'suspended' });
      }
    }
    return out;
  }

  // ---- pay -------------------------------------------------------------------

  /**
   * A completed visit as a pay line of its technician (the visit report's, else the
   * assignee), at their rates now. Null when the technician is not on file (an
   * integration's name) or the line exists already.
   */
  async recordVisit(order: WorkOrder): Promise<PayLine | null> {
    const b = order.billing;
    const technicianId = b?.technician ?? order.assignee;
    if (!b || !technicianId) return null;
    const t = await this.repo.get(technicianId);
    if (!t) {
      this.metrics.payLines.inc({ outcome: 'unknown-technician' });
      return null;
    }
    const line: PayLine = {
      orderId: order.id,
      technicianId,
      completedAt: b.completedAt,
      deviceId: order.deviceId,
      customerId: order.customerId,
      kind: order.kind,
      labourMinutes: b.labourMinutes,
      travelMinutes: b.travelMinutes,
      travelKm: b.travelKm,
      parts: b.parts,
      rates: t.rates,
    };
    const added = await this.payLines.add(line);
    this.metrics.payLines.inc({ outcome: added ? 'recorded' : 'duplicate' });
    return added ? line : null;
  }

  async payStatement(id: string, fromRaw: string, toRaw: string): Promise<PayStatement & { name: string }> {
    const t = await this.repo.get(id);
    if (!t) throw new DomainError(ErrorCode.NotFound, `no technician ${id}`);
    const from = parseTime('from', fromRaw, 0);
    const to = parseTime('to', toRaw, 0);
    if (from >= to) throw invalid('from must be before to');
    return { ...payStatement(id, await this.payLines.between(id, from, to), from, to), name: t.name };
  }
}
