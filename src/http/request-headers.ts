import { optionError } from '../errors.js';
import { quote } from '../redact.js';

// RFC 9110: a header name is a token; a value has no CR, LF, NUL or other control characters but tab.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** The headers of every request: the client's own, and the caller's `options.headers`. */
export interface RequestHeaders {
  /** User agent, accept, encodings, the locale's Accept-Language. */
  base: Readonly<Record<string, string>>;
  /** The caller's own: sent to Spotify's pages and APIs, never to media hosts. */
  extra: Readonly<Record<string, string>>;
}

/**
 * The headers every request carries: user agent, accept, encodings, the locale's Accept-Language and
 * the caller's own. Checked here, at construction: a header a request would refuse (a line break, a
 * bad name) is an InvalidInputError now rather than a failure of every call later.
 */
export function requestHeaders(userAgent: unknown, locale: unknown, given: unknown = {}): RequestHeaders {
  if (typeof userAgent !== 'string' || userAgent.trim() === '' || !HEADER_VALUE.test(userAgent)) {
    throw optionError('userAgent', 'must be a non-empty string without line breaks or control characters');
  }
  const base: Record<string, string> = {
    'user-agent': userAgent,
    accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (locale !== undefined) base['accept-language'] = acceptLanguage(locale);
  if (typeof given !== 'object' || given === null || Array.isArray(given))
    throw optionError('headers', 'must be an object of strings');
  const extra: Record<string, string> = {};
  for (const [name, value] of Object.entries(given)) {
    if (!HEADER_NAME.test(name)) throw optionError('headers', `has an invalid header name ${quote(name, 60)}`);
    if (typeof value !== 'string' || !HEADER_VALUE.test(value)) {
      throw optionError(`headers[${quote(name, 60)}]`, 'must be a string without line breaks or control characters');
    }
    extra[name.toLowerCase()] = value;
  }
  return { base, extra };
}

/** `de-DE` -> `de-DE,de;q=0.9`. */
function acceptLanguage(locale: unknown): string {
  let canonical: string | undefined;
  try {
    canonical = typeof locale === 'string' ? Intl.getCanonicalLocales(locale)[0] : undefined;
  } catch {
    canonical = undefined;
  }
  if (canonical === undefined) throw optionError('locale', `is not a BCP-47 language tag: ${quote(locale, 60)}`);
  const language = canonical.split('-')[0] as string;
  return language === canonical ? canonical : `${canonical},${language};q=0.9`;
}
