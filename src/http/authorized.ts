import { HttpError, SpotifyScraperError } from '../errors.js';
import type { HttpClient, RequestOptions } from './http-client.js';
import type { StatusMap } from './response-errors.js';

/**
 * A kind of token and where it comes from: the partner API's anonymous token (from an embed page), the
 * web player's client token, the account token of the `sp_dc` cookie. A source shares one fetch between
 * concurrent callers and keeps what it fetched for as long as it is good.
 */
export interface TokenSource {
  /** A token for one call. */
  lease(signal?: AbortSignal): Promise<string>;
  /** A fresh token after the API rejected `stale` with a 401 (or one another caller renewed already). */
  renew(stale: string, signal?: AbortSignal): Promise<string>;
}

/** An API family: its hosts (the only ones its token goes to), headers and status map. */
export interface ApiFamily {
  /** In messages: "the partner API". */
  readonly name: string;
  readonly hosts: ReadonlySet<string>;
  /** Headers every request of the family carries (`app-platform`, `accept`). */
  readonly headers: Readonly<Record<string, string>>;
  readonly statusMap: StatusMap;
  /** The header the token goes in, and how: `authorization: Bearer …` unless the family says otherwise. */
  readonly tokenHeader?: ((token: string) => Readonly<Record<string, string>>) | undefined;
}

export interface AuthorizedRequest<T> extends Pick<RequestOptions<T>, 'method' | 'body' | 'signal' | 'consume'> {
  url: string;
  /** More headers for this request (a client token), over the family's. */
  headers?: Readonly<Record<string, string>> | undefined;
  /** A token the call already holds (its own embed page's), used before one is leased. */
  token?: string | undefined;
}

const bearer = (token: string): Readonly<Record<string, string>> => ({ authorization: `Bearer ${token}` });

/**
 * One request of an API family with its token: only to the family's hosts (redirects too), with the
 * family's headers and status map; a 401 renews the token once and tries again. Resolves to the value
 * and the token that got it (the call keeps using that one).
 */
export async function authorizedRequest<T>(
  http: HttpClient,
  family: ApiFamily,
  tokens: TokenSource,
  request: AuthorizedRequest<T>,
): Promise<{ value: T; token: string }> {
  const host = new URL(request.url).hostname;
  // A programming error, never a user's: the token of a family goes to its hosts only.
  if (!family.hosts.has(host))
    throw new SpotifyScraperError(`${family.name} has no host ${host}: its token does not go there`);
  const send = (token: string): Promise<T> =>
    http.request(request.url, {
      method: request.method,
      body: request.body,
      signal: request.signal,
      headers: { ...family.headers, ...(family.tokenHeader ?? bearer)(token), ...request.headers },
      statusMap: family.statusMap,
      allowRedirect: (url) => url.protocol === 'https:' && family.hosts.has(url.hostname),
      consume: request.consume,
    });
  let token = request.token ?? (await tokens.lease(request.signal));
  try {
    return { value: await send(token), token };
  } catch (error) {
    if (!(error instanceof HttpError) || error.status !== 401) throw error;
    token = await tokens.renew(token, request.signal);
    return { value: await send(token), token };
  }
}
