import { describe, expect, it } from 'vitest';
import { SharedToken, type GrantedToken } from '../../src/http/shared-token.js';

/** A token service whose answers the test releases one at a time. */
function service() {
  const pending: Array<(granted: GrantedToken) => void> = [];
  let fetches = 0;
  const fetch = () => {
    fetches += 1;
    return new Promise<GrantedToken>((resolve) => pending.push(resolve));
  };
  return { fetch, answer: (granted: GrantedToken) => pending.shift()?.(granted), fetches: () => fetches };
}

describe('SharedToken', () => {
  it('one fetch for concurrent callers; a caller that aborts leaves, the others get the token', async () => {
    const s = service();
    const tokens = new SharedToken(s.fetch, () => 0, 60_000);
    const controller = new AbortController();
    const leaving = tokens.lease(controller.signal);
    const staying = tokens.lease();
    controller.abort(new Error('left'));
    await expect(leaving).rejects.toThrow('left');
    s.answer({ token: 't1', lifetimeMs: 3_600_000 });
    await expect(staying).resolves.toBe('t1');
    expect(s.fetches()).toBe(1);
    expect(tokens.held).toBe(true);
  });

  it('kept until the margin before its expiry, on the clock given', async () => {
    const s = service();
    let now = 0;
    const tokens = new SharedToken(s.fetch, () => now, 60_000);
    const first = tokens.lease();
    s.answer({ token: 't1', lifetimeMs: 120_000 });
    await expect(first).resolves.toBe('t1');
    now = 59_999;
    await expect(tokens.lease()).resolves.toBe('t1');
    now = 60_000;
    const second = tokens.lease();
    s.answer({ token: 't2', lifetimeMs: 120_000 });
    await expect(second).resolves.toBe('t2');
    expect(s.fetches()).toBe(2);
  });

  it('renew: the token another caller already fetched, else a fresh one; a failed fetch is not kept', async () => {
    const s = service();
    const tokens = new SharedToken(s.fetch, () => 0, 60_000);
    const first = tokens.lease();
    s.answer({ token: 't1', lifetimeMs: 3_600_000 });
    await first;
    const renewed = tokens.renew('t1');
    s.answer({ token: 't2', lifetimeMs: 3_600_000 });
    await expect(renewed).resolves.toBe('t2');
    await expect(tokens.renew('t1')).resolves.toBe('t2'); // someone renewed already
    expect(s.fetches()).toBe(2);
    const failing = new SharedToken(
      () => Promise.reject(new Error('refused')),
      () => 0,
      60_000,
    );
    await expect(failing.lease()).rejects.toThrow('refused');
    expect(failing.held).toBe(false);
  });
});
