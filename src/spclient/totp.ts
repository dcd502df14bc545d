import { createHmac } from 'node:crypto';

/**
 * The TOTP that Spotify's web player sends with a cookie when it asks for an account token (SPEC
 * §10): RFC 6238 (HMAC-SHA1, 30 s, 6 digits) whose HMAC key is not the secret's bytes but the ASCII
 * text of the concatenated decimal values of `secret[i] XOR ((i % 33) + 9)`.
 */

/** One version of the web player's TOTP secret. */
export interface TotpSecret {
  version: number;
  /** The secret's bytes (the characters of the JS string, unescaped). */
  bytes: Uint8Array;
}

/** What the `totpSecrets` option takes: bytes, a list of byte values, or the string as it appears once unescaped. */
export interface TotpSecretOption {
  version: number;
  secret: Uint8Array | readonly number[] | string;
}

/** The built-in secrets, newest first (seen in the web player's bundle through 2026-07). */
export const BUILT_IN_SECRETS: readonly TotpSecret[] = Object.freeze(
  [
    { version: 61, text: ',7/*F("rLJ2oxaKL^f+E1xvP@N' },
    { version: 60, text: 'OmE{ZA.J^":0FG\\Uz?[@WW' },
    { version: 59, text: '{iOFn;4}<1PFYKPV?5{%u14]M>/V0hDH' },
  ].map(({ version, text }) => Object.freeze({ version, bytes: bytesOf(text) })),
);

/** A string secret's bytes: one per character (the secrets are ASCII). */
export function bytesOf(text: string): Uint8Array {
  return Uint8Array.from([...text].map((character) => character.charCodeAt(0) & 0xff));
}

/** The HMAC key of a secret: the decimal values of `byte XOR ((i % 33) + 9)`, concatenated, as ASCII. */
export function hmacKey(bytes: Uint8Array): Buffer {
  let text = '';
  bytes.forEach((byte, index) => {
    text += String(byte ^ ((index % 33) + 9));
  });
  return Buffer.from(text, 'ascii');
}

/** The 6-digit code of `secret` at `unixSeconds`. */
export function totpCode(secret: Uint8Array, unixSeconds: number): string {
  // A time before 1970 or past 64 bits of periods has no code (the caller's time is checked; this is the guard).
  if (!Number.isFinite(unixSeconds) || unixSeconds < 0) throw new RangeError('A TOTP time is a number of seconds >= 0');
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / 30)));
  const digest = createHmac('sha1', hmacKey(secret)).update(counter).digest();
  const offset = (digest[digest.length - 1] as number) & 0x0f;
  const value = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(value % 1_000_000).padStart(6, '0');
}
