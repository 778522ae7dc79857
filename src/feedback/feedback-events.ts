import type { FeedbackRequest } from './feedback.js';
import type { LoyaltyBand, LoyaltyRisk } from './loyalty-risk.js';

export interface FeedbackRequested {
  request: FeedbackRequest;
  /** `{FEEDBACK_LINK_BASE_URL}/feedback/{token}`: what the customer is sent (the token is shown only here). */
  link: string;
}

export interface FeedbackReceived {
  request: FeedbackRequest;
}

export interface LoyaltyRiskChanged {
  risk: LoyaltyRisk;
  /** The last one published for the customer; null the first time. */
  previous: { score: number; band: LoyaltyBand; at: number } | null;
}
