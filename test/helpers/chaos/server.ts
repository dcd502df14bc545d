// A loopback Spotify in its own process that injects faults, for the chaos soak: resets, 5xx, 429s,
// slow and truncated bodies, wrong entities and stalls, chosen by a seeded generator. It prints one
// JSON line {origin, catalogue} and serves GET /__chaos/stats (arrival times, faults) on its origin.
// Run: tsx test/helpers/chaos/server.ts SEED
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { FAKE_TOKEN, embedPage, partnerAnswer } from '../../../src/testing/index.js';
import type { AnyEntity } from '../../../src/index.js';
import {
  colorsAnswer,
  concertsAnswer,
  discographyAnswer,
  relatedAnswer,
  searchAnswer,
  similarAlbumsAnswer,
} from '../discovery.js';
import { schedulingDelay } from '../schedule.js';
import { buildCatalogue, random } from './catalogue.js';

const INTENDED = 'x-spotify-scraper-host';
const seed = Number(process.argv[2] ?? 1);
const next = random(seed);
const catalogue = buildCatalogue();
const byUri = new Map<string, AnyEntity>(catalogue.entities.map((entity) => [entity.uri, entity]));
const BOOTSTRAP = 'spotify:track:4uLU6hMCjMI75M1A2tKUQC';
/** Arrival times (ms) per host meant: each host has its own bucket. */
const arrivals: Record<string, number[]> = {};
const faults: Record<string, number> = {};
const sockets = new Set<Socket>();
const delay = schedulingDelay();
let worstDelayMs = 0;

/** The faults and their odds per request (the rest are answered well). */
const FAULTS: Array<[string, number]> = [
  ['reset', 0.03],
  ['500', 0.03],
  ['503-retry-after', 0.02],
  ['429-retry-after', 0.015],
  ['slow-body', 0.03],
  ['truncated-body', 0.02],
  ['wrong-entity', 0.02],
  ['stall', 0.01],
];

function pickFault(): string | undefined {
  let roll = next();
  for (const [name, odds] of FAULTS) {
    if (roll < odds) return name;
    roll -= odds;
  }
  return undefined;
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

function answerApi(url: URL): { status: number; body: unknown } {
  const operation = url.searchParams.get('operationName') ?? '';
  const variables = JSON.parse(url.searchParams.get('variables') ?? '{}') as Record<string, any>;
  switch (operation) {
    case 'searchDesktop':
      return {
        status: 200,
        body: searchAnswer(variables['searchTerm'], Math.min(3, variables['limit']), variables['offset']),
      };
    case 'queryArtistDiscographyAll':
      return { status: 200, body: discographyAnswer(variables['uri'], 60, variables['offset'], variables['limit']) };
    case 'queryArtistRelated':
      return { status: 200, body: relatedAnswer(variables['uri'], 20) };
    case 'similarAlbumsBasedOnThisTrack':
      return { status: 200, body: similarAlbumsAnswer(Math.min(variables['limit'], 10)) };
    case 'ArtistConcerts':
      return { status: 200, body: concertsAnswer(variables['artistUri'], 4) };
    case 'fetchExtractedColors':
      return { status: 200, body: colorsAnswer() };
  }
  const entity = byUri.get(String(variables['uri']));
  const data = entity ? partnerAnswer(entity, operation, variables) : undefined;
  return { status: 200, body: data ? { data } : { errors: [{ message: 'NotFound' }], data: null } };
}

function answer(raw: IncomingMessage, res: ServerResponse): void {
  const host = String(raw.headers[INTENDED] ?? '');
  const url = new URL(raw.url ?? '/', `https://${host || 'control'}`);
  if (!host && url.pathname === '/__chaos/stats') {
    worstDelayMs = Math.max(worstDelayMs, delay.stop());
    return send(res, 200, 'application/json', JSON.stringify({ arrivals, faults, serverDelayMs: worstDelayMs }));
  }
  (arrivals[host] ??= []).push(performance.now());
  const fault = pickFault();
  if (fault) faults[fault] = (faults[fault] ?? 0) + 1;
  const isApi = host === 'api-partner.spotify.com';
  let status = 200;
  let type = 'text/html; charset=utf-8';
  let body: string;
  if (isApi) {
    const api = answerApi(url);
    status = api.status;
    type = 'application/json';
    body = JSON.stringify(api.body);
  } else {
    const match = /^\/embed\/(\w+)\/([0-9A-Za-z]{22})$/.exec(url.pathname);
    const uri = match ? `spotify:${match[1]}:${match[2]}` : '';
    const entity = byUri.get(uri) ?? (uri === BOOTSTRAP ? catalogue.tracks[0] : undefined);
    if (!entity) return send(res, 404, type, '<html>Page not found</html>');
    const shown =
      fault === 'wrong-entity'
        ? (catalogue.entities.find((e) => e.type === entity.type && e !== entity) ?? entity)
        : entity;
    body = embedPage(shown, FAKE_TOKEN);
  }
  switch (fault) {
    case 'reset':
      raw.socket.destroy();
      return;
    case 'stall':
      return; // never answered: the client's timeout ends it, and its abort closes the socket
    case '500':
      return send(res, 500, 'text/plain', 'internal error');
    case '503-retry-after':
      return send(res, 503, 'text/plain', 'unavailable', { 'retry-after': '0.1' });
    case '429-retry-after':
      return send(res, 429, 'text/plain', 'slow down', { 'retry-after': '0.2' });
    case 'slow-body': {
      res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
      const half = Math.floor(body.length / 2);
      res.write(body.slice(0, half));
      setTimeout(() => res.end(body.slice(half)), 300);
      return;
    }
    case 'truncated-body':
      res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
      res.write(body.slice(0, Math.floor(body.length / 3)));
      setTimeout(() => raw.socket.destroy(), 20);
      return;
    case undefined:
      return send(res, status, type, body);
  }
}

const server = createServer(answer);
server.keepAliveTimeout = 5_000;
server.on('connection', (socket) => {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
});
server.listen(0, '127.0.0.1', () => {
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.stdout.write(`${JSON.stringify({ origin, catalogue: catalogue.ids })}\n`);
});
process.on('SIGTERM', () => {
  for (const socket of sockets) socket.destroy();
  server.close(() => process.exit(0));
});
