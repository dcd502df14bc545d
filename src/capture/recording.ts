import type { WireExchange } from '../http/http-client.js';
import { scanScriptText } from '../parse/script-scan.js';
import { redact } from '../redact.js';
import { readWebPlayerPage } from '../web-player/page.js';
import { findOperations, findRouteChunks } from '../web-player/scan.js';

/** A capture file: what `capture` recorded, redacted, for `startFakeSpotify({ replay })`. */
export interface CaptureFile {
  format: 'spotify-scraper-capture';
  version: 1;
  capturedAt: string;
  /** The calls that were made, and how each ended. */
  calls: Array<{ value: string; type: string; ok: boolean; error?: string }>;
  exchanges: RecordedExchange[];
}

/** One request and its answer, as a capture keeps them. */
export interface RecordedExchange {
  method: 'GET' | 'POST';
  host: string;
  path: string;
  /** The query string, with secret parameters (TOTP codes, CDN signatures) redacted. */
  query: string;
  /** For a persisted query: its name, variables and hash. */
  operation: string | null;
  variables: Record<string, unknown> | null;
  hash: string | null;
  status: number;
  /** Only these: content-type, retry-after, date, cache-control, client-token-error. */
  headers: Record<string, string>;
  /** A text body (a page, JSON, excerpts of a bundle), or binary as base64. */
  body?: string;
  base64?: string;
  /** A page's anonymous token, removed: how long it still had (the replay adds it to its own clock). */
  tokenLifetimeMs?: number;
}

const KEPT_HEADERS = ['content-type', 'retry-after', 'date', 'cache-control', 'client-token-error'];
/** Query parameters that carry a secret or a signature. */
const SECRET_PARAMS = /^(?:totp|totpserver|totpver|signature|policy|key-pair-id|hdnts|token|sp_dc|access_token)$/i;
/** JSON fields that carry a secret or an identifier of the machine. */
const SECRET_FIELDS = new Set([
  'accessToken',
  'token',
  'correlationId',
  'clientId',
  'device_id',
  'client_token',
  'refreshToken',
]);
export const REDACTED = 'REDACTED';
const MAX_BINARY = 1_000_000;

/** A persisted query's name, variables and hash, from a v1 URL or a v2 body. */
export function persistedQuery(
  url: URL,
  body: string | undefined,
): Pick<RecordedExchange, 'operation' | 'variables' | 'hash'> {
  const parse = (text: string | null | undefined): unknown => {
    try {
      return text ? JSON.parse(text) : undefined;
    } catch {
      return undefined;
    }
  };
  const source = (
    url.pathname.endsWith('/v2/query')
      ? parse(body)
      : {
          operationName: url.searchParams.get('operationName'),
          variables: parse(url.searchParams.get('variables')),
          extensions: parse(url.searchParams.get('extensions')),
        }
  ) as
    | { operationName?: unknown; variables?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } }
    | undefined;
  const hash = source?.extensions?.persistedQuery?.sha256Hash;
  return {
    operation: typeof source?.operationName === 'string' ? source.operationName : null,
    variables:
      typeof source?.variables === 'object' && source.variables !== null
        ? (source.variables as Record<string, unknown>)
        : null,
    hash: typeof hash === 'string' ? hash : null,
  };
}

