import { describe, expect, it } from 'vitest';
import type { ApiPage } from '../../src/partner/page.js';
import { collectPages } from '../../src/partner/paging.js';

/** A list of `total` items served in pages; `limitCap` imitates servers that return fewer than asked. */
function server(
  total: number | null,
  size: number,
  options: { limitCap?: number; ignoreOffset?: boolean; failAt?: number } = {},
) {
  const calls: Array<[number, number]> = [];
  const fetchPage = async (offset: number, limit: number): Promise<ApiPage<string>> => {
    calls.push([offset, limit]);
    if (options.failAt !== undefined && offset >= options.failAt) throw new Error(`page at ${offset} failed`);
    const from = options.ignoreOffset ? 0 : offset;
    const count = Math.max(0, Math.min(limit, options.limitCap ?? limit, size - from));
    const items = Array.from({ length: count }, (_, i) => `item${from + i}`);
    return { items, keys: items.map((item) => `uid-${item}`), raw: count, total, unreadable: 0 };
  };
  return { calls, fetchPage };
}

describe('collectPages', () => {
  it('stops at the maximum, asking only for what is left', async () => {
    const { calls, fetchPage } = server(1234, 1234);
    const result = await collectPages(fetchPage, { max: 250, pageSize: 100, cap: 100_000 });
    expect(result.items).toHaveLength(250);
    expect(calls).toEqual([
      [0, 100],
      [100, 100],
      [200, 50],
    ]);
  });

  it('stops at the total and advances by the raw count when the server returns fewer than asked', async () => {
    const { calls, fetchPage } = server(60, 60, { limitCap: 25 });
    const result = await collectPages(fetchPage, { max: Infinity, pageSize: 100, cap: 100_000 });
    expect(result.items).toEqual(Array.from({ length: 60 }, (_, i) => `item${i}`));
    expect(calls.map(([offset]) => offset)).toEqual([0, 25, 50]);
  });

  it('stops at an empty page when there is no total', async () => {
    const { calls, fetchPage } = server(null, 130);
    expect((await collectPages(fetchPage, { max: Infinity, pageSize: 50, cap: 100_000 })).items).toHaveLength(130);
    expect(calls.map(([offset]) => offset)).toEqual([0, 50, 100, 130]);
  });

  it('ends, without duplicates, when the server ignores the offset', async () => {
    const { calls, fetchPage } = server(null, 1000, { ignoreOffset: true });
    const result = await collectPages(fetchPage, { max: Infinity, pageSize: 100, cap: 100_000 });
    expect(result.items).toHaveLength(100);
    expect(new Set(result.items).size).toBe(100);
    expect(calls).toHaveLength(2);
  });

  it('keeps what was fetched when a later page fails; a failing first page throws', async () => {
    const later = server(500, 500, { failAt: 200 });
    const result = await collectPages(later.fetchPage, { max: Infinity, pageSize: 100, cap: 100_000 });
    expect(result.items).toHaveLength(200);
    expect(String(result.stoppedBy)).toContain('page at 200 failed');
    const first = server(500, 500, { failAt: 0 });
    await expect(collectPages(first.fetchPage, { max: Infinity, pageSize: 100, cap: 100_000 })).rejects.toThrow(
      'page at 0 failed',
    );
  });
});

describe('collectPages against endless servers', () => {
  it('stops at the hard cap when every page brings new items and no total', async () => {
    let served = 0;
    const fetchPage = async (_offset: number, limit: number): Promise<ApiPage<string>> => {
      const items = Array.from({ length: limit }, () => `fresh${(served += 1)}`);
      return { items, keys: items, raw: items.length, total: null, unreadable: 0 };
    };
    const result = await collectPages(fetchPage, { max: Infinity, pageSize: 100, cap: 1_000 });
    expect(result.items).toHaveLength(1_000);
    expect(served).toBe(1_000);
    expect(String(result.stoppedBy)).toMatch(/safety cap of 1000 items/);
  });

  it('stops when a page repeats the previous one (items without keys but with the same content)', async () => {
    let calls = 0;
    const fetchPage = async (): Promise<ApiPage<string>> => {
      calls += 1;
      return { items: ['a', 'b'], keys: ['spotify:track:a', 'spotify:track:b'], raw: 2, total: null, unreadable: 0 };
    };
    const result = await collectPages(fetchPage, { max: Infinity, pageSize: 2, cap: 100_000 });
    expect(result.items).toEqual(['a', 'b']);
    expect(calls).toBe(2);
    expect(String(result.stoppedBy)).toMatch(/same page as before/);
  });
});
