import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DomainEventBus } from './domain-event-bus.js';

/** The domain event bus, for every feature. */
@Global()
@Module({ imports: [DiscoveryModule], providers: [DomainEventBus], exports: [DomainEventBus] })
export class EventsModule {}
