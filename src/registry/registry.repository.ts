import type { DeviceScope, RegistryEntity, RegistryRecords } from './registry-entities.js';

export interface RegistryListQuery {
  limit: number;
  /** Paging cursor: records with ids after this one. */
  after?: string;
  /** Equality filters on reference fields: `customerId`, `siteId`, `modelId`. */
  filters?: Partial<Record<RegistryFilter, string>>;
}

export const REGISTRY_FILTERS = ['customerId', 'siteId', 'modelId'] as const;
export type RegistryFilter = (typeof REGISTRY_FILTERS)[number];

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

export type { DeviceScope } from './registry-entities.js';

/**
 * Customers, sites, models and devices in the relational store. Records are whole
 * documents validated by the registry service; references are enforced here too.
 */
export interface RegistryRepository {
  get<E extends RegistryEntity>(entity: E, id: string): Promise<RegistryRecords[E] | null>;
  list<E extends RegistryEntity>(entity: E, query: RegistryListQuery): Promise<Array<RegistryRecords[E]>>;
  /** Which of these ids exist. */
  existing(entity: RegistryEntity, ids: readonly string[]): Promise<Set<string>>;
  /** Inserts or replaces each record, in one transaction. */
  upsert<E extends RegistryEntity>(
    entity: E,
    records: ReadonlyArray<RegistryRecords[E]>,
  ): Promise<UpsertOutcome[]>;
  /** Inserts only; false when the id exists. */
  create<E extends RegistryEntity>(entity: E, record: RegistryRecords[E]): Promise<boolean>;
  /** How many records name this one (sites of a customer, devices of a model or site). */
  referencedBy(entity: RegistryEntity, id: string): Promise<number>;
  delete(entity: RegistryEntity, id: string): Promise<boolean>;
  /** Every registered device with its model, site and customer. */
  deviceScopes(): Promise<DeviceScope[]>;
}

export const REGISTRY_REPOSITORY = Symbol('RegistryRepository');
