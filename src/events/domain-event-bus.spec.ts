import 'reflect-metadata';
import { Injectable, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MetricsModule } from '../infrastructure/metrics/metrics.module.js';
import { MetricsService } from '../infrastructure/metrics/metrics.service.js';
import type { StatusUpdate } from '../ports/records.js';
import { DomainEventBus } from './domain-event-bus.js';
import type { DomainEvents } from './domain-events.js';
import { EventsModule } from './events.module.js';
import { OnDomainEvent } from './on-domain-event.decorator.js';

const status = (deviceId: string, ts: number): StatusUpdate => ({ deviceId, state: 'online', ts });

@Injectable()
class RecordingListener {
  readonly seen: string[] = [];

  @OnDomainEvent('device.status-changed')
  async slowThenRecord(s: DomainEvents['device.status-changed']): Promise<void> {
    // later deliveries must still come after this one
    await new Promise((r) => setImmediate(r));
    this.seen.push(`${s.deviceId}@${s.ts}`);
  }
}

@Injectable()
class FailingListener {
  calls = 0;

  @OnDomainEvent('device.status-changed', 'devices.heard')
  fail(): void {
    this.calls++;
    throw new Error('listener bug');
  }
}

@Module({ imports: [MetricsModule, EventsModule], providers: [RecordingListener, FailingListener] })
class TestModule {}

describe(DomainEventBus.name, () => {
  let app: INestApplicationContext;
  let bus: DomainEventBus;

  beforeEach(async () => {
    app = await NestFactory.createApplicationContext(TestModule, { logger: false });
    await app.init();
    bus = app.get(DomainEventBus);
  });
  afterEach(() => app.close());

  it('delivers to every decorated listener, one at a time in publish order', async () => {
    for (let i = 1; i <= 5; i++) bus.publish('device.status-changed', status('d1', i));
    await bus.whenIdle();
    expect(app.get(RecordingListener).seen).toEqual(['d1@1', 'd1@2', 'd1@3', 'd1@4', 'd1@5']);
  });

  it('keeps a throwing listener from the publisher and the other listeners, and counts it', async () => {
    expect(() => bus.publish('device.status-changed', status('d2', 7))).not.toThrow();
    bus.publish('devices.heard', { lastHeard: new Map([['d2', 7]]) });
    await bus.whenIdle();
    expect(app.get(FailingListener).calls).toBe(2);
    expect(app.get(RecordingListener).seen).toEqual(['d2@7']);
    const metrics = await app.get(MetricsService).registry.metrics();
    expect(metrics).toContain(
      'fleet_domain_event_listener_failures_total{event="device.status-changed",listener="FailingListener.fail"} 1',
    );
    expect(metrics).toContain('fleet_domain_events_published_total{event="devices.heard"} 1');
  });

  it('says whether an event has listeners, and stops delivering once unsubscribed', async () => {
    expect(bus.hasListeners('telemetry.stored')).toBe(false);
    const got: number[] = [];
    const off = bus.subscribe('telemetry.stored', 'test', (p) => {
      got.push(p.devices.length);
    });
    expect(bus.hasListeners('telemetry.stored')).toBe(true);
    bus.publish('telemetry.stored', { devices: [{ deviceId: 'd', from: 1, to: 2, points: 2 }] });
    await bus.whenIdle();
    off();
    bus.publish('telemetry.stored', { devices: [] });
    await bus.whenIdle();
    expect(got).toEqual([1]);
    expect(bus.hasListeners('telemetry.stored')).toBe(false);
  });

  it('waits in whenIdle for deliveries that listeners publish in turn', async () => {
    const order: string[] = [];
    bus.subscribe('devices.heard', 'chain', () => {
      order.push('heard');
      bus.publish('input.rejected', { records: [] });
    });
    bus.subscribe('input.rejected', 'end', async () => {
      await new Promise((r) => setTimeout(r, 5));
      order.push('rejected');
    });
    bus.publish('devices.heard', { lastHeard: new Map() });
    await bus.whenIdle();
    expect(order).toEqual(['heard', 'rejected']);
  });
});
