import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import type { Page } from '../common/http/paged-response.js';
import {
  decodeCursor,
  encodeCursor,
  parseEnum,
  parseLimit,
  parseRange,
  parseWindow,
} from '../common/http/query-params.js';
import { EVENT_TYPES, METRIC_NAME_PATTERN } from '../contract/index.js';
import {
  AGGREGATE_FUNCTIONS,
  TELEMETRY_STORE,
  type EventCursor,
  type TelemetryStore,
} from '../ports/telemetry-store.port.js';
import type { EventQueryParams, EventRow, TelemetryPage, TelemetryQueryParams } from './telemetry.dto.js';

const METRIC_RE = new RegExp(METRIC_NAME_PATTERN);
const EVENT_TYPE_NAMES: readonly string[] = [...EVENT_TYPES, 'device.online', 'device.offline'];

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
  ) {}

  /** Raw points, or windows aggregated with `fn` when `window` is given. */
  async telemetry(
    deviceId: string,
    metric: string,
    q: TelemetryQueryParams,
    now = Date.now(),
  ): Promise<TelemetryPage> {
    if (!METRIC_RE.test(metric))
      throw new DomainError(ErrorCode.InvalidArgument, `"${metric}" is not a metric name`);
    const range = parseRange(q.from, q.to, now);
    const max = this.config.apiMaxPoints;
    const head = {
      deviceId,
      metric,
      from: new Date(range.from).toISOString(),
      to: new Date(range.to).toISOString(),
    };

    if (q.window !== undefined && q.window !== '') {
      const windowMs = parseWindow(q.window);
      const fn = parseEnum('fn', q.fn, AGGREGATE_FUNCTIONS, 'mean');
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

    if (q.fn !== undefined && q.fn !== '')
      throw new DomainError(ErrorCode.InvalidArgument, 'fn needs a window');
    const limit = parseLimit(q.limit, 1000, max);
    const after = decodeCursor(q.cursor, isNumber);
    const points = await this.store.queryRaw({ deviceId, metric, ...range, limit, after });
    return {
      ...head,
      kind: points[0]?.kind,
      data: points.map((p) => ({ time: new Date(p.ts).toISOString(), ts: p.ts, value: p.value })),
      nextCursor: points.length === limit ? encodeCursor(points[points.length - 1].ts) : null,
    };
  }

  async events(q: EventQueryParams, now = Date.now()): Promise<Page<EventRow>> {
    const range = parseRange(q.from, q.to, now);
    const limit = parseLimit(q.limit, 1000, this.config.apiMaxPoints);
    const types = q.type ? q.type.split(',') : undefined;
    for (const t of types ?? []) {
      if (!EVENT_TYPE_NAMES.includes(t)) {
        throw new DomainError(
          ErrorCode.InvalidArgument,
          `type must be among ${EVENT_TYPE_NAMES.join(', ')}, got "${t}"`,
        );
      }
    }
    const after = decodeCursor(q.cursor, isEventCursor);
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

  metrics(deviceId: string): Promise<string[]> {
    return this.store.listMetrics(deviceId);
  }
}
