/**
 * `npm run bench`: every section measures ours against a baseline in the same run and reports the
 * ratio. Results go to stdout and bench/RESULTS.md. `npm run bench -- limiter` runs one section.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchAccount } from './account.js';
import { benchCache } from './cache.js';
import { benchCatalogue } from './catalogue.js';
import { benchBrowser } from './browser.js';
import { benchCrawl } from './crawl.js';
import { benchColdStart } from './cold-start.js';
import { benchDiscovery } from './discovery.js';
import { benchDownload } from './download.js';
import { benchE2e } from './e2e.js';
import { benchFleet } from './fleet.js';
import { benchHealing } from './healing.js';
import { benchHostile } from './hostile.js';
import { benchKit } from './kit.js';
import { benchLimiter } from './limiter.js';
import { benchMemory } from './memory.js';
import { benchParse } from './parse.js';
import { benchSoak } from './soak.js';
import { machine, type Row } from './util.js';

const SECTIONS: Record<string, () => Promise<Row[]>> = {
  parse: benchParse,
  discovery: benchDiscovery,
  hostile: benchHostile,
  cache: benchCache,
  fleet: benchFleet,
  e2e: benchE2e,
  limiter: benchLimiter,
  download: benchDownload,
  memory: benchMemory,
  'cold-start': benchColdStart,
  soak: benchSoak,
  healing: benchHealing,
  account: benchAccount,
  kit: benchKit,
  catalogue: benchCatalogue,
  crawl: benchCrawl,
  browser: benchBrowser,
};

const wanted = process.argv.slice(2).filter((arg) => arg in SECTIONS);
const names = wanted.length > 0 ? wanted : Object.keys(SECTIONS);
const rows: Row[] = [];
for (const name of names) {
  console.error(`bench: ${name}…`);
  rows.push(...(await (SECTIONS[name] as () => Promise<Row[]>)()));
}

const table = [
  '| section | measure | ours | baseline | ratio | note |',
  '|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.section} | ${r.measure} | ${r.ours} | ${r.baseline} | ${r.ratio} | ${r.note ?? ''} |`),
].join('\n');
// Rows that compare with an older build (BENCH_BEFORE_DIST) say which one it was (BENCH_BEFORE_LABEL).
const beforeLabel = process.env['BENCH_BEFORE_DIST']
  ? (process.env['BENCH_BEFORE_LABEL'] ?? 'an older build')
  : undefined;
const beforeLine = beforeLabel ? `Before: ${beforeLabel} (the rows that compare with an older build)\n` : '';
const report = `# Benchmark results\n\nMachine: ${machine()}\nDate: ${new Date().toISOString().slice(0, 10)}\nSections: ${names.join(', ')}\n${beforeLine}\nEach ratio is ours ÷ baseline, both measured in this run.\n\n${table}\n`;
console.log(report);
if (wanted.length === 0) writeFileSync(join(import.meta.dirname, 'RESULTS.md'), report);
