/**
 * CPU profile of getTrack alone against a server in another process (what the e2e benchmark measures),
 * printed as the functions with the most self time. Run: npx tsx bench/profile-e2e.ts
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';
import { Agent } from 'undici';
import { AsyncSpotifyClient } from '../src/index.js';
import { routeInterceptor as rerouteTo } from '../src/testing/route.js';
import { ownPages, sharedPages } from './pages.js';

const page = sharedPages().find((p) => p.type === 'track') ?? ownPages().find((p) => p.type === 'track');
const child = spawn(
  process.execPath,
  ['--import', 'tsx', join(import.meta.dirname, '..', 'bench', 'serve-page.ts'), page!.file],
  {
    stdio: ['pipe', 'pipe', 'inherit'],
  },
);
const origin = await new Promise<string>((resolve) =>
  child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())),
);
const agent = new Agent({ connections: 8 });
const client = new AsyncSpotifyClient({
  dispatcher: agent.compose(rerouteTo(origin)),
  rateLimit: false,
  partnerApi: false,
});
let counter = 0;
/** A fresh id per call, as the e2e benchmark uses: identical calls would share one fetch (single flight). */
const nextId = () => `Prof${(counter += 1).toString(36)}`.padEnd(22, 'Z');
const run = async (n: number) =>
  Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = 0; i < n; i += 1) await client.getTrack(nextId());
    }),
  );
await run(300);
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.start');
await run(3000);
const { profile } = await session.post('Profiler.stop');
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
profile.samples?.forEach((id, i) => {
  const n = byId.get(id)!;
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
for (const [key, t] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40))
  console.log(`${((t / total) * 100).toFixed(1).padStart(5)}% ${key}`);
await client.close();
await agent.close();
child.stdin.end();
