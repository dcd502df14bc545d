/** Where a search answer's time goes: JSON.parse, reading the hits, zod validation. `npx tsx bench/profile-search.ts` */
import { SEARCH_TYPES, SearchResultsSchema } from '../src/models/search-results.js';
import { at, type Raw } from '../src/parse/raw.js';
import { readSearch } from '../src/partner/search.js';
import { searchAnswer } from '../test/helpers/discovery.js';

const body = JSON.stringify(searchAnswer('daft punk', 10));
const request = { query: 'daft punk', types: new Set(SEARCH_TYPES), limit: 20, offset: 0 };
const root = at(JSON.parse(body), 'data', 'searchV2') as Raw;
const results = readSearch(root, request).results;

function time(label: string, fn: () => unknown): void {
  for (let i = 0; i < 3000; i += 1) fn();
  const start = performance.now();
  for (let i = 0; i < 10_000; i += 1) fn();
  console.log(`${label}: ${((performance.now() - start) / 10).toFixed(1)} µs`);
}
time('JSON.parse', () => JSON.parse(body));
time('readSearch', () => readSearch(root, request));
time('zod safeParse', () => SearchResultsSchema.safeParse(results));
