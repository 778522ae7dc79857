import type { EventRecord, TelemetryPoint } from '../../src/ports/records.js';
import {
  AGGREGATE_FUNCTIONS,
  type AggregateFunction,
  type RiskPoint,
  type StoredEvent,
  type TelemetryStore,
} from '../../src/ports/telemetry-store.port.js';

/**
 * The behaviour every TelemetryStore must have. Each store's spec calls this with a
 * factory that gives a fresh, empty store.
 */
export function describeTelemetryStoreContract(name: string, open: () => Promise<TelemetryStore>): void {
  const T0 = Date.UTC(2026, 0, 5, 0, 0, 0);
  const MIN = 60_000;

  describe(`TelemetryStore contract: ${name}`, () => {
    let store: TelemetryStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    const gauge = (deviceId: string, metric: string, ts: number, value: number): TelemetryPoint => ({
      deviceId,
      metric,
      kind: 'gauge',
      ts,
      value,
    });

    it('returns written points in time order within [from, to)', async () => {
      await store.write(
        [gauge('d1', 'temp', T0 + 2 * MIN, 2), gauge('d1', 'temp', T0, 0), gauge('d1', 'temp', T0 + MIN, 1)],
        [],
      );
      const points = await store.queryRaw({
        deviceId: 'd1',
        metric: 'temp',
        from: T0,
        to: T0 + 2 * MIN,
        limit: 10,
      });
      expect(points).toEqual([gauge('d1', 'temp', T0, 0), gauge('d1', 'temp', T0 + MIN, 1)]);
    });

    it('gives the last value of a metric per device and window, for many devices at once', async () => {
      const counter = (deviceId: string, ts: number, value: number): TelemetryPoint => ({
        deviceId,
        metric: 'pages.total',
        kind: 'counter',
        ts,
        value,
      });
      const H = 60 * MIN;
      await store.write(
        [
          counter('d1', T0 + H, 10),
          counter('d1', T0 + 5 * H, 15),
          counter('d1', T0 + 25 * H, 30),
          counter('d2', T0 + 2 * H, 7),
          counter('d3', T0 + 2 * H, 9),
          gauge('d1', 'temp', T0 + 6 * H, 99),
        ],
        [],
      );
      const day = 24 * H;
      const all = await store.queryWindowLast({
        metric: 'pages.total',
        from: T0,
        to: T0 + 2 * day,
        windowMs: day,
      });
      expect(all).toEqual([
        { deviceId: 'd1', start: T0, value: 15 },
        { deviceId: 'd1', start: T0 + day, value: 30 },
        { deviceId: 'd2', start: T0, value: 7 },
        { deviceId: 'd3', start: T0, value: 9 },
      ]);
      const some = await store.queryWindowLast({
        metric: 'pages.total',
        from: T0,
        to: T0 + day,
        windowMs: day,
        deviceIds: ['d2', 'd1'],
      });
      expect(some.map((v) => v.deviceId)).toEqual(['d1', 'd2']);
    });

    it('gives mean, min, max, count and last of a metric per device and window, for many devices at once', async () => {
      const H = 60 * MIN;
      const day = 24 * H;
      // written out of order: `last` is the latest point of the window, not the last written
      await store.write(
        [
          gauge('d2', 'temp', T0 + 3 * H, 30),
          gauge('d1', 'temp', T0 + 5 * H, 15),
          gauge('d1', 'temp', T0 + H, 10),
          gauge('d1', 'temp', T0 + 2 * H, 20),
          gauge('d1', 'temp', T0 + day + H, -4),
          gauge('d3', 'temp', T0 + 2 * day + H, 7),
          gauge('d1', 'hum', T0 + H, 99),
        ],
        [],
      );
      const all = await store.queryWindowStats({ metric: 'temp', from: T0, to: T0 + 3 * day, windowMs: day });
      expect(all).toEqual([
        { deviceId: 'd1', start: T0, mean: 15, min: 10, max: 20, count: 3, last: 15 },
        { deviceId: 'd1', start: T0 + day, mean: -4, min: -4, max: -4, count: 1, last: -4 },
        { deviceId: 'd2', start: T0, mean: 30, min: 30, max: 30, count: 1, last: 30 },
        { deviceId: 'd3', start: T0 + 2 * day, mean: 7, min: 7, max: 7, count: 1, last: 7 },
      ]);
      const some = await store.queryWindowStats({
        metric: 'temp',
        from: T0 + day,
        to: T0 + 3 * day,
        windowMs: day,
        deviceIds: ['d3', 'd1'],
      });
      expect(some.map((v) => [v.deviceId, v.start])).toEqual([
        ['d1', T0 + day],
        ['d3', T0 + 2 * day],
      ]);
      expect(
        await store.queryWindowStats({
          metric: 'temp',
          from: T0,
          to: T0 + day,
          windowMs: day,
          deviceIds: [],
        }),
      ).toEqual([]);
    });

    describe('risk series', () => {
      const risk = (
        deviceId: string,
        component: string,
        ts: number,
        p7: number,
        more: Partial<RiskPoint> = {},
      ): RiskPoint => ({
        deviceId,
        component,
        ts,
        probabilities: [
          { horizonDays: 7, probability: p7 },
          { horizonDays: 30, probability: Math.min(1, p7 * 2) },
        ],
        remainingDays: 40.5,
        remainingUsage: 12000,
        alert: false,
        ...more,
      });

      it("reads back a device's risk by component and time, one point per component and time", async () => {
        const day = 86_400_000;
        await store.writeRisk([
          risk('d1', 'fuser', T0 + day, 0.2),
          risk('d1', 'drum', T0, 0.01, { remainingDays: null, remainingUsage: null }),
          risk('d1', 'fuser', T0, 0.1),
          risk('d2', 'fuser', T0, 0.9, { alert: true }),
        ]);
        // a rescoring at the same time replaces the point
        await store.writeRisk([risk('d1', 'fuser', T0 + day, 0.4, { alert: true })]);
        expect(await store.queryRisk({ deviceId: 'd1', from: T0, to: T0 + 2 * day })).toEqual([
          risk('d1', 'drum', T0, 0.01, { remainingDays: null, remainingUsage: null }),
          risk('d1', 'fuser', T0, 0.1),
          risk('d1', 'fuser', T0 + day, 0.4, { alert: true }),
        ]);
        const fuser = await store.queryRisk({
          deviceId: 'd1',
          components: ['fuser'],
          from: T0 + 1,
          to: T0 + 2 * day,
        });
        expect(fuser.map((r) => r.probabilities[0].probability)).toEqual([0.4]);
        expect(await store.queryRisk({ deviceId: 'd3', from: T0, to: T0 + day })).toEqual([]);
      });
    });

    it('keeps one KPI row per scope, id and day, and reads them back by scope, ids and days', async () => {
      const day = 86_400_000;
      await store.writeKpis([
        { scope: 'device', scopeId: 'd1', day: T0, fields: { in_service_ms: 1, failures: 0 } },
        { scope: 'device', scopeId: 'd1', day: T0 + day, fields: { in_service_ms: 2 } },
        { scope: 'device', scopeId: 'd2', day: T0, fields: { in_service_ms: 3 } },
        { scope: 'fleet', scopeId: 'all', day: T0, fields: { in_service_ms: 4 } },
      ]);
      await store.writeKpis([
        { scope: 'device', scopeId: 'd1', day: T0, fields: { in_service_ms: 5, 'failures.fuser': 1 } },
      ]);
      expect(await store.queryKpis({ scope: 'device', from: T0, to: T0 + 2 * day })).toEqual([
        { scope: 'device', scopeId: 'd1', day: T0, fields: { in_service_ms: 5, 'failures.fuser': 1 } },
        { scope: 'device', scopeId: 'd1', day: T0 + day, fields: { in_service_ms: 2 } },
        { scope: 'device', scopeId: 'd2', day: T0, fields: { in_service_ms: 3 } },
      ]);
      const d2 = await store.queryKpis({ scope: 'device', scopeIds: ['d2'], from: T0, to: T0 + day });
      expect(d2.map((r) => r.fields.in_service_ms)).toEqual([3]);
      const fleet = await store.queryKpis({ scope: 'fleet', from: T0 + 1, to: T0 + day });
      expect(fleet).toEqual([]);
    });

    it('clears the KPI ledger and nothing else', async () => {
      await store.write([gauge('d1', 'temp', T0, 1)], []);
      await store.writeKpis([
        { scope: 'device', scopeId: 'd1', day: T0, fields: { 'failures@03': 1 } },
        { scope: 'fleet', scopeId: 'all', day: T0, fields: { 'failures@03': 1 } },
      ]);
      await store.clearKpis();
      expect(await store.queryKpis({ scope: 'device', from: 0, to: T0 + 86_400_000 })).toEqual([]);
      expect(await store.queryKpis({ scope: 'fleet', from: 0, to: T0 + 86_400_000 })).toEqual([]);
      expect(
        await store.queryRaw({ deviceId: 'd1', metric: 'temp', from: T0, to: T0 + 1, limit: 1 }),
      ).toHaveLength(1);
      await store.writeKpis([{ scope: 'fleet', scopeId: 'all', day: T0, fields: { 'usage@04': 0 } }]);
      expect(await store.queryKpis({ scope: 'fleet', from: 0, to: T0 + 86_400_000 })).toEqual([
        { scope: 'fleet', scopeId: 'all', day: T0, fields: { 'usage@04': 0 } },
      ]);
    });

    it('keeps one point per series and time when a point is written twice', async () => {
      await store.write([gauge('d1', 'temp', T0, 1)], []);
      await store.write([gauge('d1', 'temp', T0, 5)], []);
      const points = await store.queryRaw({
        deviceId: 'd1',
        metric: 'temp',
        from: T0,
        to: T0 + MIN,
        limit: 10,
      });
      expect(points).toEqual([gauge('d1', 'temp', T0, 5)]);
    });

    it('keeps the metric kind', async () => {
      const counter: TelemetryPoint = {
        deviceId: 'd1',
        metric: 'pages.total',
        kind: 'counter',
        ts: T0,
        value: 1e6,
      };
      await store.write([counter], []);
      expect(
        await store.queryRaw({ deviceId: 'd1', metric: 'pages.total', from: T0, to: T0 + 1, limit: 1 }),
      ).toEqual([counter]);
    });

    it('keeps devices and metrics apart', async () => {
      await store.write(
        [
          gauge('d1', 'temp', T0, 1),
          gauge('d2', 'temp', T0, 2),
          gauge('d1', 'hum', T0, 3),
          gauge('d3', 'co2', T0, 4),
        ],
        [],
      );
      const points = await store.queryRaw({
        deviceId: 'd2',
        metric: 'temp',
        from: T0,
        to: T0 + MIN,
        limit: 10,
      });
      expect(points.map((p) => p.value)).toEqual([2]);
      expect(await store.listMetrics('d1')).toEqual(['hum', 'temp']);
      expect(await store.listMetrics()).toEqual(['co2', 'hum', 'temp']);
      expect(await store.listMetrics('nobody')).toEqual([]);
    });

    it('pages through raw points with limit and after, each point once', async () => {
      const written = Array.from({ length: 25 }, (_, i) => gauge('d1', 'temp', T0 + i * 1000, i));
      await store.write(written, []);
      const seen: TelemetryPoint[] = [];
      let after: number | undefined;
      for (;;) {
        const page = await store.queryRaw({
          deviceId: 'd1',
          metric: 'temp',
          from: T0,
          to: T0 + MIN,
          limit: 10,
          after,
        });
        seen.push(...page);
        if (page.length < 10) break;
        after = page[page.length - 1].ts;
      }
      expect(seen).toEqual(written);
    });

    describe('aggregates over windows', () => {
      // three 5-minute windows; the middle one empty
      const values = [
        [T0 + 10_000, 4],
        [T0 + 70_000, -2],
        [T0 + 200_000, 7.5],
        [T0 + 2 * 5 * MIN + 1_000, 3],
        [T0 + 2 * 5 * MIN + 2_000, 3],
      ] as const;
      const expected = (fn: AggregateFunction, xs: number[]): number => {
        switch (fn) {
          case 'mean':
            return xs.reduce((a, b) => a + b, 0) / xs.length;
          case 'min':
            return Math.min(...xs);
          case 'max':
            return Math.max(...xs);
          case 'sum':
            return xs.reduce((a, b) => a + b, 0);
          case 'count':
            return xs.length;
          case 'last':
            return xs[xs.length - 1];
        }
      };

      it.each(AGGREGATE_FUNCTIONS.map((fn) => [fn]))(
        'computes %s per window and omits empty windows',
        async (fn) => {
          await store.write(
            values.map(([ts, v]) => gauge('d1', 'temp', ts, v)),
            [],
          );
          const windows = await store.queryAggregate({
            deviceId: 'd1',
            metric: 'temp',
            fn,
            windowMs: 5 * MIN,
            from: T0,
            to: T0 + 15 * MIN,
          });
          const first = values.filter(([ts]) => ts < T0 + 5 * MIN).map(([, v]) => v);
          const third = values.filter(([ts]) => ts >= T0 + 10 * MIN).map(([, v]) => v);
          expect(windows.map((w) => w.start)).toEqual([T0, T0 + 10 * MIN]);
          expect(windows[0].value).toBeCloseTo(expected(fn, first), 9);
          expect(windows[1].value).toBeCloseTo(expected(fn, third), 9);
        },
      );
    });

    describe('events', () => {
      const fault = (deviceId: string, ts: number, code: string, component: string): EventRecord => ({
        deviceId,
        ts,
        type: 'fault.raised',
        code,
        component,
        severity: 'machine-down',
      });
      const strip = (events: StoredEvent[]): EventRecord[] => events.map(({ key: _key, ...rest }) => rest);

      it('returns events of a device or of the fleet, in time order', async () => {
        const a = fault('d1', T0 + 2, 'F1', 'fuser');
        const b = fault('d2', T0 + 1, 'F2', 'roller');
        const c: EventRecord = {
          deviceId: 'd1',
          ts: T0 + 3,
          type: 'part.replaced',
          component: 'fuser',
          visitId: 'v1',
        };
        await store.write([], [a, b, c]);
        expect(strip(await store.queryEvents({ from: T0, to: T0 + MIN, limit: 10 }))).toEqual([b, a, c]);
        expect(strip(await store.queryEvents({ deviceId: 'd1', from: T0, to: T0 + MIN, limit: 10 }))).toEqual(
          [a, c],
        );
        expect(
          strip(await store.queryEvents({ from: T0, to: T0 + MIN, types: ['part.replaced'], limit: 10 })),
        ).toEqual([c]);
      });

      it('returns the events of a batch of devices, in time order', async () => {
        const events = ['d1', 'd2', 'd3'].flatMap((d, i) => [
          fault(d, T0 + i, 'F1', 'fuser'),
          fault(d, T0 + 10 - i, 'F2', 'drum'),
        ]);
        await store.write([], events);
        const some = strip(
          await store.queryEvents({ from: T0, to: T0 + MIN, deviceIds: ['d3', 'd1'], limit: 10 }),
        );
        expect(some.map((e) => [e.deviceId, e.ts])).toEqual([
          ['d1', T0],
          ['d3', T0 + 2],
          ['d3', T0 + 8],
          ['d1', T0 + 10],
        ]);
        expect(await store.queryEvents({ from: T0, to: T0 + MIN, deviceIds: [], limit: 10 })).toEqual([]);
      });

      it('keeps two faults at the same instant on different components', async () => {
        await store.write([], [fault('d1', T0, 'F1', 'fuser'), fault('d1', T0, 'F9', 'roller')]);
        expect(await store.queryEvents({ deviceId: 'd1', from: T0, to: T0 + 1, limit: 10 })).toHaveLength(2);
      });

      it('stores an event delivered twice once', async () => {
        await store.write([], [fault('d1', T0, 'F1', 'fuser')]);
        await store.write([], [fault('d1', T0, 'F1', 'fuser')]);
        expect(await store.queryEvents({ deviceId: 'd1', from: T0, to: T0 + 1, limit: 10 })).toHaveLength(1);
      });

      it('pages through events that share a timestamp, each once', async () => {
        const events = Array.from({ length: 7 }, (_, i) =>
          fault(`d${i % 3}`, T0 + (i % 2), `F${i}`, 'fuser'),
        );
        await store.write([], events);
        const seen: StoredEvent[] = [];
        let after: StoredEvent | undefined;
        for (;;) {
          const page = await store.queryEvents({ from: T0, to: T0 + MIN, limit: 3, after });
          seen.push(...page);
          if (page.length < 3) break;
          after = page[page.length - 1];
        }
        expect(seen).toHaveLength(7);
        expect(new Set(seen.map((e) => `${e.ts}${e.key}`)).size).toBe(7);
      });
    });

    it('reports healthy when it can answer', async () => {
      expect((await store.health()).ok).toBe(true);
    });
  });
}
