import type { EventRecord, TelemetryPoint } from '../ports/records.js';
import type { TelemetryStore } from '../ports/telemetry-store.port.js';
import { WriteBuffer, type WriteBufferObserver } from './write-buffer.js';

const point = (i: number): TelemetryPoint => ({ deviceId: 'd', metric: 'm', kind: 'gauge', ts: i, value: i });

/** A store that records batches and fails the next `failures` writes. */
class RecordingStore {
  batches: number[][] = [];
  failures = 0;
  write(points: readonly TelemetryPoint[], _events: readonly EventRecord[]): Promise<void> {
    if (this.failures > 0) {
      this.failures--;
      return Promise.reject(new Error('store down'));
    }
    this.batches.push(points.map((p) => p.value));
    return Promise.resolve();
  }
}

const quiet: WriteBufferObserver = {
  written: () => undefined,
  failed: () => undefined,
};

function buffer(store: RecordingStore, batchSize = 3, highWater = 100): WriteBuffer {
  return new WriteBuffer(
    store as unknown as TelemetryStore,
    { batchSize, flushIntervalMs: 10_000, highWater, maxRetryDelayMs: 5 },
    quiet,
  );
}

describe(WriteBuffer.name, () => {
  it('writes full batches at once and the rest on drain, in order', async () => {
    const store = new RecordingStore();
    const b = buffer(store);
    b.add([0, 1, 2, 3, 4, 5, 6].map(point), []);
    await b.drain();
    expect(store.batches).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(b.depth).toBe(0);
  });

  it('keeps a failed batch at the head and retries it before newer records', async () => {
    const store = new RecordingStore();
    store.failures = 2;
    const b = buffer(store);
    b.add([0, 1, 2].map(point), []);
    b.add([3].map(point), []);
    await b.drain();
    expect(store.batches.flat()).toEqual([0, 1, 2, 3]);
  });

  it('makes the caller wait above the high-water mark until writes catch up', async () => {
    const store = new RecordingStore();
    store.failures = 1;
    const b = buffer(store, 2, 4);
    // the first batch of 2 leaves at once (and fails); 5 stay, above the mark of 4
    b.add([0, 1, 2, 3, 4, 5, 6].map(point), []);
    const wait = b.whenBelowHighWater();
    expect(wait).toBeInstanceOf(Promise);
    await wait;
    expect(b.depth).toBeLessThan(4);
    expect(b.whenBelowHighWater()).toBeUndefined();
    await b.close();
    expect(store.batches.flat()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('gives up draining after the deadline when the store stays down', async () => {
    const store = new RecordingStore();
    store.failures = Number.POSITIVE_INFINITY;
    const b = buffer(store);
    b.add([point(1)], []);
    await expect(b.drain(100)).rejects.toThrow(/not drained: 1 records left/);
    // and still holds the record: once the store is back it is written
    store.failures = 0;
    await b.close();
    expect(store.batches).toEqual([[1]]);
  });

  it('resolves durable adds once their records are written, in order, without waiting for the interval', async () => {
    const store = new RecordingStore();
    const b = buffer(store, 3);
    const event: EventRecord = { deviceId: 'd', ts: 1, type: 'pm.done' };
    const done: string[] = [];
    // the event's first write fails; the points, added later, are written first on the retry
    store.failures = 1;
    const a = b.addDurable([], [event]).then(() => done.push('event'));
    const c = b.addDurable([1, 2, 3].map(point), []).then(() => done.push('points'));
    await new Promise((r) => setTimeout(r, 1));
    expect(done).toEqual([]);
    await Promise.all([a, c]);
    // acknowledgements keep the order messages came in, whatever the write order
    expect(done).toEqual(['event', 'points']);
    expect(store.batches).toEqual([[1, 2, 3], []]);
  });
});
