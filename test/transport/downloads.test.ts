import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { parseBuffer } from 'music-metadata';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AsyncSpotifyClient, InvalidInputError, MediaError, type Episode, type Track } from '../../src/index.js';
import { startLoopback, type Loopback } from '../helpers/loopback.js';
import { JPEG, PNG, mp3 } from '../helpers/media.js';

let server: Loopback;
let dir: string;
const PREVIEW = mp3(40, true);
let releaseStall: (() => void) | undefined;
let flaky = 0;

beforeAll(async () => {
  server = await startLoopback((request, res, raw) => {
    const key = `${request.host}${request.path}`;
    switch (key) {
      case 'i.scdn.co/image/big.jpg':
        return void res.writeHead(200, { 'content-type': 'image/jpeg' }).end(JPEG);
      case 'i.scdn.co/image/small.png':
        return void res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
      case 'p.scdn.co/mp3-preview/ok':
        return void res.writeHead(200, { 'content-type': 'audio/mpeg' }).end(PREVIEW);
      case 'p.scdn.co/mp3-preview/reset':
        res.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': String(PREVIEW.length) });
        res.write(PREVIEW.subarray(0, 5000));
        return void setTimeout(() => raw.socket.destroy(), 20);
      case 'p.scdn.co/mp3-preview/flaky':
        flaky += 1;
        if (flaky % 2 === 0) return void res.writeHead(200, { 'content-type': 'audio/mpeg' }).end(PREVIEW);
        res.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': String(PREVIEW.length) });
        res.write(PREVIEW.subarray(0, 5000));
        return void setTimeout(() => raw.socket.destroy(), 20);
      case 'p.scdn.co/mp3-preview/stall':
        res.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': String(PREVIEW.length) });
        res.write(PREVIEW.subarray(0, 5000));
        releaseStall = () => res.destroy();
        return;
      case 'p.scdn.co/mp3-preview/huge':
        res.writeHead(200, { 'content-type': 'audio/mpeg' });
        return void res.end(Buffer.alloc(300_000));
      default:
        return void res.writeHead(404).end();
    }
  });
});

afterAll(async () => {
  releaseStall?.();
  await server.close();
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ss-dl-'));
  return () => rmSync(dir, { recursive: true, force: true });
});

const image = (url: string, size: number | null) => ({ url, width: size, height: size });

function track(overrides: Partial<Track> = {}): Track {
  return {
    type: 'track',
    id: 'T'.repeat(22),
    uri: `spotify:track:${'T'.repeat(22)}`,
    url: 'https://open.spotify.com/track/x',
    name: 'Midnight Signal',
    durationMs: 1000,
    explicit: false,
    playable: true,
    previewUrl: 'https://p.scdn.co/mp3-preview/ok',
    artists: [
      { name: 'The Loopbacks', id: null, uri: null },
      { name: 'Port Zero', id: null, uri: null },
    ],
    images: [image('https://i.scdn.co/image/small.png', 64), image('https://i.scdn.co/image/big.jpg', 640)],
    releaseDate: null,
    album: null,
    trackNumber: null,
    discNumber: null,
    playCount: null,
    ...overrides,
  };
}

function client(options = {}): AsyncSpotifyClient {
  return new AsyncSpotifyClient({
    dispatcher: server.dispatcher,
    rateLimit: false,
    retry: false,
    partnerApi: false,
    ...options,
  });
}

const requestsTo = (path: string) => server.requests.filter((r) => r.path === path).length;

