/**
 * The offline demo: serves the project's recorded pages (demo/recordings) on 127.0.0.1 and runs the
 * library against them through the `dispatcher` option, so a newcomer sees every getter work without
 * reaching Spotify. Run: npm run demo
 */
import { AsyncSpotifyClient } from '../src/index.js';
import { DEMO } from './demo-ids.js';
import { startReplayServer } from './replay-server.js';

const replay = await startReplayServer();
console.log(`replay server on ${replay.origin} (answers for open.spotify.com and api-partner.spotify.com)\n`);
try {
  await using client = new AsyncSpotifyClient({ dispatcher: replay.dispatcher, onWarning: (m) => console.log(`  warning: ${m}`) });

  const track = await client.getTrack(`https://open.spotify.com/track/${DEMO.track}?si=demo`);
  console.log(`track     ${track.name} — ${track.artists.map((a) => a.name).join(', ')} (${Math.round(track.durationMs / 1000)} s, ${track.playCount} plays, on "${track.album?.name}")`);

  const album = await client.getAlbum(`spotify:album:${DEMO.album}`);
  console.log(`album     ${album.name} (${album.label}, ${album.releaseDate?.slice(0, 4)}): ${album.tracks.length} tracks`);

  const artist = await client.getArtist(DEMO.artist);
  console.log(`artist    ${artist.name}: ${artist.followers} followers, top track "${artist.topTracks[0]?.name}"`);

  const playlist = await client.getPlaylist(`open.spotify.com/playlist/${DEMO.playlist}`, { maxTracks: Infinity });
  console.log(`playlist  ${playlist.name} by ${playlist.owner?.name}: ${playlist.tracks.length} of ${playlist.totalTracks} items (the embed alone stops at 100)`);

  const episode = await client.getEpisode(DEMO.episode);
  console.log(`episode   ${episode.name} from ${episode.show?.name}, video: ${episode.hasVideo}`);

  const show = await client.getShow(DEMO.show);
  console.log(`show      ${show.name} by ${show.publisher}: ${show.episodes.length} of ${show.totalEpisodes} episodes (maxEpisodes 50)`);

  const batch = await client.getTracks([DEMO.track, '0000000000000000000000', 'not-an-id']);
  console.log(`\nbatch     ${batch.map((r) => (r.ok ? `ok: ${r.result.name}` : `${r.error.name}`)).join(' | ')}`);
} finally {
  await replay.close();
}
