/** One write, as the audit log keeps it: who did what, when, and how it ended. */
export interface AuditEntry {
  /** Assigned by the store, increasing. */
  id?: number;
  /** When, ms since the epoch. */
  at: number;
  /** Who: `api-key:key-0a1b2c3d`, `provisioning-key:pk-…`, `cli`, `demo`. */
  actor: string;
  /** The key's name and role at the time (a key may be renamed or revoked later). */
  actorName: string | null;
  role: string | null;
  /** What: `POST /api/v1/registry/devices/{id}`, `mqtt provision`, `keys create` … */
  action: string;
  /** The record acted on, when there is one: the request path, a device id. */
  target: string | null;
  /** How it ended: the HTTP status, or 200/4xx-like codes for other channels. */
  status: number;
  /** Where from: the client address, `mqtt`, `cli`. */
  source: string | null;
}

export interface AuditQuery {
  actor?: string;
  from?: number;
  to?: number;
  /** Entries with a smaller id (paging backwards, newest first). */
  before?: number;
  limit: number;
}
