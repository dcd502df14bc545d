import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  // These are ESM-only; bundling them keeps the CommonJS build loadable by require() on every Node 20.
  noExternal: ['p-limit', 'yocto-queue', 'browser-id3-writer'],
});
