import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import type { Page } from '../common/http/paged-response.js';
import { checkLimit, decodeCursor, encodeCursor, parseRange } from '../common/http/query-params.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DomainEventBus } from '../events/domain-event-bus.js';
import { RECORDS_DATABASE, type RecordsDatabase } from '../ports/records-database.port.js';
import { TechniciansService } from '../technicians/technicians.service.js';
import { WebhookOutbox } from '../webhooks/webhook-outbox.js';
import type { WorkOrder } from '../work-orders/work-order.js';
import { WorkOrdersService } from '../work-orders/work-orders.service.js';
import { statusOf, type FeedbackRequest, type FeedbackStatus } from './feedback.js';
import type { FeedbackRequested } from './feedback-events.js';
import { FeedbackMetrics } from './feedback.metrics.js';
import { FEEDBACK_REPOSITORY, type FeedbackRepository, type RatingTotals } from './feedback.repository.js';
import {
  loyaltyRisk,
  orderFacts,
  REPEAT_WINDOW_DAYS,
  type LoyaltyRisk,
  type OrderFacts,
} from './loyalty-risk.js';
import {
  satisfactionTrend,
  technicianRating,
  type SatisfactionTrend,
  type TechnicianRating,
} from './ratings.js';

const DAY = 86_400_000;
/** A loyalty risk that moves by this much is announced even within its band. */
export const RISK_CHANGE_ANNOUNCED = 0.1;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** What the customer's page shows of a link: no prices, no internals. */
export interface FeedbackLinkView {
  requestId: string;
  status: FeedbackStatus;
  visitAt: number;
  expiresAt: number;
  deviceId: string;
  technicianName: string | null;
  rating: number | null;
}

export interface FeedbackRequestView extends FeedbackRequest {
  status: FeedbackStatus;
}

/** Ratings as dispatch reads them: each technician's Bayesian average, and what each customer gave them. */
export interface DispatchRatings {
  overall: Map<string, { rating: number; count: number }>;
  byCustomer: Map<string, Map<string, RatingTotals>>;
}

/**
 * Customer feedback after every visit: a request with a single-use link when an
 * order is completed, the answer taken once; technicians' Bayesian ratings;
 * satisfaction trends and loyalty risk per customer (read by the signals feature
 * through `loyaltyRisk`, and announced as `feedback.loyalty-risk-changed`).
 */
@Injectable()
export class FeedbackService {
  constructor(
    @Inject(FEEDBACK_REPOSITORY) private readonly repo: FeedbackRepository,
    @Inject(RECORDS_DATABASE) private readonly db: RecordsDatabase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly orders: WorkOrdersService,
    private readonly technicians: TechniciansService,
    private readonly webhooks: WebhookOutbox,
    private readonly bus: DomainEventBus,
    private readonly metrics: FeedbackMetrics,
  ) {}

  private link(token: string): string {
    return `${this.config.feedback.linkBaseUrl}/feedback/${token}`;
  }

  private newToken(): { token: string; hash: string } {
    const token = randomBytes(24).toString('base64url');
    return { token, hash: hashToken(token) };
  }

  // ---- requests and answers ------------------------------------------------------

  /**
   * The feedback request of a completed visit: one per order and completion. Null when
   * the visit has one already (the event came twice).
   */
  async requestFor(order: WorkOrder): Promise<FeedbackRequested | null> {
    const b = order.billing;
    if (!b) return null;
    const { token, hash } = this.newToken();
    const request: FeedbackRequest = {
      requestId: await this.repo.nextId(),
      orderId: order.id,
      deviceId: order.deviceId,
      customerId: order.customerId,
      siteId: order.siteId,
      technicianId: b.technician ?? order.assignee,
      visitAt: b.completedAt,
      createdAt: b.completedAt,
      expiresAt: b.completedAt + this.config.feedback.tokenTtlDays * DAY,
      rating: null,
      comment: null,
      answeredAt: null,
      tokenVersion: 1,
    };
    const payload: FeedbackRequested = { request, link: this.link(token) };
    const inserted = await this.db.transaction(async () => {
      if (!(await this.repo.insert(request, hash))) return false;
      await this.webhooks.enqueue('feedback.requested', payload, request.createdAt);
      return true;
    });
    if (!inserted) return null;
    this.bus.publish('feedback.requested', payload);
    this.webhooks.kick();
    return payload;
  }

