/**
 * The MCP server (SPEC §13) with the SDK's own Client: over stdio (the built command, spawned) and over
 * Streamable HTTP; every tool called against the fake Spotify; the resource template; tool errors with
 * their codes; the HTTP server's Host, Origin and token checks. No secret in anything it answers.
 */
import { request } from 'node:http';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AsyncSpotifyClient } from '../../src/index.js';
import { createMcpServer } from '../../src/mcp/server.js';
import { serveMcpHttp } from '../../src/mcp/http.js';
import { TOOLS } from '../../src/mcp/tools.js';
import {
  FAKE_SP_DC,
  FAKE_TOKEN,
  fakeAlbum,
  fakeArtist,
  fakeCanvas,
  fakeCredits,
  fakeEpisode,
  fakeLyrics,
  fakePlaylist,
  fakeShow,
  fakeTrack,
  fakeTranscript,
  fakeUser,
  startFakeSpotify,
  type FakeSpotify,
} from '../../src/testing/index.js';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
let spotify: FakeSpotify;
let dir: string;

beforeAll(async () => {
  spotify = await startFakeSpotify();
  dir = await mkdtemp(join(tmpdir(), 'mcp-'));
});

afterAll(async () => {
  await spotify.close();
  await rm(dir, { recursive: true, force: true });
});

type ToolResult = {
  isError?: boolean;
  content: Array<{ type: string; text?: string }>;
  structuredContent?: Record<string, unknown>;
};

/** The arguments each tool is called with, over what the fake serves. */
function worldOfTools() {
  const artist = spotify.add(fakeArtist({ name: 'Mcp Artist' }));
  const album = spotify.add(fakeAlbum({ artists: [{ id: artist.id, uri: artist.uri, name: artist.name }] }, 3));
  const track = spotify.add(fakeTrack({ name: 'Mcp Song' }));
  const playlist = spotify.add(fakePlaylist({}, 120));
  const episode = spotify.add(fakeEpisode());
  const show = spotify.add(fakeShow({}, 3));
  spotify.setRecommendations(track.id, [fakeTrack()]);
  spotify.addCredits(fakeCredits({ trackId: track.id }));
  spotify.addCanvas(fakeCanvas({ trackId: track.id }));
  spotify.addLyrics(fakeLyrics({ trackId: track.id }));
  const transcript = spotify.addTranscript(fakeTranscript({ episodeId: episode.id }));
  const user = spotify.addUser(fakeUser());
  spotify.add(fakePlaylist({ id: '37i9dQZEVXbMDoHDwVN2tF' }, 3)); // top-50-global
  const args: Record<string, Record<string, unknown>> = {
    get_track: { value: track.url, externalIds: true },
    get_album: { value: album.uri },
    get_artist: { value: artist.id },
    get_playlist: { value: playlist.id, maxTracks: 10 },
    get_episode: { value: episode.id },
    get_show: { value: show.id },
    resolve: { value: album.url },
    search: { query: 'mcp', limit: 5 },
    get_artist_discography: { value: artist.id },
    get_related_artists: { value: artist.id },
    get_similar_albums: { value: track.id },
    get_recommendations: { value: track.id },
    get_artist_concerts: { value: artist.id },
    get_colors: { value: album.uri },
    get_credits: { value: track.id },
    get_canvas: { value: track.id },
    get_chart: { key: 'top-50-global' },
    get_tracks: { values: [track.id, fakeTrack().id], detail: 'summary' },
    get_albums: { values: [album.id] },
    get_artists: { values: [artist.id] },
    get_playlists: { values: [playlist.id], maxTracks: 5 },
    get_episodes: { values: [episode.id], detail: 'summary' },
    get_shows: { values: [show.id] },
    download_cover: { value: album.uri },
    download_preview: { value: track.id },
    get_lyrics: { value: track.id },
    get_transcript: { value: transcript.episodeId },
    get_user: { value: user.id },
    get_account: {},
  };
  return { args, track, playlist };
}

