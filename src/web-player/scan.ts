/**
 * Reads Spotify's web-player JavaScript as text (nothing of it is run): the persisted-query
 * definitions it carries, and the map from route-chunk names to their files. Minified code changes
 * with every build, so the scan anchors on what stays: the argument list of a definition
 * (`"fetchPlaylist","query","<64 hex>"`), and the values of the chunk maps (8 hex characters are file
 * hashes, `xpui-…` strings are names), never on a constructor's name or the maps' order.
 */

export interface OperationDefinition {
  name: string;
  kind: 'query' | 'mutation';
  hash: string;
}

const DEFINITION = /"([A-Za-z_$][\w$]{0,99})","(query|mutation)","([0-9a-f]{64})"/g;

/** Every definition in `code`, in order, duplicates (a name with two hashes in an A/B build) kept. */
export function findOperations(code: string): OperationDefinition[] {
  const found: OperationDefinition[] = [];
  for (const match of code.matchAll(DEFINITION)) {
    found.push({ name: match[1] as string, kind: match[2] as 'query' | 'mutation', hash: match[3] as string });
  }
  return found;
}

/** The candidate hashes per operation name, every one kept (names can share a hash; a name can have two). */
export function hashesByName(definitions: readonly OperationDefinition[]): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const { name, hash } of definitions) {
    const hashes = byName.get(name) ?? [];
    if (!hashes.includes(hash)) hashes.push(hash);
    byName.set(name, hashes);
  }
  return byName;
}

/** `{5021:"xpui-routes-search",5022:"…"}`: an object literal of chunk id -> string. */
// Minified, so no spaces: one way to match, no backtracking over a bundle of megabytes.
const CHUNK_MAP = /\{\d{1,10}:"[^"\\]{0,200}"(?:,\d{1,10}:"[^"\\]{0,200}"){0,5000}\}/g;
const ENTRY = /(\d+):"([^"\\]{0,200})"/g;
const FILE_HASH = /^[0-9a-f]{8}$/;
/** How far before a `".js"` the maps of its expression may start. */
const EXPRESSION_WINDOW = 200_000;

interface Literal {
  start: number;
  end: number;
  entries: Map<string, string>;
}

function literals(code: string): Literal[] {
  const found: Literal[] = [];
  for (const match of code.matchAll(CHUNK_MAP)) {
    const entries = new Map<string, string>();
    for (const entry of match[0].matchAll(ENTRY)) entries.set(entry[1] as string, entry[2] as string);
    found.push({ start: match.index, end: match.index + match[0].length, entries });
  }
  return found;
}

/**
 * The route chunks the main bundle can load: chunk name -> URL, next to `bundleUrl`. Only an
 * expression that ends in `".js"` counts (a CSS map with other hashes is a decoy); the name map and the
 * hash map of one expression are told apart by their values and joined on the chunk id; a name without
 * a hash has no file.
 */
export function findRouteChunks(code: string, bundleUrl: string): Map<string, string> {
  const all = literals(code);
  const chunks = new Map<string, string>();
  const base = new URL('./', bundleUrl);
  let from = 0;
  for (let end = code.indexOf('".js"'); end >= 0; end = code.indexOf('".js"', end + 5)) {
    // The maps of this expression: after the previous `.js"`/`.css"` expression, before this one.
    const previousCss = code.lastIndexOf('".css"', end);
    const lower = Math.max(from, previousCss, end - EXPRESSION_WINDOW);
    const inside = all.filter((literal) => literal.start >= lower && literal.end <= end);
    from = end + 5;
    const names = inside.find((literal) => [...literal.entries.values()].some((value) => value.startsWith('xpui-')));
    const hashes = inside.find(
      (literal) => literal.entries.size > 0 && [...literal.entries.values()].every((value) => FILE_HASH.test(value)),
    );
    if (!names || !hashes) continue;
    for (const [id, name] of names.entries) {
      const hash = hashes.entries.get(id);
      if (hash !== undefined && /^[\w.~-]+$/.test(name)) chunks.set(name, new URL(`${name}.${hash}.js`, base).href);
    }
  }
  return chunks;
}

/**
 * The route chunks to read for `name`, in order: the one it is known to live in (`hinted`, its row's
 * route), then others whose name shares a word with it (at most `max`).
 */
export function chunksFor(
  name: string,
  chunks: ReadonlyMap<string, string>,
  hinted: string | undefined,
  max = 3,
): string[] {
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/\s+/);
  const others = [...chunks.keys()].filter(
    (chunk) =>
      chunk !== hinted &&
      chunk.startsWith('xpui-routes-') &&
      words.some((word) => word.length > 3 && chunk.includes(word)),
  );
  return [...(hinted !== undefined && chunks.has(hinted) ? [hinted] : []), ...others].slice(0, max);
}
