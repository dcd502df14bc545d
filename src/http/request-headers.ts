import { optionError } from '../errors.js';
import { quote } from '../redact.js';

// RFC 9110: a header name is a token; a value has no CR, LF, NUL or other control characters but tab.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * The headers every request carries: user agent, accept, encodings, the locale's Accept-Language and
 * the caller's own. Checked here, at construction: a header a request would refuse (a line break, a
 * bad name) is an InvalidInputError now rather than a failure of every call later.
 */
export function requestHeaders(userAgent: unknown, locale: unknown, extra: unknown = {}): Record<string, string> {
  if (typeof userAgent !== 'string' || userAgent.trim() === '' || !HEADER_VALUE.test(userAgent)) {
    throw optionError('userAgent', 'must be a non-empty string without line breaks or control characters');
  }
  const headers: Record<string, string> = {
    'user-agent': userAgent,
    accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (locale !== undefined) headers['accept-language'] = acceptLanguage(locale);
  if (typeof extra !== 'object' || extra === null || Array.isArray(extra))
    throw optionError('headers', 'must be an object of strings');
  for (const [name, value] of Object.entries(extra)) {
    if (!HEADER_NAME.test(name)) throw optionError('headers', `has an invalid header name ${quote(name, 60)}`);
    if (typeof value !== 'string' || !HEADER_VALUE.test(value)) {
      throw optionError(`headers[${quote(name, 60)}]`, 'must be a string without line breaks or control characters');
    }
    headers[name.toLowerCase()] = value;
  }
  return headers;
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
