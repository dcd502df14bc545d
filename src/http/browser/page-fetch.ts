import { NetworkError } from '../../errors.js';

/** What the browser gives for one request, a navigation or a page's fetch: as received (the body decoded). */
export interface PageAnswer {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** A request sent by `fetch` inside a page (the browser's network stack, its cookies and fingerprint). */
export interface InPageRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** The body, base64, or null. */
  body: string | null;
}

/** What the page's fetch answered: the body as base64 (evaluate carries strings, not bytes). */
export interface InPageAnswer {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * Headers a page's fetch may not set (the Fetch standard's forbidden names, and the user agent that
 * Chromium keeps its own): the browser sends its own.
 */
const FORBIDDEN = new Set([
  'accept-charset',
  'accept-encoding',
  'connection',
  'content-length',
  'cookie',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'via',
]);

/** The request's headers a page's fetch can carry. */
export function fetchableHeaders(entries: Iterable<[string, string]>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of entries) {
    const key = name.toLowerCase();
    if (FORBIDDEN.has(key) || key.startsWith('sec-') || key.startsWith('proxy-')) continue;
    headers[key] = value;
  }
  return headers;
}

/** A dispatch body as base64 for the page, or null; a streamed body cannot be replayed there. */
export function bodyForPage(body: unknown): string | null {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string') return Buffer.from(body).toString('base64');
  if (body instanceof Uint8Array) return Buffer.from(body).toString('base64');
  throw new NetworkError('The browser transport cannot send a streamed request body through a page');
}

/**
 * The function a page runs, called with the request as JSON (as source: a bundler's helpers must not
 * leak into it): fetches with the page's cookies and hands back the answer with its body as base64.
 */
export const FETCH_IN_PAGE = `async (request) => {
  const init = { method: request.method, headers: request.headers, credentials: 'include' };
  if (request.body !== null) init.body = Uint8Array.from(atob(request.body), (char) => char.charCodeAt(0));
  const response = await fetch(request.url, init);
  const bytes = new Uint8Array(await response.arrayBuffer());
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  const headers = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  return { status: response.status, statusText: response.statusText, headers, body: btoa(binary) };
}`;

/** The page's answer with its body as bytes. */
export function answerOf(answer: InPageAnswer): PageAnswer {
  return { ...answer, body: Buffer.from(answer.body, 'base64') };
}
