/**
 * Limiter section: the request rate the token bucket achieves against a loopback server versus the
 * configured rate, and the per-request cost of the limiter + retry layers versus bare undici.request.
 */
import { Agent, request } from 'undici';
import { systemClock } from '../src/http/clock.js';
import { HostGate } from '../src/http/host-gate.js';
import { HttpClient } from '../src/http/http-client.js';
import { HostRateLimiter, RateLimit } from '../src/http/rate-limit.js';
import { RetryPolicy } from '../src/http/retry.js';
import { readCapped } from '../src/http/transport.js';
import { AsyncSpotifyClient } from '../src/index.js';
import { rerouteTo } from '../test/helpers/loopback.js';
import { embedHtml, embedState, trackEntity } from '../test/helpers/pages.js';
import { fmt, opsPerSecond, startServer, type Row } from './util.js';

const SECTION = 'limiter';

export async function benchLimiter(): Promise<Row[]> {
  return [...(await achievedRate()), ...(await layerOverhead())];
}

async function achievedRate(): Promise<Row[]> {
  const TEMPLATE = 'TemplateTrackId0000000';
  const page = embedHtml(embedState(trackEntity({ id: TEMPLATE, uri: `spotify:track:${TEMPLATE}` })));
  const arrivals: number[] = [];
  const { origin, close } = await startServer((req, res) => {
    arrivals.push(performance.now());
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(page.replaceAll(TEMPLATE, (req.url ?? '').split('/').at(-1) as string));
  });
  const agent = new Agent();
  const perSecond = 40;
  const burst = 5;
  const calls = 200;
  const client = new AsyncSpotifyClient({
    dispatcher: agent.compose(rerouteTo(origin)),
    rateLimit: new RateLimit({ perSecond, burst }),
    partnerApi: false,
  });
  // Distinct ids: identical calls would share one fetch.
  await Promise.all(Array.from({ length: calls }, (_, i) => client.getTrack(`Rate${i.toString(36)}`.padEnd(22, 'Z'))));
  await client.close();
  await agent.close();
  await close();
  // After the burst, the bucket should release exactly perSecond requests a second.
  const paced = arrivals.slice(burst);
  const seconds = ((paced.at(-1) as number) - (paced[0] as number)) / 1000;
  const achieved = (paced.length - 1) / seconds;
  return [
    {
      section: SECTION,
      measure: `achieved rate, ${calls} concurrent getTrack at {perSecond: ${perSecond}, burst: ${burst}}`,
      ours: `${fmt(achieved, 2)} req/s`,
      baseline: `${perSecond} req/s configured`,
      ratio: fmt(achieved / perSecond, 3),
      note: 'paced part after the burst; ≈ 1 means the rate is kept and none is wasted',
    },
  ];
}

async function layerOverhead(): Promise<Row[]> {
  const body = 'x'.repeat(2048);
  const { origin, close } = await startServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/plain' }).end(body),
  );
  const agent = new Agent({ connections: 1 });
  const url = `${origin}/page`;
  const bare = async () => {
    const response = await request(url, { dispatcher: agent });
    await response.body.text();
  };
  const http = new HttpClient({
    dispatcher: agent,
    limiter: new HostRateLimiter(new RateLimit({ perSecond: 1e9, burst: 1e6 }), new Map(), systemClock),
    gate: new HostGate(32),
    retry: new RetryPolicy(),
    clock: systemClock,
    timeoutMs: 10_000,
    headers: { base: {}, extra: {} },
  });
  const layered = () =>
    http.get(url, { consume: async (response) => (await readCapped(response.body, 1e6, url)).toString('utf8') });
  const rounds: Array<[number, number]> = [];
  for (let round = 0; round < 3; round += 1)
    rounds.push([await opsPerSecond(bare, 1500), await opsPerSecond(layered, 1500)]);
  const bareRate = Math.max(...rounds.map((r) => r[0]));
  const ourRate = Math.max(...rounds.map((r) => r[1]));
  await agent.close();
  await close();
  const overheadUs = 1e6 / ourRate - 1e6 / bareRate;
  return [
    {
      section: SECTION,
      measure: 'sequential GETs, 2 KiB body, limiter + retry + timeout layers vs bare undici.request',
      ours: `${fmt(ourRate)} req/s`,
      baseline: `${fmt(bareRate)} req/s`,
      ratio: fmt(ourRate / bareRate, 3),
      note: `≈ ${fmt(overheadUs, 1)} µs added per request`,
    },
  ];
}
