// Packs the package as npm would publish it and checks the tarball: `import` and `require` both load
// it and see the same API, publint and are-the-types-wrong find nothing. Run after `npm run build`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'spotify-scraper-pack-'));
const run = (command, args, cwd = root) =>
  execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] }).toString();

try {
  const [{ filename }] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work]));
  const tarball = join(work, filename);
  console.log(`packed ${filename}`);

  const consumer = join(work, 'consumer');
  const installed = join(consumer, 'node_modules', 'spotify-scraper');
  mkdirSync(installed, { recursive: true });
  run('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
  // The package's own dependencies come from this checkout's node_modules.
  symlinkSync(join(root, 'node_modules'), join(installed, 'node_modules'), 'dir');
  writeFileSync(join(consumer, 'package.json'), '{"name":"consumer","private":true}');

  const check = `
    const names = ['AsyncSpotifyClient', 'RateLimit', 'RetryPolicy', 'parseSpotifyUrl', 'SpotifyScraperError',
      'InvalidInputError', 'NotFoundError', 'NetworkError', 'TimeoutError', 'HttpError', 'RateLimitedError',
      'ParseError', 'MediaError', 'ClientClosedError'];
    const missing = names.filter((name) => typeof api[name] !== 'function');
    if (missing.length) throw new Error('missing exports: ' + missing.join(', '));
    if (api.parseSpotifyUrl('spotify:track:4uLU6hMCjMI75M1A2tKUQC').type !== 'track') throw new Error('parse');
    const client = new api.AsyncSpotifyClient();
    await client.close();
    for (const name of ['startFakeSpotify', 'fakeTrack', 'routeTo']) if (typeof testing[name] !== 'function') throw new Error('testing: missing ' + name);
    const spotify = await testing.startFakeSpotify();
    const track = spotify.add(testing.fakeTrack());
    const user = new api.AsyncSpotifyClient({ dispatcher: spotify.dispatcher });
    if ((await user.getTrack(track.id)).name !== track.name) throw new Error('testing kit round trip');
    await user.close();
    await spotify.close();
    if (typeof crawl.Crawl !== 'function') throw new Error('crawl: missing Crawl');
    // The crawl entry uses the library's own classes (the CommonJS one requires index.cjs).
    try { new crawl.Crawl({ name: 'bad name', redis: 'redis://127.0.0.1:1' }); throw new Error('a bad name was taken'); }
    catch (error) { if (!(error instanceof api.InvalidInputError)) throw error; }
    console.log(FORMAT + ': ' + names.length + ' exports, spotify-scraper/testing and spotify-scraper/crawl load');`;
  process.stdout.write(
    run(
      'node',
      [
        '--input-type=module',
        '-e',
        `const api = await import('spotify-scraper'); const testing = await import('spotify-scraper/testing'); const crawl = await import('spotify-scraper/crawl'); const FORMAT='import'; ${check}`,
      ],
      consumer,
    ),
  );
  process.stdout.write(
    run(
      'node',
      [
        '-e',
        `(async () => { const api = require('spotify-scraper'); const testing = require('spotify-scraper/testing'); const crawl = require('spotify-scraper/crawl'); const FORMAT='require'; ${check} })().catch((e) => { console.error(e); process.exit(1); })`,
      ],
      consumer,
    ),
  );

  // One app, both builds: an error thrown by the CommonJS copy is an instance of the ESM copy's classes.
  const dual = `
    import { createRequire } from 'node:module';
    const esm = await import('spotify-scraper');
    const cjs = createRequire(process.cwd() + '/x.js')('spotify-scraper');
    if (esm.NotFoundError === cjs.NotFoundError) throw new Error('expected two copies of the library');
    const error = new cjs.RateLimitedError('slow down');
    for (const name of ['RateLimitedError', 'HttpError', 'NetworkError', 'SpotifyScraperError']) {
      if (!(error instanceof esm[name])) throw new Error('a CommonJS ' + error.name + ' is not an ESM ' + name);
    }
    if (error instanceof esm.NotFoundError || error instanceof esm.ParseError) throw new Error('instanceof matches the wrong class');
    if (!(new esm.NotFoundError('x') instanceof cjs.NotFoundError)) throw new Error('an ESM NotFoundError is not a CommonJS one');
    console.log('instanceof holds across the ESM and CommonJS builds');`;
  process.stdout.write(run('node', ['--input-type=module', '-e', dual], consumer));

  process.stdout.write(run('npx', ['--no-install', 'publint', 'run', installed, '--strict']));
  process.stdout.write(
    run('npx', ['--no-install', 'attw', tarball, '--profile', 'node16', '--format', 'table-flipped']),
  );
  // Types of both entry points for a consumer still on `moduleResolution: "node"` (node10): the root
  // through "types", spotify-scraper/testing through "typesVersions" (node10 reads no "exports").
  writeFileSync(
    join(consumer, 'types.ts'),
    `import { AsyncSpotifyClient, type Track } from 'spotify-scraper';
import { startFakeSpotify, fakeTrack, type FakeSpotify } from 'spotify-scraper/testing';
import { Crawl, type CrawlStatus } from 'spotify-scraper/crawl';
export const status = (crawl: Crawl): Promise<CrawlStatus> => crawl.status();
export async function check(): Promise<Track> {
  const spotify: FakeSpotify = await startFakeSpotify();
  const client = new AsyncSpotifyClient(spotify.clientOptions);
  return client.getTrack(spotify.add(fakeTrack()).id);
}
`,
  );
  writeFileSync(
    join(consumer, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        module: 'commonjs',
        moduleResolution: 'node',
        target: 'es2022',
        lib: ['es2022', 'esnext.disposable'],
        types: ['node'],
        typeRoots: [join(root, 'node_modules', '@types')],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
      },
      files: ['types.ts'],
    }),
  );
  run(join(root, 'node_modules', '.bin', 'tsc'), ['-p', join(consumer, 'tsconfig.json')], consumer);
  console.log('types: every entry point resolves under moduleResolution "node"');

  // The command runs from the tarball too.
  const version = run('node', [join(installed, 'dist', 'cli.js'), '--version'], consumer).trim();
  if (version !== JSON.parse(run('node', ['-p', 'JSON.stringify(require("./package.json").version)'])))
    throw new Error('cli --version: ' + version);
  console.log(`cli: spotify-scraper --version -> ${version}`);
  console.log('pack check: ok');
} finally {
  rmSync(work, { recursive: true, force: true });
}
