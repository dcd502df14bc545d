import { HttpError, NotFoundError, ParseError, RateLimitedError } from '../errors.js';
import { readText } from '../http/transport.js';
import { ENTITY_SCHEMAS, embedUrl, type EntityByType, type EntityType } from '../models/entities.js';
import { modelFromEmbed, readEmbedPage, type EmbedPage, type ListLimits } from '../parse/index.js';
import { validateModel } from '../parse/validate.js';
import { enrich } from '../partner/enrich.js';
import { PARTNER_API_URL } from '../partner/operations.js';
import type { SessionToken } from '../partner/token.js';
import type { Outcome } from '../cache/remember.js';
import { queryContext, type LoaderContext } from './context.js';

export interface LoadOptions {
  signal?: AbortSignal | undefined;
  limits: ListLimits;
  /** Told when the result is degraded (the partner API failed or stopped short): it is then not cached. */
  outcome?: Outcome | undefined;
}

/** The page the client reads a token from when it has loaded no embed page yet (SPEC §6). */
export const BOOTSTRAP_PAGE: { type: EntityType; id: string } = { type: 'track', id: '4uLU6hMCjMI75M1A2tKUQC' };

/** Fetches one embed page and reads its state; its token is offered to the client's token holder. */
export async function fetchEmbedPage(
  context: LoaderContext,
  type: EntityType,
  id: string,
  signal: AbortSignal | undefined,
): Promise<{ page: EmbedPage; pageUrl: string }> {
  const pageUrl = embedUrl(type, id);
  const html = await context.http.get(pageUrl, {
    signal,
    consume: (response) => readText(response, context.options.maxPageBytes),
  });
  const page = readEmbedPage(html, pageUrl);
  context.tokens.offer(page.session);
  return { page, pageUrl };
}

/** The token of the bootstrap page, for calls that have no page of their own. */
export async function bootstrapToken(context: LoaderContext): Promise<SessionToken> {
  const pageUrl = embedUrl(BOOTSTRAP_PAGE.type, BOOTSTRAP_PAGE.id);
  let page: EmbedPage;
  try {
    ({ page } = await fetchEmbedPage(context, BOOTSTRAP_PAGE.type, BOOTSTRAP_PAGE.id, undefined));
  } catch (error) {
    // Not about the caller's entity: the page that gives the token failed (a server that is not
    // Spotify, a fake without it, an outage). Said as such, keeping the class of an HTTP failure.
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

/** id -> embed page -> validated model, enriched by the partner API unless that is off. */
export async function loadEntity<T extends EntityType>(
  context: LoaderContext,
  type: T,
  id: string,
  options: LoadOptions,
): Promise<EntityByType[T]> {
  const { options: resolved } = context;
  const { page, pageUrl } = await fetchEmbedPage(context, type, id, options.signal);
  const model = modelFromEmbed(type, page, id, pageUrl, {
    limits: options.limits,
    ...(resolved.onWarning ? { warn: pageWarnings(resolved.onWarning, pageUrl) } : {}),
  });
  if (!resolved.partnerApi) return model;
  // Whatever the partner API could not give is said through onWarning, and makes the result degraded.
  const warn = (message: string): void => {
    options.outcome?.degraded();
    resolved.onWarning?.(message);
  };
  try {
    const enriched = await enrich(type, model, {
      query: queryContext(context, options.signal, page.session?.accessToken),
      limits: options.limits,
      warn,
    });
    return validateModel(ENTITY_SCHEMAS[type], enriched, PARTNER_API_URL) as EntityByType[T];
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    if (error instanceof NotFoundError) throw error;
    const why = error instanceof Error ? error.message : String(error);
    warn(`Partner API failed for ${type} ${id}, returning embed data: ${why}`);
    return model;
  }
}

/** Warnings about a page's rows, prefixed with the page. */
function pageWarnings(onWarning: (message: string) => void, pageUrl: string): (message: string) => void {
  return (message) => onWarning(`${pageUrl}: ${message}`);
}
