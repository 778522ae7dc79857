import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Subject, type Observable } from 'rxjs';
import type { LiveEvent } from './live-events.dto.js';

/**
 * The console's live stream: what the listener maps from the domain event bus, handed
 * to every open server-sent-events connection of this replica. Nothing is kept: a
 * console that reconnects reloads what it shows, then follows the stream again.
 */
@Injectable()
export class LiveEventsService implements OnModuleDestroy {
  private readonly subject = new Subject<LiveEvent>();
  private listeners = 0;

  get stream(): Observable<LiveEvent> {
    return this.subject.asObservable();
  }

  /** Open connections; the listener skips building events when there are none. */
  get connections(): number {
    return this.listeners;
  }

  connected(): () => void {
    this.listeners++;
    return () => {
      this.listeners--;
    };
  }

  emit(event: Omit<LiveEvent, 'at'>, now = Date.now()): void {
    if (this.listeners > 0) this.subject.next({ ...event, at: now });
  }

  onModuleDestroy(): void {
    this.subject.complete();
  }
}
