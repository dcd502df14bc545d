import type { Dispatcher } from 'undici';
import { INTENDED_HOST_HEADER, ROUTED_ORIGIN } from '../http/dispatcher.js';
import { undici } from '../http/undici.js';

/** The header that tells a fake or replay server which host a routed request was meant for. */
export { INTENDED_HOST_HEADER };

type Headers = NonNullable<Dispatcher.DispatchOptions['headers']>;

/**
 * An undici interceptor that sends every request to `origin` (a fake Spotify, a replay server)
 * instead of the host it names, which goes in the `x-spotify-scraper-host` header.
 */
export function routeInterceptor(origin: string): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (options, handler) => {
    const intended = new URL(String(options.origin)).host;
    return dispatch(
      { ...options, origin, headers: withHeader(options.headers, INTENDED_HOST_HEADER, intended) },
      handler,
    );
  };
}

/**
 * A keep-alive Agent that routes every request to `origin`. Close it when done. A client given it
 * (and no `namespace`) keeps its cache, healing and fleet keys apart, under `origin:<origin>`.
 */
export function routeTo(origin: string): Dispatcher {
  const dispatcher = new (undici().Agent)({ keepAliveTimeout: 1_000 }).compose(routeInterceptor(origin));
  return Object.defineProperty(dispatcher, ROUTED_ORIGIN, { value: new URL(origin).origin });
}

function withHeader(headers: Dispatcher.DispatchOptions['headers'], name: string, value: string): Headers {
  if (headers == null) return { [name]: value };
  if (Array.isArray(headers)) return [...headers, name, value] as string[];
  if (typeof (headers as Iterable<unknown>)[Symbol.iterator] === 'function') {
    return [...(headers as Iterable<[string, string]>), [name, value]] as unknown as Headers;
  }
  return { ...(headers as Record<string, string>), [name]: value };
}
