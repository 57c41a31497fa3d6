import { createHmac } from 'node:crypto';

/**
 * Redaction and keyed fingerprints. A report must let a reviewer recognise *which* secret it is
 * (the same hash in two places means the same value) without ever holding the value.
 *
 * The key is not a secret from the user; it stops anyone from confirming a guessed secret
 * against a published report by hashing candidates with a public, unkeyed hash. Teams set
 * D365SEC_HASH_KEY (or `hashKey` in the config) to their own value; baselines written with one
 * key match only scans with the same key.
 */
// node:crypto is part of the runtime, not the file system: the core may use it.
const DEFAULT_KEY = 'd365sec/v1';

export function keyedHash(value: string, key: string = DEFAULT_KEY, length = 12): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('hex').slice(0, length);
}

/**
 * `AbC1…#3f9a2c1b04de`: up to four leading characters (fewer for short values, so a short
 * password is never mostly shown) and the keyed hash.
 */
export function redact(value: string, key?: string): string {
  const v = value.trim();
  const shown = v.length >= 16 ? 4 : v.length >= 8 ? 2 : 0;
  return `${v.slice(0, shown)}…#${keyedHash(v, key, 8)}`;
}

/** Normalises a secret before hashing so quoting and surrounding whitespace do not change identity. */
export function normaliseSecret(value: string): string {
  return value.trim().replace(/^["']|["']$/g, '');
}
