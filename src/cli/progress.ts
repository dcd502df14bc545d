const WIDTH = 24;

export interface ProgressBar {
  update(completed: number, failed: number): void;
  done(): void;
}

/**
 * A one-line progress bar on stderr, drawn only where it can be: a terminal that is not `TERM=dumb`,
 * for more than one value.
 */
export function progressBar(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  total: number,
  env: NodeJS.ProcessEnv = process.env,
): ProgressBar | undefined {
  if (!stream.isTTY || total < 2 || env['TERM'] === 'dumb') return undefined;
  return {
    update(completed, failed) {
      const filled = Math.round((completed / total) * WIDTH);
      const bar = `${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}`;
      stream.write(`\r[${bar}] ${completed}/${total}${failed > 0 ? ` (${failed} failed)` : ''}`);
    },
    done() {
      stream.write('\n');
    },
  };
}
