import { defineConfig } from 'tsup';

// browser-id3-writer is ESM-only: bundling it keeps the CommonJS build loadable by require() on every
// Node 20. It is MIT-licensed; THIRD-PARTY-NOTICES.md (shipped) carries its notice.
const noExternal = ['browser-id3-writer'];
// p-limit (and its yocto-queue) are ESM-only dependencies: the ESM build imports them, the CommonJS
// build carries them (MIT; notices in THIRD-PARTY-NOTICES.md), so require() works on every Node 20.
const noExternalCjs = [...noExternal, 'p-limit', 'yocto-queue'];

export default defineConfig([
  {
    // ESM: the library, the testing kit and the `spotify-scraper` command share chunks, so the
    // command does not carry a second copy of the library. No source maps in the package.
    entry: { index: 'src/index.ts', testing: 'src/testing/index.ts', cli: 'src/cli/index.ts' },
    format: ['esm'],
    dts: { entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' } },
    splitting: true,
    sourcemap: false,
    clean: true,
    target: 'node20',
    noExternal,
  },
  {
    entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' },
    format: ['cjs'],
    // import.meta.url for the lazy loaders (http/undici.ts, parse/page-json.ts) in the CommonJS build.
    shims: true,
    dts: { entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' } },
    sourcemap: false,
    clean: false,
    target: 'node20',
    noExternal: noExternalCjs,
  },
]);
