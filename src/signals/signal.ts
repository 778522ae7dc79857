/**
 * Upsell signals: what a salesperson is told, why, and what became of it. The trade
 * names three kinds of buying signal: overt (the customer asks), passive (the service
 * history shows a need: repeat breakdowns, time-and-materials bills, a machine at its
 * limit) and observed (the telemetry shows it: overuse, misuse, underuse, a contract
 * running out, a machine that costs more to serve than it brings).
 */

export const SIGNAL_KINDS = ['overt', 'passive', 'observed'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export const SIGNAL_STATUSES = ['open', 'acknowledged', 'offered', 'won', 'lost', 'dismissed'] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];

/** Statuses in which a signal is still being worked: at most one per customer and offer. */
export const ACTIVE_STATUSES = ['open', 'acknowledged', 'offered'] as const satisfies readonly SignalStatus[];
export const isActive = (s: SignalStatus): boolean => (ACTIVE_STATUSES as readonly string[]).includes(s);

/** What sales can offer. */
export const OFFER_KINDS = [
  /** The model's successor from the registry. */
  'upgrade',
  /** Warranty extended past its end. */
  'extended-warranty',
  /** A full-service contract renewed before it runs out. */
  'contract-renewal',
  /** A full-service contract for a device on time and materials or none. */
  'full-service-contract',
  /** A preventive-maintenance plan. */
  'pm-plan',
  /** Fewer machines: an underused one's volume moved to a peer with room. */
  'consolidation',
  /** User training against misuse (media, lids, jams). */
  'user-training',
  /** Another machine (or a bigger one) for a customer whose volume grows. */
  'additional-capacity',
  /** The customer asked for something the classifier could not place: a call. */
  'consultation',
] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

/** Every rule by id, in the order the API lists them. */
export const RULE_IDS = [
  'overt-request',
  'repeat-breakdowns',
  'tm-after-warranty',
  'capacity',
  'department-imbalance',
  'growing-volume',
  'overuse',
  'misuse',
  'underuse',
  'contract-ending',
  'cost-to-serve',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export interface Offer {
  kind: OfferKind;
  /** The product: the successor model of an upgrade, the model of another machine; null otherwise. */
  productId: string | null;
  /** In words a salesperson reads. */
  description: string;
}

/** A number, text, or a row of them: the figures behind a reason. */
export type Figure = number | string | boolean | null | Array<number | null> | string[];

/** One rule's finding on one device (or one customer), kept on the signal it raised or joined. */
export interface SignalEvidence {
  rule: RuleId;
  kind: SignalKind;
  /** Null for a customer-wide finding without a device (an overt request about no machine). */
  deviceId: string | null;
  reason: string;
  /** The numbers behind the reason: usage per month against the rated duty, counts, dates. */
  figures: Record<string, Figure>;
  /** Estimated value of the offer for this device, in the configured currency. */
  estimatedValue: number;
  /** 0–1: how sure the rule is that this is a real need. */
  confidence: number;
  firstSeenAt: number;
  lastSeenAt: number;
}

export const CHANGE_TYPES = ['raised', 'evidence-added', 'transition'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

/** One entry of a signal's history. */
export interface SignalChange {
  at: number;
  type: ChangeType;
  /** Who: `rules` for the evaluation, `api` or a user name for people. */
  actor: string;
  from?: SignalStatus;
  to?: SignalStatus;
  /** Why it was dismissed or lost, or which rule added evidence. */
  reason?: string;
  note?: string;
  rule?: RuleId;
  deviceId?: string | null;
}

export interface Signal {
  id: string;
  customerId: string;
  /** Site and device of the first evidence; null for a customer-wide request. */
  siteId: string | null;
  deviceId: string | null;
  /** Every device with evidence on this signal. */
  deviceIds: string[];
  /** Kind and rule of the first evidence. */
  kind: SignalKind;
  rule: RuleId;
  /** Every rule with evidence on this signal. */
  rules: RuleId[];
  offer: Offer;
  /** `kind` or `kind:productId`: one active signal per customer and offer key. */
  offerKey: string;
  /** Reason of the first evidence. */
  reason: string;
  /** Sum over devices of the best evidence value of each. */
  estimatedValue: number;
  currency: string;
  /** Highest evidence confidence. */
  confidence: number;
  status: SignalStatus;
  /** Why it was dismissed or lost; null otherwise. */
  statusReason: string | null;
  evidence: SignalEvidence[];
  history: SignalChange[];
  raisedAt: number;
  updatedAt: number;
  /** When it was won, lost or dismissed; null while active. */
  closedAt: number | null;
  /** Bumped by every write: a write based on an older version is refused. */
  version: number;
}

export const offerKeyOf = (offer: Pick<Offer, 'kind' | 'productId'>): string =>
  offer.productId ? `${offer.kind}:${offer.productId}` : offer.kind;
