import type { Release } from '../models/release.js';
import { at, count, list, type Raw } from '../parse/raw.js';
import type { ApiPage } from './page.js';
import { apiRelease } from './summaries.js';

/**
 * One page of `artistUnion.discography.all`: release groups, each with one or more releases (editions).
 * `raw` counts release groups, as the offset does; `items` are the releases, in order.
 */
export function discographyPage(root: Raw): ApiPage<Release> {
  const all = at(root, 'discography', 'all');
  const groups = list(at(all, 'items'));
  const page: ApiPage<Release> = {
    items: [],
    keys: [],
    raw: groups.length,
    total: count(at(all, 'totalCount')),
    unreadable: 0,
  };
  for (const group of groups) {
    for (const raw of list(at(group, 'releases', 'items'))) {
      const release = apiRelease(raw);
      if (release === undefined) {
        page.unreadable += 1;
        continue;
      }
      page.items.push(release);
      page.keys.push(release.uri);
    }
  }
  return page;
}
