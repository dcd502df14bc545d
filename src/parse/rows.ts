import type { Episode } from '../models/episode.js';
import type { Track } from '../models/track.js';
import { readEpisode } from './episode.js';
import { idFromUri } from './fields.js';
import { isRaw, list, str, type Raw } from './raw.js';
import { readTrack, type TrackContext } from './track.js';

/** The `trackList` rows of an album, artist or playlist embed, in page order. Non-object rows are skipped. */
export function readRows(entity: Raw): Raw[] {
  return list(entity['trackList']).filter(isRaw);
}

export function isEpisodeRow(row: Raw): boolean {
  return row['entityType'] === 'episode' || str(row['uri'])?.startsWith('spotify:episode:') === true;
}

/** A row as a Track; rows of unplayable (country-restricted) tracks are kept with `playable: false`. */
export function rowTrack(row: Raw, context: TrackContext = {}): Track {
  return readTrack(row, str(row['uid']) ?? '', context);
}

/** A playlist row as a Track or an Episode. */
export function rowItem(row: Raw): Track | Episode {
  return isEpisodeRow(row) ? readEpisode(row, idFromUri(row['uri']) ?? str(row['uid']) ?? '') : rowTrack(row);
}
