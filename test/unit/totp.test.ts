/** The TOTP of the account exchange: the built-in secrets and the test vectors of SPEC §10. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_SECRETS, hmacKey, totpCode } from '../../src/spclient/totp.js';

const VECTORS = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'account', 'totp-secrets-2026.json');
const shared = existsSync(VECTORS);

describe('TOTP', () => {
  it('the XOR-derived key and RFC 6238 codes (own vector: RFC 6238 counter math on a known key)', () => {
    // The key derivation on a two-byte secret: 65^9=72, 66^10=72 -> "7272".
    expect(hmacKey(Uint8Array.from([65, 66])).toString('ascii')).toBe('7272');
    expect(totpCode(Uint8Array.from([65, 66]), 59)).toMatch(/^\d{6}$/);
    expect(totpCode(Uint8Array.from([65, 66]), 59)).toBe(totpCode(Uint8Array.from([65, 66]), 31));
    expect(totpCode(Uint8Array.from([65, 66]), 60)).not.toBe(totpCode(Uint8Array.from([65, 66]), 59));
  });

  it.skipIf(!shared)('reproduces every test vector of ../shared/fixtures/account/totp-secrets-2026.json', () => {
    const file = JSON.parse(readFileSync(VECTORS, 'utf8')) as {
      newestFirst: string[];
      secrets: Record<string, { bytes: number[]; hmacKeyAscii: string; vectors: Record<string, string> }>;
    };
    expect(BUILT_IN_SECRETS.map((s) => String(s.version))).toEqual(file.newestFirst);
    for (const secret of BUILT_IN_SECRETS) {
      const expected = file.secrets[String(secret.version)]!;
      expect([...secret.bytes]).toEqual(expected.bytes);
      expect(hmacKey(secret.bytes).toString('ascii')).toBe(expected.hmacKeyAscii);
      for (const [seconds, code] of Object.entries(expected.vectors))
        expect(totpCode(secret.bytes, Number(seconds))).toBe(code);
    }
  });

  it.runIf(!shared)('says it skipped the shared vectors', () => {
    console.warn('totp: SKIPPED the shared test vectors — ../shared/fixtures is not beside the checkout');
  });
});
