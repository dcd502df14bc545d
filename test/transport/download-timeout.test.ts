import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AsyncSpotifyClient, TimeoutError, type Track } from '../../src/index.js';
import { startLoopback, type Loopback } from '../helpers/loopback.js';
import { mp3 } from '../helpers/media.js';

let server: Loopback;
const body = mp3(40);

beforeAll(async () => {
  // Sends the headers and a first chunk, then nothing: only the per-attempt deadline ends it.
  server = await startLoopback((_request, res) => {
    res.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': String(body.length) });
    res.write(body.subarray(0, 4096));
  });
});

afterAll(async () => {
  await server.close();
});

it('a download that stalls past `timeout` is a TimeoutError and leaves no file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ss-timeout-'));
  try {
    await using client = new AsyncSpotifyClient({
      dispatcher: server.dispatcher,
      rateLimit: false,
      retry: false,
      partnerApi: false,
      timeout: 200,
    });
    const track = {
      type: 'track',
      id: 'x'.repeat(22),
      name: 'Stalled',
      images: [],
      previewUrl: 'https://p.scdn.co/mp3-preview/stall',
      artists: [],
      album: null,
    } as unknown as Track;
    await expect(client.downloadPreview(track, dir)).rejects.toBeInstanceOf(TimeoutError);
    expect(readdirSync(dir)).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
