import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import type { Page } from '../common/http/paged-response.js';
import {
  checkLimit,
  decodeCursor,
  encodeCursor,
  parseRange,
  parseWindow,
} from '../common/http/query-params.js';
import { DevicesService } from '../devices/devices.service.js';
import { TELEMETRY_STORE, type EventCursor, type TelemetryStore } from '../ports/telemetry-store.port.js';
import {
  EVENT_TYPE_NAMES,
  type EventQuery,
  type EventRow,
  type TelemetryPage,
  type TelemetryQuery,
} from './telemetry.dto.js';

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isEventCursor = (v: unknown): v is EventCursor =>
  typeof v === 'object' &&
  v !== null &&
  isNumber((v as EventCursor).ts) &&
  typeof (v as EventCursor).key === 'string';

@Injectable()
export class TelemetryService {
  constructor(
    @Inject(TELEMETRY_STORE) private readonly store: TelemetryStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly devices: DevicesService,
  ) {}

  /** Raw points, or windows aggregated with `fn` when `window` is given. */
  async telemetry(
    deviceId: string,
    metric: string,
    q: TelemetryQuery,
    now = Date.now(),
  ): Promise<TelemetryPage> {
    const range = parseRange(q.from, q.to, now);
    const max = this.config.apiMaxPoints;
    await this.devices.assertKnown(deviceId);
    const head = {
      deviceId,
      metric,
      from: new Date(range.from).toISOString(),
      to: new Date(range.to).toISOString(),
    };

    if (q.window !== undefined) {
      const windowMs = parseWindow(q.window);
      const fn = q.fn ?? 'mean';
      const windows = Math.ceil((range.to - range.from) / windowMs);
      if (windows > max) {
        throw new DomainError(
          ErrorCode.ResultTooLarge,
          `${windows} windows of ${q.window} in this range; at most ${max}: use a longer window or a shorter range`,
          { windows, max },
        );
      }
      const values = await this.store.queryAggregate({ deviceId, metric, fn, windowMs, ...range });
      return {
        ...head,
        window: q.window,
        fn,
        data: values.map((w) => ({ time: new Date(w.start).toISOString(), ts: w.start, value: w.value })),
        nextCursor: null,
      };
    }

    if (q.fn !== undefined) throw new DomainError(ErrorCode.InvalidArgument, 'fn needs a window');
    const limit = checkLimit(q.limit, 1000, max);
    const after = decodeCursor(q.cursor, isNumber);
    const points = await this.store.queryRaw({ deviceId, metric, ...range, limit, after });
    return {
      ...head,
      kind: points[0]?.kind,
      data: points.map((p) => ({ time: new Date(p.ts).toISOString(), ts: p.ts, value: p.value })),
      nextCursor: points.length === limit ? encodeCursor(points[points.length - 1].ts) : null,
    };
  }

  /** Events of one device; 404 for a device never seen. */
  async deviceEvents(
    deviceId: string,
    q: Omit<EventQuery, 'deviceId'>,
    now = Date.now(),
  ): Promise<Page<EventRow>> {
    return this.events({ ...q, deviceId }, now);
  }

  async events(q: EventQuery, now = Date.now()): Promise<Page<EventRow>> {
    const range = parseRange(q.from, q.to, now);
    const limit = checkLimit(q.limit, 1000, this.config.apiMaxPoints);
    const types = q.type ? q.type.split(',').map((t) => t.trim()) : undefined;
    for (const t of types ?? []) {
      if (!(EVENT_TYPE_NAMES as readonly string[]).includes(t)) {
        throw new DomainError(
          ErrorCode.InvalidArgument,
          `type must be among ${EVENT_TYPE_NAMES.join(', ')}, got "${t}"`,
        );
      }
    }
    const after = decodeCursor(q.cursor, isEventCursor);
    if (q.deviceId) await this.devices.assertKnown(q.deviceId);
    const events = await this.store.queryEvents({
      deviceId: q.deviceId || undefined,
      types,
      ...range,
      limit,
      after,
    });
    const last = events[events.length - 1];
    return {
      data: events.map(({ key: _key, ...e }) => ({ time: new Date(e.ts).toISOString(), ...e })),
      nextCursor: events.length === limit ? encodeCursor({ ts: last.ts, key: last.key }) : null,
    };
  }

  async metrics(deviceId: string): Promise<string[]> {
    await this.devices.assertKnown(deviceId);
    return this.store.listMetrics(deviceId);
  }
}
