/**
 * Writes the demo's recordings (demo/recordings/) from the page builders in test/helpers, so the
 * offline demo serves embed pages and partner API answers in Spotify's shape without any captured
 * data. Run: npx tsx scripts/record-demo-pages.ts
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  embedHtml,
  embedState,
  episodeEntity,
  listEntity,
  row,
  trackEntity,
  type Json,
} from '../test/helpers/pages.js';
import {
  apiEpisodeData,
  apiTrackData,
  itemId,
  playlistPage,
  showEpisodesPage,
  showMetadata,
} from '../test/helpers/partner.js';
import { JPEG, mp3 } from '../test/helpers/media.js';
import { CATALOGUE as DEMO } from '../src/testing/catalogue.js';
import { RECORDINGS, recordingPath } from './replay-server.js';

const files = new Map<string, string>();
const embed = (type: string, id: string, html: string) =>
  files.set(join('open.spotify.com', 'embed', type, `${id}.html`), html);
const api = (operation: string, uri: string, body: Json, offset = 0) => {
  const url = new URL('https://api-partner.spotify.com/pathfinder/v1/query');
  url.searchParams.set('operationName', operation);
  url.searchParams.set('variables', JSON.stringify({ uri, offset }));
  files.set(recordingPath('api-partner.spotify.com', url) as string, JSON.stringify(body));
};
const uri = (type: string, id: string) => `spotify:${type}:${id}`;

// Track: embed + getTrack.
embed(
  'track',
  DEMO.track,
  embedHtml(
    embedState(
      trackEntity({
        id: DEMO.track,
        uri: uri('track', DEMO.track),
        title: 'Midnight Signal',
        name: 'Midnight Signal',
        artists: [{ name: 'The Loopbacks', uri: uri('artist', DEMO.artist) }],
      }),
    ),
  ),
);
api('getTrack', uri('track', DEMO.track), {
  data: { trackUnion: { ...apiTrackData(DEMO.track, 0), name: 'Midnight Signal', playcount: '1234567' } },
});

// Album: 12 tracks.
const albumIds = Array.from({ length: 12 }, (_, i) => itemId('alb', i));
embed(
  'album',
  DEMO.album,
  embedHtml(
    embedState(
      listEntity(
        'album',
        albumIds.map((id, i) => row({ uri: uri('track', id), title: `Track ${i}`, subtitle: 'The Loopbacks' })),
        {
          id: DEMO.album,
          uri: uri('album', DEMO.album),
          title: 'Localhost Sessions',
          name: 'Localhost Sessions',
          subtitle: 'The Loopbacks',
        },
      ),
    ),
  ),
);
api('getAlbum', uri('album', DEMO.album), {
  data: {
    albumUnion: {
      uri: uri('album', DEMO.album),
      name: 'Localhost Sessions',
      type: 'ALBUM',
      label: 'Loopback Records',
      date: { isoString: '2026-03-01T00:00:00Z' },
      copyright: { items: [{ text: '(C) 2026 Loopback Records', type: 'C' }] },
      artists: { items: [{ profile: { name: 'The Loopbacks' }, uri: uri('artist', DEMO.artist) }] },
      tracksV2: { totalCount: 12, items: albumIds.map((id, i) => ({ uid: `a${i}`, track: apiTrackData(id, i) })) },
    },
  },
});

// Artist: 10 top tracks.
const topIds = Array.from({ length: 10 }, (_, i) => itemId('top', i));
embed(
  'artist',
  DEMO.artist,
  embedHtml(
    embedState(
      listEntity(
        'artist',
        topIds.map((id, i) => row({ uri: uri('track', id), title: `Track ${i}`, subtitle: 'The Loopbacks' })),
        { id: DEMO.artist, uri: uri('artist', DEMO.artist), title: 'The Loopbacks', name: 'The Loopbacks' },
      ),
    ),
  ),
);
api('queryArtistOverview', uri('artist', DEMO.artist), {
  data: {
    artistUnion: {
      uri: uri('artist', DEMO.artist),
      profile: { name: 'The Loopbacks', biography: { text: 'A band that never leaves 127.0.0.1.' } },
      stats: { followers: 48_213, monthlyListeners: 310_442, worldRank: 0 },
      discography: { topTracks: { items: topIds.map((id, i) => ({ uid: `t${i}`, track: apiTrackData(id, i) })) } },
    },
  },
});

// Playlist: 230 items, the embed shows the first 100.
const playlistIds = Array.from({ length: 230 }, (_, i) => itemId('pl', i));
embed(
  'playlist',
  DEMO.playlist,
  embedHtml(
    embedState(
      listEntity(
        'playlist',
        playlistIds.slice(0, 100).map((id, i) => row({ uri: uri('track', id), title: `Track ${i}` })),
        {
          id: DEMO.playlist,
          uri: uri('playlist', DEMO.playlist),
          title: 'Offline Favourites',
          name: 'Offline Favourites',
          subtitle: 'Owner Name',
        },
      ),
    ),
  ),
);
for (const offset of [0, 100, 200])
  api(
    'fetchPlaylist',
    uri('playlist', DEMO.playlist),
    { ...playlistPage(uri('playlist', DEMO.playlist), playlistIds, offset, 100, { name: 'Offline Favourites' }) },
    offset,
  );

// Episode and show: 75 episodes.
const showUri = uri('show', DEMO.show);
const episodeIds = [DEMO.episode, ...Array.from({ length: 74 }, (_, i) => itemId('ep', i))];
embed(
  'episode',
  DEMO.episode,
  embedHtml(
    embedState(
      episodeEntity({
        id: DEMO.episode,
        uri: uri('episode', DEMO.episode),
        title: 'Episode 0',
        name: 'Episode 0',
        subtitle: 'The Show',
        relatedEntityUri: showUri,
      }),
    ),
  ),
);
api('getEpisodeOrChapter', uri('episode', DEMO.episode), {
  data: { episodeUnionV2: apiEpisodeData(DEMO.episode, 0, showUri) },
});
embed(
  'show',
  DEMO.show,
  embedHtml(
    embedState(
      episodeEntity({
        id: DEMO.episode,
        uri: uri('episode', DEMO.episode),
        title: 'Episode 0',
        name: 'Episode 0',
        subtitle: 'The Show',
        relatedEntityUri: showUri,
      }),
      showUri,
    ),
  ),
);
api('queryShowMetadataV2', showUri, showMetadata(showUri));
for (const offset of [0, 50])
  api('queryPodcastEpisodes', showUri, showEpisodesPage(showUri, episodeIds, offset, 50), offset);

// Media: the cover and preview the demo track's embed points at.
const media = new Map<string, Buffer>([
  ['image-cdn-ak.spotifycdn.com/image/ab67616d0000b273', JPEG],
  ['image-cdn-ak.spotifycdn.com/image/ab67616d00001e02', JPEG],
  ['image-cdn-ak.spotifycdn.com/image/ab67616d00004851', JPEG],
  ['p.scdn.co/mp3-preview/abc123', mp3(80)],
]);

rmSync(RECORDINGS, { recursive: true, force: true });
for (const [path, body] of [...files, ...media]) {
  const file = join(RECORDINGS, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, body);
}
console.log(`wrote ${files.size + media.size} recordings to ${RECORDINGS}`);
