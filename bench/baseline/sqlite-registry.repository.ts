// The registry as releases before the records database kept it (better-sqlite3), for the
// records bench to compare against (bench/records.bench.ts). Not used by the service.
import type {
  DeviceScope,
  RegistryFilter,
  RegistryListQuery,
  RegistryRepository,
  UpsertOutcome,
} from '../../src/registry/registry.repository.js';
import {
  ID_FIELD,
  type Device,
  type RegistryEntity,
  type RegistryRecords,
  type Site,
} from '../../src/registry/registry-entities.js';
import type { SqliteDatabase } from '../../src/infrastructure/sqlite/sqlite-database.js';

/** Reference columns of each table, filled from the record. */
const REFERENCE_COLUMNS: {
  [E in RegistryEntity]: Array<[string, (r: RegistryRecords[E]) => string | null]>;
} = {
  customers: [],
  sites: [['customer_id', (r: Site) => r.customerId]],
  models: [],
  devices: [
    ['model_id', (r: Device) => r.modelId],
    ['site_id', (r: Device) => r.siteId ?? null],
  ],
};

/** Filter → SQL condition per table; absent: the filter does not apply. */
const FILTER_SQL: { [E in RegistryEntity]: Partial<Record<RegistryFilter, string>> } = {
  customers: {},
  sites: { customerId: 'customer_id = ?' },
  models: {},
  devices: {
    modelId: 'model_id = ?',
    siteId: 'site_id = ?',
    customerId: 'site_id IN (SELECT id FROM sites WHERE customer_id = ?)',
  },
};

/** Who points at a record: table and column. */
const REFERRERS: Record<RegistryEntity, Array<[RegistryEntity, string]>> = {
  customers: [['sites', 'customer_id']],
  sites: [['devices', 'site_id']],
  models: [['devices', 'model_id']],
  devices: [],
};

export class SqliteRegistryRepository implements RegistryRepository {
  constructor(private readonly db: SqliteDatabase) {}

  get<E extends RegistryEntity>(entity: E, id: string): Promise<RegistryRecords[E] | null> {
    const row = this.db.prepare(`SELECT doc FROM ${entity} WHERE id = ?`).get(id) as
      { doc: string } | undefined;
    return Promise.resolve(row ? (JSON.parse(row.doc) as RegistryRecords[E]) : null);
  }

  list<E extends RegistryEntity>(entity: E, q: RegistryListQuery): Promise<Array<RegistryRecords[E]>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.after !== undefined) {
      where.push('id > ?');
      params.push(q.after);
    }
    for (const [name, value] of Object.entries(q.filters ?? {})) {
      const sql = FILTER_SQL[entity][name as RegistryFilter];
      if (!sql || value === undefined) continue;
      where.push(sql);
      params.push(value);
    }
    const rows = this.db
      .prepare(
        `SELECT doc FROM ${entity} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT ?`,
      )
      .all(...params, q.limit) as Array<{ doc: string }>;
    return Promise.resolve(rows.map((r) => JSON.parse(r.doc) as RegistryRecords[E]));
  }

  existing(entity: RegistryEntity, ids: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    const stmt = this.db.prepare(`SELECT id FROM ${entity} WHERE id = ?`).pluck();
    for (const id of new Set(ids)) if (stmt.get(id) !== undefined) found.add(id);
    return Promise.resolve(found);
  }

  upsert<E extends RegistryEntity>(
    entity: E,
    records: ReadonlyArray<RegistryRecords[E]>,
  ): Promise<UpsertOutcome[]> {
    return Promise.resolve(this.upsertNow(entity, records));
  }

  /** Upserts in one transaction (nested in the caller's, if any). */
  private upsertNow<E extends RegistryEntity>(
    entity: E,
    records: ReadonlyArray<RegistryRecords[E]>,
  ): UpsertOutcome[] {
    const refs = REFERENCE_COLUMNS[entity];
    const columns = ['id', ...refs.map(([c]) => c), 'doc', 'updated_at'];
    const current = this.db.prepare(`SELECT doc FROM ${entity} WHERE id = ?`).pluck();
    const write = this.db.prepare(
      `INSERT INTO ${entity} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
       ON CONFLICT (id) DO UPDATE SET ${columns
         .slice(1)
         .map((c) => `${c} = excluded.${c}`)
         .join(', ')}`,
    );
    const now = Date.now();
    const tx = this.db.transaction((batch: ReadonlyArray<RegistryRecords[E]>) =>
      batch.map((record): UpsertOutcome => {
        const id = record[ID_FIELD[entity] as keyof RegistryRecords[E]] as string;
        const doc = JSON.stringify(record);
        const before = current.get(id) as string | undefined;
        if (before === doc) return 'unchanged';
        write.run(id, ...refs.map(([, get]) => get(record)), doc, now);
        return before === undefined ? 'created' : 'updated';
      }),
    );
    return tx(records);
  }

  create<E extends RegistryEntity>(entity: E, record: RegistryRecords[E]): Promise<boolean> {
    const id = record[ID_FIELD[entity] as keyof RegistryRecords[E]] as string;
    const tx = this.db.transaction(() => {
      if (this.db.prepare(`SELECT 1 FROM ${entity} WHERE id = ?`).get(id) !== undefined) return false;
      this.upsertNow(entity, [record]);
      return true;
    });
    return Promise.resolve(tx());
  }

  referencedBy(entity: RegistryEntity, id: string): Promise<number> {
    let n = 0;
    for (const [table, column] of REFERRERS[entity]) {
      n += this.db.prepare(`SELECT COUNT(*) FROM ${table} WHERE ${column} = ?`).pluck().get(id) as number;
    }
    return Promise.resolve(n);
  }

  delete(entity: RegistryEntity, id: string): Promise<boolean> {
    return Promise.resolve(this.db.prepare(`DELETE FROM ${entity} WHERE id = ?`).run(id).changes > 0);
  }

  deviceScopes(): Promise<DeviceScope[]> {
    const rows = this.db
      .prepare(
        `SELECT d.id, d.model_id, d.site_id, s.customer_id,
                json_extract(d.doc, '$.installDate') AS install_date,
                json_extract(d.doc, '$.removedDate') AS removed_date
         FROM devices d LEFT JOIN sites s ON s.id = d.site_id ORDER BY d.id`,
      )
      .all() as Array<{
      id: string;
      model_id: string;
      site_id: string | null;
      customer_id: string | null;
      install_date: string;
      removed_date: string | null;
    }>;
    return Promise.resolve(
      rows.map((r) => ({
        deviceId: r.id,
        modelId: r.model_id,
        siteId: r.site_id,
        customerId: r.customer_id,
        installDate: r.install_date,
        removedDate: r.removed_date,
      })),
    );
  }
}
