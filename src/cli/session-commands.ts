import { AuthenticationError, InvalidInputError } from '../errors.js';
import { deleteSession, loadSession, saveSession, configDir, SESSION_FILE } from '../session/session.js';
import { join } from 'node:path';
import type { CommandSpec, WholeRun } from './command-spec.js';
import { EXIT } from './messages.js';

type Stdin = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };

/**
 * `spotify-scraper login`: the `sp_dc` value from a hidden prompt (or `--stdin`), checked with one
 * token exchange, saved as session.json in the config folder (0600 in a 0700 folder). The value is
 * never printed, echoed or put in an error.
 */
const login: CommandSpec = {
  name: 'login',
  args: '',
  summary: 'save the account cookie (sp_dc) for the account commands and mcp: asked for hidden, checked, kept 0600',
  input: 'none',
  uses: ['network', 'pace', 'retries'],
  options: (command) => command.option('--stdin', 'read the value from stdin instead of a prompt'),
  prepare: () => () => Promise.resolve(undefined),
  whole: async (run) => {
    const stdin = run.stdin as Stdin;
    const value = (
      run.flags['stdin'] === true || !stdin.isTTY ? await readAll(stdin) : await hiddenPrompt(stdin, run)
    ).trim();
    if (value === '' || /\s/.test(value))
      throw new InvalidInputError('login takes the value of the sp_dc cookie: one word, read from the prompt or stdin');
    let account;
    try {
      account = await checked(run, value);
    } catch (error) {
      if (error instanceof AuthenticationError) {
        run.io.stderr.write(`error: Spotify refused this cookie (${error.code}): nothing was saved\n`);
        return EXIT.authentication;
      }
      throw error;
    }
    const path = await saveSession(value, { product: account.product, country: account.country });
    run.io.stdout.write(`${JSON.stringify({ saved: path, product: account.product, country: account.country })}\n`);
    return EXIT.ok;
  },
};

/** One token exchange with the cookie, and the account it belongs to. */
async function checked(run: WholeRun, cookie: string) {
  const { AsyncSpotifyClient } = await import('../index.js');
  await using client = new AsyncSpotifyClient({ ...run.options, cookies: cookie });
  return client.getAccount();
}

const logout: CommandSpec = {
  name: 'logout',
  args: '',
  summary: 'delete the saved session',
  input: 'none',
  uses: [],
  prepare: () => () => Promise.resolve(undefined),
  whole: async (run) => {
    const removed = await deleteSession();
    run.io.stdout.write(`${JSON.stringify({ removed, path: join(configDir(), SESSION_FILE) })}\n`);
    return EXIT.ok;
  },
};

const session: CommandSpec = {
  name: 'session',
  args: '',
  summary: "say whether a session is saved, and its account's product and country (never the cookie)",
  input: 'none',
  uses: [],
  prepare: () => () => Promise.resolve(undefined),
  whole: async (run) => {
    const saved = await loadSession();
    run.io.stdout.write(
      `${JSON.stringify(
        saved
          ? { saved: true, path: saved.path, savedAt: saved.savedAt, ...(saved.account ?? {}) }
          : { saved: false, path: join(configDir(), SESSION_FILE) },
      )}\n`,
    );
    return EXIT.ok;
  },
};

export const SESSION_COMMANDS: readonly CommandSpec[] = [login, logout, session];

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads a line from a terminal without echoing it (Ctrl-C cancels). */
function hiddenPrompt(stdin: Stdin, run: WholeRun): Promise<string> {
  run.io.stderr.write('sp_dc cookie value (input hidden): ');
  return new Promise((resolve, reject) => {
    let value = '';
    stdin.setRawMode?.(true);
    stdin.resume();
    const done = (error?: Error): void => {
      stdin.setRawMode?.(false);
      stdin.pause();
      stdin.off('data', onData);
      run.io.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string): void => {
      for (const character of String(chunk)) {
        if (character === '\r' || character === '\n') return done();
        if (character === '\u0003') return done(new InvalidInputError('login cancelled'));
        if (character === '\u007f' || character === '\b') value = value.slice(0, -1);
        else value += character;
      }
    };
    stdin.on('data', onData);
  });
}
