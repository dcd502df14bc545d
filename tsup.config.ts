import { defineConfig, type Options } from 'tsup';

// browser-id3-writer is ESM-only: bundling it keeps the CommonJS build loadable by require() on every
// Node 20. It is MIT-licensed; THIRD-PARTY-NOTICES.md (shipped) carries its notice.
const noExternal = ['browser-id3-writer'];
// p-limit (and its yocto-queue) are ESM-only dependencies: the ESM build imports them, the CommonJS
// build carries them (MIT; notices in THIRD-PARTY-NOTICES.md), so require() works on every Node 20.
const noExternalCjs = [...noExternal, 'p-limit', 'yocto-queue'];

// `npm test` needs only the ESM JavaScript (the CLI tests run dist/cli.js): scripts/build-for-tests.mjs
// sets this, and the build then skips the type declarations and the CommonJS build (~0.5 s, not ~20 s).
const jsOnly = process.env['SPOTIFY_SCRAPER_BUILD'] === 'js-for-tests';

// The CommonJS crawl entry requires ./index.cjs for the library (src/crawl/library.ts) instead of
// carrying a second copy: one AsyncSpotifyClient and one set of error classes whichever entry loads them.
const crawlUsesIndex: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'crawl-uses-index',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/index\.js$/ }, ({ importer }) =>
      importer.endsWith('src/crawl/library.ts') ? { path: './index.cjs', external: true } : undefined,
    );
  },
};

const esm = {
  // ESM: the library, the testing kit and the `spotify-scraper` command share chunks, so the
  // command does not carry a second copy of the library. No source maps in the package.
  entry: {
    index: 'src/index.ts',
    testing: 'src/testing/index.ts',
    crawl: 'src/crawl/index.ts',
    cli: 'src/cli/index.ts',
  },
  format: ['esm' as const],
  dts: jsOnly
    ? false
    : { entry: { index: 'src/index.ts', testing: 'src/testing/index.ts', crawl: 'src/crawl/index.ts' } },
  splitting: true,
  sourcemap: false,
  // In a build for tests, only the ESM files are replaced: tsup's clean removes all but these patterns,
  // so the type declarations and CommonJS files of a full build stay for `npm run test:pack`.
  clean: jsOnly ? ['!**/*.d.{ts,cts,mts}', '!**/*.cjs'] : true,
  target: 'node20',
  noExternal,
};

export default defineConfig(
  jsOnly
    ? [esm]
    : [
        esm,
        {
          entry: { index: 'src/index.ts', testing: 'src/testing/index.ts', crawl: 'src/crawl/index.ts' },
          format: ['cjs'],
          // import.meta.url for the lazy loaders (http/undici.ts, parse/page-json.ts) in the CommonJS build.
          shims: true,
          dts: { entry: { index: 'src/index.ts', testing: 'src/testing/index.ts', crawl: 'src/crawl/index.ts' } },
          sourcemap: false,
          clean: false,
          target: 'node20',
          noExternal: noExternalCjs,
          esbuildPlugins: [crawlUsesIndex],
        },
      ],
);
