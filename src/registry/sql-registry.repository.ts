import type { RecordsDatabase, SqlExecutor } from '../ports/records-database.port.js';
import {
  ID_FIELD,
  type Device,
  type RegistryEntity,
  type RegistryRecords,
  type Site,
} from './registry-entities.js';
import type {
  DeviceScope,
  RegistryFilter,
  RegistryListQuery,
  RegistryRepository,
  UpsertOutcome,
} from './registry.repository.js';

const TABLE: Record<RegistryEntity, string> = {
  customers: 'registry_customers',
  sites: 'registry_sites',
  models: 'registry_models',
  devices: 'registry_devices',
};

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

/** Filter → SQL condition per table, `$n` being its parameter; absent: the filter does not apply. */
const FILTER_SQL: { [E in RegistryEntity]: Partial<Record<RegistryFilter, string>> } = {
  customers: {},
  sites: { customerId: 'customer_id = $n' },
  models: {},
  devices: {
    modelId: 'model_id = $n',
    siteId: 'site_id = $n',
    customerId: 'site_id IN (SELECT id FROM registry_sites WHERE customer_id = $n)',
  },
};

/** Who points at a record: table and column. */
const REFERRERS: Record<RegistryEntity, Array<[string, string]>> = {
  customers: [['registry_sites', 'customer_id']],
  sites: [['registry_devices', 'site_id']],
  models: [['registry_devices', 'model_id']],
  devices: [],
};

const idOf = <E extends RegistryEntity>(entity: E, record: RegistryRecords[E]): string =>
  record[ID_FIELD[entity] as keyof RegistryRecords[E]] as string;

/** The registry on the records database (PGlite or PostgreSQL). */
export class SqlRegistryRepository implements RegistryRepository {
  constructor(private readonly db: RecordsDatabase) {}

  async get<E extends RegistryEntity>(entity: E, id: string): Promise<RegistryRecords[E] | null> {
    const { rows } = await this.db.query<{ doc: RegistryRecords[E] }>(
      `SELECT doc FROM ${TABLE[entity]} WHERE id = $1`,
      [id],
    );
    return rows[0]?.doc ?? null;
  }

  async list<E extends RegistryEntity>(entity: E, q: RegistryListQuery): Promise<Array<RegistryRecords[E]>> {
    const where: string[] = [];
    const params: string[] = [];
    if (q.after !== undefined) {
      params.push(q.after);
      where.push(`id > $${params.length}`);
    }
    for (const [name, value] of Object.entries(q.filters ?? {})) {
      const sql = FILTER_SQL[entity][name as RegistryFilter];
      if (!sql || value === undefined) continue;
      params.push(value);
      where.push(sql.replace('$n', `$${params.length}`));
    }
    const { rows } = await this.db.query<{ doc: RegistryRecords[E] }>(
      `SELECT doc FROM ${TABLE[entity]} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY id LIMIT $${params.length + 1}`,
      [...params, q.limit],
    );
    return rows.map((r) => r.doc);
  }

  async existing(entity: RegistryEntity, ids: readonly string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const { rows } = await this.db.query<{ id: string }>(
      `SELECT id FROM ${TABLE[entity]} WHERE id = ANY($1::text[])`,
      [[...new Set(ids)]],
    );
    return new Set(rows.map((r) => r.id));
  }

  /**
   * One transaction, two statements whatever the batch size: read the current
   * documents, then write the new and changed ones in one multi-row upsert. A
   * record given twice counts as it would written one after the other.
   */
  upsert<E extends RegistryEntity>(
    entity: E,
    records: ReadonlyArray<RegistryRecords[E]>,
  ): Promise<UpsertOutcome[]> {
    if (!records.length) return Promise.resolve([]);
    return this.db.transaction(async (tx) => {
      const ids = [...new Set(records.map((r) => idOf(entity, r)))];
      const { rows } = await tx.query<{ id: string; doc: string }>(
        `SELECT id, doc::text AS doc FROM ${TABLE[entity]} WHERE id = ANY($1::text[])`,
        [ids],
      );
      const docs = new Map(rows.map((r) => [r.id, r.doc]));
      const changed = new Map<string, RegistryRecords[E]>();
      const outcomes = records.map((record): UpsertOutcome => {
        const id = idOf(entity, record);
        const doc = JSON.stringify(record);
        const before = docs.get(id);
        if (before === doc) return 'unchanged';
        docs.set(id, doc);
        changed.set(id, record);
        return before === undefined ? 'created' : 'updated';
      });
      // sorted: replicas writing overlapping batches lock rows in the same order
      const write = [...changed.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      if (write.length)
        await this.write(
          tx,
          entity,
          write.map(([, r]) => r),
          'upsert',
        );
      return outcomes;
    });
  }

  async create<E extends RegistryEntity>(entity: E, record: RegistryRecords[E]): Promise<boolean> {
    return (await this.write(this.db, entity, [record], 'insert')) > 0;
  }

  async referencedBy(entity: RegistryEntity, id: string): Promise<number> {
    let n = 0;
    for (const [table, column] of REFERRERS[entity]) {
      const { rows } = await this.db.query<{ n: number }>(
        `SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = $1`,
        [id],
      );
      n += rows[0].n;
    }
    return n;
  }

  async delete(entity: RegistryEntity, id: string): Promise<boolean> {
    const { rowCount } = await this.db.query(`DELETE FROM ${TABLE[entity]} WHERE id = $1`, [id]);
    return rowCount > 0;
  }

  async deviceScopes(): Promise<DeviceScope[]> {
    const { rows } = await this.db.query<DeviceScope>(
      `SELECT d.id AS "deviceId", d.model_id AS "modelId", d.site_id AS "siteId", s.customer_id AS "customerId",
              d.doc ->> 'installDate' AS "installDate", d.doc ->> 'removedDate' AS "removedDate"
       FROM registry_devices d LEFT JOIN registry_sites s ON s.id = d.site_id ORDER BY d.id`,
    );
    return rows;
  }

  /** One multi-row statement; `insert` leaves existing ids alone. Returns the rows written. */
  private async write<E extends RegistryEntity>(
    on: SqlExecutor,
    entity: E,
    records: ReadonlyArray<RegistryRecords[E]>,
    mode: 'upsert' | 'insert',
  ): Promise<number> {
    const refs = REFERENCE_COLUMNS[entity];
    const columns = ['id', ...refs.map(([c]) => c), 'doc'];
    const arrays = [
      records.map((r) => idOf(entity, r)),
      ...refs.map(([, get]) => records.map((r) => get(r))),
      records.map((r) => JSON.stringify(r)),
    ];
    const types = ['text', ...refs.map(() => 'text'), 'json'];
    const onConflict =
      mode === 'insert'
        ? 'DO NOTHING'
        : `DO UPDATE SET ${[...columns.slice(1), 'updated_at'].map((c) => `${c} = excluded.${c}`).join(', ')}`;
    const { rowCount } = await on.query(
      `INSERT INTO ${TABLE[entity]} (${columns.join(', ')}, updated_at)
       SELECT u.*, $${arrays.length + 1}::bigint
       FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')}) AS u
       ON CONFLICT (id) ${onConflict}`,
      [...arrays, Date.now()],
    );
    return rowCount;
  }
}