  /** A new link for an unanswered request (the old one stops working), for a resend. */
  async reissue(requestId: string, at: number): Promise<FeedbackRequested> {
    const current = await this.repo.get(requestId);
    if (!current) throw new DomainError(ErrorCode.NotFound, `no feedback request ${requestId}`);
    const { token, hash } = this.newToken();
    const request = await this.db.transaction(async () => {
      const r = await this.repo.reissue(requestId, hash, at + this.config.feedback.tokenTtlDays * DAY);
      if (r) await this.webhooks.enqueue('feedback.requested', { request: r, link: this.link(token) }, at);
      return r;
    });
    if (!request)
      throw new DomainError(ErrorCode.Conflict, `feedback request ${requestId} is answered already`);
    const payload = { request, link: this.link(token) };
    this.bus.publish('feedback.requested', payload);
    this.webhooks.kick();
    return payload;
  }

  /** What a link's page shows; 404 for a token that was never issued (or was replaced). */
  async linkView(token: string, now: number): Promise<FeedbackLinkView> {
    const r = await this.repo.byTokenHash(hashToken(token));
    if (!r)
      throw new DomainError(ErrorCode.NotFound, 'this feedback link is not known (or a newer one was sent)');
    const t = r.technicianId ? await this.technicians.find(r.technicianId) : null;
    return {
      requestId: r.requestId,
      status: statusOf(r, now),
      visitAt: r.visitAt,
      expiresAt: r.expiresAt,
      deviceId: r.deviceId,
      technicianName: t?.name ?? null,
      rating: r.rating,
    };
  }

  /**
   * The customer's answer through the link, once: a token used a second time, or
   * expired, answers 409; an unknown one 404.
   */
  async respond(
    token: string,
    rating: number,
    comment: string | undefined,
    at: number,
  ): Promise<FeedbackRequestView> {
    if (!Number.isInteger(rating) || rating < 1 || rating > 5)
      throw new DomainError(ErrorCode.InvalidArgument, 'rating must be a whole number from 1 to 5');
    const hash = hashToken(token);
    const text = comment?.trim() || null;
    const request = await this.db.transaction(async () => {
      const r = await this.repo.answer(hash, rating, text, at);
      if (r) await this.webhooks.enqueue('feedback.received', { request: r }, at);
      return r;
    });
    if (!request) {
      const known = await this.repo.byTokenHash(hash);
      const outcome = !known ? 'unknown' : known.answeredAt !== null ? 'used' : 'expired';
      this.metrics.answers.inc({ outcome });
      if (!known)
        throw new DomainError(
          ErrorCode.NotFound,
          'this feedback link is not known (or a newer one was sent)',
        );
      throw new DomainError(
        ErrorCode.Conflict,
        outcome === 'used'
          ? 'this feedback link was used already: each visit is rated once'
          : `this feedback link expired on ${new Date(known.expiresAt).toISOString().slice(0, 10)}`,
      );
    }
    this.metrics.answers.inc({ outcome: 'recorded' });
    this.bus.publish('feedback.received', { request });
    this.webhooks.kick();
    return { ...request, status: 'answered' };
  }

  async get(id: string, now: number): Promise<FeedbackRequestView> {
    const r = await this.repo.get(id);
    if (!r) throw new DomainError(ErrorCode.NotFound, `no feedback request ${id}`);
    return { ...r, status: statusOf(r, now) };
  }

  async list(
    q: {
      orderId?: string;
      customerId?: string;
      technicianId?: string;
      status?: FeedbackStatus;
      limit?: number;
      cursor?: string;
    },
    now: number,
  ): Promise<Page<FeedbackRequestView>> {
    const limit = checkLimit(q.limit, 100, this.config.apiMaxPoints);
    const before = decodeCursor(q.cursor, (v): v is string => typeof v === 'string');
    const rows = await this.repo.list({ ...q, now, limit: limit + 1, before });
    const data = rows.slice(0, limit).map((r) => ({ ...r, status: statusOf(r, now) }));
    return { data, nextCursor: rows.length > limit ? encodeCursor(data[data.length - 1].requestId) : null };
  }

