import { describe, expect, it } from 'vitest';
import { scanScriptText } from '../../src/parse/script-scan.js';

const ID = '__NEXT_DATA__';

describe('scanScriptText', () => {
  it.each([
    ['<script id="__NEXT_DATA__" type="application/json">{"a":1}</script>'],
    ['<script type="application/json" id="__NEXT_DATA__">{"a":1}</script>'],
    ['<script nonce="abc123" type="application/json" id="__NEXT_DATA__" crossorigin="">{"a":1}</script>'],
    ["<script id='__NEXT_DATA__' type='application/json'>{\"a\":1}</script>"],
    ['<script id=__NEXT_DATA__ type=application/json>{"a":1}</script>'],
    ['<SCRIPT ID="__NEXT_DATA__">{"a":1}</SCRIPT>'.replace('ID=', 'id=')],
    ['<script\n  id="__NEXT_DATA__"\n  type="application/json"\n>{"a":1}</script>'],
  ])('finds the script in %s', (html) => {
    expect(scanScriptText(`<html><body>${html}</body></html>`, ID)).toBe('{"a":1}');
  });

  it('skips mentions of the id that are not a script id', () => {
    const html = '<p>__NEXT_DATA__</p><div id="__NEXT_DATA__">no</div><script id="__NEXT_DATA__">{"b":2}</script>';
    expect(scanScriptText(html, ID)).toBe('{"b":2}');
  });

  it('does not take an id that merely starts with the wanted one', () => {
    expect(scanScriptText('<script id="__NEXT_DATA__X">{}</script>', ID)).toBeNull();
  });

  it('returns null when there is no such script or it never closes', () => {
    expect(scanScriptText('<html></html>', ID)).toBeNull();
    expect(scanScriptText('<script id="__NEXT_DATA__">{"a":', ID)).toBeNull();
  });
});

describe('scanScriptText on hostile pages', () => {
  it('skips a script inside a comment and finds the real one after it', () => {
    const html =
      '<!-- <script id="__NEXT_DATA__">{"fake":1}</script> --><script id="__NEXT_DATA__">{"real":1}</script>';
    expect(scanScriptText(html, ID)).toBe('{"real":1}');
  });

  it('an unclosed comment hides everything after it', () => {
    expect(scanScriptText('<!-- <script id="__NEXT_DATA__">{}</script>', ID)).toBeNull();
  });

  // Hang detectors, not speed goals (those are in bench/): the bound is loose on purpose.
  it('does not hang when every mention of the id opens a tag that closes only at the end', () => {
    const html = `${'<x __NEXT_DATA__ '.repeat(300_000)}<script id="__NEXT_DATA__">{"a":1}</script>`;
    const start = performance.now();
    expect(scanScriptText(html, ID)).toBe('{"a":1}');
    // The quadratic scan this replaces took 10 s on this page; the linear one takes ~30 ms.
    expect(performance.now() - start).toBeLessThan(3_000);
  });

  it('does not hang on mentions without any tag, and still finds the script', () => {
    const html = `${'__NEXT_DATA__ '.repeat(300_000)}<script id="__NEXT_DATA__">{"a":1}</script>`;
    const start = performance.now();
    expect(scanScriptText(html, ID)).toBe('{"a":1}');
    expect(performance.now() - start).toBeLessThan(3_000);
  });
});