/** What a capture keeps of one exchange: redacted, allow-listed, bundles as excerpts. */
export function recordExchange(exchange: WireExchange): RecordedExchange {
  const { url } = exchange;
  const isApi = url.hostname === 'api-partner.spotify.com';
  const query = new URLSearchParams();
  if (!isApi)
    for (const [name, value] of url.searchParams) query.set(name, SECRET_PARAMS.test(name) ? REDACTED : value);
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = exchange.headers[name];
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const recorded: RecordedExchange = {
    method: exchange.method,
    host: url.hostname,
    path: url.pathname,
    query: query.toString(),
    ...(isApi ? persistedQuery(url, exchange.requestBody) : { operation: null, variables: null, hash: null }),
    status: exchange.status,
    headers,
  };
  const type = headers['content-type'] ?? '';
  const text = (): string => exchange.body.toString('utf8');
  if (/javascript/i.test(type) || url.pathname.endsWith('.js')) recorded.body = bundleExcerpts(text(), url.href);
  else if (/json/i.test(type)) recorded.body = redactJsonText(text(), recorded);
  else if (/html/i.test(type)) recorded.body = redactPage(text(), recorded, url);
  else if (/^text\//i.test(type) || exchange.body.length === 0) recorded.body = redact(text());
  // No type said: text is kept as text, redacted (JSON field by field), so no token survives as base64.
  else if (type === '' && isText(exchange.body)) recorded.body = redactJsonText(text(), recorded);
  else recorded.base64 = exchange.body.subarray(0, MAX_BINARY).toString('base64');
  return recorded;
}

/** A body that is UTF-8 text (no NUL, no invalid sequence), whatever its headers said. */
function isText(body: Buffer): boolean {
  if (body.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return true;
  } catch {
    return false;
  }
}

/** A bundle kept only as what the library reads of it: the definitions and the chunk maps (Spotify's code is not ours to ship). */
function bundleExcerpts(code: string, url: string): string {
  const definitions = findOperations(code).map((d) => `"${d.name}","${d.kind}","${d.hash}"`);
  const chunks = [...findRouteChunks(code, url)].map(([name, file], index) => {
    const hash = /\.([0-9a-f]{8})\.js$/.exec(file)?.[1] ?? '';
    return `(${JSON.stringify({ [index]: name })}[e]||e)+"."+${JSON.stringify({ [index]: hash })}[e]+".js"`;
  });
  return `/* excerpts of ${url.split('/').at(-1)} recorded by spotify-scraper capture */\n${[...definitions, ...chunks].join(';\n')}\n`;
}

/** Secret fields replaced; a page's token lifetime noted on the exchange. */
function redactValue(value: unknown, recorded: RecordedExchange): unknown {
  if (Array.isArray(value)) return value.map((item) => redactValue(item, recorded));
  if (typeof value !== 'object' || value === null) return typeof value === 'string' ? redact(value) : value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'accessTokenExpirationTimestampMs' && typeof field === 'number') {
      recorded.tokenLifetimeMs = Math.max(0, field - Date.now());
      out[key] = 0;
    } else if (SECRET_FIELDS.has(key) && typeof field === 'string') out[key] = REDACTED;
    else out[key] = redactValue(field, recorded);
  }
  return out;
}

function redactJsonText(text: string, recorded: RecordedExchange): string {
  try {
    return JSON.stringify(redactValue(JSON.parse(text), recorded));
  } catch {
    return redact(text);
  }
}

/**
 * An embed page with its `__NEXT_DATA__` redacted; the web player's page kept as the part the library
 * reads (its bundle script tags and a redacted `appServerConfig`).
 */
function redactPage(html: string, recorded: RecordedExchange, url: URL): string {
  if (url.pathname === '/') {
    // The bundles the library reads of the page, found as it finds them (one linear scan).
    const { bundles } = readWebPlayerPage(html);
    const config = scanScriptText(html, 'appServerConfig');
    let configTag = '';
    if (config !== null) {
      try {
        const json = redactValue(JSON.parse(Buffer.from(config.trim(), 'base64').toString('utf8')), recorded);
        configTag = `<script id="appServerConfig" type="text/plain">${Buffer.from(JSON.stringify(json)).toString('base64')}</script>`;
      } catch {
        configTag = '';
      }
    }
    return `<!DOCTYPE html><html><head>${configTag}${bundles.map((src) => `<script src="${src}"></script>`).join('')}</head><body></body></html>`;
  }
  const data = scanScriptText(html, '__NEXT_DATA__');
  if (data === null) return redact(html);
  const redacted = redactJsonText(data, recorded).replace(/<\//g, '<\\/');
  // A function, not a string: entity text holding `$&` or `$'` must not splice the page back in.
  return redact(html.replace(data, () => redacted));
}
