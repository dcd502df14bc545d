import type { HttpClient } from '../http/http-client.js';
import { readText } from '../http/transport.js';
import { embedUrl, type EntityType } from '../models/entities.js';
import { readEmbedPage, type EmbedPage } from '../parse/index.js';

/** One embed page, fetched (at most `maxBytes`) and read into its entity and session. */
export async function fetchEmbedPage(
  http: HttpClient,
  maxBytes: number,
  type: EntityType,
  id: string,
  signal: AbortSignal | undefined,
): Promise<{ page: EmbedPage; pageUrl: string }> {
  const pageUrl = embedUrl(type, id);
  const html = await http.get(pageUrl, { signal, consume: (response) => readText(response, maxBytes) });
  return { page: readEmbedPage(html, pageUrl), pageUrl };
}
