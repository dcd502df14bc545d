import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// Test workers trust the throwaway CA of test/fixtures/tls, so the proxy test's loopback proxy can
// terminate TLS for open.spotify.com. Node reads this variable only at start-up, hence here.
process.env['NODE_EXTRA_CA_CERTS'] = resolve(import.meta.dirname, 'test/fixtures/tls/ca.pem');

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // Most slow files wait (on timers, child processes, redis-server) rather than compute: two files at a
    // time on two cores halve the wall time (vitest's default is one fewer than the cores, here one).
    maxWorkers: 2,
    // `npm test -- --coverage` (what CI runs) fails below these.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      // Entry points that only re-export, and type-only modules, have no statements worth counting.
      exclude: [
        'src/cli/index.ts',
        'src/index.ts',
        'src/testing/index.ts',
        'src/models/index.ts',
        'src/parse/context.ts',
      ],
      reporter: ['text-summary', 'text'],
      thresholds: { lines: 90, statements: 90, functions: 90, branches: 80 },
    },
  },
});
