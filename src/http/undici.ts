import { createRequire } from 'node:module';
import type * as Undici from 'undici';

let loaded: typeof Undici | undefined;

/**
 * undici, loaded when the first client (or router) is built rather than when the package is imported:
 * an `import` that builds no client, and the CLI's `--help`, do not pay its ~0.06 s.
 */
export function undici(): typeof Undici {
  // import.meta.url in both builds (the CommonJS one has tsup's shim).
  const load = createRequire(import.meta.url);
  loaded ??= load('undici') as typeof Undici;
  return loaded;
}
