import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidInputError, NotFoundError, type BatchProgress } from '../../src/index.js';
import { clientFor } from '../helpers/fake-spotify.js';
import { sendHtml, startLoopback, type Loopback } from '../helpers/loopback.js';
import { embedHtml, embedState, listEntity, newId, row, trackEntity } from '../helpers/pages.js';

let server: Loopback;
let inFlight = 0;
let maxInFlight = 0;
const MISSING = '3zhcxqTLh1vlaSB1etvzNj';

beforeAll(async () => {
  server = await startLoopback(async (request, res) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 15));
    inFlight -= 1;
    const [, , type, id] = request.path.split('/') as [string, string, string, string];
    if (id === MISSING) return sendHtml(res, 'gone', 404);
    if (type === 'playlist')
      return sendHtml(
        res,
        embedHtml(
          embedState(
            listEntity(
              'playlist',
              Array.from({ length: 20 }, () => row()),
              { id, uri: `spotify:playlist:${id}` },
            ),
          ),
        ),
      );
    return sendHtml(res, embedHtml(embedState(trackEntity({ id, uri: `spotify:track:${id}` }))));
  });
});

afterAll(async () => {
  await server.close();
});

describe('batch helpers', () => {
  it('return every value in input order; a failure never loses the others', async () => {
    await using client = clientFor(server);
    const ids = [newId('b'), MISSING, newId('b'), 'not a value', newId('b')];
    const results = await client.getTracks(ids);
    expect(results.map((r) => r.value)).toEqual(ids);
    expect(results.map((r) => r.ok)).toEqual([true, false, true, false, true]);
    expect(results[0]).toMatchObject({ ok: true, result: { id: ids[0] } });
    const [missing, invalid] = [results[1], results[3]];
    expect(missing?.ok === false && missing.error).toBeInstanceOf(NotFoundError);
    expect(invalid?.ok === false && invalid.error).toBeInstanceOf(InvalidInputError);
  });

  it('keep at most `concurrency` calls in flight and report progress after each', async () => {
    await using client = clientFor(server);
    const progress: BatchProgress[] = [];
    maxInFlight = 0;
    await client.getTracks(
      Array.from({ length: 12 }, () => newId('c')),
      { concurrency: 3, onProgress: (p) => progress.push(p) },
    );
    expect(maxInFlight).toBe(3);
    expect(progress.map((p) => p.completed)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(progress.every((p) => p.total === 12 && p.ok)).toBe(true);
  });

  it('default to the client`s maxConcurrency', async () => {
    await using client = clientFor(server, { maxConcurrency: 2 });
    maxInFlight = 0;
    await client.getTracks(Array.from({ length: 8 }, () => newId('d')));
    expect(maxInFlight).toBe(2);
  });

  it('pass getter options through (maxTracks)', async () => {
    await using client = clientFor(server);
    const results = await client.getPlaylists([newId('p'), newId('p')], { maxTracks: 4 });
    expect(results.map((r) => (r.ok ? r.result.tracks.length : -1))).toEqual([4, 4]);
  });

  it('an abort rejects the batch with the reason', async () => {
    await using client = clientFor(server);
    const controller = new AbortController();
    const batch = client.getTracks(
      Array.from({ length: 20 }, () => newId('e')),
      { concurrency: 2, signal: controller.signal },
    );
    setTimeout(() => controller.abort(new Error('stop the batch')), 20);
    await expect(batch).rejects.toThrow('stop the batch');
  });

  it('reject a bad concurrency or a non-array', async () => {
    await using client = clientFor(server);
    await expect(client.getTracks([newId('f')], { concurrency: 0 })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(client.getTracks('x' as unknown as string[])).rejects.toBeInstanceOf(InvalidInputError);
  });
});

describe('one signal shared by many calls', () => {
  it('warns of no listener leak: a batch of concurrency 20, and 30 getTrack calls with the same signal', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      await using client = clientFor(server, { rateLimit: { perSecond: 1000, burst: 3 } });
      const controller = new AbortController();
      const ids = Array.from({ length: 40 }, () => newId('w'));
      const results = await client.getTracks(ids, { concurrency: 20, signal: controller.signal });
      expect(results.every((entry) => entry.ok)).toBe(true);
      await Promise.all(ids.slice(0, 30).map((id) => client.getTrack(id, { signal: controller.signal })));
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.filter((name) => name === 'MaxListenersExceededWarning')).toEqual([]);
  });

  it('aborting the shared signal still rejects every call with its reason', async () => {
    await using client = clientFor(server, { rateLimit: { perSecond: 1, burst: 1 } });
    const controller = new AbortController();
    const reason = new Error('stop all');
    const calls = Array.from({ length: 5 }, () =>
      client.getTrack(newId('a'), { signal: controller.signal }).catch((e: unknown) => e),
    );
    controller.abort(reason);
    expect(await Promise.all(calls)).toEqual(Array.from({ length: 5 }, () => reason));
  });
});
