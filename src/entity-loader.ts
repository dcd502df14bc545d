import type { HttpClient } from './http/http-client.js';
import { readCapped } from './http/transport.js';
import type { EntityType } from './input.js';
import { modelFromEmbed, readEmbedPage, type EmbedPage, type EntityByType, type ListLimits } from './parse/index.js';
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
    consume: async (response) => (await readCapped(response.body, maxBytes, pageUrl)).toString('utf8'),
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
  return modelFromEmbed(type, page, id, pageUrl, options.limits);
}
