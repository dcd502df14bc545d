/**
 * Type-checks every ```ts block of README.md against the sources, so the manual cannot drift from
 * the API. Each block is compiled as a module of its own; names a block uses without declaring them
 * (`client`, `id`, `ids`, `signal`, `value`, `html`) are declared for it. A block that says it is
 * "checked against the exported types" has each interface it declares compared with the exported type
 * of that name (same fields, same types, readonly aside). Every ```js block must be valid JavaScript
 * as an .mjs file on this Node. Run: npx tsx scripts/check-readme.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const out = join(root, '.tmp', 'readme');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] as string);

const AMBIENT: Record<string, string> = {
  client: "import('spotify-scraper').AsyncSpotifyClient",
  id: 'string',
  ids: 'string[]',
  value: 'string',
  signal: 'AbortSignal',
  html: 'string',
};

const CHECKED = /checked against the exported types/;

/** For a block that shows models: each interface it declares must be the exported type of that name. */
function modelChecks(code: string): string {
  if (!CHECKED.test(code)) return '';
  const names = [...code.matchAll(/^interface (\w+)/gm)].map((match) => match[1] as string);
  if (names.length === 0) throw new Error('a block says it is checked but declares no interface');
  const imports = names.map((name) => `${name} as Exported${name}`).join(', ');
  const checks = names
    .map((name) => `const same${name}: Same<Mutable<${name}>, Mutable<Exported${name}>> = true;`)
    .join('\n');
  return `
import type { ${imports} } from 'spotify-scraper';
type Mutable<T> = T extends ReadonlyArray<infer U> ? Array<Mutable<U>> : T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> } : T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : 'the exported type has fields or types the README lacks') : 'the README has fields or types the exported type lacks';
${checks}
`;
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
blocks.forEach((code, index) => {
  const declared = new Set(
    [...code.matchAll(/\b(?:const|let|var|function|class|using)\s+(\w+)/g)].map((match) => match[1]),
  );
  for (const names of code.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}/g))
    for (const name of (names[1] as string).split(',')) declared.add(name.replace(/\btype\b/, '').trim());
  const prelude = Object.entries(AMBIENT)
    .filter(([name]) => !declared.has(name) && new RegExp(`\\b${name}\\b`).test(code))
    .map(([name, type]) => `declare const ${name}: ${type};`)
    .join('\n');
  writeFileSync(
    join(out, `block-${String(index + 1).padStart(2, '0')}.ts`),
    `${prelude}\n${code}\n${modelChecks(code)}\nexport {};\n`,
  );
});
writeFileSync(
  join(out, 'tsconfig.json'),
  JSON.stringify({
    extends: '../../tsconfig.json',
    compilerOptions: {
      noEmit: true,
      noUnusedLocals: false,
      paths: { 'spotify-scraper': ['../../src/index.ts'], 'spotify-scraper/testing': ['../../src/testing/index.ts'] },
    },
    include: ['*.ts'],
  }),
);
execFileSync('npx', ['tsc', '-p', join(out, 'tsconfig.json')], { cwd: root, stdio: 'inherit' });
const scripts = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1] as string);
scripts.forEach((code, index) => {
  const file = join(out, `script-${index + 1}.mjs`);
  writeFileSync(file, code);
  execFileSync(process.execPath, ['--check', file], { stdio: 'inherit' });
});
const checked = blocks.filter((code) => CHECKED.test(code)).length;
console.log(
  `README: ${blocks.length} TypeScript blocks type-check (${checked} checked against the exported types); ${scripts.length} JavaScript blocks parse as .mjs`,
);
