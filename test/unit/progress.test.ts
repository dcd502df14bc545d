import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/cli/progress.js';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream };
}

describe('progressBar', () => {
  it('draws one line that fills up on a terminal, counting failures', () => {
    const { written, stream: out } = stream(true);
    const bar = progressBar(out, 4, { TERM: 'xterm-256color' });
    bar?.update(1, 0);
    bar?.update(2, 1);
    bar?.update(4, 1);
    bar?.done();
    expect(written[0]).toBe(`\r[${'#'.repeat(6)}${'.'.repeat(18)}] 1/4`);
    expect(written[1]).toBe(`\r[${'#'.repeat(12)}${'.'.repeat(12)}] 2/4 (1 failed)`);
    expect(written[2]).toBe(`\r[${'#'.repeat(24)}] 4/4 (1 failed)`);
    expect(written[3]).toBe('\n');
  });

  it('is not drawn when the stream is not a terminal, for one value, or on TERM=dumb', () => {
    expect(progressBar(stream(false).stream, 5, {})).toBeUndefined();
    expect(progressBar(stream(true).stream, 1, {})).toBeUndefined();
    expect(progressBar(stream(true).stream, 5, { TERM: 'dumb' })).toBeUndefined();
    expect(progressBar(stream(true).stream, 5, { TERM: 'xterm' })).toBeDefined();
  });
});
