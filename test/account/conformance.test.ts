/**
 * The real answers of ../shared/fixtures/account (when that folder exists) through the readers and
 * schemas the client uses, and the exchange and spclient's plain-text errors served from them over
 * loopback. Values are asserted only from files marked real; shape and scrubbed files are checked for
 * what the model takes from their keys, never for a value the source made up.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AccountSchema,
  AsyncSpotifyClient,
  AuthenticationError,
  CanvasSchema,
  CreditsSchema,
  LyricsSchema,
  NotFoundError,
  TranscriptSchema,
  UserProfileSchema,
} from '../../src/index.js';
import { readCanvas } from '../../src/partner/canvas.js';
import { readPartnerCredits } from '../../src/partner/credits.js';
import {
  readAccount,
  readLyrics,
  readSpclientCredits,
  readTranscript,
  readUserProfile,
} from '../../src/spclient/readers.js';
import { sendJson, startLoopback } from '../helpers/loopback.js';

const DIR = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'account');
const present = existsSync(DIR);
if (!present) console.warn(`account conformance: SKIPPED, ${DIR} is absent`);

const load = (name: string): any => JSON.parse(readFileSync(join(DIR, name), 'utf8'));
const TRACK = '4LfCY65LvojKjWEnU7fNN4';

describe.skipIf(!present)('account conformance: ../shared/fixtures/account', () => {
  it('lyrics (real, trimmed): string times, "0" end times, signed ARGB colours', () => {
    const lyrics = LyricsSchema.parse(readLyrics(load('lyrics-line-synced-excerpt-2022-12.json'), TRACK));
    expect(lyrics).toEqual({
      trackId: TRACK,
      syncType: 'LINE_SYNCED',
      lines: [
        { startMs: 13_830, endMs: null, text: "Forgive me for makin' you wait up for me" },
        { startMs: 17_470, endMs: null, text: 'I pull you in like the waves of the sea' },
      ],
      provider: 'MusixMatch',
      providerName: 'Musixmatch',
      language: 'en',
      rtl: false,
      preview: false,
      colors: { background: '#E96314', text: '#4F2106', highlight: '#FFFFFF' },
    });
  });

  it('lyrics of 2026 (shape): capStatus NONE and an empty previewLines are no preview; the keys it takes', () => {
    const raw = load('lyrics-keyset-syncpower-2026-09.json');
    const lyrics = LyricsSchema.parse(readLyrics(raw, TRACK));
    expect(lyrics.preview).toBe(false);
    expect(lyrics.syncType).toBe(raw.lyrics.syncType);
    expect(lyrics.lines.map((line) => line.text)).toEqual(
      raw.lyrics.lines.map((line: { words: string }) => line.words),
    );
    expect(lyrics.providerName).toBe(raw.lyrics.providerDisplayName);
    // An empty language is no language.
    expect(lyrics.language).toBe(raw.lyrics.language === '' ? null : raw.lyrics.language);
    // The same file with a cap: a preview, never an error.
    const capped = { ...raw, lyrics: { ...raw.lyrics, capStatus: 'CAPPED' } };
    expect(LyricsSchema.parse(readLyrics(capped, TRACK)).preview).toBe(true);
  });

  it('transcript (real, trimmed): titles and sentences in order', () => {
    const transcript = TranscriptSchema.parse(
      readTranscript(load('transcript-acquired-syllable-synced-2026-05.json'), TRACK),
    );
    expect(transcript.language).toBe('en-us');
    expect(transcript.syncType).toBe('SYLLABLE_SYNCED');
    expect(transcript.cues).toHaveLength(10);
    expect(transcript.cues[0]).toEqual({
      startMs: 680,
      kind: 'title',
      text: "Celebrating 10 Years in Google's Original Garage",
    });
    expect(transcript.cues[1]).toEqual({ startMs: 680, kind: 'sentence', text: 'Happy 10 years.' });
    expect(transcript.cues.filter((cue) => cue.kind === 'title').map((cue) => cue.text)).toEqual([
      "Celebrating 10 Years in Google's Original Garage",
      'Speaker 2',
      'Speaker 1',
      'Speaker 2',
    ]);
  });

  it('user profile (real): snake_case keys', () => {
    const user = UserProfileSchema.parse(readUserProfile(load('user-profile-spotify-2026-06.json'), 'spotify'));
    expect(user).toMatchObject({
      type: 'user',
      id: 'spotify',
      uri: 'spotify:user:spotify',
      url: 'https://open.spotify.com/user/spotify',
      name: 'Spotify',
      followers: 12_211_555,
      following: 327,
      verified: true,
      playlistsTotal: 1519,
    });
    expect(user.images[0]?.url).toBe('https://i.scdn.co/image/ab6775700000ee8555c25988a6ac314394d3fbf5');
    expect(user.playlists.map((playlist) => playlist.id)).toEqual([
      '37i9dQZF1DXcBWIGoYBM5M',
      '37i9dQZF1DX0XUsuxWHRQd',
      '37i9dQZF1DX1lVhptIYRda',
      '37i9dQZF1DX10zKzsJ2jva',
      '37i9dQZF1DX4JAvHpjipBk',
    ]);
    expect(user.playlists[0]?.owner).toEqual({ name: 'Spotify', id: 'spotify', uri: 'spotify:user:spotify' });
  });

  it('product state (scrubbed): hyphenated keys and string booleans mapped, whatever their values', () => {
    const raw = load('product-state-premium-scrubbed-2026-06.json');
    const account = AccountSchema.parse(readAccount(raw));
    expect(account).toEqual({
      product: raw.product,
      premium: raw.product === 'premium',
      country: raw.country,
      catalogue: raw.catalogue,
      onDemand: raw['on-demand'] === '1',
      ads: raw.ads === '1',
      locale: raw['preferred-locale'],
    });
  });

  it('credits from spclient (real): role groups, subroles, sources', () => {
    const credits = CreditsSchema.parse(readSpclientCredits(load('credits-spclient-stupid-song-2026-06.json'), TRACK));
    expect(credits.trackName).toBe('stupid song');
    expect(credits.roles.map((group) => group.role)).toEqual(['Performers', 'Writers', 'Producers']);
    expect(credits.roles[1]?.artists.map((artist) => [artist.name, artist.subroles])).toEqual([
      ['Daniel Nigro', ['composer', 'lyricist']],
      ['Olivia Rodrigo', ['composer', 'lyricist']],
    ]);
    expect(credits.roles[0]?.artists[0]).toMatchObject({
      id: '1McMsnEElThX1knmY4oliG',
      imageUrl: expect.stringMatching(/^https:\/\/i\.scdn\.co\//),
    });
    expect(credits.sources).toEqual(['Olivia Rodrigo PS']);
  });

  it('grouped credits of the partner API (shape): grouped by roleGroup.name, each artist once with its roles', () => {
    const raw = load('credits-grouped-shape.json');
    const credits = CreditsSchema.parse(readPartnerCredits(raw.data.trackUnion, TRACK));
    const items = raw.data.trackUnion.creditsTrait.contributors.items as Array<{
      name: string;
      role: string;
      roleGroup: { name: string };
    }>;
    expect(credits.roles.map((group) => group.role)).toEqual([...new Set(items.map((item) => item.roleGroup.name))]);
    for (const group of credits.roles)
      for (const artist of group.artists)
        expect(artist.subroles).toEqual(
          items
            .filter((item) => item.roleGroup.name === group.role && item.name === artist.name)
            .map((item) => item.role),
        );
    expect(credits.sources).toEqual(
      raw.data.trackUnion.creditsTrait.sources.items.map((source: { name: string }) => source.name),
    );
  });

  it('canvas (real): present and absent', () => {
    const present = load('canvas-present-stupid-song-2026-06.json').data.trackUnion;
    expect(CanvasSchema.parse(readCanvas(present, TRACK))).toEqual({
      trackId: TRACK,
      id: '29iANwFyaHc7AksOVFFvAT',
      uri: 'spotify:canvas:29iANwFyaHc7AksOVFFvAT',
      url: present.canvas.url,
      kind: 'VIDEO_LOOPING_RANDOM',
      fileId: 'ad6acb10b87939f29d5e2782f3fdfb56',
    });
    expect(readCanvas(load('canvas-absent-never-gonna-2026-06.json').data.trackUnion, TRACK)).toBeNull();
  });

  it('the exchange over loopback with the real answers: totpVerExpired ("error"), Invalid TOTP, the token; then spclient', async () => {
    const tokenAnswers = [
      [400, load('token-400-totpVerExpired-2025-09.json')],
      [400, load('token-400-invalid-totp-2025-03.json')],
      [200, load('token-200-user-sp_dc-2025-12.json').body],
    ] as const;
    let asked = 0;
    await using server = await startLoopback((request, res) => {
      if (request.path === '/api/server-time') return sendJson(res, load('server-time-2026-09.json'));
      if (request.path === '/api/token') {
        const [status, body] = tokenAnswers[Math.min(asked++, 2)]!;
        return sendJson(res, body, status);
      }
      if (request.path.startsWith('/color-lyrics/'))
        return sendJson(res, load('lyrics-line-synced-excerpt-2022-12.json'));
      res.writeHead(404).end();
    });
    await using client = new AsyncSpotifyClient({
      dispatcher: server.dispatcher,
      rateLimit: false,
      retry: false,
      cookies: 'x',
    });
    const lyrics = await client.getLyrics(TRACK);
    expect(lyrics.lines).toHaveLength(2);
    const tokens = server.requests.filter((r) => r.path === '/api/token');
    expect(tokens.map((r) => r.url.searchParams.get('totpVer'))).toEqual(['61', '60', '60']);
    expect(server.requests.filter((r) => r.path === '/api/server-time')).toHaveLength(2);
    const lyricsRequest = server.requests.find((r) => r.path.startsWith('/color-lyrics/'))!;
    expect(lyricsRequest.headers['authorization']).toBe('Bearer REDACTED');
    expect(lyricsRequest.headers['app-platform']).toBe('WebPlayer');
    expect(lyricsRequest.url.search).toBe('?format=json&vocalRemoval=false&market=from_token');
  });

  it('"Unauthorized request" twice: AuthenticationError', async () => {
    const refusal = load('token-400-unauthorized-request-2025-03.json');
    await using server = await startLoopback((request, res) => {
      if (request.path === '/api/server-time') return sendJson(res, load('server-time-2026-09.json'));
      sendJson(res, refusal.body, refusal.status);
    });
    await using client = new AsyncSpotifyClient({
      dispatcher: server.dispatcher,
      rateLimit: false,
      retry: false,
      cookies: 'x',
    });
    await expect(client.getAccount()).rejects.toBeInstanceOf(AuthenticationError);
    expect(server.requests.filter((r) => r.path === '/api/token')).toHaveLength(2);
  });

  it("spclient's plain-text errors (real bodies): rbac 403s, an empty 404, 'No token provided'", async () => {
    const errors = load('spclient-errors-2023-2026.json');
    let answer: { status: number; body: string } = { status: 200, body: '' };
    await using server = await startLoopback((request, res) => {
      if (request.path === '/api/server-time') return sendJson(res, load('server-time-2026-09.json'));
      if (request.path === '/api/token') return sendJson(res, load('token-200-user-sp_dc-2025-12.json').body);
      res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body);
    });
    await using client = new AsyncSpotifyClient({
      dispatcher: server.dispatcher,
      rateLimit: false,
      retry: false,
      cookies: 'x',
    });
    for (const key of ['colorLyricsClientCredentialsToken', 'userProfileAnonymousToken']) {
      answer = { status: errors[key].status, body: errors[key].body };
      await expect(client.getLyrics(TRACK, { fresh: true })).rejects.toBeInstanceOf(AuthenticationError);
    }
    answer = { status: errors.colorLyricsNoLyrics.status, body: errors.colorLyricsNoLyrics.body };
    await expect(client.getLyrics(TRACK, { fresh: true })).rejects.toBeInstanceOf(NotFoundError);
    answer = { status: 401, body: errors.colorLyricsNoToken.body };
    const before = server.requests.filter((r) => r.path === '/api/token').length;
    await expect(client.getLyrics(TRACK, { fresh: true })).rejects.toMatchObject({ name: 'HttpError', status: 401 });
    // The captured token expired (2025) before the captured server time (2026): it arrives inside the
    // margin, so it is kept until refused (no exchange for this call); the 401 exchanges once more, then fails.
    expect(server.requests.filter((r) => r.path === '/api/token').length).toBe(before + 1);
  });
});

it.runIf(!present)('account conformance says it skipped', () => {
  console.warn('account conformance: SKIPPED — ../shared/fixtures/account is not beside the checkout');
});
