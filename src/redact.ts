/**
 * Secrets the library must never print: proxy passwords, Spotify access and client tokens, cookies.
 *
 * Redaction is structural, not a registry of values seen: credentials in a URL (`scheme://user:pass@`),
 * `Bearer …`, `accessToken` fields (also as JSON quoted inside JSON) and the one-time `totp` codes of
 * a token request are replaced wherever they appear, and the few places that quote
 * a server's own words (a GraphQL error message) pass the token they sent as `secrets`. Every scan here
 * is linear in the text's length, and outside text is cut short before it reaches a message.
 */

/** The most characters of outside text (a value, a server's message) a message quotes. */
export const MAX_QUOTED = 200;

const STOP_AUTHORITY = new Set(['/', '?', '#', '"', "'", '<', '>', '`', ' ', '\t', '\n', '\r', '\f', '\v']);
// Bounded quantifiers: no backtracking can go past a few thousand characters from any start.
const BEARER = /(bearer[ \t]{1,16})[^\s"',;]{1,8192}/gi;
// A key may be quoted, and quoted as JSON inside JSON (`\"accessToken\":\"…\"`): the value stops at a
// backslash too.
const ACCESS_TOKEN = /(\\?"?accessToken\\?"?[ \t]{0,16}[:=][ \t]{0,16}\\?"?)[^\s"',}\\]{1,8192}/gi;
// Spotify's session cookies as a Cookie header or cookies.txt carries them, a Cookie header itself,
// a client token (header or JSON field), a token in a query string.
const SESSION_COOKIE = /(\b(?:sp_dc|sp_key|sp_t|sp_adid)[ \t]{0,16}(?:=|\t)[ \t]{0,16})[^\s;"',]{1,8192}/gi;
const COOKIE_HEADER = /(\b(?:set-)?cookie"?[ \t]{0,16}:[ \t]{0,16}"?)[^"\r\n]{1,8192}/gi;
const CLIENT_TOKEN = /(\bclient[-_]token\\?"?[ \t]{0,16}[:=][ \t]{0,16}\\?"?)[^\s"',}\\]{1,8192}/gi;
const GRANTED_TOKEN = /(\\?"token\\?"[ \t]{0,16}:[ \t]{0,16}\\?")[^"\\]{1,8192}/gi;
// The one-time codes of an account token request (`/api/token?…&totp=…&totpServer=…`).
const TOTP_PARAMETER = /([?&]totp(?:Server)?=)[^&#\s"']{1,64}/gi;

/** Returns `text` with credentials, bearer tokens and the given `secrets` replaced by `***`. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = redactUserinfo(text);
  if (/bearer/i.test(out)) out = out.replace(BEARER, '$1***');
  if (/accesstoken/i.test(out)) out = out.replace(ACCESS_TOKEN, '$1***');
  if (/sp_(?:dc|key|t|adid)/i.test(out)) out = out.replace(SESSION_COOKIE, '$1***');
  if (/cookie/i.test(out)) out = out.replace(COOKIE_HEADER, '$1***');
  if (/client[-_]token/i.test(out)) out = out.replace(CLIENT_TOKEN, '$1***');
  if (/"token/i.test(out)) out = out.replace(GRANTED_TOKEN, '$1***');
  if (/totp/i.test(out)) out = out.replace(TOTP_PARAMETER, '$1***');
  for (const secret of secrets) {
    if (secret.length >= 4 && out.includes(secret)) out = out.split(secret).join('***');
  }
  return out;
}

/** `scheme://user:pass@host` -> `scheme://***@host`, in one pass over the text. */
function redactUserinfo(text: string): string {
  let from = 0;
  let out = '';
  for (;;) {
    const marker = text.indexOf('://', from);
    if (marker < 0) return out === '' ? text : out + text.slice(from);
    const start = marker + 3;
    // The authority ends at the first '/', quote or space; the next "://" always starts after it.
    let end = start;
    let at = -1;
    while (end < text.length && !STOP_AUTHORITY.has(text[end] as string)) {
      if (text[end] === '@') at = end;
      end += 1;
    }
    out += text.slice(from, start) + (at >= 0 ? `***${text.slice(at, end)}` : text.slice(start, end));
    from = end;
  }
}

/**
 * Outside text as a message quotes it: cut to `max` characters, JSON-quoted (so control characters and
 * terminal escapes are shown escaped, never interpreted) and redacted.
 */
export function quote(value: unknown, max = MAX_QUOTED, secrets: readonly string[] = []): string {
  if (typeof value !== 'string') {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return String(value);
    return Array.isArray(value) ? 'an array' : `a${typeof value === 'object' ? 'n object' : ' function'}`;
  }
  const cut = value.length > max ? `${value.slice(0, max)}…(${value.length} characters)` : value;
  // Redacted before it is quoted (a token in the text is whole) and after (what quoting made of it).
  return redact(JSON.stringify(redact(cut, secrets)), secrets);
}

/** Text cut to `max` characters (for URLs and other text shown unquoted). */
export function clip(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
