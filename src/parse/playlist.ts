import type { UserRef } from '../models/common.js';
import type { Playlist } from '../models/playlist.js';
import { entityUri, entityUrl, idFromUri, readName } from './fields.js';
import { readEntityImages } from './images.js';
import { at, isRaw, list, str, text, type Raw } from './raw.js';
import { readRows, rowItem } from './rows.js';

/** A playlist from its embed: at most the first 100 items, the owner's name from `subtitle`. */
export function readPlaylist(entity: Raw, id: string, maxTracks: number): Playlist {
  const rows = readRows(entity);
  return {
    type: 'playlist',
    id,
    uri: str(entity['uri']) ?? entityUri('playlist', id),
    url: entityUrl('playlist', id),
    name: readName(entity) ?? '',
    description: text(entity['description']) ?? null,
    owner: readOwner(entity),
    followers: null,
    images: readEntityImages(entity),
    totalTracks: null,
    tracks: rows.slice(0, maxTracks).map((row) => ({ track: rowItem(row), addedAt: null, addedBy: null })),
  };
}

function readOwner(entity: Raw): UserRef | null {
  const author = list(entity['authors']).find(isRaw);
  const name = str(at(author, 'name'));
  if (name !== undefined) {
    const uri = text(at(author, 'uri')) ?? null;
    return { name, id: idFromUri(uri, 'user') ?? null, uri };
  }
  const subtitle = text(entity['subtitle']);
  return subtitle === undefined ? null : { name: subtitle, id: null, uri: null };
}
