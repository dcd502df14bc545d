import type { Artist } from '../models/artist.js';
import type { ParseContext } from './context.js';
import { identity, readName } from './fields.js';
import { readEntityImages } from './images.js';
import type { Raw } from './raw.js';
import { readRows, rowTrack } from './rows.js';

/** An artist from its embed: name, pictures and the ten top tracks. */
export function readArtist(entity: Raw, id: string, context: ParseContext): Artist {
  return {
    ...identity('artist', id),
    name: readName(entity) ?? '',
    images: readEntityImages(entity),
    biography: null,
    followers: null,
    monthlyListeners: null,
    worldRank: null,
    topTracks: readRows(entity, context, ['track']).map((row) => rowTrack(row, context)),
  };
}
