/**
 * Writes the demo's recordings (demo/recordings/) from the page builder in test/helpers, so the
 * offline demo serves pages in Spotify's shape without any captured data. Run: npx tsx scripts/record-demo-pages.ts
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { embedHtml, embedState, episodeEntity, episodeRow, listEntity, row, trackEntity } from '../test/helpers/pages.js';
import { DEMO } from './demo-ids.js';
import { RECORDINGS } from './replay-server.js';

const artists = ['The Loopbacks', 'Port Zero', 'Ana Socket', 'Keep-Alive Trio'];
const songs = ['Midnight Signal', 'Handshake', 'Slow Headers', 'Backoff', 'Token Bucket Blues', 'Retry-After', 'Gzip Heart', 'Redirect Me', 'Nonce', 'Close Wait', 'Burst', 'Jitter'];

function demoRow(index: number, extra: Record<string, unknown> = {}) {
  const artist = artists[index % artists.length] as string;
  const featured = index % 3 === 0 ? `,\u00a0${artists[(index + 1) % artists.length]}` : '';
  return row({ title: songs[index % songs.length], subtitle: `${artist}${featured}`, isExplicit: index % 5 === 4, ...extra });
}

const pages: Record<string, string> = {
  [`embed/track/${DEMO.track}`]: embedHtml(
    embedState(trackEntity({ id: DEMO.track, uri: `spotify:track:${DEMO.track}`, title: 'Midnight Signal', name: 'Midnight Signal', artists: [{ name: 'The Loopbacks', uri: `spotify:artist:${DEMO.artist}` }] })),
  ),
  [`embed/album/${DEMO.album}`]: embedHtml(
    embedState(listEntity('album', songs.map((_, i) => demoRow(i)), { id: DEMO.album, uri: `spotify:album:${DEMO.album}`, title: 'Localhost Sessions', name: 'Localhost Sessions', subtitle: 'The Loopbacks' })),
  ),
  [`embed/artist/${DEMO.artist}`]: embedHtml(
    embedState(listEntity('artist', songs.slice(0, 10).map((_, i) => demoRow(i)), { id: DEMO.artist, uri: `spotify:artist:${DEMO.artist}`, title: 'The Loopbacks', name: 'The Loopbacks' })),
  ),
  [`embed/playlist/${DEMO.playlist}`]: embedHtml(
    embedState(
      listEntity('playlist', [...Array.from({ length: 24 }, (_, i) => demoRow(i)), episodeRow({ title: 'Ep. 12: Why retries need jitter', subtitle: 'Wire Talk' }), row({ title: '', duration: 0, isPlayable: false, playabilityReason: 'COUNTRY_RESTRICTED', audioPreview: null })], {
        id: DEMO.playlist,
        uri: `spotify:playlist:${DEMO.playlist}`,
        title: 'Offline Favourites',
        name: 'Offline Favourites',
        subtitle: 'demo-user',
      }),
    ),
  ),
  [`embed/episode/${DEMO.episode}`]: embedHtml(
    embedState(episodeEntity({ id: DEMO.episode, uri: `spotify:episode:${DEMO.episode}`, title: 'Ep. 12: Why retries need jitter', name: 'Ep. 12: Why retries need jitter', subtitle: 'Wire Talk', relatedEntityUri: `spotify:show:${DEMO.show}` })),
  ),
  [`embed/show/${DEMO.show}`]: embedHtml(
    embedState(episodeEntity({ title: 'Ep. 13: Token buckets', name: 'Ep. 13: Token buckets', subtitle: 'Wire Talk', relatedEntityUri: `spotify:show:${DEMO.show}` }), `spotify:show:${DEMO.show}`),
  ),
};

rmSync(join(RECORDINGS, 'open.spotify.com'), { recursive: true, force: true });
for (const [path, html] of Object.entries(pages)) {
  const file = join(RECORDINGS, 'open.spotify.com', `${path}.html`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, html);
}
console.log(`wrote ${Object.keys(pages).length} pages to ${RECORDINGS}`);
