import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/cli/progress.js';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream };
}

describe('progressBar', () => {
  it('draws one line that fills up on a terminal, counting failures, and leaves nothing behind', () => {
    const { written, stream: out } = stream(true);
    const bar = progressBar(out, 4, { TERM: 'xterm-256color' });
    bar?.update(1, 0);
    bar?.update(2, 1);
    bar?.update(4, 1);
    bar?.done();
    const first = `[${'#'.repeat(6)}${'.'.repeat(18)}] 1/4`;
    const second = `[${'#'.repeat(12)}${'.'.repeat(12)}] 2/4 (1 failed)`;
    const third = `[${'#'.repeat(24)}] 4/4 (1 failed)`;
    const clear = (text: string) => `\r${' '.repeat(text.length)}\r`;
    expect(written).toEqual([first, clear(first), second, clear(second), third, clear(third)]);
  });

  it('writes of other output go around it: cleared before, drawn again after', () => {
    const { written, stream: err } = stream(true);
    const { written: printed, stream: out } = stream(false);
    const bar = progressBar(err, 2, { TERM: 'xterm' });
    bar?.update(1, 0);
    bar?.wrap(out).write('{"type":"track"}\n');
    bar?.wrap(err).write('error: "x": Not found\n');
    const shown = `[${'#'.repeat(12)}${'.'.repeat(12)}] 1/2`;
    const clear = `\r${' '.repeat(shown.length)}\r`;
    expect(printed).toEqual(['{"type":"track"}\n']);
    expect(written).toEqual([shown, clear, shown, clear, 'error: "x": Not found\n', shown]);
  });

  it('is not drawn when the stream is not a terminal, for one value, or on TERM=dumb', () => {
    expect(progressBar(stream(false).stream, 5, {})).toBeUndefined();
    expect(progressBar(stream(true).stream, 1, {})).toBeUndefined();
    expect(progressBar(stream(true).stream, 5, { TERM: 'dumb' })).toBeUndefined();
    expect(progressBar(stream(true).stream, 5, { TERM: 'xterm' })).toBeDefined();
  });
});
