import type { ApiPage } from './page.js';

export interface PagedResult<T> {
  items: T[];
  total: number | null;
  /** Items the API returned but that could not be read. */
  unreadable: number;
  /** Set when a page after the first failed: what was fetched is kept. */
  stoppedBy?: unknown;
}

/** Why paging stopped before the total: kept as `stoppedBy`, reported as a warning. */
export class PagingStopped extends Error {
  override name = 'PagingStopped';
}

/**
 * Fetches pages until `max` items, the API's total, or an empty page. The offset advances by the
 * number of raw items returned (servers may return fewer than asked). Items whose key (row uid, else
 * uri) was already seen are not added twice. Against a server that ignores the offset or omits totals
 * paging still ends: a page that repeats the previous one, or brings nothing new, stops it, and so does
 * the hard `cap` on items (a safety bound per operation, far above what Spotify serves). A failure on
 * the first page propagates; a later one stops paging with what was fetched kept.
 */
export async function collectPages<T>(
  fetchPage: (offset: number, limit: number) => Promise<ApiPage<T>>,
  options: { max: number; pageSize: number; cap: number; first?: ApiPage<T> },
): Promise<PagedResult<T>> {
  const { pageSize, cap } = options;
  const max = Math.min(options.max, cap);
  const seen = new Set<string>();
  const result: PagedResult<T> = { items: [], total: null, unreadable: 0 };
  let offset = 0;
  let page = options.first;
  let previous: string | undefined;
  for (let pages = 0; result.items.length < max; pages += 1) {
    if (pages >= Math.ceil(cap / pageSize) + 1) {
      result.stoppedBy = new PagingStopped(`stopped after ${pages} pages, the safety cap of ${cap} items`);
      break;
    }
    if (!page) {
      try {
        page = await fetchPage(offset, Math.min(pageSize, max - result.items.length));
      } catch (error) {
        if (offset === 0) throw error;
        result.stoppedBy = error;
        break;
      }
    }
    const signature = page.keys.join('\n');
    if (signature !== '' && signature === previous) {
      result.stoppedBy = new PagingStopped(`the API answered offset ${offset} with the same page as before`);
      break;
    }
    previous = signature;
    result.total = page.total ?? result.total;
    result.unreadable += page.unreadable;
    const before = result.items.length;
    page.items.forEach((item, index) => {
      const key = page?.keys[index] ?? '';
      const id = key.startsWith('#') ? `#${offset}${key}` : key;
      if (seen.has(id) || result.items.length >= max) return;
      seen.add(id);
      result.items.push(item);
    });
    offset += page.raw;
    if (page.raw === 0 || (result.total !== null && offset >= result.total)) break;
    // A server that ignores the offset would page forever: a page with nothing new ends paging (said).
    if (result.items.length === before && page.items.length > 0) {
      result.stoppedBy = new PagingStopped(`the API answered offset ${offset - page.raw} with nothing new`);
      break;
    }
    page = undefined;
  }
  if (result.stoppedBy === undefined && options.max > cap && result.items.length >= cap) {
    result.stoppedBy = new PagingStopped(`stopped at the safety cap of ${cap} items`);
  }
  return result;
}
