import { createRequire } from 'node:module';
import type * as Cheerio from 'cheerio';
import { ParseError } from '../errors.js';
import { scanScriptText } from './script-scan.js';

/** Which script a page's data came from. */
export type PageFormat = 'next-data' | 'initial-state';

export interface PageJson {
  format: PageFormat;
  json: unknown;
}

const NEXT_DATA = '__NEXT_DATA__';
const INITIAL_STATE = 'initial-state';

/**
 * Gets the JSON out of an embed page: the `__NEXT_DATA__` script (2023 on) or the base64
 * `initial-state` script (2022-2023). A targeted scan first; cheerio only when the scan finds nothing.
 */
export function readPageJson(html: string, pageUrl: string): PageJson {
  const nextData = scanScriptText(html, NEXT_DATA) ?? scriptWithCheerio(html, NEXT_DATA);
  if (nextData !== null) return { format: 'next-data', json: parseJson(nextData, NEXT_DATA, pageUrl) };
  const initialState = scanScriptText(html, INITIAL_STATE) ?? scriptWithCheerio(html, INITIAL_STATE);
  if (initialState !== null) {
    return { format: 'initial-state', json: parseJson(decodeInitialState(initialState), INITIAL_STATE, pageUrl) };
  }
  throw new ParseError(`No <script id="${NEXT_DATA}"> or <script id="${INITIAL_STATE}"> in the page ${pageUrl}`, {
    url: pageUrl,
  });
}

let cheerio: typeof Cheerio | undefined;

/**
 * cheerio, loaded the first time a page needs it: it is only the fallback when the scan finds nothing,
 * and loading it costs more than the rest of the library (about 0.06 s of a cold start).
 */
function loadCheerio(): typeof Cheerio {
  // import.meta.url in both builds (the CommonJS one has tsup's shim); cheerio ships a CommonJS build.
  cheerio ??= createRequire(import.meta.url)('cheerio') as typeof Cheerio;
  return cheerio;
}

function scriptWithCheerio(html: string, id: string): string | null {
  if (!html.includes(id)) return null;
  const $ = loadCheerio().load(html);
  const script = $(`script[id="${id}"]`).first();
  return script.length === 0 ? null : script.text();
}

function parseJson(source: string, where: string, pageUrl: string): unknown {
  const trimmed = stripBom(source).trim();
  try {
    return JSON.parse(trimmed);
  } catch (error) {
    // The engine's message quotes the page around the fault, and a page carries a token: keep only where.
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    throw new ParseError(
      `The ${where} script of ${pageUrl} is not valid JSON${position === undefined ? '' : ` (at position ${position})`}`,
      { url: pageUrl },
    );
  }
}

function stripBom(value: string): string {
  return value.charCodeAt(0) === 0xfeff ? value.slice(1) : value;
}

/** The older format carries base64 JSON; tolerate plain JSON there too. */
function decodeInitialState(source: string): string {
  const trimmed = stripBom(source).trim();
  if (trimmed.startsWith('{')) return trimmed;
  return Buffer.from(trimmed, 'base64').toString('utf8');
}
