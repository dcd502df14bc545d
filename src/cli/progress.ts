import type { BatchProgress } from '../client/batch.js';

const WIDTH = 24;

/** A one-line progress bar on a terminal stream; nothing when the stream is not a TTY or there is one value. */
export function progressBar(stream: NodeJS.WriteStream, total: number): { update: (progress: BatchProgress) => void; done: () => void } {
  if (!stream.isTTY || total < 2) return { update: () => undefined, done: () => undefined };
  let failed = 0;
  return {
    update({ completed, ok }) {
      if (!ok) failed += 1;
      const filled = Math.round((completed / total) * WIDTH);
      const bar = `${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}`;
      stream.write(`\r[${bar}] ${completed}/${total}${failed > 0 ? ` (${failed} failed)` : ''}`);
    },
    done() {
      stream.write('\n');
    },
  };
}
