/** A feedback request: one per completed visit, answered once through a single-use link. */

export const FEEDBACK_STATUSES = ['open', 'answered', 'expired'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export interface FeedbackRequest {
  requestId: string;
  orderId: string;
  deviceId: string;
  customerId: string | null;
  siteId: string | null;
  technicianId: string | null;
  /** When the visit was completed. */
  visitAt: number;
  createdAt: number;
  expiresAt: number;
  /** 1 to 5 once answered. */
  rating: number | null;
  comment: string | null;
  answeredAt: number | null;
  /** Bumped when the link is issued again (the old token stops working). */
  tokenVersion: number;
}

export function statusOf(r: FeedbackRequest, now: number): FeedbackStatus {
  if (r.answeredAt !== null) return 'answered';
  return now >= r.expiresAt ? 'expired' : 'open';
}
