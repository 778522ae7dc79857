import type { FeedbackRequest, FeedbackStatus } from './feedback.js';
import type { LoyaltyBand } from './loyalty-risk.js';

export interface FeedbackListQuery {
  orderId?: string;
  customerId?: string;
  technicianId?: string;
  status?: FeedbackStatus;
  /** For `status`: what counts as expired. */
  now: number;
  limit: number;
  /** Requests after this id (newest first: smaller ids). */
  before?: string;
}

/** A rating as the averages read it. */
export interface StoredRating {
  rating: number;
  at: number;
  technicianId: string | null;
  customerId: string | null;
}

/** Sums and counts of ratings. */
export interface RatingTotals {
  sum: number;
  count: number;
}

/**
 * Feedback requests and their answers. A request is found by the SHA-256 of its
 * token; `answer` records the rating once, in one statement, so a token used twice
 * (or by two replicas at once) is refused the second time. Spec:
 * `test/contract/feedback.contract.ts`.
 */
export interface FeedbackRepository {
  nextId(): Promise<string>;
  /** False, and nothing stored, when the visit (order and completion time) has its request already. */
  insert(r: FeedbackRequest, tokenHash: string): Promise<boolean>;
  get(id: string): Promise<FeedbackRequest | null>;
  byTokenHash(hash: string): Promise<FeedbackRequest | null>;
  /**
   * The answer, once: null when the token is unknown, already used, or expired at `at`
   * (nothing written).
   */
  answer(hash: string, rating: number, comment: string | null, at: number): Promise<FeedbackRequest | null>;
  /** A new token for an unanswered request (the old one stops working); null when answered or unknown. */
  reissue(id: string, hash: string, expiresAt: number): Promise<FeedbackRequest | null>;
  /** Newest first. */
  list(q: FeedbackListQuery): Promise<FeedbackRequest[]>;
  /** A customer's answered ratings at or after `from`, oldest first. */
  customerRatings(customerId: string, from: number): Promise<StoredRating[]>;
  /** Every technician's totals. */
  technicianTotals(): Promise<Map<string, RatingTotals>>;
  /** Totals by technician and customer: what each customer thinks of each technician. */
  technicianCustomerTotals(): Promise<Map<string, Map<string, RatingTotals>>>;
  /** Customers rated or visited at or after `from`. */
  activeCustomers(from: number): Promise<string[]>;
  lastRisk(customerId: string): Promise<{ score: number; band: LoyaltyBand; at: number } | null>;
  saveRisk(customerId: string, score: number, band: LoyaltyBand, at: number): Promise<void>;
}

export const FEEDBACK_REPOSITORY = Symbol('FeedbackRepository');
