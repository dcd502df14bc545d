/**
 * Type-checks every ```ts block of README.md against the sources, so the manual cannot drift from
 * the API. Each block is compiled as a module of its own; names a block uses without declaring them
 * (`client`, `id`, `ids`, `signal`, `value`, `html`) are declared for it. Run: npx tsx scripts/check-readme.ts
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
  writeFileSync(join(out, `block-${String(index + 1).padStart(2, '0')}.ts`), `${prelude}\n${code}\nexport {};\n`);
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
console.log(`README: ${blocks.length} TypeScript blocks type-check`);
