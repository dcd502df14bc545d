/**
 * An operation is one row (partner/operations.ts): a throwaway row, written here and nowhere else,
 * is called, healed and probed with nothing more than the row and the fake's answer for it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClientParts, queryContext } from '../../src/client/context.js';
import { doctorOf } from '../../src/doctor.js';
import { resolveOptions } from '../../src/options.js';
import { operation, knownUri } from '../../src/partner/operation.js';
import { callOperation } from '../../src/partner/query.js';
import { str } from '../../src/parse/raw.js';
import { fakeHash, fakeTrack, startFakeSpotify, type FakeSpotify } from '../../src/testing/index.js';

/** A row Spotify never had: the name of a track, echoed. Its chunk's name shares no word with it. */
const echo = {
  kind: 'echoName',
  ...operation({
    name: 'echoTrackName',
    hash: fakeHash('echo-built-in'),
    root: 'echo',
    route: 'xpui-routes-throwaway',
    variables: ({ uri }: { uri: string }) => ({ uri }),
    read: (root) => str(root['name']),
    probe: (known) => ({ uri: knownUri(known, 'track') }),
  }),
};

let spotify: FakeSpotify;
let warnings: string[];

beforeEach(async () => {
  spotify = await startFakeSpotify();
  warnings = [];
  spotify.webPlayer.accept(echo.name, echo.hash);
  spotify.answerOperation(echo.name, (variables) => {
    const uri = variables['uri'];
    return typeof uri === 'string' ? { echo: { uri, name: `echo of ${uri}` } } : undefined;
  });
});

afterEach(async () => {
  await spotify.close();
});

function context() {
  const options = resolveOptions({ ...spotify.clientOptions, onWarning: (message) => warnings.push(message) });
  return createClientParts(options);
}

describe('a throwaway operation, added as one row', () => {
  it('is called: its variables from the input, its answer read by its reader', async () => {
    const track = spotify.add(fakeTrack());
    const parts = context();
    const name = await callOperation(queryContext(parts.context, undefined), echo, { uri: track.uri });
    expect(name).toBe(`echo of ${track.uri}`);
    const sent = spotify.requests.filter((r) => r.operation === echo.name);
    expect(sent.map((r) => [r.hash, JSON.parse(r.url.searchParams.get('variables') ?? '{}')])).toEqual([
      [echo.hash, { uri: track.uri }],
    ]);
  });

  it('is healed: its hash rotated into its route chunk, discovery reads that chunk by the row hint', async () => {
    const track = spotify.add(fakeTrack());
    const fresh = fakeHash('echo-rotated');
    spotify.webPlayer.rotate(echo.name, [fresh], { chunk: 'xpui-routes-throwaway' });
    const parts = context();
    const name = await callOperation(queryContext(parts.context, undefined), echo, { uri: track.uri });
    expect(name).toBe(`echo of ${track.uri}`);
    expect(spotify.requests.filter((r) => r.operation === echo.name).map((r) => r.hash)).toEqual([echo.hash, fresh]);
    expect(spotify.requests.some((r) => r.path.includes('xpui-routes-throwaway'))).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /echoTrackName: hash .* refused; .* \(discovered in xpui-routes-throwaway\.[0-9a-f]{8}\.js\) answers/,
    );
  });

  it('is probed by doctor with the input of its row', async () => {
    const report = await doctorOf([echo], { dispatcher: spotify.dispatcher, rateLimit: false });
    const line = report.checks.find((check) => check.layer === 'v1' && check.name === echo.name);
    expect(line).toMatchObject({ status: 'ok', detail: `built-in ${echo.hash.slice(0, 8)}… answers` });
    const probe = spotify.requests.find((r) => r.operation === echo.name);
    expect(JSON.parse(probe?.url.searchParams.get('variables') ?? '{}')).toEqual({
      uri: 'spotify:track:4uLU6hMCjMI75M1A2tKUQC',
    });
    spotify.webPlayer.refuse(echo.name, echo.hash);
    const stale = await doctorOf([echo], { dispatcher: spotify.dispatcher, rateLimit: false });
    expect(stale.checks.find((check) => check.layer === 'v1' && check.name === echo.name)?.status).toBe('failed');
  });
});