async function callEveryTool(client: Client) {
  const { args, track, playlist } = worldOfTools();
  const listed = (await client.listTools()).tools.map((tool) => tool.name);
  expect(listed.sort()).toEqual(TOOLS.map((tool) => tool.name).sort());
  const outputs: string[] = [];
  for (const name of listed) {
    const result = (await client.callTool({ name, arguments: args[name] ?? {} })) as ToolResult;
    outputs.push(JSON.stringify(result));
    expect({ name, isError: result.isError ?? false, text: result.content[0]?.text }).toMatchObject({
      name,
      isError: false,
    });
    expect(result.structuredContent).toBeTypeOf('object');
  }
  const single = (await client.callTool({ name: 'get_track', arguments: { value: track.id } })) as ToolResult;
  expect(single.structuredContent).toMatchObject({ id: track.id, name: 'Mcp Song' });
  const cut = (await client.callTool({ name: 'get_playlist', arguments: { value: playlist.id } })) as ToolResult;
  expect(cut.content[0]?.text).toMatch(/100 of 120 items \(maxTracks 100; pass a larger maxTracks for more\)/);
  const batch = (await client.callTool({ name: 'get_tracks', arguments: args['get_tracks'] })) as ToolResult;
  expect(batch.structuredContent?.['results']).toEqual([
    expect.objectContaining({ ok: true, mode: 'list' }),
    expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'ERR_NOT_FOUND' }) }),
  ]);
  // Tool errors carry the error's code; the server goes on.
  const bad = (await client.callTool({ name: 'get_album', arguments: { value: 'not a value' } })) as ToolResult;
  expect(bad).toMatchObject({ isError: true, structuredContent: { error: { code: 'ERR_INVALID_INPUT' } } });
  const missing = (await client.callTool({ name: 'get_album', arguments: { value: fakeAlbum().id } })) as ToolResult;
  expect(missing).toMatchObject({ isError: true, structuredContent: { error: { code: 'ERR_NOT_FOUND' } } });
  expect(missing.content[0]?.text).toMatch(/^ERR_NOT_FOUND: /);
  // The resource template, and a resource.
  const templates = await client.listResourceTemplates();
  expect(templates.resourceTemplates.map((template) => template.uriTemplate)).toEqual(['spotify://{type}/{id}']);
  const resource = await client.readResource({ uri: `spotify://track/${track.id}` });
  expect(JSON.parse((resource.contents[0] as { text: string }).text)).toMatchObject({ id: track.id, name: 'Mcp Song' });
  await expect(client.readResource({ uri: `spotify://song/${track.id}` })).rejects.toThrow(/Unknown entity type/);
  const everything = outputs.join('\n') + JSON.stringify(bad) + JSON.stringify(missing);
  expect(everything).not.toContain(FAKE_SP_DC);
  expect(everything).not.toContain(FAKE_TOKEN);
}

describe('spotify-scraper mcp over stdio (the built command)', () => {
  it('lists every tool and the template; every tool answers against the fake; errors are tool errors with codes', async () => {
    const downloads = join(dir, 'stdio');
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [CLI, 'mcp', '--origin', spotify.origin, '--rate', '500', '--burst', '50', '--downloads', downloads],
      env: { ...(process.env as Record<string, string>), SPOTIFY_SP_DC: FAKE_SP_DC, SPOTIFY_SCRAPER_CONFIG_DIR: dir },
      stderr: 'pipe',
    });
    let stderr = '';
    transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const client = new Client({ name: 'test', version: '1.0.0' });
    await client.connect(transport);
    try {
      await callEveryTool(client);
      // Downloads only under the folder given.
      expect((await readdir(downloads)).sort()).toEqual(
        [expect.stringMatching(/\.jpg$/), expect.stringMatching(/\.mp3$/)].sort(),
      );
    } finally {
      await client.close();
    }
    expect(stderr).not.toContain(FAKE_SP_DC);
  }, 60_000);

  it('without a cookie or a session, the account tools are not offered; without --downloads, no download tools', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [CLI, 'mcp', '--origin', spotify.origin],
      env: {
        ...(process.env as Record<string, string>),
        SPOTIFY_SP_DC: '',
        SPOTIFY_SCRAPER_CONFIG_DIR: join(dir, 'none'),
      },
      stderr: 'pipe',
    });
    const client = new Client({ name: 'test', version: '1.0.0' });
    await client.connect(transport);
    const names = (await client.listTools()).tools.map((tool) => tool.name);
    await client.close();
    expect(names).not.toContain('get_lyrics');
    expect(names).not.toContain('download_cover');
    expect(names).toContain('get_track');
  }, 30_000);
});

