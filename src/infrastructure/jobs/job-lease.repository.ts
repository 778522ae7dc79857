/**
 * Leases that make a periodic job run on one replica at a time. A lease is held by
 * one holder until it expires; its holder renews it, anyone takes it once expired.
 */
export interface JobLeaseRepository {
  /**
   * Takes the lease of `job` for `holder` until `now + ttlMs` when it is free or expired,
   * or renews it when `holder` has it already; atomically. True when `holder` holds it now.
   */
  acquire(job: string, holder: string, now: number, ttlMs: number): Promise<boolean>;
  /** Gives the lease up, if `holder` has it. */
  release(job: string, holder: string): Promise<void>;
  /** Who holds the lease at `now`; null when nobody does. */
  holder(job: string, now: number): Promise<string | null>;
}

export const JOB_LEASE_REPOSITORY = Symbol('JobLeaseRepository');
