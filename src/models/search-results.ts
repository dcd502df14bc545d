import { z } from 'zod';
import { ArtistSummarySchema } from './artist-summary.js';
import type { DeepReadonly } from './common.js';
import { EpisodeSchema } from './episode.js';
import { PlaylistSummarySchema } from './playlist-summary.js';
import { ReleaseSchema } from './release.js';
import { ShowSummarySchema } from './show-summary.js';
import { TrackSchema } from './track.js';

export { SEARCH_TYPES, type SearchType } from './search-types.js';

const total = z.number().int().nonnegative().nullable();

/** One page of search hits per type; a type not searched for has `[]` and a total of `null`. */
export const SearchResultsSchema = z.object({
  query: z.string().min(1),
  tracks: z.array(TrackSchema),
  albums: z.array(ReleaseSchema),
  artists: z.array(ArtistSummarySchema),
  playlists: z.array(PlaylistSummarySchema),
  shows: z.array(ShowSummarySchema),
  episodes: z.array(EpisodeSchema),
  totals: z.object({ track: total, album: total, artist: total, playlist: total, show: total, episode: total }),
});
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SearchResults extends DeepReadonly<z.infer<typeof SearchResultsSchema>> {}
