import { describe, expect, it } from 'vitest';
import { safeFilename, userFilename } from '../../src/media/filename.js';

describe('safeFilename', () => {
  const cases: Array<[string, (out: string) => void]> = [
    ['Midnight Signal', (out) => expect(out).toBe('Midnight Signal')],
    ['../../etc/passwd', (out) => expect(out).toBe('_.._etc_passwd')],
    ['a/b', (out) => expect(out).toBe('a_b')],
    ['a\\b', (out) => expect(out).toBe('a_b')],
    ['..', (out) => expect(out).toBe('track-x')],
    ['.', (out) => expect(out).toBe('track-x')],
    ['...hidden', (out) => expect(out).toBe('hidden')],
    ['name. . .', (out) => expect(out).toBe('name')],
    ['CON', (out) => expect(out).toBe('_CON')],
    ['con.txt', (out) => expect(out).toBe('_con.txt')],
    ['LPT9', (out) => expect(out).toBe('_LPT9')],
    ['CONSOLE', (out) => expect(out).toBe('CONSOLE')],
    ['CONIN$', (out) => expect(out).toBe('_CONIN$')],
    ['conout$.txt', (out) => expect(out).toBe('_conout$.txt')],
    ['ara\u061Cbic', (out) => expect(out).toBe('arabic')],
    ['soft\u00ADhyphen', (out) => expect(out).toBe('softhyphen')],
    ['tag\u{E0041}\u{E0042}chars', (out) => expect(out).toBe('tagchars')],
    ['line\u2028sep', (out) => expect(out).toBe('linesep')],
    ['a\u0000b\u0007c', (out) => expect(out).toBe('abc')],
    ['tab\tand\nnewline', (out) => expect(out).toBe('tabandnewline')],
    ['x'.repeat(500), (out) => expect(Buffer.byteLength(out)).toBeLessThanOrEqual(150)],
    ['🎵'.repeat(100), (out) => expect(out).toBe('🎵'.repeat(37))],
    ['cover\u202Egpj.exe', (out) => expect(out).toBe('covergpj.exe')],
    ['\u200Finvisible\u200B', (out) => expect(out).toBe('invisible')],
    ['what? <yes>: "no" | *', (out) => expect(out).toBe('what_ _yes__ _no_ _ _')],
    ['', (out) => expect(out).toBe('track-x')],
    ['   ', (out) => expect(out).toBe('track-x')],
    ['Beyoncé', (out) => expect(out).toBe('Beyoncé')],
  ];
  it.each(cases)('%j', (input, check) => {
    const out = safeFilename(input, 'track-x');
    check(out);
    // eslint-disable-next-line no-control-regex -- no control character may remain
    expect(out).not.toMatch(/[/\\\u0000-\u001f]/);
    expect(out).not.toMatch(/^\.|[. ]$/);
  });
});

describe('userFilename', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['/tmp/evil/cover.jpg', 'cover.jpg'],
    ['C:\\Windows\\System32\\cover.png', 'cover.png'],
    ['..', 'fallback'],
    ['nul', '_nul'],
  ])('%j -> %j', (input, expected) => {
    expect(userFilename(input, 'fallback')).toBe(expected);
  });
});
