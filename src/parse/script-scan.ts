/**
 * Finds the text of `<script id="ID" ...>TEXT</script>` with a targeted scan instead of a DOM parse:
 * a full parse of every page costs ~60x the JSON.parse it feeds. Handles any attribute order, extra
 * attributes (nonce, type), single, double or no quotes and any letter case of the tag name, and
 * skips scripts inside `<!-- -->` comments. Returns null when the markup is not what the scan
 * understands; callers then fall back to cheerio.
 *
 * Linear in the page's length however often the id appears: every search moves forward from where
 * the last one stopped (the '<', '>' and comment positions are remembered), and a tag longer than
 * MAX_TAG characters is not read as a script tag.
 */
export function scanScriptText(html: string, id: string): string | null {
  const scan = new Scan(html);
  let from = 0;
  let lastTag = -1;
  for (;;) {
    const at = html.indexOf(id, from);
    if (at < 0) return null;
    from = at + id.length;
    const tagStart = scan.lastLtBefore(at);
    if (tagStart < 0 || tagStart === lastTag || at - tagStart > MAX_TAG) continue;
    lastTag = tagStart;
    const tagEnd = scan.nextGtFrom(from);
    if (tagEnd < 0) return null;
    if (tagEnd - tagStart > MAX_TAG || scan.inComment(tagStart)) continue;
    const tag = html.slice(tagStart, tagEnd + 1);
    if (!SCRIPT_OPEN.test(tag) || !idPattern(id).test(tag)) continue;
    const close = indexOfCloseScript(html, tagEnd + 1);
    return close < 0 ? null : html.slice(tagEnd + 1, close);
  }
}

const MAX_TAG = 4_096;
const SCRIPT_OPEN = /^<script[\s/][^<]*>$/i;
const patterns = new Map<string, RegExp>();

function idPattern(id: string): RegExp {
  let pattern = patterns.get(id);
  if (!pattern) {
    const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    pattern = new RegExp(`\\sid\\s*=\\s*(["']?)${escaped}\\1[\\s/>]`);
    patterns.set(id, pattern);
  }
  return pattern;
}

function indexOfCloseScript(html: string, from: number): number {
  const at = html.indexOf('</script', from);
  return at >= 0 ? at : html.toLowerCase().indexOf('</script', from);
}

/** Forward-only searches over one page, each remembering where it got to. */
class Scan {
  #lastLt = -1;
  #nextLt = -2;
  #nextGt = -2;
  #commentStart = -1;
  #commentEnd = -1;
  #commentCursor = 0;

  constructor(private readonly html: string) {}

  /** The last '<' before `at`; `at` never decreases between calls. */
  lastLtBefore(at: number): number {
    if (this.#nextLt === -2) this.#nextLt = this.html.indexOf('<', this.#lastLt + 1);
    if (this.#nextLt < 0 || this.#nextLt >= at) return this.#lastLt;
    // There is a '<' past the last one known and before `at`: the backward search stops after it,
    // so successive backward searches cover disjoint stretches.
    this.#lastLt = this.html.lastIndexOf('<', at);
    this.#nextLt = -2;
    return this.#lastLt;
  }

  /** The first '>' at or after `from`; `from` never decreases between calls. */
  nextGtFrom(from: number): number {
    if (this.#nextGt === -2 || (this.#nextGt >= 0 && this.#nextGt < from)) this.#nextGt = this.html.indexOf('>', from);
    return this.#nextGt;
  }

  /**
   * Whether `position` lies inside a `<!-- … -->` comment; `position` never decreases between calls.
   * Openers are looked for only in the stretch not yet searched (a slice, which V8 does not copy), so
   * a page without comments costs a search of the part before its script, not of the whole page.
   */
  inComment(position: number): boolean {
    while (this.#commentEnd < position && this.#commentCursor < position) {
      const found = this.html.slice(this.#commentCursor, position).indexOf('<!--');
      if (found < 0) {
        this.#commentCursor = position;
        return false;
      }
      const start = this.#commentCursor + found;
      const end = this.html.indexOf('-->', start + 4);
      this.#commentStart = start;
      this.#commentEnd = end < 0 ? Number.MAX_SAFE_INTEGER : end + 2;
      this.#commentCursor = end < 0 ? Number.MAX_SAFE_INTEGER : end + 3;
    }
    return this.#commentStart >= 0 && this.#commentStart < position && position <= this.#commentEnd;
  }
}
