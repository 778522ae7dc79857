import { eventMatches, retryDelay, type RetryPolicy } from './webhook-retry.js';
import { signWebhook, verifyWebhook } from './webhook-signature.js';

describe(signWebhook.name, () => {
  // checked with: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac s3cret
  it('is the HMAC-SHA256 of timestamp.body', () => {
    expect(signWebhook('s3cret', 1_700_000_000, '{"a":1}')).toBe(
      'v1=1698a50bc74d1ff1db85c4e0a5297c2ad9fdba245d5737cdb789e4cc6e098940',
    );
  });

  it.each<[string, string, string, number, boolean]>([
    ['the right secret, body and time', 's3cret', '{"a":1}', 1_700_000_010, true],
    ['another secret', 'other', '{"a":1}', 1_700_000_010, false],
    ['a changed body', 's3cret', '{"a":2}', 1_700_000_010, false],
    ['a replay ten minutes later', 's3cret', '{"a":1}', 1_700_000_600, false],
  ])('a receiver accepts %s: %s', (_name, secret, body, now, ok) => {
    const headers = { timestamp: '1700000000', signature: signWebhook('s3cret', 1_700_000_000, '{"a":1}') };
    expect(verifyWebhook(secret, body, headers, now)).toBe(ok);
  });

  it('refuses a missing or malformed signature', () => {
    expect(verifyWebhook('s', 'b', { timestamp: '1', signature: undefined }, 1)).toBe(false);
    expect(verifyWebhook('s', 'b', { timestamp: 'x', signature: 'v1=00' }, 1)).toBe(false);
    expect(verifyWebhook('s', 'b', { timestamp: '1', signature: 'v1=00' }, 1)).toBe(false);
  });
});

describe(retryDelay.name, () => {
  const policy: RetryPolicy = { baseMs: 1000, maxMs: 60_000, maxAttempts: 8 };
  it.each([
    // failures, delay with random 0, with random ~1
    [1, 500, 1000],
    [2, 1000, 2000],
    [3, 2000, 4000],
    [6, 16_000, 32_000],
    [7, 30_000, 60_000],
  ])('after %d failures waits between %d and %d ms', (failures, low, high) => {
    expect(retryDelay(failures, policy, () => 0)).toBe(low);
    expect(retryDelay(failures, policy, () => 0.999999)).toBe(high);
  });

  it('gives up after the last attempt', () => {
    expect(retryDelay(8, policy)).toBeNull();
  });
});

describe(eventMatches.name, () => {
  it.each<[string[], string, boolean]>([
    [['*'], 'work-order.created', true],
    [['work-order.*'], 'work-order.changed', true],
    [['work-order.*'], 'work-orders.changed', false],
    [['work-order.created'], 'work-order.changed', false],
    [['signal.*', 'work-order.created'], 'work-order.created', true],
    [[], 'work-order.created', false],
  ])('%j takes %s: %s', (filters, event, ok) => {
    expect(eventMatches(filters, event)).toBe(ok);
  });
});
