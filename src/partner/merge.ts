import type { Episode } from '../models/episode.js';
import type { Track } from '../models/track.js';
import type { Previews } from './common.js';

/** The embed's value wherever it has one; the partner API's where the embed has null or an empty list. */
export function fillGaps<T extends object>(base: T, extra: { readonly [K in keyof T]?: T[K] | null | undefined }): T {
  const out = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined || value === null) continue;
    const current = out[key];
    if (current === null || current === undefined || (Array.isArray(current) && current.length === 0)) out[key] = value;
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
 * The API's list, and after it the embed's items past what the API returned (paging that stopped
 * early keeps what the embed already had), up to `max`.
 */
export function withEmbedTail<T>(fromApi: readonly T[], fromEmbed: readonly T[], max: number): T[] {
  const items = fromApi.slice(0, max);
  if (items.length < max && fromEmbed.length > items.length) items.push(...fromEmbed.slice(items.length, max));
  return items;
}