describe('downloadCover', () => {
  it('writes the largest (JPEG) or smallest (PNG) cover, extension from Content-Type, absolute path', async () => {
    await using c = client();
    const largest = await c.downloadCover(track(), join(dir, 'new', 'sub'));
    expect(isAbsolute(largest)).toBe(true);
    expect(largest).toBe(join(dir, 'new', 'sub', 'Midnight Signal.jpg'));
    expect(readFileSync(largest)).toEqual(JPEG);
    const smallest = await c.downloadCover(track(), dir, { size: 'smallest', filename: '../../escape/mine' });
    expect(smallest).toBe(join(dir, 'mine.png'));
    expect(readFileSync(smallest)).toEqual(PNG);
  });

  it("falls back to the album's images for a track without its own", async () => {
    await using c = client();
    const withAlbum = track({
      images: [],
      album: { id: 'a', uri: 'spotify:album:a', name: 'A', images: [image('https://i.scdn.co/image/big.jpg', 300)] },
    });
    expect(readFileSync(await c.downloadCover(withAlbum, dir))).toEqual(JPEG);
  });

  it('refuses hosts that are not Spotify media hosts, and plain http, before any request', async () => {
    await using c = client();
    const before = server.requests.length;
    for (const url of [
      'https://evil.example.com/x.jpg',
      'http://i.scdn.co/image/big.jpg',
      'https://i.scdn.co.evil.com/a.jpg',
      'file:///etc/passwd',
      'https://user:pw@i.scdn.co/image/big.jpg',
    ]) {
      await expect(c.downloadCover(track({ images: [image(url, 640)] }), dir)).rejects.toBeInstanceOf(MediaError);
    }
    expect(server.requests.length).toBe(before);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('never replaces an existing file unless overwrite is set', async () => {
    await using client = new AsyncSpotifyClient({ dispatcher: server.dispatcher, rateLimit: false, retry: false });
    const mine = join(dir, 'Midnight Signal.jpg');
    writeFileSync(mine, 'my own file');
    const first = await client.downloadCover(track(), dir);
    const second = await client.downloadCover(track(), dir);
    expect([first, second]).toEqual([join(dir, 'Midnight Signal (2).jpg'), join(dir, 'Midnight Signal (3).jpg')]);
    expect(readFileSync(mine, 'utf8')).toBe('my own file');
    expect(readFileSync(second)).toEqual(JPEG);
    const replaced = await client.downloadCover(track(), dir, { overwrite: true });
    expect(replaced).toBe(mine);
    expect(readFileSync(mine)).toEqual(JPEG);
    expect(readdirSync(dir).filter((name) => name.endsWith('.part'))).toEqual([]);
    await expect(client.downloadCover(track(), dir, { overwrite: 'yes' as unknown as boolean })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
  });

  it('refuses media on a port other than the default, before any request', async () => {
    await using client = new AsyncSpotifyClient({ dispatcher: server.dispatcher, rateLimit: false, retry: false });
    const start = server.requests.length;
    await expect(
      client.downloadCover(track({ images: [image('https://i.scdn.co:8443/image/big.jpg', 640)] }), dir),
    ).rejects.toBeInstanceOf(MediaError);
    expect(server.requests.length).toBe(start);
  });

  it.runIf(process.platform === 'linux')(
    'a dest under /proc is a MediaError at once, not an endless mkdir',
    async () => {
      await using client = new AsyncSpotifyClient({ dispatcher: server.dispatcher, rateLimit: false, retry: false });
      const start = performance.now();
      await expect(client.downloadCover(track(), '/proc/self/no-such/deeper')).rejects.toBeInstanceOf(MediaError);
      expect(performance.now() - start).toBeLessThan(5_000); // a hang detector: mkdir -p here never returns
    },
  );

  it('a dest that cannot be a directory is a MediaError, before any request', async () => {
    await using c = client();
    const before = server.requests.length;
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    await expect(c.downloadCover(track(), join(file, 'sub'))).rejects.toBeInstanceOf(MediaError);
    expect(server.requests.length).toBe(before);
  });

  it('rejects an entity without images, or something that is not an entity', async () => {
    await using c = client();
    await expect(c.downloadCover(track({ images: [] }), dir)).rejects.toBeInstanceOf(MediaError);
    await expect(c.downloadCover({} as Track, dir)).rejects.toBeInstanceOf(InvalidInputError);
  });
});

describe('downloadPreview', () => {
  it('writes the preview as is', async () => {
    await using c = client();
    const path = await c.downloadPreview(track(), dir);
    expect(path).toBe(join(dir, 'Midnight Signal.mp3'));
    expect(readFileSync(path)).toEqual(PREVIEW);
  });

  it('embedCover: an ID3v2 tag an independent reader reads back', async () => {
    await using c = client();
    const path = await c.downloadPreview(track(), dir, { embedCover: true, filename: 'tagged' });
    const metadata = await parseBuffer(readFileSync(path), { mimeType: 'audio/mpeg' });
    expect(metadata.common.title).toBe('Midnight Signal');
    expect(metadata.common.artist).toBe('The Loopbacks, Port Zero');
    expect(metadata.common.picture).toHaveLength(1);
    expect(metadata.common.picture?.[0]?.format).toBe('image/jpeg');
    expect(metadata.common.picture?.[0]?.type).toMatch(/front/i);
    expect(Buffer.from(metadata.common.picture?.[0]?.data ?? [])).toEqual(JPEG);
    // The served tag ("Old title") was replaced, not stacked; the audio follows intact.
    expect(readFileSync(path).includes(Buffer.from('Old title'))).toBe(false);
    expect(readFileSync(path).subarray(-mp3(40).length)).toEqual(mp3(40));
  });

  it('tags an episode with its show as artist', async () => {
    await using c = client();
    const episode: Episode = {
      type: 'episode',
      id: 'E'.repeat(22),
      uri: 'spotify:episode:e',
      url: 'https://open.spotify.com/episode/e',
      name: 'Ep. 12',
      description: null,
      durationMs: 1,
      explicit: false,
      playable: true,
      releaseDate: null,
      images: [],
      previewUrl: 'https://p.scdn.co/mp3-preview/ok',
      hasVideo: false,
      show: {
        id: 's',
        uri: 'spotify:show:s',
        name: 'Wire Talk',
        publisher: null,
        images: [image('https://i.scdn.co/image/small.png', 64)],
      },
    };
    const metadata = await parseBuffer(readFileSync(await c.downloadPreview(episode, dir, { embedCover: true })), {
      mimeType: 'audio/mpeg',
    });
    expect(metadata.common).toMatchObject({ title: 'Ep. 12', artist: 'Wire Talk' });
    expect(metadata.common.picture?.[0]?.format).toBe('image/png');
  });

  it('no preview: MediaError before any request', async () => {
    await using c = client();
    const before = server.requests.length;
    await expect(c.downloadPreview(track({ previewUrl: null }), dir)).rejects.toBeInstanceOf(MediaError);
    expect(server.requests.length).toBe(before);
  });

  it('a reset mid-body leaves no file and rejects with a NetworkError', async () => {
    await using c = client();
    await expect(
      c.downloadPreview(track({ previewUrl: 'https://p.scdn.co/mp3-preview/reset' }), dir),
    ).rejects.toMatchObject({ name: 'NetworkError' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a reset is retried like any request: failed attempts leave nothing, the retry writes the file', async () => {
    await using c = client({ retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    const before = requestsTo('/mp3-preview/reset');
    await expect(
      c.downloadPreview(track({ previewUrl: 'https://p.scdn.co/mp3-preview/reset' }), dir),
    ).rejects.toMatchObject({ name: 'NetworkError' });
    expect(requestsTo('/mp3-preview/reset') - before).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
    const path = await c.downloadPreview(track({ previewUrl: 'https://p.scdn.co/mp3-preview/flaky' }), dir);
    expect(readFileSync(path)).toEqual(PREVIEW);
    expect(readdirSync(dir)).toEqual(['Midnight Signal.mp3']);
  });

  it('an abort mid-body leaves no file and rejects with the reason', async () => {
    await using c = client();
    const controller = new AbortController();
    const call = c.downloadPreview(track({ previewUrl: 'https://p.scdn.co/mp3-preview/stall' }), dir, {
      signal: controller.signal,
    });
    for (let i = 0; i < 200 && readdirSync(dir).length === 0; i += 1) await new Promise((r) => setTimeout(r, 5));
    expect(readdirSync(dir)[0]).toMatch(/^\..*\.part$/);
    controller.abort(new Error('user cancelled'));
    await expect(call).rejects.toThrow('user cancelled');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a body over maxMediaBytes leaves no file', async () => {
    await using c = client({ maxMediaBytes: 100_000 });
    await expect(
      c.downloadPreview(track({ previewUrl: 'https://p.scdn.co/mp3-preview/huge' }), dir),
    ).rejects.toMatchObject({ code: 'BODY_TOO_LARGE' });
    expect(existsSync(dir) && readdirSync(dir)).toEqual([]);
  });
});
