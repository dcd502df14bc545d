import { spawn } from 'node:child_process';

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** When each stdout chunk arrived, in ms since the start, with its text. */
  chunks: Array<{ at: number; text: string }>;
}

/** Runs `node ...args` with `stdin` written and closed; resolves with its exit code and output. */
export function runNode(
  args: readonly string[],
  stdin = '',
  env: NodeJS.ProcessEnv = process.env,
): Promise<ProcessResult> {
  return runCommand(process.execPath, args, stdin, env);
}

/** Runs a command (a shell, for pipelines) the same way. */
export function runCommand(
  command: string,
  args: readonly string[],
  stdin = '',
  env: NodeJS.ProcessEnv = process.env,
): Promise<ProcessResult> {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env });
    let stdout = '';
    let stderr = '';
    const chunks: ProcessResult['chunks'] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      chunks.push({ at: performance.now() - started, text: chunk.toString() });
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => done({ code, stdout, stderr, chunks }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin);
  });
}
