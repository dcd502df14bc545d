import type { Credits } from '../models/credits.js';
import { entityIdFromUri } from '../parse/fields.js';
import { at, list, text, type Raw } from '../parse/raw.js';
import { entityUri } from '../models/entities.js';

/**
 * `trackUnion.creditsTrait` of queryTrackCreditsGroupedModal (and its older queryTrackCreditsModal)
 * -> Credits: contributors grouped by `roleGroup.name`, each artist once per group with its roles as
 * `subroles`, in the order the API lists them.
 */
export function readPartnerCredits(root: Raw, trackId: string): Credits {
  const groups = new Map<string, Map<string, Credits['roles'][number]['artists'][number]>>();
  for (const item of list(at(at(root, 'creditsTrait', 'contributors'), 'items'))) {
    const name = text(at(item, 'name'));
    const group = text(at(item, 'roleGroup', 'name')) ?? text(at(item, 'role'));
    if (name === undefined || group === undefined) continue;
    const id = entityIdFromUri(at(item, 'uri'), 'artist') ?? null;
    const artists = groups.get(group) ?? new Map();
    const key = id ?? `name:${name}`;
    const artist = artists.get(key) ?? {
      name,
      id,
      uri: id === null ? null : entityUri('artist', id),
      imageUrl: null,
      subroles: [] as string[],
    };
    const role = text(at(item, 'role'));
    if (role !== undefined && !artist.subroles.includes(role)) (artist.subroles as string[]).push(role);
    artists.set(key, artist);
    groups.set(group, artists);
  }
  return {
    trackId,
    trackName: text(at(root, 'name')) ?? null,
    roles: [...groups].map(([role, artists]) => ({ role, artists: [...artists.values()] })),
    sources: list(at(at(root, 'creditsTrait', 'sources'), 'items'))
      .map((source) => text(at(source, 'name')))
      .filter((name): name is string => name !== undefined),
  };
}
