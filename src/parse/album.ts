import type { Album } from '../models/album.js';
import type { ParseContext } from './context.js';
import { entityUrl, readArtists, readName, readReleaseDate } from './fields.js';
import { readEntityImages } from './images.js';
import { text, type Raw } from './raw.js';
import { readRows, rowTrack } from './rows.js';
import { entityUri } from '../models/entities.js';

/** An album from its embed: the embed lists every track; label, type and copyrights need the partner API. */
export function readAlbum(entity: Raw, id: string, context: ParseContext): Album {
  const uri = entityUri('album', id);
  const name = readName(entity) ?? '';
  const images = readEntityImages(entity);
  const album = name === '' ? null : { id, uri, name, images };
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
    tracks: readRows(entity, context, ['track']).map((row) => rowTrack(row, context, { album, images })),
    copyrights: [],
  };
}
