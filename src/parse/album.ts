import type { Album } from '../models/album.js';
import { entityUri, entityUrl, readArtists, readName, readReleaseDate } from './fields.js';
import { readEntityImages } from './images.js';
import { str, text, type Raw } from './raw.js';
import { readRows, rowTrack } from './rows.js';

/** An album from its embed: the embed lists every track; label, type and copyrights need the partner API. */
export function readAlbum(entity: Raw, id: string): Album {
  const uri = str(entity['uri']) ?? entityUri('album', id);
  const name = readName(entity) ?? '';
  const images = readEntityImages(entity);
  const album = { id, uri, name, images };
  return {
    type: 'album',
    id,
    uri,
    url: entityUrl('album', id),
    name,
    albumType: text(entity['albumType']) ?? null,
    artists: readArtists(entity),
    images,
    releaseDate: readReleaseDate(entity),
    label: null,
    totalTracks: null,
    tracks: readRows(entity).map((row) => rowTrack(row, { album, images })),
    copyrights: [],
  };
}
