/**
 * Discovery section: a search answer -> validated SearchResults, versus a bare JSON.parse of the same
 * answer (the floor). The answer is the project's own (test/helpers/discovery.ts), 10 hits per type;
 * the real shared one (3 hits per type) is measured too when ../shared/fixtures is present.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEARCH_TYPES, SearchResultsSchema } from '../src/models/search-results.js';
import { validateModel } from '../src/parse/validate.js';
import { at, type Raw } from '../src/parse/raw.js';
import { readSearch } from '../src/partner/search.js';
import { searchAnswer } from '../test/helpers/discovery.js';
import { fmt, type Row } from './util.js';

const SHARED = join(import.meta.dirname, '..', '..', 'shared', 'fixtures', 'discovery', 'search.json');

function rate(fn: () => unknown, ms: number): number {
  for (let i = 0; i < 2000; i += 1) fn();
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 50; i += 1) fn();
    count += 50;
    elapsed = performance.now() - start;
  }
  return (count * 1000) / elapsed;
}

function measure(label: string, body: string): Row {
  const request = { query: 'daft punk', types: new Set(SEARCH_TYPES), limit: 20, offset: 0 };
  const ours = () => {
    const root = at(JSON.parse(body), 'data', 'searchV2') as Raw;
    return validateModel(SearchResultsSchema, readSearch(root, request).results, 'bench');
  };
  const floor = () => JSON.parse(body);
  let best = { ours: 0, floor: 0 };
  for (let round = 0; round < 3; round += 1) {
    best = { ours: Math.max(best.ours, rate(ours, 1500)), floor: Math.max(best.floor, rate(floor, 1500)) };
  }
  return {
    section: 'discovery',
    measure: `${label}: search answer -> validated SearchResults vs JSON.parse of the same answer`,
    ours: `${fmt(best.ours)} answers/s`,
    baseline: `${fmt(best.floor)} answers/s`,
    ratio: `${fmt(best.ours / best.floor, 2)}×`,
    note: `goal ≥ 0.5× (within 2× of JSON.parse): ${fmt(best.floor / best.ours, 2)}× slower`,
  };
}

export async function benchDiscovery(): Promise<Row[]> {
  const rows = [measure('own answer (10 hits per type)', JSON.stringify(searchAnswer('daft punk', 10)))];
  if (existsSync(SHARED)) rows.push(measure('shared real answer (3 hits per type)', readFileSync(SHARED, 'utf8')));
  return rows;
}
