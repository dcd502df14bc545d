import type { Artist } from '../models/artist.js';
import { entityUri, entityUrl, readName } from './fields.js';
import { readEntityImages } from './images.js';
import { str, type Raw } from './raw.js';
import { readRows, rowTrack } from './rows.js';

/** An artist from its embed: name, pictures and the ten top tracks. */
export function readArtist(entity: Raw, id: string): Artist {
  return {
    type: 'artist',
    id,
    uri: str(entity['uri']) ?? entityUri('artist', id),
    url: entityUrl('artist', id),
    name: readName(entity) ?? '',
    images: readEntityImages(entity),
    biography: null,
    followers: null,
    monthlyListeners: null,
    worldRank: null,
    topTracks: readRows(entity).map((row) => rowTrack(row)),
  };
}