describe('Streamable HTTP', () => {
  it('serves the same tools; refuses a foreign Host or Origin, and a missing token', async () => {
    await using scraper = new AsyncSpotifyClient({ ...spotify.clientOptions, cookies: FAKE_SP_DC });
    const options = { account: true, downloads: join(dir, 'http'), version: '9.9.9' };
    const http = await serveMcpHttp({ build: () => createMcpServer(scraper, options) });
    try {
      const client = new Client({ name: 'test', version: '1.0.0' });
      await client.connect(new StreamableHTTPClientTransport(new URL(http.url)));
      await callEveryTool(client);
      await client.close();
      const url = new URL(http.url);
      const post = (headers: Record<string, string>) => raw(url, headers);
      expect(await post({ host: `evil.example:${url.port}` })).toMatchObject({ status: 403, body: /Host/ });
      expect(await post({ origin: 'http://evil.example' })).toMatchObject({ status: 403, body: /Origin/ });
      expect((await post({ origin: `http://localhost:${url.port}` })).status).not.toBe(403);
    } finally {
      await http.close();
    }
    const guarded = await serveMcpHttp({ token: 's3cret-token', build: () => createMcpServer(scraper, options) });
    try {
      const url = new URL(guarded.url);
      expect(await raw(url, {})).toMatchObject({ status: 401 });
      expect(await raw(url, { authorization: 'Bearer wrong' })).toMatchObject({ status: 401 });
      const client = new Client({ name: 'test', version: '1.0.0' });
      await client.connect(
        new StreamableHTTPClientTransport(url, { requestInit: { headers: { authorization: 'Bearer s3cret-token' } } }),
      );
      expect((await client.listTools()).tools.length).toBeGreaterThan(20);
      await client.close();
    } finally {
      await guarded.close();
    }
    await expect(serveMcpHttp({ host: '0.0.0.0', build: () => createMcpServer(scraper, options) })).rejects.toThrow(
      /only with --token/,
    );
  }, 60_000);

  it('the command: --http prints its address, SIGTERM stops it with exit 0; another address needs --token (exit 2)', async () => {
    const child = spawn(process.execPath, [CLI, 'mcp', '--http', '--origin', spotify.origin], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const address = await new Promise<string>((resolve) =>
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /(http:\/\/127\.0\.0\.1:\d+\/mcp)/.exec(stderr);
        if (match) resolve(match[1] as string);
      }),
    );
    const client = new Client({ name: 'test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(address)));
    expect((await client.listTools()).tools.length).toBeGreaterThan(20);
    await client.close();
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const open = spawn(process.execPath, [CLI, 'mcp', '--http', '--host', '0.0.0.0'], { stdio: 'pipe' });
    let said = '';
    open.stderr.on('data', (chunk: Buffer) => (said += chunk.toString()));
    expect(await new Promise((resolve) => open.on('exit', resolve))).toBe(2);
    expect(said).toMatch(/only with --token/);
  }, 30_000);
});

/** One POST of an initialize request with these headers (a raw request: Host can be anything). */
function raw(url: URL, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const body = JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-03-26', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
  });
  return new Promise((resolve, reject) => {
    const sent = request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    sent.on('error', reject);
    sent.end(body);
  });
}
