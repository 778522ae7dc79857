import type { JobLeaseRepository } from './job-lease.repository.js';

/** Leases for a single process: a test double of the job runner's spec (the service uses sql-job-lease.repository.ts). */
export class InMemoryJobLeaseRepository implements JobLeaseRepository {
  private readonly leases = new Map<string, { holder: string; expiresAt: number }>();

  acquire(job: string, holder: string, now: number, ttlMs: number): Promise<boolean> {
    const lease = this.leases.get(job);
    if (lease && lease.holder !== holder && lease.expiresAt > now) return Promise.resolve(false);
    this.leases.set(job, { holder, expiresAt: now + ttlMs });
    return Promise.resolve(true);
  }

  release(job: string, holder: string): Promise<void> {
    if (this.leases.get(job)?.holder === holder) this.leases.delete(job);
    return Promise.resolve();
  }

  holder(job: string, now: number): Promise<string | null> {
    const lease = this.leases.get(job);
    return Promise.resolve(lease && lease.expiresAt > now ? lease.holder : null);
  }
}
