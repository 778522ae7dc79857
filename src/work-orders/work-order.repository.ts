import type { Priority, WorkOrder, WorkOrderChange, WorkOrderKind, WorkOrderStatus } from './work-order.js';

/** Filters of the order list; every one given must match. */
export interface WorkOrderFilter {
  status?: readonly WorkOrderStatus[];
  kind?: readonly WorkOrderKind[];
  priority?: readonly Priority[];
  deviceId?: string;
  customerId?: string;
  siteId?: string;
  assignee?: string;
  component?: string;
  /** Only open (true) or only closed and cancelled (false) orders. */
  open?: boolean;
  /** Created in [createdFrom, createdTo). */
  createdFrom?: number;
  createdTo?: number;
}

/** Position of the last order of a page: the list is newest first (created time, then id). */
export interface WorkOrderCursor {
  createdAt: number;
  id: string;
}

export interface WorkOrderListQuery extends WorkOrderFilter {
  limit: number;
  /** Orders listed after this one (older). */
  after?: WorkOrderCursor;
}

/**
 * The work orders and their history. At most one open order per device and
 * dedupe key (see `dedupeKey`): the database enforces it, so two replicas reacting
 * to the same fault at once still open one order. Implemented on the records
 * database; `test/contract/work-order.contract.ts` is its spec.
 */
export interface WorkOrderRepository {
  /** A new order id: `WO-` and a number, increasing. */
  nextId(): Promise<string>;
  /**
   * Stores a new order with its first changes. False, and nothing stored, when an open
   * order with the same device and dedupe key exists: append to that one instead.
   */
  insert(order: WorkOrder, changes: readonly WorkOrderChange[]): Promise<boolean>;
  /**
   * Replaces the order and appends its changes when the stored version is
   * `expectedVersion`; false, and nothing written, when it changed meanwhile.
   */
  update(order: WorkOrder, expectedVersion: number, changes: readonly WorkOrderChange[]): Promise<boolean>;
  get(id: string): Promise<WorkOrder | null>;
  /** The device's open orders. */
  openForDevice(deviceId: string): Promise<WorkOrder[]>;
  /** Open orders by id, `limit` at a time after `afterId`: what periodic jobs walk through. */
  scanOpen(afterId: string | null, limit: number): Promise<WorkOrder[]>;
  /** Newest first. */
  list(query: WorkOrderListQuery): Promise<WorkOrder[]>;
  /** Every kept change, oldest first. */
  history(id: string): Promise<WorkOrderChange[]>;
}

export const WORK_ORDER_REPOSITORY = Symbol('WorkOrderRepository');
