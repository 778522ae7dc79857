import { pbkdf2Sync } from 'node:crypto';
import {
  MIN_KDF_ITERATIONS,
  generateSecret,
  hashSecret,
  parseSecretHash,
  verifySecret,
} from './secret-hash.js';

describe('secret hashes', () => {
  it('verifies the secret it hashed and refuses any other', async () => {
    const secret = generateSecret();
    const stored = await hashSecret(secret, MIN_KDF_ITERATIONS);
    expect(await verifySecret(secret, stored)).toBe(true);
    expect(await verifySecret(`${secret}x`, stored)).toBe(false);
    expect(await verifySecret('', stored)).toBe(false);
  });

  it('keeps no trace of the secret in what it stores', async () => {
    const secret = generateSecret();
    const stored = await hashSecret(secret, MIN_KDF_ITERATIONS);
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(Buffer.from(secret).toString('base64'));
  });

  it('salts: the same secret hashed twice gives two hashes', async () => {
    const secret = generateSecret();
    expect(await hashSecret(secret, MIN_KDF_ITERATIONS)).not.toBe(
      await hashSecret(secret, MIN_KDF_ITERATIONS),
    );
  });

  it('stores plain PBKDF2-HMAC-SHA512, the hash Mosquitto and EMQX verify', async () => {
    const stored = await hashSecret('s3cret-value', MIN_KDF_ITERATIONS);
    const parsed = parseSecretHash(stored)!;
    expect(parsed.iterations).toBe(MIN_KDF_ITERATIONS);
    expect(parsed.hash).toEqual(pbkdf2Sync('s3cret-value', parsed.salt, MIN_KDF_ITERATIONS, 64, 'sha512'));
  });

  it('salts with 12 characters of text, as Mosquitto and EMQX both take', async () => {
    const parsed = parseSecretHash(await hashSecret('x', MIN_KDF_ITERATIONS))!;
    expect(parsed.salt.toString('latin1')).toMatch(/^[A-Za-z0-9_-]{12}$/);
  });

  it('refuses every secret when there is no hash or the hash is malformed', async () => {
    expect(await verifySecret('anything', null)).toBe(false);
    expect(await verifySecret('anything', 'md5$1$x$y')).toBe(false);
    expect(parseSecretHash('pbkdf2-sha512$abc$x$y')).toBeNull();
  });

  it('issues 256-bit secrets, different every time', () => {
    const a = generateSecret();
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(generateSecret()).not.toBe(a);
  });
});
