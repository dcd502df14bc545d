/**
 * The offline demo: the testing kit's fake Spotify with its built-in catalogue (what
 * `spotify-scraper fake-spotify` serves) on 127.0.0.1, and the `spotify-scraper` CLI run against it,
 * so a newcomer sees the whole path work without reaching Spotify: getters, paging, a batch, search,
 * a discography, a tagged download. Run: npm run demo
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runNode, type ProcessResult as Run } from '../test/helpers/run-process.js';
import { CATALOGUE as DEMO, addCatalogue, startFakeSpotify } from '../src/testing/index.js';

const CLI = resolve(import.meta.dirname, '..', 'src', 'cli', 'index.ts');

function cli(args: string[], origin: string, stdin = ''): Promise<Run> {
  return runNode(['--import', 'tsx', CLI, ...args, '--origin', origin], stdin);
}

function show(title: string, command: string, run: Run, summary: string): void {
  console.log(`\n$ ${command}`);
  console.log(`  ${summary}`);
  if (run.stderr.trim() !== '')
    console.log(
      run.stderr
        .trim()
        .split('\n')
        .map((line) => `  stderr: ${line}`)
        .join('\n'),
    );
  console.log(`  exit code ${run.code}  (${title})`);
}

const replay = await startFakeSpotify();
addCatalogue(replay);
const out = mkdtempSync(join(tmpdir(), 'spotify-scraper-demo-'));
console.log(`fake Spotify on ${replay.origin}: every request below goes there instead of Spotify`);
try {
  const track = await cli(['track', `https://open.spotify.com/track/${DEMO.track}?si=demo`, '--pretty'], replay.origin);
  const t = JSON.parse(track.stdout);
  show(
    'one value, pretty JSON',
    `spotify-scraper track https://open.spotify.com/track/${DEMO.track}?si=demo --pretty`,
    track,
    `${t.name} — ${t.artists.map((a: { name: string }) => a.name).join(', ')}, ${t.playCount} plays, album "${t.album?.name}", preview ${t.previewUrl}`,
  );

  const playlist = await cli(['playlist', `spotify:playlist:${DEMO.playlist}`, '--max-tracks', 'all'], replay.origin);
  const p = JSON.parse(playlist.stdout);
  show(
    'partner API paging',
    `spotify-scraper playlist spotify:playlist:${DEMO.playlist} --max-tracks all`,
    playlist,
    `${p.name} by ${p.owner.name}: ${p.tracks.length} of ${p.totalTracks} items (an embed page alone stops at 100)`,
  );

  const showRun = await cli(['show', DEMO.show], replay.origin);
  const s = JSON.parse(showRun.stdout);
  show(
    'show from its latest-episode embed + API',
    `spotify-scraper show ${DEMO.show}`,
    showRun,
    `${s.name} by ${s.publisher}: ${s.episodes.length} of ${s.totalEpisodes} episodes (default --max-episodes 50)`,
  );

  const batch = await cli(
    ['album', '--concurrency', '2'],
    replay.origin,
    `spotify:album:${DEMO.album}\n0000000000000000000000\nhttps://example.com/not-spotify\n`,
  );
  const lines = batch.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  show(
    'NDJSON batch from stdin, failures kept in order',
    'printf "…3 values…" | spotify-scraper album --concurrency 2',
    batch,
    lines
      .map((l) => (l.error ? `{error: ${l.error.name}}` : `{${l.name}: ${l.tracks.length} tracks, ${l.label}}`))
      .join(' | '),
  );

  const search = await cli(['search', DEMO.query, '--limit', '3'], replay.origin);
  const hits = JSON.parse(search.stdout);
  show(
    'search over the partner API',
    `spotify-scraper search ${DEMO.query} --limit 3`,
    search,
    `${hits.artists.map((a: { name: string }) => a.name).join(', ')}; albums ${hits.albums
      .map((a: { name: string }) => `"${a.name}"`)
      .join(', ')}; ${hits.tracks.length} tracks, ${hits.shows.length} shows, ${hits.episodes.length} episodes`,
  );

  const discography = await cli(['discography', DEMO.artist], replay.origin);
  const releases = JSON.parse(discography.stdout) as Array<{ name: string; albumType: string; releaseDate: string }>;
  show(
    "an artist's discography, newest first",
    `spotify-scraper discography ${DEMO.artist}`,
    discography,
    releases.map((r) => `${r.name} (${r.albumType.toLowerCase()}, ${r.releaseDate.slice(0, 4)})`).join(' | '),
  );

  const download = await cli(['download', 'preview', DEMO.track, '--dest', out, '--embed-cover'], replay.origin);
  show(
    'tagged preview download',
    `spotify-scraper download preview ${DEMO.track} --dest ${out} --embed-cover`,
    download,
    `wrote ${JSON.parse(download.stdout).path}`,
  );
} finally {
  await replay.close();
  rmSync(out, { recursive: true, force: true });
}
