import type { Outcome } from '../cache/remember.js';
import type { Playlist, PlaylistItem } from '../models/index.js';
import { OPERATIONS } from '../partner/operations.js';
import { callOperation } from '../partner/query.js';
import { queryContext, type ClientContext } from './context.js';

/** trackPreview takes this many uris a request (as the web player sends them). */
const GROUP = 50;

/**
 * A playlist with the preview URL of its tracks that have none (those past the embed page's first 100:
 * the partner API has no previews) filled by `trackPreview`, 50 a request. A group that fails leaves
 * its tracks without one, says so, and keeps the result out of the cache.
 */
export async function fillPreviews(
  context: ClientContext,
  playlist: Playlist,
  signal: AbortSignal | undefined,
  outcome: Outcome,
): Promise<Playlist> {
  const missing = [
    ...new Set(
      playlist.tracks
        .filter((item) => item.track.type === 'track' && item.track.previewUrl === null && item.track.playable)
        .map((item) => item.track.uri),
    ),
  ];
  if (missing.length === 0) return playlist;
  const found = new Map<string, string | null>();
  let failed = 0;
  let why = '';
  for (let start = 0; start < missing.length; start += GROUP) {
    const uris = missing.slice(start, start + GROUP);
    try {
      const previews = await callOperation(queryContext(context, signal), OPERATIONS.trackPreview, { uris });
      for (const [uri, url] of previews) found.set(uri, url);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      failed += uris.length;
      why ||= error instanceof Error ? error.message : String(error);
    }
  }
  if (failed > 0) {
    outcome.degraded();
    context.options.onWarning?.(`Previews of ${failed} item(s) of playlist ${playlist.id} failed (${why}): left null`);
  }
  const withPreview = (item: PlaylistItem): PlaylistItem => {
    const url = item.track.type === 'track' ? found.get(item.track.uri) : undefined;
    return url ? { ...item, track: { ...item.track, previewUrl: url } } : item;
  };
  return { ...playlist, tracks: playlist.tracks.map(withPreview) };
}
