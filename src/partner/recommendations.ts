import type { TrackSummary } from '../models/track-summary.js';
import { at, count, list, type Raw } from '../parse/raw.js';
import { toPage, type ApiPage } from './page.js';
import { apiTrackSummary } from './summaries-of-lists.js';

/** `seoRecommendedTrack.items[].data` (internalLinkRecommenderTrack) -> track summaries. */
export function readRecommendations(root: Raw): ApiPage<TrackSummary> {
  return toPage(
    list(at(root, 'items')),
    (item) => apiTrackSummary(at(item, 'data')),
    count(at(root, 'totalCount')),
    (_item, track) => track.uri,
  );
}
