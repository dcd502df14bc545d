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
  /** Some value is a route chunk's name (`xpui-…`): a name map. */
  names: boolean;
  /** Every value is a file hash: a hash map. */
  hashes: boolean;
}

function literals(code: string): Literal[] {
  const found: Literal[] = [];
  for (const match of code.matchAll(CHUNK_MAP)) {
    const entries = new Map<string, string>();
    for (const entry of match[0].matchAll(ENTRY)) entries.set(entry[1] as string, entry[2] as string);
    const values = [...entries.values()];
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      entries,
      names: values.some((value) => value.startsWith('xpui-')),
      hashes: values.length > 0 && values.every((value) => FILE_HASH.test(value)),
    });
  }
  return found;
}

/** Where each `".js"` and `".css"` of the code ends an expression, in order (one pass each). */
function expressionEnds(code: string): Array<{ at: number; js: boolean }> {
  const ends: Array<{ at: number; js: boolean }> = [];
  for (let at = code.indexOf('".js"'); at >= 0; at = code.indexOf('".js"', at + 5)) ends.push({ at, js: true });
  for (let at = code.indexOf('".css"'); at >= 0; at = code.indexOf('".css"', at + 6)) ends.push({ at, js: false });
  return ends.sort((a, b) => a.at - b.at);
}

/**
 * The route chunks the main bundle can load: chunk name -> URL, next to `bundleUrl`. Only an
 * expression that ends in `".js"` counts (a CSS map with other hashes is a decoy); the name map and the
 * hash map of one expression are told apart by their values and joined on the chunk id; a name without
 * a hash has no file. One forward pass: each map belongs to at most one expression (the maps after the
 * previous `".js"`/`".css"`, within EXPRESSION_WINDOW of its end) and is looked at once.
 */
export function findRouteChunks(code: string, bundleUrl: string): Map<string, string> {
  const all = literals(code);
  const chunks = new Map<string, string>();
  const base = new URL('./', bundleUrl);
  let next = 0;
  let from = 0;
  for (const { at, js } of expressionEnds(code)) {
    const lower = Math.max(from, at - EXPRESSION_WINDOW);
    from = at + 1;
    let names: Literal | undefined;
    let hashes: Literal | undefined;
    // Maps that end before this expression's start belong to none; those inside are this one's.
    while (next < all.length && (all[next] as Literal).end <= at) {
      const literal = all[next] as Literal;
      next += 1;
      if (!js || literal.start < lower) continue;
      if (literal.names) names ??= literal;
      else if (literal.hashes) hashes ??= literal;
    }
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
