/**
 * Parse section: page -> validated model, versus spotify-url-info's parser on the same pages, and
 * versus a bare JSON.parse of the already-extracted JSON (the floor no parser can beat).
 */
import { createRequire } from 'node:module';
import { parseEmbedHtml } from '../src/parse/index.js';
import { scanScriptText } from '../src/parse/script-scan.js';
import { ownPages, sharedPages, type BenchPage } from './pages.js';
import { fmt, type Row } from './util.js';

const require = createRequire(import.meta.url);
const { parseData } = require('spotify-url-info') as { parseData: (html: string) => unknown };

function rate(pages: BenchPage[], fn: (page: BenchPage) => unknown, ms: number): number {
  for (let i = 0; i < 200; i += 1) for (const page of pages) fn(page); // warm-up: let the JIT settle
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (const page of pages) fn(page);
    count += pages.length;
    elapsed = performance.now() - start;
  }
  return (count * 1000) / elapsed;
}

function measure(label: string, pages: BenchPage[]): Row[] {
  const json = new Map(pages.map((page) => [page, scanScriptText(page.html, '__NEXT_DATA__') as string]));
  const results = { ours: [] as number[], peer: [] as number[], floor: [] as number[] };
  for (let round = 0; round < 3; round += 1) {
    results.ours.push(rate(pages, (p) => parseEmbedHtml(p.type, p.html, p.id, p.name), 1500));
    results.peer.push(rate(pages, (p) => parseData(p.html), 1500));
    results.floor.push(rate(pages, (p) => JSON.parse(json.get(p) as string), 1500));
  }
  const ours = Math.max(...results.ours);
  const peer = Math.max(...results.peer);
  const floor = Math.max(...results.floor);
  return [
    {
      section: 'parse',
      measure: `${label}: page -> validated model vs spotify-url-info parseData`,
      ours: `${fmt(ours)} pages/s`,
      baseline: `${fmt(peer)} pages/s`,
      ratio: `${fmt(ours / peer, 2)}×`,
      note: 'goal ≥ 5×',
    },
    {
      section: 'parse',
      measure: `${label}: page -> validated model vs JSON.parse of the extracted JSON (floor)`,
      ours: `${fmt(ours)} pages/s`,
      baseline: `${fmt(floor)} pages/s`,
      ratio: `${fmt(ours / floor, 2)}×`,
      note: `goal ≥ 0.5× (within 2× of the floor): ${fmt(floor / ours, 2)}× slower`,
    },
  ];
}

export async function benchParse(): Promise<Row[]> {
  const rows = measure(`own recordings (${ownPages().length} pages)`, ownPages());
  const shared = sharedPages();
  if (shared.length > 0) rows.push(...measure(`shared real pages (${shared.length})`, shared));
  return rows;
}
