import { createHmac, timingSafeEqual } from 'node:crypto';

/** Headers of every delivery. */
export const WEBHOOK_HEADERS = {
  /** The event name, e.g. `work-order.changed`. */
  event: 'x-fleet-event',
  /** The delivery id: the same on every retry of one delivery, so a receiver can drop a repeat. */
  delivery: 'x-fleet-delivery',
  /** Seconds since the epoch when this attempt was signed. */
  timestamp: 'x-fleet-timestamp',
  /** `v1=` and the hex HMAC-SHA256, keyed with the subscription's secret, of `{timestamp}.{body}`. */
  signature: 'x-fleet-signature',
} as const;

/**
 * The signature of one attempt: HMAC-SHA256 over the timestamp, a dot and the raw
 * body. The timestamp is signed with the body so that a captured request cannot be
 * replayed later with a fresh timestamp (the scheme Stripe and Slack use).
 */
export function signWebhook(secret: string, timestampSeconds: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex')}`;
}

/**
 * What a receiver does: recomputes the signature and checks the timestamp is recent
 * (`toleranceSeconds` either way). Constant-time comparison.
 */
export function verifyWebhook(
  secret: string,
  body: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const t = Number(headers.timestamp);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds || !headers.signature) return false;
  const expected = Buffer.from(signWebhook(secret, t, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
