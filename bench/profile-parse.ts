/**
 * Where parse time goes, per stage, on the real pages in ../shared/fixtures/html (or the project's
 * recordings): scan, JSON.parse, model building, zod validation. Run: npx tsx bench/profile-parse.ts
 */
import { sharedPages, ownPages } from './pages.js';
import { readEmbedPage } from '../src/parse/embed-page.js';
import { ENTITY_SCHEMAS as SCHEMAS } from '../src/models/entities.js';
import { modelFromEmbed } from '../src/parse/index.js';
import { scanScriptText } from '../src/parse/script-scan.js';

const pages = sharedPages().length > 0 ? sharedPages() : ownPages();

function time(label: string, fn: () => void, rounds = 3000): void {
  for (let i = 0; i < 300; i += 1) fn();
  const start = performance.now();
  for (let i = 0; i < rounds; i += 1) fn();
  console.log(
    `${label.padEnd(28)} ${(((performance.now() - start) * 1000) / rounds / pages.length).toFixed(2)} µs/page`,
  );
}

const texts = pages.map((p) => scanScriptText(p.html, '__NEXT_DATA__') as string);
const states = pages.map((p) => readEmbedPage(p.html, p.name));
const models = pages.map((p, i) => modelFromEmbed(p.type, states[i]!, p.id, p.name));

time('scan only', () => pages.forEach((p) => scanScriptText(p.html, '__NEXT_DATA__')));
time('JSON.parse only', () => texts.forEach((t) => JSON.parse(t)));
time('readEmbedPage (scan+parse)', () => pages.forEach((p) => readEmbedPage(p.html, p.name)));
time('modelFromEmbed (build+zod)', () => pages.forEach((p, i) => modelFromEmbed(p.type, states[i]!, p.id, p.name)));
time('zod safeParse only', () => pages.forEach((p, i) => SCHEMAS[p.type].safeParse(models[i])));
