import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../src/cli/program.js';

/** Runs the CLI in this process with in-memory streams; resolves to its exit code and output. */
export async function runCliInProcess(args: string[], stdinText?: string) {
  let stdout = '';
  let stderr = '';
  const out = new PassThrough();
  out.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const err = new PassThrough();
  err.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const stdin = Object.assign(Readable.from(stdinText === undefined ? [] : [stdinText]), {
    isTTY: stdinText === undefined,
  });
  const code = await runCli(args, '9.9.9', { stdout: out, stderr: Object.assign(err, { isTTY: false }) }, stdin);
  return { code, stdout, stderr, json: () => JSON.parse(stdout) as unknown };
}
