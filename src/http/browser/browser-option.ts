import { optionError } from '../../errors.js';
import { quote } from '../../redact.js';

/**
 * The `browser` option: pages through a real Chromium driven by playwright-core (SPEC §14). `true`
 * (always), `'fallback'` (plain HTTP until a host's edge answers a 403 challenge), or the settings.
 */
export type BrowserOption =
  | boolean
  | 'fallback'
  | {
      /** The Chromium to run. @default the first of chromium, chromium-browser, google-chrome on the PATH */
      executablePath?: string | undefined;
      /** @default true */
      headless?: boolean | undefined;
      /** Plain HTTP until a host's edge refuses it. @default false */
      fallback?: boolean | undefined;
    };

export interface ResolvedBrowser {
  mode: 'always' | 'fallback';
  executablePath: string | undefined;
  headless: boolean;
}

export function resolveBrowser(value: unknown): ResolvedBrowser | null {
  if (value === undefined || value === false) return null;
  if (value === true) return { mode: 'always', executablePath: undefined, headless: true };
  if (value === 'fallback') return { mode: 'fallback', executablePath: undefined, headless: true };
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw optionError(
      'browser',
      `must be true, 'fallback' or { executablePath?, headless?, fallback? }, got ${quote(value, 40)}`,
    );
  const { executablePath, headless = true, fallback = false, ...unknown } = value as Record<string, unknown>;
  const extra = Object.keys(unknown);
  if (extra.length > 0)
    throw optionError('browser', `has an unknown field ${quote(extra[0])}; known: executablePath, headless, fallback`);
  if (executablePath !== undefined && (typeof executablePath !== 'string' || executablePath === ''))
    throw optionError('browser.executablePath', 'must be the path of a Chromium executable');
  if (typeof headless !== 'boolean') throw optionError('browser.headless', 'must be true or false');
  if (typeof fallback !== 'boolean') throw optionError('browser.fallback', 'must be true or false');
  return { mode: fallback ? 'fallback' : 'always', executablePath: executablePath as string | undefined, headless };
}
