import { Inject, Injectable } from '@nestjs/common';
import { DomainEventBus } from '../events/domain-event-bus.js';
import { RECORDS_DATABASE, type RecordsDatabase } from '../ports/records-database.port.js';
import { WebhookOutbox } from '../webhooks/webhook-outbox.js';
import type { Signal, SignalChange } from './signal.js';
import type { IntakeResult } from './signal-intake.js';
import { SIGNAL_REPOSITORY, type SignalRepository } from './signal.repository.js';
import { SignalsMetrics } from './signals.metrics.js';

export interface CommitOutcome {
  raised: Signal[];
  changed: Array<{ signal: Signal; changes: SignalChange[] }>;
  /** Written without news (evidence seen again). */
  refreshed: number;
  /** New signals another writer beat (one active per customer and offer), and updates over a stale version. */
  lost: Signal[];
}

/**
 * Writes signals and tells about them: the records, their webhook deliveries in the
 * same transaction (the outbox: none is lost, none sent for a write that failed), then
 * the bus events once committed.
 */
@Injectable()
export class SignalWriter {
  constructor(
    @Inject(SIGNAL_REPOSITORY) private readonly repo: SignalRepository,
    @Inject(RECORDS_DATABASE) private readonly db: RecordsDatabase,
    private readonly bus: DomainEventBus,
    private readonly webhooks: WebhookOutbox,
    private readonly metrics: SignalsMetrics,
  ) {}

  async commit(result: Pick<IntakeResult, 'raised' | 'changed' | 'refreshed'>): Promise<CommitOutcome> {
    const changesOf = new Map(result.changed.map((c) => [c.signal.id, c.changes]));
    const toUpdate = [...result.changed.map((c) => c.signal), ...result.refreshed];
    if (!result.raised.length && !toUpdate.length) return { raised: [], changed: [], refreshed: 0, lost: [] };
    const { inserted, updated } = await this.db.transaction(async () => {
      const inserted = await this.repo.insert(result.raised);
      const updated = await this.repo.update(toUpdate);
      for (const signal of inserted)
        await this.webhooks.enqueue('signal.raised', { signal }, signal.raisedAt);
      for (const signal of updated) {
        const changes = changesOf.get(signal.id);
        if (changes) await this.webhooks.enqueue('signal.changed', { signal, changes }, signal.updatedAt);
      }
      return { inserted, updated };
    });
    const changed = updated.flatMap((signal) => {
      const changes = changesOf.get(signal.id);
      return changes ? [{ signal, changes }] : [];
    });
    for (const signal of inserted) {
      this.metrics.raised.inc({ kind: signal.kind, rule: signal.rule });
      this.bus.publish('signal.raised', { signal });
    }
    for (const c of changed) {
      for (const change of c.changes)
        if (change.type === 'transition' && change.to) this.metrics.transitions.inc({ to: change.to });
      this.bus.publish('signal.changed', c);
    }
    if (inserted.length || changed.length) this.webhooks.kick();
    const written = new Set([...inserted, ...updated].map((s) => s.id));
    return {
      raised: inserted,
      changed,
      refreshed: updated.length - changed.length,
      lost: [...result.raised, ...toUpdate].filter((s) => !written.has(s.id)),
    };
  }
}