  // ---- ratings -------------------------------------------------------------------

  async technicianRating(technicianId: string): Promise<TechnicianRating> {
    if (!(await this.technicians.find(technicianId)))
      throw new DomainError(ErrorCode.NotFound, `no technician ${technicianId}`);
    const totals = (await this.repo.technicianTotals()).get(technicianId) ?? { sum: 0, count: 0 };
    return technicianRating(technicianId, totals.sum, totals.count, this.config.feedback.prior);
  }

  /** Every technician's rating and each customer's view of them, in two queries. */
  async dispatchRatings(): Promise<DispatchRatings> {
    const prior = this.config.feedback.prior;
    const overall = new Map<string, { rating: number; count: number }>();
    for (const [id, t] of await this.repo.technicianTotals())
      overall.set(id, { rating: technicianRating(id, t.sum, t.count, prior).rating, count: t.count });
    return { overall, byCustomer: await this.repo.technicianCustomerTotals() };
  }

  async satisfaction(
    customerId: string,
    from: string | undefined,
    to: string | undefined,
    now: number,
  ): Promise<SatisfactionTrend & { customerId: string; from: number; to: number }> {
    const range = parseRange(from, to, now);
    // the default range is a year, not the API's usual day: satisfaction moves by the month
    const start = from === undefined ? range.to - 365 * DAY : range.from;
    const ratings = (await this.repo.customerRatings(customerId, start)).filter((r) => r.at < range.to);
    return {
      customerId,
      from: start,
      to: range.to,
      ...satisfactionTrend(ratings, start, range.to, this.config.feedback.prior),
    };
  }

  // ---- loyalty risk ------------------------------------------------------------------

  /**
   * The loyalty risk of a customer at `now` (see loyalty-risk.ts): low ratings, repeat
   * failures, SLA breaches and time-and-materials bills over FEEDBACK_RISK_WINDOW_DAYS.
   * The contract the signals feature reads: stable factor names, score in [0, 1].
   */
  async loyaltyRisk(customerId: string, now = Date.now()): Promise<LoyaltyRisk> {
    const window = this.config.feedback.riskWindowDays;
    const from = now - window * DAY;
    const ratings = (await this.repo.customerRatings(customerId, from)).filter((r) => r.at < now);
    // the visits before the window are what its first repeats are measured from
    const orders = await this.customerOrders(customerId, from - REPEAT_WINDOW_DAYS * DAY, now);
    return loyaltyRisk(customerId, ratings, orders, now, window);
  }

  private async customerOrders(customerId: string, from: number, now: number): Promise<OrderFacts[]> {
    const out: OrderFacts[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.orders.list({
        customerId,
        from: String(from),
        to: String(now),
        limit: Math.min(500, this.config.apiMaxPoints),
        ...(cursor ? { cursor } : {}),
      });
      for (const o of page.data) out.push(orderFacts(o, now));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  }

  /**
   * Recomputes a customer's risk and announces it (`feedback.loyalty-risk-changed`)
   * when its band changed or it moved by RISK_CHANGE_ANNOUNCED; the first time, when
   * it is above 0.
   */
  async refreshLoyalty(customerId: string, now: number): Promise<LoyaltyRisk> {
    const risk = await this.loyaltyRisk(customerId, now);
    const previous = await this.repo.lastRisk(customerId);
    if (previous && previous.at > now) return risk;
    const announce = previous
      ? previous.band !== risk.band || Math.abs(previous.score - risk.score) >= RISK_CHANGE_ANNOUNCED
      : risk.score > 0;
    if (announce || !previous) await this.repo.saveRisk(customerId, risk.score, risk.band, now);
    if (announce) {
      await this.webhooks.enqueue('feedback.loyalty-risk-changed', { risk, previous }, now);
      this.bus.publish('feedback.loyalty-risk-changed', { risk, previous });
      this.webhooks.kick();
    }
    return risk;
  }

  /** Every customer rated or visited within the window, again (the daily job). */
  async loyaltyTick(now: number): Promise<{ customers: number }> {
    const customers = await this.repo.activeCustomers(now - this.config.feedback.riskWindowDays * DAY);
    for (const c of customers) await this.refreshLoyalty(c, now);
    return { customers: customers.length };
  }
}
