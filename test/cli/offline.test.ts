/**
 * Everything offline (issue: the kit serves the whole product): `spotify-scraper fake-spotify` as a
 * process of its own, every command against it with --origin, the README's offline section run as
 * written, a replay of a capture; the CLI's exit code and error lines in input order; optional
 * packages missing; cache and fleet keys namespaced by --origin.
 */
import { spawn, execFileSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readdirSync, symlinkSync, mkdirSync, cpSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE, FAKE_SP_DC } from '../../src/testing/index.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { startFakeSpotify as startPages } from '../helpers/fake-spotify.js';
import { sendHtml } from '../helpers/loopback.js';
import { redisAvailable, startRedis, type RedisServer } from '../helpers/redis.js';
import { runCommand, runNode } from '../helpers/run-process.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'dist', 'cli.js');
let fake: { child: ChildProcessWithoutNullStreams; origin: string };
let dir: string;

/** Starts `spotify-scraper fake-spotify` and resolves once it printed its origin. */
function startFakeProcess(args: string[] = []): Promise<{ child: ChildProcessWithoutNullStreams; origin: string }> {
  const child = spawn(process.execPath, [BIN, 'fake-spotify', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  return new Promise((done, fail) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const origin = /^(http:\/\/127\.0\.0\.1:\d+)\n/.exec(out)?.[1];
      if (origin) done({ child, origin });
    });
    child.on('exit', (code) => fail(new Error(`fake-spotify exited ${code} before printing its origin`)));
  });
}

function stop(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((done) => {
    child.on('exit', (code) => done(code));
    child.kill('SIGINT');
  });
}

