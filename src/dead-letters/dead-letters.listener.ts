import { Injectable } from '@nestjs/common';
import type { DomainEvents } from '../events/domain-events.js';
import { OnDomainEvent } from '../events/on-domain-event.decorator.js';
import { DeadLetterService } from './dead-letter.service.js';

/** Keeps every refused input as a dead-letter record, and counts it. */
@Injectable()
export class DeadLettersListener {
  constructor(private readonly deadLetters: DeadLetterService) {}

  @OnDomainEvent('input.rejected')
  rejected({ records }: DomainEvents['input.rejected']): void {
    this.deadLetters.record(records);
  }
}
