import type { RecordsDatabase } from '../ports/records-database.port.js';
import { jsonb } from '../common/jsonb.js';
import type { FeedbackRequest } from './feedback.js';
import type {
  FeedbackListQuery,
  FeedbackRepository,
  RatingTotals,
  StoredRating,
} from './feedback.repository.js';
import type { LoyaltyBand } from './loyalty-risk.js';

/** Feedback on the records database (PGlite or PostgreSQL). */
export class SqlFeedbackRepository implements FeedbackRepository {
  constructor(private readonly db: RecordsDatabase) {}

  async nextId(): Promise<string> {
    const { rows } = await this.db.query<{ n: number }>(`SELECT nextval('feedback_request_numbers') AS n`);
    return `FB-${String(rows[0].n).padStart(6, '0')}`;
  }

  async insert(r: FeedbackRequest, tokenHash: string): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `INSERT INTO feedback_requests (id, token_hash, order_id, visit_at, customer_id, technician_id, created_at,
         expires_at, answered_at, rating, doc)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb)
       ON CONFLICT (order_id, visit_at) DO NOTHING`,
      [
        r.requestId,
        tokenHash,
        r.orderId,
        r.visitAt,
        r.customerId,
        r.technicianId,
        r.createdAt,
        r.expiresAt,
        r.answeredAt,
        r.rating,
        jsonb(r),
      ],
    );
    return rowCount > 0;
  }

  async get(id: string): Promise<FeedbackRequest | null> {
    const { rows } = await this.db.query<{ doc: FeedbackRequest }>(
      'SELECT doc FROM feedback_requests WHERE id = $1',
      [id],
    );
    return rows[0]?.doc ?? null;
  }

  async byTokenHash(hash: string): Promise<FeedbackRequest | null> {
    const { rows } = await this.db.query<{ doc: FeedbackRequest }>(
      'SELECT doc FROM feedback_requests WHERE token_hash = $1',
      [hash],
    );
    return rows[0]?.doc ?? null;
  }

  async answer(
    hash: string,
    rating: number,
    comment: string | null,
    at: number,
  ): Promise<FeedbackRequest | null> {
    // compare-and-set: of two uses of one token, only the first finds answered_at null
    const { rows } = await this.db.query<{ doc: FeedbackRequest }>(
      `UPDATE feedback_requests
       SET answered_at = $4, rating = $2::int,
           doc = doc || jsonb_build_object('rating', $2::int, 'comment', $3::text, 'answeredAt', $4::bigint)
       WHERE token_hash = $1 AND answered_at IS NULL AND expires_at > $4
       RETURNING doc`,
      [hash, rating, comment, at],
    );
    return rows[0]?.doc ?? null;
  }

  async reissue(id: string, hash: string, expiresAt: number): Promise<FeedbackRequest | null> {
    const { rows } = await this.db.query<{ doc: FeedbackRequest }>(
      `UPDATE feedback_requests
       SET token_hash = $2, expires_at = $3,
           doc = doc || jsonb_build_object('expiresAt', $3::bigint, 'tokenVersion', (doc->>'tokenVersion')::int + 1)
       WHERE id = $1 AND answered_at IS NULL
       RETURNING doc`,
      [id, hash, expiresAt],
    );
    return rows[0]?.doc ?? null;
  }

  async list(q: FeedbackListQuery): Promise<FeedbackRequest[]> {
    const { rows } = await this.db.query<{ doc: FeedbackRequest }>(
      `SELECT doc FROM feedback_requests
       WHERE ($1::text IS NULL OR order_id = $1)
         AND ($2::text IS NULL OR customer_id = $2)
         AND ($3::text IS NULL OR technician_id = $3)
         AND ($4::text IS NULL
              OR ($4 = 'answered' AND answered_at IS NOT NULL)
              OR ($4 = 'open' AND answered_at IS NULL AND expires_at > $5)
              OR ($4 = 'expired' AND answered_at IS NULL AND expires_at <= $5))
         AND ($6::text IS NULL OR id < $6)
       ORDER BY id DESC LIMIT $7`,
      [
        q.orderId ?? null,
        q.customerId ?? null,
        q.technicianId ?? null,
        q.status ?? null,
        q.now,
        q.before ?? null,
        q.limit,
      ],
    );
    return rows.map((r) => r.doc);
  }

  async customerRatings(customerId: string, from: number): Promise<StoredRating[]> {
    const { rows } = await this.db.query<StoredRating>(
      `SELECT rating, answered_at AS at, technician_id AS "technicianId", customer_id AS "customerId"
       FROM feedback_requests WHERE customer_id = $1 AND answered_at >= $2 ORDER BY answered_at, id`,
      [customerId, from],
    );
    return rows;
  }

  async technicianTotals(): Promise<Map<string, RatingTotals>> {
    const { rows } = await this.db.query<{ id: string; sum: number; count: number }>(
      `SELECT technician_id AS id, SUM(rating)::int AS sum, COUNT(*)::int AS count
       FROM feedback_requests WHERE technician_id IS NOT NULL AND answered_at IS NOT NULL GROUP BY technician_id`,
    );
    return new Map(rows.map((r) => [r.id, { sum: r.sum, count: r.count }]));
  }

  async technicianCustomerTotals(): Promise<Map<string, Map<string, RatingTotals>>> {
    const { rows } = await this.db.query<{ t: string; c: string; sum: number; count: number }>(
      `SELECT technician_id AS t, customer_id AS c, SUM(rating)::int AS sum, COUNT(*)::int AS count
       FROM feedback_requests
       WHERE technician_id IS NOT NULL AND customer_id IS NOT NULL AND answered_at IS NOT NULL
       GROUP BY technician_id, customer_id`,
    );
    const out = new Map<string, Map<string, RatingTotals>>();
    for (const r of rows) {
      const m = out.get(r.t) ?? new Map<string, RatingTotals>();
      m.set(r.c, { sum: r.sum, count: r.count });
      out.set(r.t, m);
    }
    return out;
  }

  async activeCustomers(from: number): Promise<string[]> {
    const { rows } = await this.db.query<{ c: string }>(
      `SELECT DISTINCT customer_id AS c FROM feedback_requests
       WHERE customer_id IS NOT NULL AND (visit_at >= $1 OR answered_at >= $1) ORDER BY c`,
      [from],
    );
    return rows.map((r) => r.c);
  }

  async lastRisk(customerId: string): Promise<{ score: number; band: LoyaltyBand; at: number } | null> {
    const { rows } = await this.db.query<{ score: number; band: LoyaltyBand; at: number }>(
      'SELECT score, band, at FROM feedback_loyalty WHERE customer_id = $1',
      [customerId],
    );
    return rows[0] ?? null;
  }

  async saveRisk(customerId: string, score: number, band: LoyaltyBand, at: number): Promise<void> {
    // a late computation never overwrites a newer one
    await this.db.query(
      `INSERT INTO feedback_loyalty AS l (customer_id, score, band, at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (customer_id) DO UPDATE SET score = excluded.score, band = excluded.band, at = excluded.at
       WHERE l.at <= excluded.at`,
      [customerId, score, band, at],
    );
  }
}
