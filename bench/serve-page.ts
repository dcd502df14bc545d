/**
 * A loopback server in its own process answering every request with one page; prints its origin. The
 * page's entity id is replaced by the id the request asks for (the last path segment), as Spotify
 * would serve each entity's own page: clients check that a page describes what they asked for, and
 * distinct ids keep identical calls from sharing one fetch.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const page = readFileSync(process.argv[2] as string, 'utf8');
const original = /"embeded_entity_uri":"spotify:[a-z]+:([0-9A-Za-z]{22})"/.exec(page)?.[1] ?? '';
const parts = original === '' ? [page] : page.split(original);
const server = createServer((req, res) => {
  const id = (req.url ?? '').split('?')[0]?.split('/').at(-1) ?? '';
  const body = Buffer.from(/^[0-9A-Za-z]{22}$/.test(id) ? parts.join(id) : page);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(body.length) }).end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
