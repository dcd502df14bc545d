import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { EntityType } from '../src/index.js';
import { RECORDINGS } from '../scripts/replay-server.js';

export interface BenchPage {
  name: string;
  type: EntityType;
  html: string;
}

/** The project's own recorded embed pages (demo/recordings), one per entity type. */
export function ownPages(): BenchPage[] {
  const root = join(RECORDINGS, 'open.spotify.com', 'embed');
  const pages: BenchPage[] = [];
  for (const type of readdirSync(root) as EntityType[]) {
    for (const file of readdirSync(join(root, type))) {
      pages.push({ name: relative(RECORDINGS, join(root, type, file)), type, html: readFileSync(join(root, type, file), 'utf8') });
    }
  }
  return pages;
}

/** Real captured pages from ../shared/fixtures/html when that folder exists (not the 404 page). */
export function sharedPages(): BenchPage[] {
  const dir = join(import.meta.dirname, '..', '..', 'shared', 'fixtures', 'html');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => !file.includes('404'))
    .map((file) => ({ name: `shared/${file}`, type: file.split('-')[0] as EntityType, html: readFileSync(join(dir, file), 'utf8') }));
}
