import { describe, expect, it } from 'vitest';
import { keyedHash, redact } from '../../server/src/core/redact';

describe('redact', () => {
  const secret = 'mZy4Q~Fa7p9IWvjM2Uk6wRmsi2vPQbFRUKTz7_ch';
  it('shows at most four leading characters and a keyed hash', () => {
    const r = redact(secret);
    expect(r.startsWith('mZy4…#')).toBe(true);
    expect(r).not.toContain(secret.slice(4, 10));
  });
  it('shows nothing of short values', () => {
    expect(redact('hunter2').startsWith('…#')).toBe(true);
    expect(redact('12345678').startsWith('12…#')).toBe(true);
  });
  it('is stable for a key and changes with the key and the value', () => {
    expect(keyedHash(secret)).toBe(keyedHash(secret));
    expect(keyedHash(secret, 'team-key')).not.toBe(keyedHash(secret));
    expect(keyedHash(secret + 'x')).not.toBe(keyedHash(secret));
  });
});
