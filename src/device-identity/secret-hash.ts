import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const pbkdf2Async = promisify(pbkdf2);

/**
 * MQTT secrets (device and gateway secrets, provisioning keys) are stored as
 * PBKDF2-HMAC-SHA512 hashes. Why PBKDF2 and not scrypt: it is the one slow KDF that
 * Mosquitto (dynamic security, password files) and EMQX verify natively, so the very
 * hash kept here is what the generated external-broker configuration carries. No
 * plaintext is kept anywhere, and there is no second, weaker copy of the secret.
 *
 * Why 25,000 iterations by default (OWASP asks 210,000 for human passwords): the
 * secrets the platform issues are 256 random bits, out of reach of any guessing, so
 * the work factor only protects secrets an operator picks; and every connect pays it,
 * in aedes on the thread pool and in Mosquitto on its only thread. 25,000 is about
 * 9 ms here: a fleet of 10,000 reconnecting costs under a minute of one core.
 * The count is stored with each hash, so raising it later re-hashes nothing.
 */
export const DEFAULT_KDF_ITERATIONS = 25_000;
export const MIN_KDF_ITERATIONS = 10_000;
/** Salt length Mosquitto's dynamic security requires. */
const SALT_BYTES = 12;
/** SHA-512 output: what Mosquitto and EMQX expect for `sha512`. */
const KEY_BYTES = 64;
const SCHEME = 'pbkdf2-sha512';

export interface ParsedSecretHash {
  iterations: number;
  salt: Buffer;
  hash: Buffer;
}

/** `pbkdf2-sha512$<iterations>$<salt, base64>$<hash, base64>` */
export async function hashSecret(secret: string, iterations = DEFAULT_KDF_ITERATIONS): Promise<string> {
  // 12 characters of base64url: Mosquitto's dynamic security takes exactly 12 salt bytes,
  // EMQX takes a salt as the characters of a string; 72 random bits keep salts unique
  const salt = Buffer.from(randomBytes(9).toString('base64url'), 'latin1');
  const hash = await pbkdf2Async(secret, salt, iterations, KEY_BYTES, 'sha512');
  return `${SCHEME}$${iterations}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function parseSecretHash(encoded: string): ParsedSecretHash | null {
  const [scheme, rounds, salt, hash] = encoded.split('$');
  const iterations = Number(rounds);
  if (scheme !== SCHEME || !Number.isInteger(iterations) || iterations < 1 || !salt || !hash) return null;
  return { iterations, salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') };
}

// verified against when there is no stored hash, so an unknown user name costs as much as a wrong secret
const DUMMY: ParsedSecretHash = {
  iterations: DEFAULT_KDF_ITERATIONS,
  salt: Buffer.alloc(SALT_BYTES),
  hash: Buffer.alloc(KEY_BYTES),
};

/** True when `secret` matches; always spends one KDF run, even when `encoded` is null. */
export async function verifySecret(secret: string, encoded: string | null): Promise<boolean> {
  const parsed = (encoded && parseSecretHash(encoded)) || DUMMY;
  const actual = await pbkdf2Async(secret, parsed.salt, parsed.iterations, parsed.hash.length, 'sha512');
  return parsed !== DUMMY && timingSafeEqual(actual, parsed.hash);
}

/** A fresh secret: 256 random bits, base64url (43 characters). */
export function generateSecret(): string {
  return randomBytes(32).toString('base64url');
}
