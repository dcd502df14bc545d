import type { Concert } from '../models/concert.js';
import { entityIdFromUri } from '../parse/fields.js';
import { at, list, str, text, type Raw } from '../parse/raw.js';
import { artistsOf } from './common.js';
import { toPage, type ApiPage } from './page.js';
import { entityUri } from '../models/entities.js';

/** `concerts.concerts.items[].data` -> concerts. */
export function readConcerts(root: Raw): ApiPage<Concert> {
  return toPage(
    list(at(root, 'concerts', 'items')),
    (item) => apiConcert(at(item, 'data')),
    null,
    (_item, concert) => concert.uri,
  );
}

function apiConcert(raw: unknown): Concert | undefined {
  const id = entityIdFromUri(at(raw, 'uri'), 'concert');
  if (id === undefined) return undefined;
  return {
    id,
    uri: entityUri('concert', id),
    title: str(at(raw, 'title')) ?? '',
    startDate: text(at(raw, 'startDateIsoString')) ?? text(at(raw, 'startDate', 'isoString')) ?? null,
    city: text(at(raw, 'location', 'city')) ?? null,
    venue: text(at(raw, 'location', 'name')) ?? text(at(raw, 'venue', 'name')) ?? null,
    artists: artistsOf(at(raw, 'artists', 'items')),
  };
}
