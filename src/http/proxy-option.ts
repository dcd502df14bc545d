import { optionError } from '../errors.js';
import { quote } from '../redact.js';

/** The `proxy` option as a URL: http(s) only; its credentials never quoted in an error. */
export function toProxy(value: unknown): URL | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = value instanceof URL ? new URL(value.href) : new URL(String(value));
  } catch {
    throw optionError('proxy', 'is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw optionError('proxy', `must be an http: or https: URL, got ${quote(url.protocol, 20)}`);
  }
  try {
    decodeURIComponent(url.username);
    decodeURIComponent(url.password);
  } catch {
    // Never quoted: this is the credential.
    throw optionError('proxy', 'has a malformed %-escape in its user name or password');
  }
  return url;
}
