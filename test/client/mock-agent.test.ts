/** The README's "testing code that uses this client": an undici MockAgent as the dispatcher. */
import { MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { AsyncSpotifyClient } from '../../src/index.js';
import { embedHtml, embedState, trackEntity } from '../helpers/pages.js';

const ID = '4uLU6hMCjMI75M1A2tKUQC';
const html = embedHtml(embedState(trackEntity({ id: ID, uri: `spotify:track:${ID}` })));
let mock: MockAgent;

afterEach(async () => {
  await mock.close();
});

function mockWithEmbed(): MockAgent {
  mock = new MockAgent();
  mock.disableNetConnect();
  mock
    .get('https://open.spotify.com')
    .intercept({ path: `/embed/track/${ID}` })
    .reply(200, html);
  return mock;
}

describe('a MockAgent dispatcher', () => {
  it('answers for Spotify with partnerApi off', async () => {
    await using client = new AsyncSpotifyClient({
      dispatcher: mockWithEmbed(),
      rateLimit: false,
      retry: false,
      partnerApi: false,
    });
    await expect(client.getTrack(ID)).resolves.toMatchObject({ id: ID, name: 'One More Time' });
  });

  it('with the partner API on but not mocked, the embed data comes back with a warning', async () => {
    const warnings: string[] = [];
    await using client = new AsyncSpotifyClient({
      dispatcher: mockWithEmbed(),
      rateLimit: false,
      onWarning: (m) => warnings.push(m),
    });
    await expect(client.getTrack(ID)).resolves.toMatchObject({ id: ID, playCount: null });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/Partner API failed for track/);
  });
});
