/**
 * One memory measurement in a fresh process, against the parent's loopback server. Prints JSON with
 * the peak RSS growth in MiB. Modes: queued-ours, queued-bare, playlist-ours, playlist-iterate(-held), playlist-bare.
 */
import { Agent, request } from 'undici';
import { AsyncSpotifyClient } from '../src/index.js';
import { rerouteTo } from '../test/helpers/loopback.js';

const [mode, origin, countText] = process.argv.slice(2) as [string, string, string];
const count = Number(countText);
const agent = new Agent({ connections: 8 });
const dispatcher = agent.compose(rerouteTo(origin));
/** Distinct ids: identical calls would share one fetch (single flight) and measure nothing. */
const ids = Array.from({ length: count }, (_, i) => `Queued${i.toString(36).padStart(16, '0')}`);
const PLAYLIST = 'BenchP1ay1ist000000000';

globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
/** The most heap held at once, measured after a full GC (what is retained, not garbage not yet collected). */
let retained = 0;
const measureRetained = (): void => {
  globalThis.gc?.();
  retained = Math.max(retained, process.memoryUsage().heapUsed - heapBefore);
};
const before = process.memoryUsage().rss;
let peak = before;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
const start = performance.now();
let kept: unknown;

if (mode === 'queued-ours') {
  const client = new AsyncSpotifyClient({ dispatcher, rateLimit: { perSecond: 5000, burst: 50 }, partnerApi: false });
  kept = await Promise.all(ids.map((id) => client.getTrack(id)));
  await client.close();
} else if (mode === 'queued-bare') {
  kept = await Promise.all(
    ids.map(async (id) => {
      const html = await (await request(`https://open.spotify.com/embed/track/${id}`, { dispatcher })).body.text();
      const from = html.indexOf('>', html.indexOf('id="__NEXT_DATA__"')) + 1;
      return JSON.parse(html.slice(from, html.indexOf('</script>', from)));
    }),
  );
} else if (mode === 'playlist-ours') {
  const client = new AsyncSpotifyClient({ dispatcher, rateLimit: false });
  const playlist = await client.getPlaylist(PLAYLIST, { maxTracks: Infinity });
  if (playlist.tracks.length !== count) throw new Error(`got ${playlist.tracks.length} tracks`);
  kept = playlist;
  measureRetained();
  await client.close();
} else if (mode === 'playlist-iterate' || mode === 'playlist-iterate-held') {
  // The items as they come, none kept (what a consumer writing each one out does).
  const client = new AsyncSpotifyClient({ dispatcher, rateLimit: false });
  let items = 0;
  for await (const item of client.iteratePlaylist(PLAYLIST)) {
    if (item.track.id) items += 1;
    // -held: a full GC every 100 items to see what is retained (slow; its RSS is not the plain run's).
    if (mode === 'playlist-iterate-held' && items % 100 === 50) measureRetained();
  }
  if (items !== count) throw new Error(`got ${items} items`);
  kept = items;
  await client.close();
} else {
  const pages: unknown[] = [];
  for (let offset = 0; offset < count; offset += 100) {
    const url = new URL('https://api-partner.spotify.com/pathfinder/v1/query');
    url.searchParams.set('variables', JSON.stringify({ uri: `spotify:playlist:${PLAYLIST}`, offset, limit: 100 }));
    url.searchParams.set('operationName', 'fetchPlaylist');
    pages.push(await (await request(url, { dispatcher })).body.json());
  }
  kept = pages;
}
const seconds = (performance.now() - start) / 1000;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
await agent.close();
console.log(
  JSON.stringify({
    rssGrowthMb: (peak - before) / 2 ** 20,
    retainedMb: retained / 2 ** 20,
    seconds,
    kept: kept !== undefined,
  }),
);
