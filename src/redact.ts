/**
 * Secrets the library must never print: proxy passwords and Spotify access tokens.
 * Patterns cover the shapes they take in URLs, headers and JSON; registered values cover the rest
 * (a token echoed verbatim in a server's error body, for example).
 */
const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // scheme://user:password@host -> scheme://***@host
  [/([a-z][a-z0-9+.-]*:\/\/)[^\s/@:]*(?::[^\s/@]*)?@/gi, '$1***@'],
  [/(bearer\s+)[^\s"',;]+/gi, '$1***'],
  [/("?accessToken"?\s*[:=]\s*"?)[^\s"',}]+/gi, '$1***'],
];

// Bounded: tokens rotate hourly, so a long-running process must not collect them forever.
const MAX_REGISTERED = 64;
const registered = new Set<string>();

/** Remembers a secret value so that every later message has it replaced by `***`. */
export function registerSecret(value: string | undefined | null): void {
  if (!value || value.length < 4 || registered.has(value)) return;
  registered.add(value);
  if (registered.size > MAX_REGISTERED) {
    const oldest = registered.values().next().value;
    if (oldest !== undefined) registered.delete(oldest);
  }
}

/** Returns `text` with every known secret replaced by `***`. */
export function redact(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  for (const secret of registered) {
    if (out.includes(secret)) out = out.split(secret).join('***');
  }
  return out;
}
