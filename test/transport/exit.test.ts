import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AsyncSpotifyClient } from '../../src/index.js';
import { sendHtml } from '../helpers/loopback.js';
import { embedHtml, embedState, trackEntity } from '../helpers/pages.js';
import { startTlsProxy, type TlsProxy } from '../helpers/tls-proxy.js';

const ID = '0DiWol3AO6WpXZgp0goxAV';
let proxy: TlsProxy;

beforeAll(async () => {
  proxy = await startTlsProxy('u', 'p4ss', (_request, res) => {
    sendHtml(res, embedHtml(embedState(trackEntity({ id: ID, uri: `spotify:track:${ID}` }))), 200, {
      connection: 'keep-alive',
    });
  });
});

afterAll(async () => {
  await proxy.close();
});

function runScenario(mode: string[]): Promise<{ code: number | null; ms: number; stdout: string }> {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, '..', 'helpers', 'exit-scenario.ts'), proxy.url, ID, ...mode],
    {
      env: process.env,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, ms: Date.now() - started, stdout })));
}

async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return condition();
}

describe('process exit', () => {
  it('close() frees the sockets of the client-owned pool; without it they stay open', async () => {
    const kept = new AsyncSpotifyClient({ proxy: proxy.url, rateLimit: false, retry: false, partnerApi: false });
    await kept.getTrack(ID);
    expect(await waitFor(() => proxy.openSockets() === 0, 300)).toBe(false);
    await kept.close();
    expect(await waitFor(() => proxy.openSockets() === 0, 2_000)).toBe(true);
  });

  it('a script that closes its client exits on its own, although the server keeps the connection open', async () => {
    const result = await runScenario([]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ name: 'One More Time' });
    // The pool's keep-alive (10 s) would hold the process if close() left a socket behind.
    expect(result.ms).toBeLessThan(8_000);
  });
});
