/**
 * Memory section: peak RSS growth of 10,000 queued getTrack calls and of one 10,000-track playlist,
 * each in a fresh process, against a hand-written baseline (bare undici + JSON.parse) doing the same.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { embedHtml, embedState, listEntity, row, trackEntity } from '../test/helpers/pages.js';
import { itemId, playlistPage } from '../test/helpers/partner.js';
import { fmt, startServer, type Row } from './util.js';

const CALLS = 10_000;
const TRACKS = 10_000;
const PLAYLIST = 'BenchP1ay1ist000000000';

export async function benchMemory(): Promise<Row[]> {
  const ids = Array.from({ length: TRACKS }, (_, i) => itemId('m', i));
  // One page per id, as Spotify serves them: the client checks the page describes the id it asked for.
  const TEMPLATE_ID = 'TemplateTrackId0000000';
  const trackTemplate = embedHtml(embedState(trackEntity({ id: TEMPLATE_ID, uri: `spotify:track:${TEMPLATE_ID}` })));
  const trackPage = (id: string) => trackTemplate.replaceAll(TEMPLATE_ID, id);
  const playlistEmbed = Buffer.from(
    embedHtml(
      embedState(
        listEntity(
          'playlist',
          ids.slice(0, 100).map((id) => row({ uri: `spotify:track:${id}` })),
          { id: PLAYLIST, uri: `spotify:playlist:${PLAYLIST}` },
        ),
      ),
    ),
  );
  const { origin, close } = await startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/pathfinder/v1/query') {
      const { offset = 0, limit = 100 } = JSON.parse(url.searchParams.get('variables') ?? '{}') as {
        offset?: number;
        limit?: number;
      };
      return void res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(playlistPage(`spotify:playlist:${PLAYLIST}`, ids, offset, limit)));
    }
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(url.pathname.includes('/playlist/') ? playlistEmbed : trackPage(url.pathname.split('/').at(-1) as string));
  });
  const run = (mode: string, count: number) =>
    new Promise<{ rssGrowthMb: number; retainedMb: number; seconds: number }>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'memory-child.ts'), mode, origin, String(count)],
        {
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('exit', (code) =>
        code === 0
          ? resolve(JSON.parse(out.trim().split('\n').at(-1) as string))
          : reject(new Error(`memory child ${mode} exited ${code}`)),
      );
    });
  const queuedOurs = await run('queued-ours', CALLS);
  const queuedBare = await run('queued-bare', CALLS);
  const playlistOurs = await run('playlist-ours', TRACKS);
  const playlistBare = await run('playlist-bare', TRACKS);
  const playlistIterated = await run('playlist-iterate', TRACKS);
  const playlistHeld = await run('playlist-iterate-held', TRACKS);
  await close();
  return [
    {
      section: 'memory',
      measure: `peak RSS growth, ${fmt(CALLS)} getTrack calls started at once (rate limit 5,000/s), results kept`,
      ours: `${fmt(queuedOurs.rssGrowthMb, 1)} MiB`,
      baseline: `${fmt(queuedBare.rssGrowthMb, 1)} MiB bare undici + JSON.parse`,
      ratio: fmt(queuedOurs.rssGrowthMb / queuedBare.rssGrowthMb, 2),
      note: `≈ ${fmt((queuedOurs.rssGrowthMb * 1024) / CALLS, 1)} KiB per queued call`,
    },
    {
      section: 'memory',
      measure: `peak RSS growth, one ${fmt(TRACKS)}-track playlist (1 embed + 100 API pages)`,
      ours: `${fmt(playlistOurs.rssGrowthMb, 1)} MiB`,
      baseline: `${fmt(playlistBare.rssGrowthMb, 1)} MiB bare undici, raw pages kept`,
      ratio: fmt(playlistOurs.rssGrowthMb / playlistBare.rssGrowthMb, 2),
      note: `${fmt(playlistOurs.seconds, 2)} s vs ${fmt(playlistBare.seconds, 2)} s`,
    },
    {
      section: 'memory',
      measure: `heap held at most (after a full GC), iteratePlaylist over the same ${fmt(TRACKS)}-track playlist (items not kept) vs getPlaylist(…, { maxTracks: Infinity })`,
      ours: `${fmt(playlistHeld.retainedMb, 2)} MiB`,
      baseline: `${fmt(playlistOurs.retainedMb, 2)} MiB`,
      ratio: fmt(playlistHeld.retainedMb / playlistOurs.retainedMb, 2),
      note: 'goal ≤ 0.5: one page (100 items) is held at a time',
    },
    {
      section: 'memory',
      measure: `peak RSS growth, the same iteratePlaylist vs getPlaylist(…, { maxTracks: Infinity })`,
      ours: `${fmt(playlistIterated.rssGrowthMb, 1)} MiB`,
      baseline: `${fmt(playlistOurs.rssGrowthMb, 1)} MiB`,
      ratio: fmt(playlistIterated.rssGrowthMb / playlistOurs.rssGrowthMb, 2),
      note: `garbage the collector has not yet taken counts here (V8 grows the heap before it collects); ${fmt(playlistIterated.seconds, 2)} s vs ${fmt(playlistOurs.seconds, 2)} s`,
    },
  ];
}
