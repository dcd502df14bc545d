import type { TotpSecretOption } from '../spclient/totp.js';

/**
 * The TOTP secrets in the web player's bundle: entries like `{secret:'…',version:61}` (single or
 * double quotes, JS escapes), whatever the identifier of the array they sit in (it changes between
 * builds). Newest version first.
 */
const ENTRY = /\{secret:(?:'((?:[^'\\\n]|\\.){1,256})'|"((?:[^"\\\n]|\\.){1,256})"),version:(\d{1,5})\}/g;

export function findTotpSecrets(code: string): TotpSecretOption[] {
  const found = new Map<number, string>();
  for (const match of code.matchAll(ENTRY)) {
    const version = Number(match[3]);
    if (!found.has(version)) found.set(version, unescape(match[1] ?? match[2] ?? ''));
  }
  return [...found].sort((a, b) => b[0] - a[0]).map(([version, secret]) => ({ version, secret }));
}

/** A JS string literal's body, unescaped (`\\\\` is one backslash, `\\'` a quote, `\\xNN` a byte). */
function unescape(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)/g, (_all, escape: string) => {
    if (escape.startsWith('x') || escape.startsWith('u'))
      return String.fromCharCode(Number.parseInt(escape.slice(1), 16));
    return (
      ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', 0: '\0' } as Record<string, string>)[escape] ?? escape
    );
  });
}
