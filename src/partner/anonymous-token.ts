import { HttpError, NotFoundError, ParseError, RateLimitedError } from '../errors.js';
import type { TokenSource } from '../http/authorized.js';
import { SharedToken, type GrantedToken } from '../http/shared-token.js';
import { embedUrl, type EntityType } from '../models/entities.js';
import type { EmbedPage, EmbedSession } from '../parse/index.js';

/** The track whose embed page gives a client its first anonymous token when it has loaded no page (SPEC §6). */
export const BOOTSTRAP_TRACK_ID = '4uLU6hMCjMI75M1A2tKUQC';

/** A page that gives no expiry: its token is kept this long. */
const ASSUMED_LIFETIME_MS = 10 * 60_000;

/** Fetches an embed page (the client's way, with its rate limit and retries). */
export type FetchPage = (type: EntityType, id: string) => Promise<{ page: EmbedPage }>;

export interface AnonymousTokenConfig {
  /** Epoch milliseconds (the client's clock): an embed page gives its token's expiry as an epoch time. */
  now: () => number;
  fetchPage: FetchPage;
}

/**
 * The partner API's anonymous token (SPEC §6), on the one token mechanism (`SharedToken`): taken from
 * any embed page the client loads, bootstrapped from one embed page when none is at hand, kept until
 * 60 s before it expires (one that comes inside that margin is kept until the API refuses it), shared
 * by concurrent callers and renewed once when the API answers 401.
 */
export class AnonymousToken implements TokenSource {
  readonly #now: () => number;
  readonly #tokens: SharedToken;

  constructor(config: AnonymousTokenConfig) {
    this.#now = config.now;
    this.#tokens = new SharedToken(async () => this.#grant(await bootstrapSession(config.fetchPage)), config.now);
  }

  /** Keeps a page's token when it outlives the one held (or when none is held). */
  offer(session: EmbedSession | null | undefined): void {
    if (session) this.#tokens.offer(this.#grant(session));
  }

  lease(signal?: AbortSignal): Promise<string> {
    return this.#tokens.lease(signal);
  }

  renew(stale: string, signal?: AbortSignal): Promise<string> {
    return this.#tokens.renew(stale, signal);
  }

  #grant(session: EmbedSession): GrantedToken {
    const now = this.#now();
    return { token: session.accessToken, lifetimeMs: (session.expiresAtMs ?? now + ASSUMED_LIFETIME_MS) - now };
  }
}

/** The session of the bootstrap page, or an error that says the token could not be had (not about the caller's entity). */
async function bootstrapSession(fetchPage: FetchPage): Promise<EmbedSession> {
  const pageUrl = embedUrl('track', BOOTSTRAP_TRACK_ID);
  let page: EmbedPage;
  try {
    ({ page } = await fetchPage('track', BOOTSTRAP_TRACK_ID));
  } catch (error) {
    // The page that gives the token failed (a server that is not Spotify, a fake without it, an
    // outage): said as such, keeping the class of an HTTP failure.
    // A replayed capture that lacks the page says so itself.
    if (error instanceof HttpError && error.code === 'NOT_IN_CAPTURE') throw error;
    const why = error instanceof Error ? error.message : String(error);
    const message = `No anonymous token for the partner API could be had: the page that gives it, ${pageUrl}, failed (${why})`;
    if (error instanceof NotFoundError || (error instanceof HttpError && !(error instanceof RateLimitedError)))
      throw new HttpError(message, { url: pageUrl, status: error.status, cause: error });
    if (error instanceof ParseError) throw new ParseError(message, { url: pageUrl, cause: error });
    throw error;
  }
  if (!page.session)
    throw new ParseError(`No anonymous token for the partner API could be had: ${pageUrl} carries none`, {
      url: pageUrl,
    });
  return page.session;
}
