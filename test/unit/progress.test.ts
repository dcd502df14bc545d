import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/cli/progress.js';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream };
}

describe('progressBar', () => {
  it('draws one line that fills up on a terminal, counting failures', () => {
    const { written, stream: out } = stream(true);
    const bar = progressBar(out, 4);
    bar.update({ completed: 1, total: 4, value: 'a', ok: true });
    bar.update({ completed: 2, total: 4, value: 'b', ok: false });
    bar.update({ completed: 4, total: 4, value: 'c', ok: true });
    bar.done();
    expect(written[0]).toBe(`\r[${'#'.repeat(6)}${'.'.repeat(18)}] 1/4`);
    expect(written[1]).toBe(`\r[${'#'.repeat(12)}${'.'.repeat(12)}] 2/4 (1 failed)`);
    expect(written[2]).toBe(`\r[${'#'.repeat(24)}] 4/4 (1 failed)`);
    expect(written[3]).toBe('\n');
  });

  it('stays silent when the stream is not a terminal, or for one value', () => {
    for (const [tty, total] of [[false, 5], [true, 1]] as const) {
      const { written, stream: out } = stream(tty);
      const bar = progressBar(out, total);
      bar.update({ completed: 1, total, value: 'a', ok: true });
      bar.done();
      expect(written).toEqual([]);
    }
  });
});
