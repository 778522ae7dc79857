import {
  InfluxDB,
  type CommunicationObserver,
  type SendOptions,
  type Transport,
  type WriteApi,
  type WriteOptions,
} from '@influxdata/influxdb-client';
import type { InfluxConfig } from '../../config/app-config.js';

/** One series of an InfluxQL answer. */
export interface InfluxSeries {
  name: string;
  tags?: Record<string, string>;
  columns: string[];
  values: unknown[][];
}

export class InfluxQueryError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'InfluxQueryError';
  }
}

/**
 * The v1 write path: the client writes to `/api/v2/write?org&bucket&precision`;
 * InfluxDB before 1.8 only has `/write?db&rp&precision`. Everything else (gzip,
 * timeouts, errors) is the client's own transport.
 */
export class V1WriteTransport implements Transport {
  readonly chunkCombiner: Transport['chunkCombiner'];

  constructor(
    private readonly inner: Transport,
    private readonly c: InfluxConfig,
  ) {
    this.chunkCombiner = inner.chunkCombiner;
  }

  private rewrite(path: string): string {
    if (!path.startsWith('/api/v2/write')) return path;
    const precision = new URLSearchParams(path.slice(path.indexOf('?') + 1)).get('precision') ?? 'ms';
    const q = new URLSearchParams({ db: this.c.database, precision });
    if (this.c.retentionPolicy) q.set('rp', this.c.retentionPolicy);
    if (this.c.username) {
      q.set('u', this.c.username);
      q.set('p', this.c.password);
    }
    return `/write?${q.toString()}`;
  }

  send(
    path: string,
    body: string,
    options: SendOptions,
    callbacks?: Partial<CommunicationObserver<Uint8Array>>,
  ): void {
    this.inner.send(this.rewrite(path), body, options, callbacks);
  }

  request(path: string, body: unknown, options: SendOptions): Promise<unknown> {
    return this.inner.request(this.rewrite(path), body, options) as Promise<unknown>;
  }

  iterate(path: string, body: unknown, options: SendOptions): AsyncIterableIterator<Uint8Array> {
    return this.inner.iterate(this.rewrite(path), body, options);
  }
}

/**
 * A WriteApi for the configured InfluxDB generation. Precision is milliseconds;
 * batching is done by the caller (one flush per batch), so the client's own timer
 * and retry buffer stay idle: a failed batch goes to `writeFailed`, which decides.
 */
export function createWriteApi(c: InfluxConfig, writeFailed: WriteOptions['writeFailed']): WriteApi {
  const base = new InfluxDB({
    url: c.url,
    token: c.api === 'v2' ? c.token : undefined,
    timeout: c.timeoutMs,
  });
  const client =
    c.api === 'v1'
      ? new InfluxDB({ url: c.url, timeout: c.timeoutMs, transport: new V1WriteTransport(base.transport, c) })
      : base;
  return client.getWriteApi(c.api === 'v2' ? c.org : '', c.api === 'v2' ? c.bucket : c.database, 'ms', {
    batchSize: c.batchLines + 1,
    maxBatchBytes: 512 * 1024 * 1024,
    flushInterval: 0,
    maxRetries: 0,
    gzipThreshold: 64 * 1024,
    writeFailed,
  });
}

/**
 * InfluxQL over `/query`: InfluxDB 1.x natively, 2.x through the bucket's DBRP
 * mapping, 3.x natively. Answers are read in chunks, so no server row limit cuts them.
 */
export class InfluxQlClient {
  constructor(private readonly c: InfluxConfig) {}

  async query(statement: string, database: string | null = this.c.database): Promise<InfluxSeries[]> {
    const form = new URLSearchParams({ q: statement, epoch: 'ms', chunked: 'true', chunk_size: '10000' });
    if (database) form.set('db', database);
    if (this.c.retentionPolicy) form.set('rp', this.c.retentionPolicy);
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (this.c.api === 'v2') headers.authorization = `Token ${this.c.token}`;
    else if (this.c.username) {
      form.set('u', this.c.username);
      form.set('p', this.c.password);
    }
    let res: Response;
    try {
      res = await fetch(new URL('/query', this.c.url), {
        method: 'POST',
        headers,
        body: form,
        signal: AbortSignal.timeout(this.c.timeoutMs),
      });
    } catch (err) {
      throw new InfluxQueryError(`InfluxDB unreachable: ${(err as Error).message}`);
    }
    const text = await res.text();
    if (!res.ok)
      throw new InfluxQueryError(`InfluxDB answered ${res.status}: ${text.slice(0, 300)}`, res.status);
    // chunked: one JSON document per line; series of the same name and tags continue
    const series = new Map<string, InfluxSeries>();
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      const doc = JSON.parse(line) as {
        results?: Array<{ series?: InfluxSeries[]; error?: string }>;
        error?: string;
      };
      if (doc.error) throw new InfluxQueryError(doc.error);
      for (const r of doc.results ?? []) {
        if (r.error) throw new InfluxQueryError(r.error);
        for (const s of r.series ?? []) {
          const key = `${s.name}\u0000${JSON.stringify(s.tags ?? {})}`;
          const known = series.get(key);
          if (known) known.values.push(...s.values);
          else series.set(key, { ...s, values: [...s.values] });
        }
      }
    }
    return [...series.values()];
  }

  /**
   * Removes every point of a measurement: InfluxQL `DROP MEASUREMENT` before 1.8 (v1 API),
   * the v2 delete API otherwise (2.x, 1.8+). InfluxDB 3 has no delete by predicate: drop the
   * table with its own tools.
   */
  async deleteMeasurement(measurement: string): Promise<void> {
    if (this.c.api === 'v1') {
      await this.query(`DROP MEASUREMENT "${measurement.replace(/"/g, '\\"')}"`);
      return;
    }
    const q = new URLSearchParams({ org: this.c.org, bucket: this.c.bucket });
    let res: Response;
    try {
      res = await fetch(new URL(`/api/v2/delete?${q.toString()}`, this.c.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Token ${this.c.token}` },
        body: JSON.stringify({
          start: '1970-01-01T00:00:00Z',
          stop: '2200-01-01T00:00:00Z',
          predicate: `_measurement="${measurement}"`,
        }),
        signal: AbortSignal.timeout(this.c.timeoutMs),
      });
    } catch (err) {
      throw new InfluxQueryError(`InfluxDB unreachable: ${(err as Error).message}`);
    }
    if (!res.ok)
      throw new InfluxQueryError(
        `InfluxDB refused to delete ${measurement}: ${res.status} ${(await res.text()).slice(0, 300)}`,
        res.status,
      );
  }

  /** `/ping`: 204 from every generation. */
  async ping(): Promise<boolean> {
    try {
      const res = await fetch(new URL('/ping', this.c.url), {
        signal: AbortSignal.timeout(this.c.timeoutMs),
      });
      return res.status === 204 || res.ok;
    } catch {
      return false;
    }
  }
}
