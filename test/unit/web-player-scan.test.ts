/** The web-player bundle reader: definitions by their argument list, chunk maps by their values. */
import { describe, expect, it } from 'vitest';
import { chunksFor, findOperations, findRouteChunks, hashesByName } from '../../src/web-player/scan.js';
import { readWebPlayerPage } from '../../src/web-player/page.js';
import { OPERATIONS } from '../../src/partner/operations.js';
import { FakeWebPlayer, fakeHash } from '../../src/testing/index.js';

const h = (seed: string) => fakeHash(seed);

describe('findOperations', () => {
  it('anchors on the argument list, whatever the constructor; a mutation too; decoys are not taken', () => {
    const code = [
      `new l.l("fetchPlaylist","query","${h('a')}",null)`,
      `new _.l("getTrack","query","${h('b')}",null)`,
      `new $a.$Q("addToLibrary","mutation","${h('c')}",null)`,
      'new l.l("fetchPlaylist","query","not-hex-at-all",null)',
      `new l.l("getAlbum","query","${h('d').toUpperCase()}",null)`, // not lowercase hex: not Spotify's
      `"fetchPlaylist","subscription","${h('e')}"`,
    ].join(';');
    expect(findOperations(code)).toEqual([
      { name: 'fetchPlaylist', kind: 'query', hash: h('a') },
      { name: 'getTrack', kind: 'query', hash: h('b') },
      { name: 'addToLibrary', kind: 'mutation', hash: h('c') },
    ]);
  });

  it('keeps every candidate: two names sharing a hash, one name with two (an A/B build)', () => {
    const code = `x("a","query","${h('1')}");x("b","query","${h('1')}");x("a","query","${h('2')}");x("a","query","${h('1')}")`;
    expect(hashesByName(findOperations(code))).toEqual(
      new Map([
        ['a', [h('1'), h('2')]],
        ['b', [h('1')]],
      ]),
    );
  });
});

describe('findRouteChunks', () => {
  const bundle = 'https://open.spotifycdn.com/cdn/build/web-player/web-player.0011aabb.js';
  it('joins the name and hash maps of the ".js" expression on the chunk id, never the CSS map', () => {
    const code =
      'o.miniCssF=e=>""+({5021:"xpui-routes-search"}[e]||e)+"."+{5021:"deadbeef"}[e]+".css";' +
      'o.u=e=>""+({5021:"xpui-routes-search",5022:"xpui-routes-artist",5023:"xpui-routes-nofile"}[e]||e)+"."+{5021:"0197b7d2",5022:"11223344"}[e]+".js"';
    expect(findRouteChunks(code, bundle)).toEqual(
      new Map([
        ['xpui-routes-search', 'https://open.spotifycdn.com/cdn/build/web-player/xpui-routes-search.0197b7d2.js'],
        ['xpui-routes-artist', 'https://open.spotifycdn.com/cdn/build/web-player/xpui-routes-artist.11223344.js'],
      ]),
    );
  });

  it('tells the maps apart by their values, not their order', () => {
    const code = 'o.u=e=>{const t={7:"aabbccdd"},n={7:"xpui-routes-search"};return""+(n[e]||e)+"."+t[e]+".js"}';
    expect(findRouteChunks(code, bundle).get('xpui-routes-search')).toMatch(/xpui-routes-search\.aabbccdd\.js$/);
  });

  it("reads the fake web player's builds, in both orders", () => {
    for (const reversed of [false, true]) {
      const player = new FakeWebPlayer();
      player.settings.mapsReversed = reversed;
      player.rotate('searchDesktop', [h('s')], { chunk: 'xpui-routes-search' });
      const chunks = findRouteChunks(player.file(player.bundleFile) as string, bundle);
      expect([...chunks.keys()]).toEqual(['xpui-routes-search']);
      expect(chunksFor('searchDesktop', chunks, OPERATIONS.search.route)).toEqual(['xpui-routes-search']);
    }
  });

  it('is linear on a large bundle', () => {
    const code = `${'{1:"a",'.repeat(100_000)}x`;
    expect(findRouteChunks(code, bundle).size).toBe(0);
  });
});

describe('the page', () => {
  it('names the bundles (the web-player one first) and the clientVersion of appServerConfig', () => {
    const player = new FakeWebPlayer();
    const page = readWebPlayerPage(player.page('Mozilla/5.0 (Windows NT 10.0; Win64; x64)'));
    expect(page.bundles[0]).toMatch(new RegExp(`/${player.bundleFile.replace('.', '\\.')}$`));
    expect(page.bundles[1]).toMatch(/vendor~web-player\.[0-9a-f]+\.js$/);
    expect(page.clientVersion).toBe(player.settings.clientVersion);
    expect(
      readWebPlayerPage(player.page('Mozilla/5.0 (iPhone) Mobile')).bundles.some((b) => b.includes(player.bundleFile)),
    ).toBe(false);
  });
});
