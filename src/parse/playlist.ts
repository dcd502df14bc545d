import type { UserRef } from '../models/common.js';
import type { Playlist } from '../models/playlist.js';
import type { ParseContext } from './context.js';
import { idFromUri, identity, readName } from './fields.js';
import { readEntityImages } from './images.js';
import { at, isRaw, list, text, type Raw } from './raw.js';
import { readRows, rowItem } from './rows.js';

/** A playlist from its embed: at most the first 100 items, the owner's name from `subtitle`. */
export function readPlaylist(entity: Raw, id: string, maxTracks: number, context: ParseContext): Playlist {
  const rows = readRows(entity, context, ['track', 'episode']);
  return {
    ...identity('playlist', id),
    name: readName(entity) ?? '',
    description: text(entity['description']) ?? null,
    owner: readOwner(entity),
    followers: null,
    images: readEntityImages(entity),
    totalTracks: null,
    tracks: rows.slice(0, maxTracks).map((row) => ({ track: rowItem(row, context), addedAt: null, addedBy: null })),
  };
}

function readOwner(entity: Raw): UserRef | null {
  const author = list(entity['authors']).find(isRaw);
  const name = text(at(author, 'name'));
  if (name !== undefined) {
    const uri = text(at(author, 'uri'));
    const userUri = uri?.startsWith('spotify:user:') && !/\s/.test(uri) ? uri : null;
    return { name, id: idFromUri(userUri, 'user') ?? null, uri: userUri };
  }
  const subtitle = text(entity['subtitle']);
  return subtitle === undefined ? null : { name: subtitle, id: null, uri: null };
}