beforeAll(async () => {
  if (!existsSync(BIN)) execFileSync('npx', ['tsup', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  fake = await startFakeProcess();
  dir = await mkdtemp(join(tmpdir(), 'offline-'));
}, 30_000);

afterAll(async () => {
  if (fake) await stop(fake.child);
  await rm(dir, { recursive: true, force: true });
});

/** A command of the CLI against the fake (charts makes no request: it takes no --origin). */
const cli = (...args: string[]) =>
  runCliInProcess([...args, ...(args[0] === 'charts' ? [] : ['--origin', fake.origin]), '--quiet']);

describe('spotify-scraper fake-spotify', () => {
  it('every command exits 0 against it with --origin', async () => {
    const c = CATALOGUE;
    process.env['SPOTIFY_SP_DC'] = FAKE_SP_DC;
    try {
      const commands: string[][] = [
        ['track', c.track],
        ['track', c.track, '--summary', '--isrc'],
        ['recommendations', c.track],
        ['playlist', c.playlist, '--stream'],
        ['album', c.album],
        ['artist', c.artist],
        ['playlist', c.playlist, '--max-tracks', 'all'],
        ['episode', c.episode],
        ['show', c.show, '--max-episodes', 'all'],
        ['search', c.query],
        ['discography', c.artist],
        ['related', c.artist],
        ['similar', c.track],
        ['concerts', c.artist],
        ['colors', `spotify:album:${c.album}`],
        ['lyrics', c.track, '--format', 'lrc'],
        ['credits', c.track],
        ['canvas', c.track, '--download', dir],
        ['transcript', c.episode, '--format', 'text'],
        ['user', c.user],
        ['account'],
        ['chart', 'top-50-global'],
        ['charts'],
        ['download', 'cover', `spotify:album:${c.album}`, '--dest', dir],
        ['download', 'preview', c.track, '--dest', dir, '--embed-cover'],
        ['doctor'],
        ['capture', c.track, `spotify:album:${c.album}`, '--out', join(dir, 'capture.json')],
      ];
      for (const command of commands) {
        const result = await cli(...command);
        expect({ command: command.join(' '), code: result.code, stderr: result.stderr }).toEqual({
          command: command.join(' '),
          code: 0,
          stderr: '',
        });
      }
      // Every command of the CLI is in the list above (fake-spotify itself runs this suite).
      // crawl needs a Redis, mcp a client, login a cookie: test/cli/crawl.test.ts, test/mcp, test/cli/session.test.ts.
      const listed = new Set([
        ...commands.map((command) => command[0]),
        'fake-spotify',
        'crawl',
        'mcp',
        'login',
        'logout',
        'session',
      ]);
      const help = await runCliInProcess(['--help']);
      const names = [...help.stdout.matchAll(/^ {2}([a-z-]+) \[options\]/gm)].map((m) => m[1]);
      expect(names.filter((name) => !listed.has(name!))).toEqual([]);
    } finally {
      delete process.env['SPOTIFY_SP_DC'];
    }
  }, 60_000);

  it("the README's offline section, run as written", async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Try it offline'), readme.indexOf('## Values:'));
    const blocks = [...section.matchAll(/```(sh|js)\n([\s\S]*?)```/g)].map((m) => ({
      lang: m[1],
      code: m[2] as string,
    }));
    const port = new URL(fake.origin).port;
    // The first block is npm ci / npm test / npm run demo (what CI runs); the second starts the fake.
    expect(blocks[1]?.code.trim()).toBe('npx spotify-scraper fake-spotify --port 8765');
    const commands = blocks[2]!.code.replaceAll('npx spotify-scraper', `node ${BIN}`).replaceAll(':8765', `:${port}`);
    const shell = await runCommand('bash', ['-e', '-c', commands]);
    expect(shell.stderr).toBe('');
    expect(shell.code).toBe(0);
    expect(shell.stdout).toContain('"name": "Ghost Signal"');
    expect(shell.stdout).toContain('[ti:');
    const code = blocks[3]!.code.replaceAll(':8765', `:${port}`);
    const script = join(ROOT, '.tmp', 'readme-offline.mjs');
    mkdirSync(join(ROOT, '.tmp'), { recursive: true });
    await writeFile(script, code);
    const run = await runNode([script]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Ghost Signal \[/);
    expect(run.stdout).toContain('Ghost Frequencies (2024)');
  }, 60_000);

  it('--replay serves a capture; stops on SIGINT with exit 0; a bad --replay or --port is a usage error', async () => {
    const file = join(dir, 'replayed.json');
    expect((await cli('capture', CATALOGUE.track, '--out', file)).code).toBe(0);
    const replay = await startFakeProcess(['--replay', file]);
    try {
      const original = await cli('track', CATALOGUE.track);
      const replayed = await runCliInProcess(['track', CATALOGUE.track, '--origin', replay.origin]);
      expect(replayed.code).toBe(0);
      expect(replayed.json()).toEqual(original.json());
    } finally {
      expect(await stop(replay.child)).toBe(0);
    }
    const missing = await runNode([BIN, 'fake-spotify', '--replay', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Cannot read the capture .*nope\.json \(ENOENT\)/);
    const port = await runNode([BIN, 'fake-spotify', '--port', '70000']);
    expect(port.code).toBe(2);
    expect(port.stderr).toMatch(/--port must be 0-65535/);
  }, 30_000);
});

describe('CLI leftovers', () => {
  it('several values: the exit code and the error lines follow input order, whatever the concurrency', async () => {
    const SLOW = 'Slow00000000000000000a';
    const FAST = 'Fast00000000000000000b';
    await using pages = await startPages({
      [`/embed/track/${SLOW}`]: async (_request, res) => {
        await new Promise((r) => setTimeout(r, 300));
        sendHtml(res, 'gone', 404);
      },
      [`/embed/track/${FAST}`]: (_request, res) => {
        res.writeHead(429, { 'retry-after': '0' }).end();
      },
    });
    const run = await runCliInProcess([
      'track',
      SLOW,
      FAST,
      '--concurrency',
      '2',
      '--retries',
      '0',
      '--origin',
      pages.origin,
    ]);
    expect(run.code).toBe(3); // the first value's NotFound, though the 429 came first
    const errors = run.stderr.split('\n').filter((line) => line.startsWith('error:'));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain(SLOW);
    expect(errors[1]).toContain(FAST);
  });

  it('a failed bootstrap page is not "not found": exit 1, saying no anonymous token could be had', async () => {
    await using pages = await startPages({});
    const run = await runCliInProcess(['search', 'anything', '--origin', pages.origin, '--retries', '0']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/No anonymous token for the partner API could be had: the page that gives it, .*failed/);
  });

  it('--fleet-redis without ioredis, --cache without keyv, crawl without bullmq, mcp without the MCP SDK, --browser without playwright-core: usage errors (exit 2) saying what to install', async () => {
    // A copy of the build beside a node_modules that lacks the optional packages.
    const home = await mkdtemp(join(tmpdir(), 'no-optional-'));
    try {
      cpSync(join(ROOT, 'dist'), join(home, 'dist'), { recursive: true });
      cpSync(join(ROOT, 'package.json'), join(home, 'package.json'));
      mkdirSync(join(home, 'node_modules'));
      const skip = new Set(['ioredis', 'keyv', '@keyv', 'bullmq', '@modelcontextprotocol', 'playwright-core']);
      for (const name of readdirSync(join(ROOT, 'node_modules')))
        if (!skip.has(name)) symlinkSync(join(ROOT, 'node_modules', name), join(home, 'node_modules', name));
      const bin = join(home, 'dist', 'cli.js');
      const fleet = await runNode([
        bin,
        'track',
        CATALOGUE.track,
        '--fleet-redis',
        'redis://127.0.0.1:1',
        '--origin',
        fake.origin,
      ]);
      expect(fleet.code).toBe(2);
      expect(fleet.stderr).toMatch(/ioredis, which is not installed: npm install ioredis@5/);
      expect(fleet.stdout).toBe('');
      const cache = await runNode([
        bin,
        'track',
        CATALOGUE.track,
        '--cache',
        'redis://127.0.0.1:1',
        '--origin',
        fake.origin,
      ]);
      expect(cache.code).toBe(2);
      expect(cache.stderr).toMatch(
        /--cache needs the packages keyv and @keyv\/redis: npm install keyv@5 @keyv\/redis@4/,
      );
      const crawl = await runNode([bin, 'crawl', 'status', '--redis', 'redis://127.0.0.1:1', '--name', 'x']);
      expect(crawl.code).toBe(2);
      const browser = await runNode([bin, 'track', CATALOGUE.track, '--browser', '--origin', fake.origin]);
      expect(browser.code).toBe(2);
      expect(browser.stderr).toMatch(
        /needs the package playwright-core, which is not installed: npm install playwright-core@1/,
      );
      const mcp = await runNode([bin, 'mcp', '--origin', fake.origin]);
      expect(mcp.code).toBe(2);
      expect(mcp.stderr).toMatch(
        /mcp needs the package @modelcontextprotocol\/sdk, which is not installed: npm install @modelcontextprotocol\/sdk@1/,
      );
      expect(crawl.stderr).toMatch(
        /spotify-scraper\/crawl needs the package bullmq, which is not installed: npm install bullmq@6/,
      );
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });

  it('--concurrency abc names --concurrency once', async () => {
    const run = await cli('track', CATALOGUE.track, '--concurrency', 'abc');
    expect(run.code).toBe(2);
    expect(run.stderr.match(/--concurrency/g)).toHaveLength(1);
  });
});

const available = redisAvailable('offline namespaces');

describe.skipIf(!available)('a run against a fake never writes into production keys', () => {
  let redis: RedisServer | undefined;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('with --origin, cache keys and fleet keys hold the origin', async () => {
    if (!redis) return;
    const run = await cli('track', CATALOGUE.track, '--cache', redis.url, '--fleet-redis', redis.url);
    expect(run.code).toBe(0);
    const probe = new Redis(redis.url);
    try {
      const keys = await probe.keys('*');
      const resultKeys = keys.filter((key) => key.includes(`:${CATALOGUE.track}`));
      expect(resultKeys.length).toBeGreaterThan(0);
      for (const key of resultKeys) expect(decodeURIComponent(key)).toContain(`origin:${fake.origin}`);
      const fleetKeys = keys.filter((key) => key.includes('spotify-scraper:ns:'));
      expect(fleetKeys.length).toBeGreaterThan(0);
      for (const key of fleetKeys) expect(key).toContain(`ns:origin:http:__127.0.0.1:${new URL(fake.origin).port}`);
      // Nothing under the production prefixes (no namespace).
      expect(
        keys.filter((key) => /^spotify-scraper:v\d+:[a-z]{2}/.test(key) || /^\{spotify-scraper:(?!ns:)/.test(key)),
      ).toEqual([]);
    } finally {
      probe.disconnect();
    }
  });
});
