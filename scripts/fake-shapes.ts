/**
 * Compares the key paths of the fake Spotify's answers with the shared fixtures' (real answers):
 * prints the paths the fake writes that Spotify's answers do not have. Run: npx tsx scripts/fake-shapes.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyPaths, fakeAnswers } from '../test/helpers/fake-shapes.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'shared', 'fixtures');
for (const { fixture, answer } of await fakeAnswers()) {
  const real = keyPaths(JSON.parse(readFileSync(join(FIXTURES, fixture), 'utf8')));
  const extra = [...keyPaths(answer)].filter((path) => !real.has(path));
  console.log(`${fixture}: ${extra.length === 0 ? 'ok' : extra.join(', ')}`);
}
