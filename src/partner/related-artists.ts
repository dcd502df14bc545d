import type { ArtistSummary } from '../models/artist-summary.js';
import { at, count, list, type Raw } from '../parse/raw.js';
import { toPage, type ApiPage } from './page.js';
import { apiArtistSummary } from './summaries.js';

/** `artistUnion.relatedContent.relatedArtists.items[]` -> artist summaries. */
export function readRelatedArtists(root: Raw): ApiPage<ArtistSummary> {
  const related = at(root, 'relatedContent', 'relatedArtists');
  return toPage(
    list(at(related, 'items')),
    apiArtistSummary,
    count(at(related, 'totalCount')),
    (_item, artist) => artist.uri,
  );
}
