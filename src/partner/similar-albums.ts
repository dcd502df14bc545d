import type { Release } from '../models/release.js';
import { at, count, list, type Raw } from '../parse/raw.js';
import { toPage, type ApiPage } from './page.js';
import { apiRelease } from './summaries.js';

/** `seoRecommendedTrackAlbum.items[].data` -> releases. */
export function readSimilarAlbums(root: Raw): ApiPage<Release> {
  return toPage(
    list(at(root, 'items')),
    (item) => apiRelease(at(item, 'data')),
    count(at(root, 'totalCount')),
    (_item, album) => album.uri,
  );
}
