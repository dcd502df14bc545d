import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { InvalidInputError } from '../errors.js';

/**
 * The values a command works on: its arguments, then the lines of `--input FILE` (`-` = stdin), then
 * stdin when neither gave any and stdin is not a terminal. Blank lines and `#` comments are skipped.
 */
export async function collectValues(
  args: readonly string[],
  input: string | undefined,
  stdin: Readable & { isTTY?: boolean },
): Promise<string[]> {
  const values = [...args];
  if (input !== undefined) values.push(...lines(input === '-' ? await readAll(stdin) : await readInputFile(input)));
  else if (values.length === 0 && !stdin.isTTY) values.push(...lines(await readAll(stdin)));
  if (values.length === 0)
    throw new InvalidInputError('No values: pass ids, URIs or URLs as arguments, with --input FILE, or on stdin');
  return values;
}

async function readInputFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new InvalidInputError(
      `Cannot read --input ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}
