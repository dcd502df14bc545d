import { ParseError } from '../errors.js';
import type { Episode } from '../models/episode.js';
import type { Track } from '../models/track.js';
import { quote } from '../redact.js';
import type { ParseContext } from './context.js';
import { readEpisode } from './episode.js';
import { entityIdFromUri, readName, readPlayable, splitArtistNames } from './fields.js';
import { isRaw, list, str, type Raw } from './raw.js';
import { readTrack, type TrackContext } from './track.js';

export type RowType = 'track' | 'episode';

/** A `trackList` row that names what it is: its type and 22-character id. */
export interface Row {
  raw: Raw;
  type: RowType;
  id: string;
  /** Position in `trackList`, for messages. */
  index: number;
}

function rowPath(context: ParseContext, index: number): string {
  return `${context.path}.trackList[${index}]`;
}

export function isEpisodeRow(row: Raw): boolean {
  return row['entityType'] === 'episode' || str(row['uri'])?.startsWith('spotify:episode:') === true;
}

/**
 * The `trackList` rows of an album, artist, playlist or show embed, in page order. Decision: a row
 * without a uri of an accepted type (none at all, a local file, junk) is skipped and reported through
 * `warn` with its position; a playable row without a title is a ParseError naming its path.
 * Country-restricted rows (playable: false, empty title) are kept.
 */
export function readRows(entity: Raw, context: ParseContext, accepted: readonly RowType[]): Row[] {
  const rows: Row[] = [];
  const all = list(entity['trackList']);
  for (let index = 0; index < all.length; index += 1) {
    const raw = all[index];
    if (!isRaw(raw)) {
      context.warn(`${rowPath(context, index)} is not an object: skipped`);
      continue;
    }
    const type: RowType = isEpisodeRow(raw) ? 'episode' : 'track';
    const id = accepted.includes(type) ? entityIdFromUri(raw['uri'], type) : undefined;
    if (id === undefined) {
      context.warn(
        `${rowPath(context, index)} has no ${accepted.join(' or ')} uri (uri: ${quote(raw['uri'], 80)}): skipped`,
      );
      continue;
    }
    if (readPlayable(raw) && readName(raw) === undefined) {
      throw new ParseError(
        `Missing ${rowPath(context, index)}.title in ${context.url}: a playable row must have a title`,
        { url: context.url },
      );
    }
    rows.push({ raw, type, id, index });
  }
  return rows;
}

/** A row as a Track; a playable one must name its artists (in `subtitle`). */
export function rowTrack(row: Row, context: ParseContext, track: TrackContext = {}): Track {
  const model = readTrack(row.raw, row.id, track);
  if (model.playable && model.artists.length === 0) {
    throw new ParseError(
      `Missing ${rowPath(context, row.index)}.subtitle in ${context.url}: a playable track row must name its artists`,
      { url: context.url },
    );
  }
  return model;
}

/** A playlist row as a Track or an Episode. */
export function rowItem(row: Row, context: ParseContext): Track | Episode {
  return row.type === 'episode' ? readEpisode(row.raw, row.id) : rowTrack(row, context);
}

export { splitArtistNames };
