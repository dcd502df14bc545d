import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AsyncSpotifyClient, NetworkError } from '../../src/index.js';
import { sendHtml } from '../helpers/loopback.js';
import { embedHtml, embedState, trackEntity } from '../helpers/pages.js';
import { startTlsProxy, type TlsProxy } from '../helpers/tls-proxy.js';

const ID = '0DiWol3AO6WpXZgp0goxAV';
const PASSWORD = 's3cr3t-Pa55word';
let proxy: TlsProxy;

beforeAll(async () => {
  proxy = await startTlsProxy('scraper', PASSWORD, (request, res) => {
    if (request.path === `/embed/track/${ID}`)
      return sendHtml(res, embedHtml(embedState(trackEntity({ id: ID, uri: `spotify:track:${ID}` }))));
    return sendHtml(res, 'nope', 404);
  });
});

afterAll(async () => {
  await proxy.close();
});

describe('proxy option', () => {
  it('tunnels requests through an http proxy with credentials', async () => {
    await using client = new AsyncSpotifyClient({
      proxy: proxy.url,
      rateLimit: false,
      retry: false,
      partnerApi: false,
    });
    await expect(client.getTrack(ID)).resolves.toMatchObject({ id: ID, name: 'One More Time' });
    expect(proxy.tunnels).toContain('open.spotify.com:443');
    expect(proxy.requests.map((r) => `${r.host}${r.path}`)).toContain(`open.spotify.com/embed/track/${ID}`);
  });

  it('accepts the proxy as a URL object', async () => {
    await using client = new AsyncSpotifyClient({
      proxy: new URL(proxy.url),
      rateLimit: false,
      retry: false,
      partnerApi: false,
    });
    await expect(client.getTrack(ID)).resolves.toMatchObject({ id: ID });
  });

  it('never shows the password in an error, its cause or its inspection', async () => {
    const wrong = proxy.url.replace(encodeURIComponent(PASSWORD), 'wr0ng-Pa55word');
    await using client = new AsyncSpotifyClient({
      proxy: wrong,
      rateLimit: false,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
      partnerApi: false,
    });
    const error = await client.getTrack(ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    const everything = `${String(error)} ${(error as Error).message} ${inspect(error, { depth: 10 })} ${JSON.stringify(error)}`;
    expect(everything).not.toContain('wr0ng-Pa55word');
    expect(everything).not.toContain(Buffer.from('scraper:wr0ng-Pa55word').toString('base64'));
  });

  it('rejects a proxy that is not an http(s) URL, without echoing it', () => {
    expect(() => new AsyncSpotifyClient({ proxy: 'socks5://u:hunter2@127.0.0.1:1080' })).toThrow(/http: or https:/);
    expect(() => new AsyncSpotifyClient({ proxy: 'socks5://u:hunter2@127.0.0.1:1080' })).not.toThrow(/hunter2/);
  });
});
