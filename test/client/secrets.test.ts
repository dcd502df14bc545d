/** No token in any error or warning, however many calls run at once and whatever the server echoes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AsyncSpotifyClient } from '../../src/index.js';
import { sendHtml, sendJson, startLoopback, type Loopback } from '../helpers/loopback.js';
import { embedHtml, embedState, trackEntity } from '../helpers/pages.js';
import { itemId } from '../helpers/partner.js';

let server: Loopback;
let counter = 0;

beforeAll(async () => {
  server = await startLoopback((request, res) => {
    if (request.host === 'api-partner.spotify.com') {
      const token = String(request.headers['authorization']).replace('Bearer ', '');
      // A server that quotes the token it was sent, without the "Bearer" a pattern would catch.
      return sendJson(res, { errors: [{ message: `Internal failure (request by ${token})` }] });
    }
    const id = request.path.split('/').at(-1) as string;
    counter += 1;
    const state = embedState(trackEntity({ id, uri: `spotify:track:${id}` }));
    const session = {
      accessToken: `tok${String(counter).padStart(4, '0')}-${id}`,
      accessTokenExpirationTimestampMs: Date.now() + 3_600_000,
      isAnonymous: true,
    };
    return sendHtml(res, embedHtml({ ...state, settings: { session } }));
  });
});

afterAll(async () => {
  await server.close();
});

describe('secrets', () => {
  it('70 concurrent calls, each with its own token echoed back by the server: no token in any warning', async () => {
    const warnings: string[] = [];
    await using client = new AsyncSpotifyClient({
      dispatcher: server.dispatcher,
      rateLimit: false,
      retry: false,
      onWarning: (m) => warnings.push(m),
    });
    const ids = Array.from({ length: 70 }, (_, i) => itemId('sec', i));
    await Promise.all(ids.map((id) => client.getTrack(id)));
    expect(warnings).toHaveLength(70);
    expect(warnings.every((warning) => warning.includes('Internal failure (request by ***)'))).toBe(true);
    expect(warnings.join('\n')).not.toMatch(/tok\d{4}-/);
  });
});
