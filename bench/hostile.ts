/**
 * Hostile page section: a 20 MB embed page built to be slow (hundreds of thousands of mentions of the
 * script id inside tags that never close, open comments, "://" runs, the entity id over and over)
 * with the real data at the end. Parsing it must stay linear: compared with JSON.parse of the same
 * 20 MB read as one JSON string (a single pass over the same bytes).
 */
import { parseEmbedHtml } from '../src/parse/index.js';
import { embedHtml, embedState, trackEntity } from '../test/helpers/pages.js';
import { fmt, type Row } from './util.js';

const ID = '0DiWol3AO6WpXZgp0goxAV';
const SIZE = 20 * 1024 * 1024;

export function hostilePage(size = SIZE): string {
  const page = embedHtml(embedState(trackEntity({ id: ID, uri: `spotify:track:${ID}` })));
  const noise = [
    `<x __NEXT_DATA__ `,
    `<!-- `,
    `-- `,
    `https://a:b@`,
    `${ID} `,
    `<script id=__NEXT_DATA`,
    `<p>__NEXT_DATA__</p>`,
  ].join('');
  const filler = noise.repeat(Math.ceil((size - page.length) / noise.length));
  return page.replace('<body>', `<body>${filler.slice(0, size - page.length)}-->`);
}

function best(fn: () => unknown, rounds: number): number {
  let fastest = Infinity;
  for (let i = 0; i < rounds; i += 1) {
    const start = performance.now();
    fn();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

export async function benchHostile(): Promise<Row[]> {
  const html = hostilePage();
  const asJson = JSON.stringify(html);
  const ours = best(() => parseEmbedHtml('track', html, ID, 'bench:hostile'), 5);
  const floor = best(() => JSON.parse(asJson), 5);
  return [
    {
      section: 'hostile',
      measure: `${fmt(html.length / 1024 / 1024, 1)} MB hostile page -> validated model vs JSON.parse of the same bytes (one JSON string)`,
      ours: `${fmt(ours, 1)} ms`,
      baseline: `${fmt(floor, 1)} ms`,
      ratio: `${fmt(ours / floor, 2)}×`,
      note: 'goal ≤ 2× (linear)',
    },
  ];
}
