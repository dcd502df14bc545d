import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { EntityType } from '../src/index.js';
import { RECORDINGS } from '../scripts/replay-server.js';

export interface BenchPage {
  name: string;
  type: EntityType;
  html: string;
  file: string;
}

/** The project's own recorded embed pages (demo/recordings), one per entity type. */
export function ownPages(): BenchPage[] {
  const root = join(RECORDINGS, 'open.spotify.com', 'embed');
  const pages: BenchPage[] = [];
  for (const type of readdirSync(root) as EntityType[]) {
    for (const file of readdirSync(join(root, type))) {
      const path = join(root, type, file);
      pages.push({ name: relative(RECORDINGS, path), type, html: readFileSync(path, 'utf8'), file: path });
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
    .map((file) => ({ name: `shared/${file}`, type: file.split('-')[0] as EntityType, html: readFileSync(join(dir, file), 'utf8'), file: join(dir, file) }));
}
