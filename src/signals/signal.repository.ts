import type { OfferKind, RuleId, Signal, SignalKind, SignalStatus } from './signal.js';

export interface SignalListQuery {
  limit: number;
  /** Paging, newest first: signals raised before this position. */
  before?: { raisedAt: number; id: string };
  statuses?: readonly SignalStatus[];
  kind?: SignalKind;
  /** Signals with evidence from this rule. */
  rule?: RuleId;
  offer?: OfferKind;
  customerId?: string;
  siteId?: string;
  /** Signals with evidence on this device. */
  deviceId?: string;
}

/** A customer's signals summed: what an account manager looks at first. */
export interface CustomerRollup {
  customerId: string;
  byStatus: Record<SignalStatus, number>;
  /** Active signals (open, acknowledged, offered) and their estimated value. */
  active: number;
  activeValue: number;
  wonValue: number;
  lastRaisedAt: number | null;
}

/** Outcomes of the signals a rule contributed evidence to. */
export interface RuleOutcomes {
  rule: RuleId;
  byStatus: Record<SignalStatus, number>;
}

/**
 * Signals and the evaluation's bookkeeping in the records database. Writes are
 * compare-and-set on `version`: a write based on an older read changes nothing.
 */
export interface SignalRepository {
  get(id: string): Promise<Signal | null>;
  list(query: SignalListQuery): Promise<Signal[]>;
  /** Active signals of these customers, and the most recently closed one per customer and offer key. */
  forCustomers(customerIds: readonly string[]): Promise<{ active: Signal[]; lastClosed: Signal[] }>;
  /**
   * Inserts new signals (stored as version 1); returns those inserted. One that would be a
   * second active signal for its customer and offer key is not inserted.
   */
  insert(signals: readonly Signal[]): Promise<Signal[]>;
  /** Writes each signal whose stored version is still its `version`; returns those written, version bumped. */
  update(signals: readonly Signal[]): Promise<Signal[]>;
  /** Customers by the value of their active signals, highest first; paging after (value, customer). */
  rollups(query: {
    limit: number;
    after?: { activeValue: number; customerId: string };
  }): Promise<CustomerRollup[]>;
  /** One customer's roll-up (zeros when it has no signal). */
  rollup(customerId: string): Promise<CustomerRollup>;
  /** Per rule, how many of the signals with its evidence are in each status. */
  outcomesByRule(): Promise<RuleOutcomes[]>;

  /** Devices with new data since: the next evaluation looks at them (and their customers). */
  markDirty(atByDevice: ReadonlyMap<string, number>): Promise<void>;
  dirtyDevices(limit: number): Promise<Map<string, number>>;
  /** Forgets marks not renewed since they were read (a mark made during the run stays). */
  clearDirty(read: ReadonlyMap<string, number>): Promise<void>;
  /** The evaluation's own state: the time of the last full sweep. */
  lastFullSweep(): Promise<number | null>;
  setLastFullSweep(at: number): Promise<void>;
}

export const SIGNAL_REPOSITORY = Symbol('SignalRepository');
