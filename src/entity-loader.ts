import { NotFoundError, ParseError } from './errors.js';
import type { HttpClient } from './http/http-client.js';
import { readText } from './http/transport.js';
import type { EntityType } from './input.js';
import { SCHEMAS, modelFromEmbed, readEmbedPage, type EmbedPage, type EntityByType, type ListLimits } from './parse/index.js';
import { validateModel } from './parse/validate.js';
import { enrich } from './partner/enrich.js';
import { PARTNER_API_URL } from './partner/operations.js';
import type { PartnerAuth } from './partner/query.js';
import type { ResolvedOptions } from './options.js';
import { registerSecret } from './redact.js';

export interface LoadOptions {
  signal?: AbortSignal | undefined;
  limits: ListLimits;
}

export function embedUrl(type: EntityType, id: string): string {
  return `https://open.spotify.com/embed/${type}/${id}`;
}

/** Fetches one embed page and reads its state. The page's token is remembered as a secret. */
export async function fetchEmbedPage(
  http: HttpClient,
  type: EntityType,
  id: string,
  maxBytes: number,
  signal: AbortSignal | undefined,
): Promise<{ page: EmbedPage; pageUrl: string }> {
  const pageUrl = embedUrl(type, id);
  const html = await http.get(pageUrl, {
    signal,
    consume: (response) => readText(response, maxBytes),
  });
  const page = readEmbedPage(html, pageUrl);
  registerSecret(page.session?.accessToken);
  return { page, pageUrl };
}

/** What loading needs from the client. */
export interface LoaderContext {
  http: HttpClient;
  options: ResolvedOptions;
}

/** id -> embed page -> validated model. */
export async function loadEntity<T extends EntityType>(
  context: LoaderContext,
  type: T,
  id: string,
  options: LoadOptions,
): Promise<EntityByType[T]> {
  const { http, options: resolved } = context;
  const { page, pageUrl } = await fetchEmbedPage(http, type, id, resolved.maxPageBytes, options.signal);
  const model = modelFromEmbed(type, page, id, pageUrl, options.limits);
  if (!resolved.partnerApi) return model;
  if (!page.session) {
    resolved.onWarning?.(`${pageUrl} carries no access token: returning embed data only`);
    return model;
  }
  try {
    const enriched = await enrich(type, model, {
      query: { http, maxBytes: resolved.maxPageBytes, signal: options.signal, auth: refreshingAuth(context, type, id, page.session.accessToken) },
      operations: resolved.operations,
      limits: options.limits,
      warn: (message) => resolved.onWarning?.(message),
    });
    return validateModel(SCHEMAS[type], enriched, PARTNER_API_URL) as EntityByType[T];
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    if (error instanceof NotFoundError) throw error;
    const why = error instanceof Error ? error.message : String(error);
    resolved.onWarning?.(`Partner API failed for ${type} ${id}, returning embed data: ${why}`);
    return model;
  }
}

/** The page's token; on a 401, one fresh embed page for a fresh token. */
function refreshingAuth(context: LoaderContext, type: EntityType, id: string, token: string): PartnerAuth {
  return {
    token,
    refresh: async (signal) => {
      const { page, pageUrl } = await fetchEmbedPage(context.http, type, id, context.options.maxPageBytes, signal);
      if (!page.session) throw new ParseError(`${pageUrl} carries no access token to refresh with`, { url: pageUrl });
      return page.session.accessToken;
    },
  };
}
