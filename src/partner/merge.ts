import type { Episode } from '../models/episode.js';
import type { Track } from '../models/track.js';
import type { Previews } from './common.js';

/** `base`'s value wherever it has one; `extra`'s where `base` has null, "" or an empty list. */
export function fillGaps<T extends object>(base: T, extra: { readonly [K in keyof T]?: T[K] | null | undefined }): T {
  const out = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined || value === null || value === '') continue;
    const current = out[key];
    if (current === null || current === undefined || current === '' || (Array.isArray(current) && current.length === 0))
      out[key] = value;
  }
  return out as T;
}

/** uri -> preview URL of the tracks and episodes an embed listed. */
export function previewsOf(items: ReadonlyArray<Track | Episode>): Previews {
  const previews = new Map<string, string | null>();
  for (const item of items) if (item.previewUrl !== null) previews.set(item.uri, item.previewUrl);
  return previews;
}

/**
 * The API's list, each item's gaps (an empty name, no artists…) filled from the embed's item with the
 * same key, so an API row never erases what the embed said; and after it the embed's items past what
 * the API returned (paging that stopped early keeps what the embed already had), up to `max`.
 * `alsoKnown` are embed items to fill from that do not form a tail (an artist's top tracks).
 */
export function withEmbedTail<T extends object>(
  fromApi: readonly T[],
  fromEmbed: readonly T[],
  max: number,
  keyOf: (item: T) => string,
  alsoKnown: readonly T[] = [],
): T[] {
  const known = new Map<string, T>();
  for (const item of [...alsoKnown, ...fromEmbed]) known.set(keyOf(item), item);
  const items = fromApi.slice(0, max).map((item) => {
    const embed = known.get(keyOf(item));
    return embed === undefined ? item : fillNested(item, embed);
  });
  if (items.length < max && fromEmbed.length > items.length) items.push(...fromEmbed.slice(items.length, max));
  return items;
}

/** fillGaps, one level into a playlist item's `track`. */
function fillNested<T extends object>(item: T, embed: T): T {
  const filled = fillGaps(item, embed as { readonly [K in keyof T]?: T[K] });
  const inner = (item as { track?: object }).track;
  const embedInner = (embed as { track?: object }).track;
  return inner && embedInner ? ({ ...filled, track: fillGaps(inner, embedInner) } as T) : filled;
}
