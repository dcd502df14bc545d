import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { EntityType } from '../src/index.js';
import { readEmbedPage } from '../src/parse/index.js';
/** The demo's recordings: embed pages and API answers this project built itself. */
const RECORDINGS = join(import.meta.dirname, '..', 'demo', 'recordings');

export interface BenchPage {
  name: string;
  type: EntityType;
  /** The id the page embeds: what a client would have asked for. */
  id: string;
  html: string;
  file: string;
}

/** The id a page embeds (`embeded_entity_uri`), read once when the page is loaded. */
function embeddedId(html: string): string {
  return (
    /"embeded_entity_uri":"spotify:[a-z]+:([0-9A-Za-z]{22})"/.exec(html)?.[1] ??
    readEmbedPage(html, 'bench').entityUri?.split(':')[2] ??
    ''
  );
}

/** The project's own recorded embed pages (demo/recordings), one per entity type. */
export function ownPages(): BenchPage[] {
  const root = join(RECORDINGS, 'open.spotify.com', 'embed');
  const pages: BenchPage[] = [];
  for (const type of readdirSync(root) as EntityType[]) {
    for (const file of readdirSync(join(root, type))) {
      const path = join(root, type, file);
      const html = readFileSync(path, 'utf8');
      pages.push({ name: relative(RECORDINGS, path), type, id: embeddedId(html), html, file: path });
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
    .map((file) => {
      const html = readFileSync(join(dir, file), 'utf8');
      return {
        name: `shared/${file}`,
        type: file.split('-')[0] as EntityType,
        id: embeddedId(html),
        html,
        file: join(dir, file),
      };
    });
}
