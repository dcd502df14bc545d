/** `spotify-scraper doctor` against the testing kit's fake Spotify (--origin): its three exit codes. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../src/index.js';
import { OPERATION_LIST, OPERATIONS } from '../../src/partner/operations.js';
import {
  fakeAlbum,
  fakeArtist,
  fakeEpisode,
  fakeHash,
  fakePlaylist,
  fakeShow,
  fakeTrack,
  startFakeSpotify,
  type FakeSpotify,
} from '../../src/testing/index.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';

let spotify: FakeSpotify;

beforeEach(async () => {
  spotify = await startFakeSpotify();
  // The entities doctor probes, by the ids it knows.
  spotify.add(fakeTrack({ id: '4uLU6hMCjMI75M1A2tKUQC' }));
  spotify.add(fakeAlbum({ id: '6N9PS4QXF1D0OWPk0Sxtb4' }));
  spotify.add(fakeArtist({ id: '0gxyHStUsqpMadRV0Di1Qt' }));
  spotify.add(fakePlaylist({ id: '37i9dQZF1DXcBWIGoYBM5M' }));
  spotify.add(fakeEpisode({ id: '07gKzPFkbvGF0cHoeG7ARS' }));
  spotify.add(fakeShow({ id: '4rOoJ6Egrf8K2IrywzwOMk' }));
});

afterEach(async () => {
  await spotify.close();
});

const doctor = (...flags: string[]) =>
  runCliInProcess(['doctor', '--origin', spotify.origin, '--rate', '500', '--burst', '50', ...flags]);

describe('spotify-scraper doctor', () => {
  it('exit 0: every layer answers, every operation with its built-in hash; about 20 requests and one per operation', async () => {
    const run = await doctor('--json');
    const report = run.json() as DoctorReport;
    expect(run.stderr).toBe('');
    expect(report.checks.filter((check) => check.status !== 'ok')).toEqual([]);
    expect(report.exitCode).toBe(0);
    expect(run.code).toBe(0);
    // reach 4, embed pages 6, one per operation, the ISRC probe, the web player 2, v2 up to 3.
    expect(report.requests).toBeLessThanOrEqual(16 + OPERATION_LIST.length);
    expect(spotify.requests.length).toBeLessThanOrEqual(18 + OPERATION_LIST.length);
    expect(report.checks.map((check) => check.layer)).toEqual(
      expect.arrayContaining(['reach', 'embed', 'v1', 'batch', 'spclient', 'web player', 'v2']),
    );
    expect(report.checks.filter((check) => check.layer === 'batch')).toEqual([
      expect.objectContaining({ name: 'getTracks', status: 'ok', detail: expect.stringMatching(/^list mode/) }),
      expect.objectContaining({ name: 'getEpisodes', status: 'ok', detail: expect.stringMatching(/^list mode/) }),
    ]);
    expect(report.checks.find((check) => check.layer === 'spclient')?.detail).toMatch(/^answers: ISRC QZFAK\d{7}$/);
    // No request left the fake: every host meant went through --origin.
    expect(new Set(spotify.requests.map((r) => r.host))).toEqual(
      new Set([
        'open.spotify.com',
        'open.spotifycdn.com',
        'api-partner.spotify.com',
        'clienttoken.spotify.com',
        'spclient.wg.spotify.com',
      ]),
    );
  });

  it('exit 1: an operation answers only with an alternate: stale, with an operations override to paste', async () => {
    spotify.webPlayer.rotate('fetchPlaylist', [OPERATIONS.playlist.alternates[0]]);
    const run = await doctor();
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/v1 +fetchPlaylist +STALE +built-in refused; alternate 8964e8ea… answers/);
    expect(run.stdout).toContain(
      `new AsyncSpotifyClient({ operations: { playlist: { hash: '${OPERATIONS.playlist.alternates[0]}' } } })`,
    );
  });

  it('exit 1 too: v2 works only with a client token', async () => {
    spotify.webPlayer.settings.requireClientToken = true;
    const run = await doctor('--json');
    const report = run.json() as DoctorReport;
    expect(run.code).toBe(1);
    expect(report.checks.filter((c) => c.layer === 'v2').map((c) => c.status)).toEqual(['healed', 'ok']);
  });

  it('exit 2: search refused by every built-in hash and absent from the bundle; an embed page that fails', async () => {
    spotify.webPlayer.rotate('searchDesktop', [fakeHash('nowhere')], { chunk: 'xpui-routes-search' });
    spotify.remove('spotify:album:6N9PS4QXF1D0OWPk0Sxtb4');
    const run = await doctor();
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/v1 +searchDesktop +FAILED +every built-in hash refused/);
    expect(run.stdout).toMatch(/embed +album +FAILED +NotFoundError/);
    expect(run.stdout).toMatch(/broken: a getter or search cannot get its data/);
  });

  it('exit 1: a refused list operation says the batch goes per entity; a refused spclient says isrc is null, and the run goes on', async () => {
    spotify.webPlayer.rotate('trackPreview', [fakeHash('preview-elsewhere')]);
    spotify.auth.rbac = true;
    const run = await doctor('--json');
    const report = run.json() as DoctorReport;
    expect(run.code).toBe(1);
    expect(report.checks.filter((check) => check.layer === 'batch')).toEqual([
      expect.objectContaining({
        name: 'getTracks',
        status: 'failed',
        detail: expect.stringMatching(/^per-entity mode/),
      }),
      expect.objectContaining({ name: 'getEpisodes', status: 'ok' }),
    ]);
    expect(report.checks.find((check) => check.layer === 'spclient')).toMatchObject({
      status: 'failed',
      detail: expect.stringMatching(/403.*externalIds gives isrc null/),
    });
    expect(report.stoppedAt).toBeNull();
    expect(report.checks.some((check) => check.layer === 'v2')).toBe(true);
  });

  it('stops at the first edge 403', async () => {
    spotify.webPlayer.settings.v1 = 'edge-403';
    const run = await doctor('--json');
    const report = run.json() as DoctorReport;
    expect(report.stoppedAt).toMatch(/403 from https:\/\/api-partner\.spotify\.com/);
    expect(run.code).toBe(2);
    // Nothing was probed after it: no operation was asked.
    expect(spotify.requests.filter((r) => r.operation !== null)).toEqual([]);
  });
});
