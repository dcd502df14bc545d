import { pipeline, type Readable, type Transform } from 'node:stream';
import zlib from 'node:zlib';
import type { Dispatcher } from 'undici';
import { undici } from './undici.js';
import { NetworkError, type SpotifyScraperError } from '../errors.js';
import { clip, quote } from '../redact.js';

/** One response as it came off the wire: the body is already decoded (gzip, deflate, br). */
export interface WireResponse {
  url: URL;
  status: number;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  body: Readable;
}

export interface WireRequest {
  url: URL;
  method: 'GET' | 'POST';
  body?: string | undefined;
  headers: Readonly<Record<string, string>>;
  dispatcher: Dispatcher;
  /** The caller's signal, when there is one. */
  signal: AbortSignal | undefined;
  /** undici's own header and body timeouts, so abandoned work ends too. */
  timeoutMs: number;
}

/** Sends one request and returns as soon as the headers are in. Does not follow redirects. */
export async function sendRequest(wire: WireRequest): Promise<WireResponse> {
  const response = await undici().request(wire.url, {
    method: wire.method,
    ...(wire.body === undefined ? {} : { body: wire.body }),
    dispatcher: wire.dispatcher,
    headers: wire.headers,
    headersTimeout: wire.timeoutMs,
    bodyTimeout: wire.timeoutMs,
    ...(wire.signal ? { signal: wire.signal } : {}),
  });
  return {
    url: wire.url,
    status: response.statusCode,
    headers: response.headers,
    body: decode(response.body, response.headers['content-encoding'], wire.url),
  };
}

/** How much of an unread body (an error page, a redirect) is drained for keep-alive before the socket is dropped. */
export const DRAIN_LIMIT = { bytes: 64 * 1024, ms: 1_000 };

/**
 * Drops a body we will not read. A short one is drained so the socket goes back to the pool; one
 * longer than DRAIN_LIMIT (or slower) is destroyed, closing its socket: an endless error body must not
 * keep downloading, nor keep `close()` waiting.
 */
export function discard(body: Readable): void {
  body.on('error', () => undefined);
  if (body.destroyed || body.readableEnded) return;
  let seen = 0;
  const stop = (): void => {
    clearTimeout(timer);
    body.destroy();
  };
  const timer = setTimeout(stop, DRAIN_LIMIT.ms);
  timer.unref();
  body.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > DRAIN_LIMIT.bytes) stop();
  });
  body.once('close', () => clearTimeout(timer));
  body.resume();
}

function decode(body: Readable, encoding: string | string[] | undefined, url: URL): Readable {
  if (encoding === undefined || encoding === 'identity') return body;
  const codings = String(encoding)
    .toLowerCase()
    .split(',')
    .map((coding) => coding.trim())
    .filter((coding) => coding !== '' && coding !== 'identity')
    .reverse();
  const decoders = codings.map((coding) => ({ coding, decoder: decoderFor(coding) }));
  const unknown = decoders.find((entry) => entry.decoder === undefined);
  if (unknown) {
    // Nothing will read this body: destroy it, so its socket does not stay stuck (and close() pending).
    body.on('error', () => undefined);
    body.destroy();
    for (const entry of decoders) entry.decoder?.destroy();
    throw new NetworkError(`Unsupported Content-Encoding ${quote(unknown.coding, 40)} from ${clip(url.href)}`, {
      url: url.href,
      code: 'BAD_ENCODING',
    });
  }
  let stream = body;
  for (const { decoder } of decoders)
    stream = pipeline(stream, decoder as Transform, () => undefined) as unknown as Readable;
  return stream;
}

function decoderFor(coding: string): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | undefined {
  // Servers end gzip streams early now and then; flushing tolerantly keeps what arrived.
  const flush = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  if (coding === 'gzip' || coding === 'x-gzip') return zlib.createGunzip(flush);
  if (coding === 'deflate') return zlib.createInflate(flush);
  if (coding === 'br') return zlib.createBrotliDecompress();
  return undefined;
}

/**
 * A whole body as text. With an identity encoding and a Content-Length within the cap (undici holds
 * the server to it), undici's own text() is used; otherwise the capped stream reader.
 */
export async function readText(wire: WireResponse, maxBytes: number): Promise<string> {
  const length = Number(wire.headers['content-length']);
  const plain =
    wire.headers['content-encoding'] === undefined && typeof (wire.body as { text?: unknown }).text === 'function';
  if (plain && Number.isSafeInteger(length) && length <= maxBytes)
    return (wire.body as unknown as { text(): Promise<string> }).text();
  return (await readCapped(wire.body, maxBytes, wire.url.href)).toString('utf8');
}

/** Reads a whole body, refusing one larger than `maxBytes` before it is all in memory. */
export async function readCapped(body: Readable, maxBytes: number, url: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) {
      body.destroy();
      throw new NetworkError(`Response body of ${clip(url)} is larger than the ${maxBytes}-byte cap`, {
        url,
        code: 'BODY_TOO_LARGE',
      });
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size);
}

/** Wraps an undici or socket error as a NetworkError carrying its code. */
export function networkError(error: unknown, url: string): SpotifyScraperError {
  if (error instanceof NetworkError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const proxyStatus = /Proxy response \((\d{3})\)/.exec(message)?.[1];
  const code = proxyStatus ? `PROXY_${proxyStatus}` : errorCode(error);
  return new NetworkError(`Request to ${clip(url)} failed: ${clip(message, 500)}${code ? ` (${code})` : ''}`, {
    url,
    code,
    cause: error,
  });
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_ABORTED' && code !== 'ABORT_ERR') return code;
    current = current.cause;
  }
  return undefined;
}
