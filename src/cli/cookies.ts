import { open } from 'node:fs/promises';
import type { ClientOptions } from '../index.js';
import { InvalidInputError } from '../errors.js';
import type { CommandSpec } from './command-spec.js';
import { loadSession } from '../session/session.js';

/** A cookies.txt of a browser is a few kilobytes (the library reads at most this much of one). */
const MAX_COOKIES_FILE_BYTES = 1024 * 1024;

/**
 * The account cookie of a command that uses one: `--cookies FILE`, else SPOTIFY_SP_DC, else the session
 * saved by `spotify-scraper login`; null when the command needs one and has none. A `--cookies` argument that is not a readable cookies file (the
 * value pasted instead of a path) is a usage error (exit 2) that never repeats the argument.
 */
export async function accountCookies(
  spec: CommandSpec,
  file: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ClientOptions['cookies'] | null> {
  if (!spec.account) return undefined;
  if (file !== undefined) {
    await checkCookiesFile(file);
    return { file };
  }
  const fromEnv = (env['SPOTIFY_SP_DC'] ?? '').trim();
  if (fromEnv !== '') return fromEnv;
  const session = await loadSession({ env });
  if (session) return session.cookies;
  return spec.account === 'optional' ? undefined : null;
}

async function checkCookiesFile(file: string): Promise<void> {
  const refuse = (why: string): never => {
    throw new InvalidInputError(
      `--cookies takes the path of a cookies file (a browser's cookies.txt, or a file holding the sp_dc value), and the argument given is ${why}: pass a file, or set SPOTIFY_SP_DC instead`,
      { option: 'cookies' },
    );
  };
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(file, 'r');
    const stat = await handle.stat();
    if (!stat.isFile()) refuse('not a regular file');
    if (stat.size > MAX_COOKIES_FILE_BYTES) refuse('a file too large to be a cookies file');
  } catch (error) {
    if (error instanceof InvalidInputError) throw error;
    refuse(`not a readable file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    await handle?.close();
  }
}
