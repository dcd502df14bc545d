import { at, str } from '../parse/raw.js';

/**
 * One page of a partner API list. `raw` counts every item returned, readable or not (paging advances
 * by it); `keys[i]` identifies `items[i]` (a row uid, else its uri) so overlapping pages add nothing twice.
 */
export interface ApiPage<T> {
  items: T[];
  keys: string[];
  raw: number;
  total: number | null;
  unreadable: number;
}

/** A row's own key: its uid, else the uri of the entity it wraps, else the uri of what was read from it. */
const rowKey = (item: unknown, value: unknown): string | undefined =>
  str(at(item, 'uid')) ?? str(at(item, 'entity', '_uri')) ?? str(at(value, 'uri')) ?? str(at(value, 'track', 'uri'));

export function toPage<T>(
  rawItems: readonly unknown[],
  read: (item: unknown) => T | undefined,
  total: number | null,
  keyOf: (item: unknown, value: T) => string | undefined = rowKey,
): ApiPage<T> {
  const page: ApiPage<T> = { items: [], keys: [], raw: rawItems.length, total, unreadable: 0 };
  rawItems.forEach((item, index) => {
    const value = read(item);
    if (value === undefined) {
      page.unreadable += 1;
      return;
    }
    page.items.push(value);
    page.keys.push(keyOf(item, value) ?? `#${index}`);
  });
  return page;
}
