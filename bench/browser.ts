/**
 * The browser transport (SPEC §14) against the loopback fake: the time of one embed page through
 * Chromium vs through plain HTTP (the same client otherwise, rate limit off, partner API off so each
 * getTrack is exactly one page), the first page (Chromium's start included) vs HTTP's first, and the
 * memory of one browser (the PSS of every Chromium process the client started) vs this Node process's RSS.
 * Skipped, with a row that says so, when no Chromium is on the PATH.
 */
import { AsyncSpotifyClient } from '../src/index.js';
import { findChromium } from '../src/http/browser/chromium.js';
import { fakeTrack, startFakeSpotify, type FakeSpotify } from '../src/testing/index.js';
import { chromiumProcesses, memoryOf } from '../test/helpers/chromium-processes.js';
import { fmt, type Row } from './util.js';

const PAGES = 60;
const ROUNDS = 3;

type Transport = 'browser' | 'http';

async function pages(
  spotify: FakeSpotify,
  ids: readonly string[],
  transport: Transport,
): Promise<{ first: number; each: number; browserBytes: number }> {
  const client = new AsyncSpotifyClient({
    ...spotify.clientOptions,
    partnerApi: false,
    timeout: 60_000,
    ...(transport === 'browser' ? { browser: true } : {}),
  });
  try {
    let start = performance.now();
    await client.getTrack(ids[0] as string);
    const first = performance.now() - start;
    start = performance.now();
    for (const id of ids.slice(1)) await client.getTrack(id);
    const each = (performance.now() - start) / (ids.length - 1);
    return { first, each, browserBytes: memoryOf(chromiumProcesses()) };
  } finally {
    await client.close();
  }
}

export async function benchBrowser(): Promise<Row[]> {
  const section = 'browser';
  if (!findChromium())
    return [{ section, measure: 'skipped: no chromium on the PATH', ours: '–', baseline: '–', ratio: '–' }];
  const spotify = await startFakeSpotify();
  try {
    const ids = Array.from({ length: PAGES }, () => spotify.add(fakeTrack()).id);
    const best = { browser: { first: Infinity, each: Infinity, bytes: 0 }, http: { first: Infinity, each: Infinity } };
    // In turn, best of ROUNDS: the machine's other work slows either side alike.
    for (let round = 0; round < ROUNDS; round += 1) {
      const http = await pages(spotify, ids, 'http');
      const browser = await pages(spotify, ids, 'browser');
      best.http = { first: Math.min(best.http.first, http.first), each: Math.min(best.http.each, http.each) };
      best.browser = {
        first: Math.min(best.browser.first, browser.first),
        each: Math.min(best.browser.each, browser.each),
        bytes: Math.max(best.browser.bytes, browser.browserBytes),
      };
    }
    const rss = process.memoryUsage().rss;
    const mib = (bytes: number) => `${fmt(bytes / 2 ** 20, 1)} MiB`;
    return [
      {
        section,
        measure: `time per embed page, getTrack one after another (${PAGES - 1} pages, best of ${ROUNDS}), through Chromium vs plain HTTP`,
        ours: `${fmt(best.browser.each, 1)} ms`,
        baseline: `${fmt(best.http.each, 1)} ms`,
        ratio: `${fmt(best.browser.each / best.http.each, 1)}×`,
        note: 'loopback fake; against Spotify the network time dominates both',
      },
      {
        section,
        measure: "the first page of a client (Chromium's start included) vs HTTP's first page (connection included)",
        ours: `${fmt(best.browser.first)} ms`,
        baseline: `${fmt(best.http.first, 1)} ms`,
        ratio: `${fmt(best.browser.first / best.http.first)}×`,
        note: 'once per client',
      },
      {
        section,
        measure: `memory of one browser after ${PAGES} pages (PSS of the Chromium processes) vs this Node process's RSS`,
        ours: mib(best.browser.bytes),
        baseline: mib(rss),
        ratio: `${fmt(best.browser.bytes / rss, 2)}×`,
        note: `${chromiumProcesses().length === 0 ? 'no Chromium process left after close()' : 'Chromium processes left after close()!'}`,
      },
    ];
  } finally {
    await spotify.close();
  }
}
