import { defineConfig } from 'tsup';

// These are ESM-only; bundling them keeps the CommonJS build loadable by require() on every Node 20.
const noExternal = ['p-limit', 'yocto-queue', 'browser-id3-writer'];

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    noExternal,
  },
  {
    // The `spotify-scraper` command (package.json "bin"); ESM, keeps its #! line.
    entry: { cli: 'src/cli/index.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
    noExternal,
  },
]);
