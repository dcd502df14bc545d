import { createRequire } from 'node:module';
import type * as Undici from 'undici';

let loaded: typeof Undici | undefined;

/**
 * undici, loaded when the first client (or router) is built rather than when the package is imported:
 * an `import` that builds no client, and the CLI's `--help`, do not pay its ~0.06 s.
 */
export function undici(): typeof Undici {
  // Every request asks: the loaded module first (a createRequire per request cost ~3 % of a loopback getTrack).
  if (loaded) return loaded;
  // import.meta.url in both builds (the CommonJS one has tsup's shim).
  loaded = createRequire(import.meta.url)('undici') as typeof Undici;
  return loaded;
}
