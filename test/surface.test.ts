/**
 * The public surface as a reviewed diff: every name each entry point exports (values and types) and
 * every public method of AsyncSpotifyClient with its signature, read by the TypeScript compiler from
 * the sources. A change here is a change of the contract: update the snapshot on purpose
 * (`npx vitest run test/surface.test.ts -u`) and say so in the CHANGELOG.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ENTRY_POINTS = {
  'spotify-scraper': 'src/index.ts',
  'spotify-scraper/testing': 'src/testing/index.ts',
  'spotify-scraper/crawl': 'src/crawl/index.ts',
} as const;

const program = ts.createProgram(Object.values(ENTRY_POINTS), {
  strict: true,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  noEmit: true,
  skipLibCheck: true,
});
const checker = program.getTypeChecker();

function moduleOf(file: string): ts.Symbol {
  const source = program.getSourceFile(file);
  const symbol = source && checker.getSymbolAtLocation(source);
  if (!symbol) throw new Error(`no module for ${file}`);
  return symbol;
}

function kindOf(symbol: ts.Symbol): string {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const flags = target.flags;
  if (flags & ts.SymbolFlags.Class) return 'class';
  if (flags & ts.SymbolFlags.Function) return 'function';
  if (flags & ts.SymbolFlags.Variable) return 'const';
  if (flags & ts.SymbolFlags.Interface) return 'interface';
  if (flags & ts.SymbolFlags.TypeAlias) return 'type';
  return 'other';
}

describe('the public surface', () => {
  for (const [entry, file] of Object.entries(ENTRY_POINTS)) {
    it(`${entry} exports these names`, () => {
      const names = checker
        .getExportsOfModule(moduleOf(file))
        .map((symbol) => `${kindOf(symbol)} ${symbol.name}`)
        .sort();
      expect(names.length).toBeGreaterThan(5);
      expect(names).toMatchSnapshot();
    });
  }

  it("every exported name is in the README's list of exports (nothing in completion goes unexplained)", () => {
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Everything it exports'), readme.indexOf('## API reference'));
    const missing = Object.values(ENTRY_POINTS)
      .flatMap((file) => checker.getExportsOfModule(moduleOf(file)).map((symbol) => symbol.name))
      .filter((name) => !section.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });

  it('AsyncSpotifyClient has these public methods', () => {
    const client = checker
      .getExportsOfModule(moduleOf(ENTRY_POINTS['spotify-scraper']))
      .find((symbol) => symbol.name === 'AsyncSpotifyClient') as ts.Symbol;
    const type = checker.getDeclaredTypeOfSymbol(checker.getAliasedSymbol(client));
    const methods = checker
      .getPropertiesOfType(type)
      .filter((property) => !property.name.startsWith('__@') && !property.name.startsWith('#'))
      .map((property) => {
        const declaration = property.valueDeclaration ?? property.declarations?.[0];
        const memberType = checker.getTypeOfSymbolAtLocation(property, declaration as ts.Node);
        const signatures = memberType.getCallSignatures();
        return signatures.length === 0
          ? `${property.name}: ${checker.typeToString(memberType)}`
          : signatures.map((signature) => `${property.name}${checker.signatureToString(signature)}`).join('\n');
      })
      .sort();
    expect(methods.length).toBeGreaterThan(30);
    expect(methods).toMatchSnapshot();
  });
});
