import type { Dispatcher } from 'undici';

/** The header that tells a replay server which host a rerouted request was meant for. */
export const INTENDED_HOST_HEADER = 'x-spotify-scraper-host';

type Headers = NonNullable<Dispatcher.DispatchOptions['headers']>;

/**
 * An undici interceptor that sends every request to `origin` (a replay server, a test server)
 * instead of Spotify, naming the intended host in a header.
 */
export function rerouteTo(origin: string): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (options, handler) => {
    const intended = new URL(String(options.origin)).host;
    return dispatch({ ...options, origin, headers: withHeader(options.headers, INTENDED_HOST_HEADER, intended) }, handler);
  };
}

function withHeader(headers: Dispatcher.DispatchOptions['headers'], name: string, value: string): Headers {
  if (headers == null) return { [name]: value };
  if (Array.isArray(headers)) return [...headers, name, value] as string[];
  if (typeof (headers as Iterable<unknown>)[Symbol.iterator] === 'function') {
    return [...(headers as Iterable<[string, string]>), [name, value]] as unknown as Headers;
  }
  return { ...(headers as Record<string, string>), [name]: value };
}
