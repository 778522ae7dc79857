/**
 * Leases that make a periodic job run on one replica at a time: a holder takes the
 * lease for `ttlMs`, renews it while it keeps running the job, and another replica
 * takes it over once it has expired (its holder died or stopped renewing).
 * Times are the callers' clocks, in epoch milliseconds: keep replicas' clocks in
 * sync (NTP) and the TTL well above their skew.
 */
export interface JobLeaseRepository {
  /**
   * Takes the lease when it is free or expired, renews it when `holder` has it;
   * true when `holder` now holds it until `now + ttlMs`. Atomic: of several
   * replicas trying at once, exactly one gets it.
   */
  acquire(job: string, holder: string, now: number, ttlMs: number): Promise<boolean>;
  /** Gives the lease up if `holder` has it (another replica may take it at once). */
  release(job: string, holder: string): Promise<void>;
  /** Who holds the lease at `now`; null when free or expired. */
  holder(job: string, now: number): Promise<string | null>;
}

export const JOB_LEASE_REPOSITORY = Symbol('JobLeaseRepository');
