/** Seeded mutations of JSON documents and pages, for the fuzz tests. */

/** mulberry32: a small, fast, seedable PRNG (the same seed gives the same mutations on every run). */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = unknown;
type Container = Record<string, Json> | Json[];

/** Every [container, key] pair in a document, depth first. */
function slots(value: Json, out: Array<[Container, string | number]> = []): Array<[Container, string | number]> {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      out.push([value, index]);
      slots(item, out);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      out.push([value as Record<string, Json>, key]);
      slots(item, out);
    }
  }
  return out;
}

const REPLACEMENTS: Array<(random: () => number, old: Json) => Json> = [
  () => null,
  () => '',
  () => 0,
  () => -1,
  () => 1e308,
  () => true,
  () => [],
  () => ({}),
  () => 'x'.repeat(20_000),
  () => '\u202Egpj.exe\u0000\u001b[31m',
  () => 'spotify:album:4m2880jivSbbyEGAKfITCa',
  () => 'spotify:local:a:b:c:1',
  () => 'https://evil.example.com/x.jpg',
  (_random, old) => (typeof old === 'string' ? old.slice(0, Math.floor(old.length / 2)) : old),
  (_random, old) => (typeof old === 'string' ? old.toUpperCase() : String(old)),
  (_random, old) => (Array.isArray(old) ? [...old, ...old] : [old]),
  (random, old) => (Array.isArray(old) ? old.slice(0, Math.floor(random() * old.length)) : old),
];

/** A copy of `document` with 1-3 random changes: a value replaced, a key deleted, or two values swapped. */
export function mutate(document: Json, random: () => number): Json {
  const copy = structuredClone(document);
  const changes = 1 + Math.floor(random() * 3);
  for (let n = 0; n < changes; n += 1) {
    const all = slots(copy);
    if (all.length === 0) break;
    const [container, key] = all[Math.floor(random() * all.length)] as [Container, string | number];
    const roll = random();
    const current = (container as Record<string | number, Json>)[key];
    if (roll < 0.25 && !Array.isArray(container)) delete (container as Record<string, Json>)[key as string];
    else if (roll < 0.35) {
      const [other, otherKey] = all[Math.floor(random() * all.length)] as [Container, string | number];
      (container as Record<string | number, Json>)[key] = structuredClone(
        (other as Record<string | number, Json>)[otherKey],
      );
    } else {
      const replace = REPLACEMENTS[Math.floor(random() * REPLACEMENTS.length)] as (
        random: () => number,
        old: Json,
      ) => Json;
      (container as Record<string | number, Json>)[key] = replace(random, current);
    }
  }
  return copy;
}

/** Page-level damage: a truncated page, a comment or a decoy script before the real one, a BOM. */
export function damagePage(html: string, random: () => number): string {
  const roll = random();
  if (roll < 0.3) return html.slice(0, Math.floor(random() * html.length));
  if (roll < 0.5)
    return html.replace(
      '<script id="__NEXT_DATA__"',
      '<!-- <script id="__NEXT_DATA__" type="application/json">{"props":{}}</script> --><script id="__NEXT_DATA__"',
    );
  if (roll < 0.7) return html.replace('<body>', `<body>${'<p>__NEXT_DATA__</p>'.repeat(200)}`);
  if (roll < 0.85) return html.replace('</script>', '</script><script id="__NEXT_DATA__">{"broken":</script>');
  return `\ufeff${html.replace('application/json">', 'application/json">\ufeff')}`;
}
