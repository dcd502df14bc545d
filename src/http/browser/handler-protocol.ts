import type { Dispatcher } from 'undici';
import type { PageAnswer } from './page-fetch.js';

/**
 * undici's two handler protocols, as the browser transport speaks them: the legacy one (onConnect,
 * onHeaders, onData, onComplete, onError) and the current one (onRequestStart … onResponseError).
 */
export type AnyHandler = Dispatcher.DispatchHandler & {
  onConnect?: (abort: (reason?: Error) => void) => void;
  onHeaders?: (status: number, headers: Buffer[], resume: () => void, statusText: string) => boolean;
  onData?: (chunk: Buffer) => boolean;
  onComplete?: (trailers: Buffer[] | null) => void;
  onError?: (error: Error) => void;
};

/** Headers of the browser's answer that do not hold for the body it hands over (decoded, whole). */
const DROPPED = new Set(['content-encoding', 'content-length', 'transfer-encoding', 'connection', 'keep-alive']);

export function isLegacy(handler: AnyHandler): boolean {
  return typeof handler.onHeaders === 'function';
}

/**
 * A handler that passes an answer on, unless it is the edge's 403 challenge page (HTML): that answer
 * is swallowed and `onChallenge` runs once it has ended.
 */
export function watchForChallenge(handler: AnyHandler, onChallenge: () => void): Dispatcher.DispatchHandler {
  let challenged = false;
  const isChallenge = (status: number, contentType: string): boolean => status === 403 && contentType.includes('html');
  if (isLegacy(handler))
    return {
      onConnect: (abort: (reason?: Error) => void) => handler.onConnect?.(abort),
      onHeaders: (status: number, headers: Buffer[], resume: () => void, statusText: string) => {
        challenged = isChallenge(status, headerOf(headers, 'content-type'));
        return challenged ? true : (handler.onHeaders?.(status, headers, resume, statusText) ?? true);
      },
      onData: (chunk: Buffer) => (challenged ? true : (handler.onData?.(chunk) ?? true)),
      onComplete: (trailers: Buffer[] | null) => (challenged ? onChallenge() : handler.onComplete?.(trailers)),
      onError: (error: Error) => handler.onError?.(error),
    } as unknown as Dispatcher.DispatchHandler;
  return {
    onRequestStart: (controller, context) => handler.onRequestStart?.(controller, context),
    onResponseStart: (controller, status, headers, statusText) => {
      challenged = isChallenge(status, String(headers['content-type'] ?? ''));
      if (!challenged) handler.onResponseStart?.(controller, status, headers, statusText);
    },
    onResponseData: (controller, chunk) => {
      if (!challenged) handler.onResponseData?.(controller, chunk);
    },
    onResponseEnd: (controller, trailers) =>
      challenged ? onChallenge() : handler.onResponseEnd?.(controller, trailers),
    onResponseError: (controller, error) => handler.onResponseError?.(controller, error),
  };
}

/** A request handled outside undici: started on `handler`, then answered or failed, once. */
export interface BrowserExchange {
  /** Aborted when the handler aborts the request. */
  signal: AbortSignal;
  deliver(answer: PageAnswer): void;
  fail(error: unknown): void;
}

/** Starts a request on `handler` (either protocol) for an answer that will come from the browser. */
export function startExchange(handler: AnyHandler): BrowserExchange {
  const abort = new AbortController();
  const controller = {
    abort: (reason?: Error) => abort.abort(reason),
    pause: () => undefined,
    resume: () => undefined,
    get aborted() {
      return abort.signal.aborted;
    },
    get paused() {
      return false;
    },
    get reason() {
      return abort.signal.reason as Error | null;
    },
    rawHeaders: [] as Buffer[],
    rawTrailers: [] as Buffer[],
  };
  const legacy = isLegacy(handler);
  if (legacy) handler.onConnect?.((reason) => abort.abort(reason));
  else handler.onRequestStart?.(controller as never, {});
  return {
    signal: abort.signal,
    deliver: (answer) => deliver(handler, legacy, controller, answer),
    fail: (error) => {
      const failure = error instanceof Error ? error : new Error(String(error));
      if (legacy) handler.onError?.(failure);
      else handler.onResponseError?.(controller as never, failure);
    },
  };
}

function deliver(handler: AnyHandler, legacy: boolean, controller: object, answer: PageAnswer): void {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers))
    if (!DROPPED.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
  headers['content-length'] = String(answer.body.length);
  if (legacy) {
    const raw = Object.entries(headers).flatMap(([name, value]) => [Buffer.from(name), Buffer.from(value)]);
    handler.onHeaders?.(answer.status, raw, () => undefined, answer.statusText);
    if (answer.body.length > 0) handler.onData?.(answer.body);
    handler.onComplete?.([]);
    return;
  }
  handler.onResponseStart?.(controller as never, answer.status, headers, answer.statusText);
  if (answer.body.length > 0) handler.onResponseData?.(controller as never, answer.body);
  handler.onResponseEnd?.(controller as never, {});
}

function headerOf(raw: Buffer[], name: string): string {
  for (let index = 0; index + 1 < raw.length; index += 2)
    if (String(raw[index]).toLowerCase() === name) return String(raw[index + 1]);
  return '';
}

/** A request's headers (any of undici's shapes) as name/value pairs. */
export function entriesOf(headers: Dispatcher.DispatchOptions['headers']): Array<[string, string]> {
  if (headers == null) return [];
  if (Array.isArray(headers)) {
    const pairs: Array<[string, string]> = [];
    for (let index = 0; index + 1 < headers.length; index += 2)
      pairs.push([String(headers[index]), String(headers[index + 1])]);
    return pairs;
  }
  if (typeof (headers as Iterable<unknown>)[Symbol.iterator] === 'function')
    return [...(headers as Iterable<[string, string]>)].map(([name, value]) => [String(name), String(value)]);
  return Object.entries(headers as Record<string, string | string[] | undefined>).flatMap(([name, value]) =>
    value === undefined ? [] : [[name, Array.isArray(value) ? value.join(', ') : String(value)] as [string, string]],
  );
}
