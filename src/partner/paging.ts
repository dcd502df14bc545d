import type { ApiPage } from './page.js';

export interface PagedResult<T> {
  items: T[];
  total: number | null;
  /** Items the API returned but that could not be read. */
  unreadable: number;
  /** Set when a page after the first failed: what was fetched is kept. */
  stoppedBy?: unknown;
}

/**
 * Fetches pages until `max` items, the API's total, or an empty page. The offset advances by the
 * number of raw items returned (servers may return fewer than asked). Items whose key (row uid) was
 * already seen are not added twice, and a page of nothing new ends paging. A failure on the first page
 * propagates; a later one stops paging.
 */
export async function collectPages<T>(
  fetchPage: (offset: number, limit: number) => Promise<ApiPage<T>>,
  options: { max: number; pageSize: number; first?: ApiPage<T> },
): Promise<PagedResult<T>> {
  const { max, pageSize } = options;
  const seen = new Set<string>();
  const result: PagedResult<T> = { items: [], total: null, unreadable: 0 };
  let offset = 0;
  let page = options.first;
  while (result.items.length < max) {
    if (!page) {
      try {
        page = await fetchPage(offset, Math.min(pageSize, max - result.items.length));
      } catch (error) {
        if (offset === 0) throw error;
        result.stoppedBy = error;
        break;
      }
    }
    result.total = page.total ?? result.total;
    result.unreadable += page.unreadable;
    const before = result.items.length;
    page.items.forEach((item, index) => {
      const raw = page?.keys[index] ?? '';
      const id = raw.startsWith('#') ? `#${offset}${raw}` : raw;
      if (seen.has(id) || result.items.length >= max) return;
      seen.add(id);
      result.items.push(item);
    });
    offset += page.raw;
    if (page.raw === 0 || (result.total !== null && offset >= result.total)) break;
    // A server that ignores the offset would page forever: a page with nothing new ends paging.
    if (result.items.length === before && page.items.length > 0) break;
    page = undefined;
  }
  return result;
}
