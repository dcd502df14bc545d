import { createHash } from 'node:crypto';
import { DEFAULT_OPERATIONS } from '../partner/operations.js';
import { html, json, type FakeAnswer } from './fake-answer.js';
import type { Query } from './fake-request.js';

/**
 * A fake of Spotify's web player and of what its pathfinder accepts, so that tests can rotate hashes
 * and watch a client heal (SPEC §9): the page (desktop and mobile variants by User-Agent, with
 * `appServerConfig`), a main bundle with definitions under different constructors, decoys, the chunk
 * maps (a CSS decoy beside them; a build with them in the other order), route chunks, and the rules of
 * the pathfinder: the hashes it accepts per operation, v1 up or gone or behind an HTML 403, v2 with or
 * without a client token.
 */
export interface FakeWebPlayerSettings {
  /** pathfinder/v1: answering, gone (404), or behind an HTML 403 edge page. */
  v1: 'up' | 'gone' | 'edge-403';
  v2: 'up' | 'gone';
  /** v2 answers 400 with `client-token-error` unless the request carries a client token it minted. */
  requireClientToken: boolean;
  /** The bundle file answers 404, or never answers. */
  bundle: 'ok' | 'missing' | 'hang';
  /** How long the bundle takes to answer, ms (a slow CDN: processes of a fleet discovering at once). */
  bundleDelayMs: number;
  /** The chunk maps of the main bundle in the other order (hashes before names). */
  mapsReversed: boolean;
  /** `appServerConfig.clientVersion` of the page. */
  clientVersion: string;
  /**
   * Spotify's edge for a refused network: every open.spotify.com page request (its /api/ endpoints
   * are `challengeApis`') that is not a browser's navigation (no `Sec-Fetch-Mode: navigate`) gets a
   * 403 challenge page.
   */
  challengePlainHttp: boolean;
  /**
   * The edge refuses the API hosts (the partner API, spclient, the token endpoints, open.spotify.com/api/):
   * a request that did not come from a browser (no `Sec-Fetch-Mode`) gets the challenge page.
   */
  challengeApis: boolean;
}

export const FAKE_CLIENT_TOKEN_PREFIX = 'fake-client-token-';

/** A 64-hex hash made from a seed: `fakeHash('playlist-2')`. */
export function fakeHash(seed: string): string {
  return createHash('sha256').update(seed).digest('hex');
}

/** A route chunk: its file hash and the operations defined in it. */
interface Chunk {
  id: number;
  hash: string;
  operations: Map<string, string[]>;
}

export class FakeWebPlayer {
  /** What the fake's pathfinder does; change it at any time. */
  readonly settings: FakeWebPlayerSettings = {
    v1: 'up',
    v2: 'up',
    requireClientToken: false,
    bundle: 'ok',
    bundleDelayMs: 0,
    mapsReversed: false,
    challengePlainHttp: false,
    challengeApis: false,
    clientVersion: '1.2.77.1-fake',
  };
  /** Hashes the pathfinder accepts per operation name (default: the built-in table's). */
  readonly #accepted = new Map<string, Set<string>>();
  /** Operations defined in the main bundle, name -> hashes (as the build defines them). */
  readonly #main = new Map<string, string[]>();
  readonly #chunks = new Map<string, Chunk>();
  readonly #minted = new Set<string>();
  #totpSecrets: Array<{ version: number; secret: string }> = [];
  #build = 1;

  constructor() {
    for (const { name, hash } of Object.values(DEFAULT_OPERATIONS)) {
      this.#accepted.set(name, new Set([hash]));
      this.#main.set(name, [hash]);
    }
  }

  /** The main bundle's file name: it changes with every change of the build. */
  get bundleFile(): string {
    return `web-player.${fakeHash(`build-${this.#build}`).slice(0, 8)}.js`;
  }

  /**
   * Spotify rotated `name`: the pathfinder accepts only `hashes` from now on, and the build defines
   * them — in the main bundle, or in the route chunk `chunk` (`xpui-routes-search`).
   */
  rotate(name: string, hashes: readonly string[], where: { chunk?: string } = {}): void {
    this.#accepted.set(name, new Set(hashes));
    this.define(name, hashes, where);
  }

  /** The pathfinder accepts these hashes for `name` (too), without a change of the build. */
  accept(name: string, ...hashes: string[]): void {
    const set = this.#accepted.get(name) ?? new Set();
    for (const hash of hashes) set.add(hash);
    this.#accepted.set(name, set);
  }

  /** The pathfinder refuses these hashes for `name` from now on. */
  refuse(name: string, ...hashes: string[]): void {
    for (const hash of hashes) this.#accepted.get(name)?.delete(hash);
  }

  /** The build defines `name` with `hashes` (several: an A/B build), in the main bundle or a route chunk. */
  define(name: string, hashes: readonly string[], where: { chunk?: string } = {}): void {
    this.#build += 1;
    this.#main.delete(name);
    for (const chunk of this.#chunks.values()) chunk.operations.delete(name);
    if (where.chunk === undefined) {
      this.#main.set(name, [...hashes]);
      return;
    }
    const chunk = this.#chunks.get(where.chunk) ?? {
      id: 5000 + this.#chunks.size * 7,
      hash: fakeHash(`${where.chunk}-${this.#build}`).slice(0, 8),
      operations: new Map(),
    };
    chunk.operations.set(name, [...hashes]);
    this.#chunks.set(where.chunk, chunk);
  }

  /**
   * The build carries these TOTP secrets (`{secret:'…',version:N}` entries, escaped as a bundle
   * writes them), as the web player does; newest first.
   */
  publishTotpSecrets(secrets: ReadonlyArray<{ version: number; secret: string }>): void {
    this.#build += 1;
    this.#totpSecrets = secrets.map((entry) => ({ ...entry }));
  }

  accepts(name: string, hash: string): boolean {
    return this.#accepted.get(name)?.has(hash) ?? false;
  }

  /** A client token for `/v1/clienttoken`. */
  mintClientToken(): string {
    const token = `${FAKE_CLIENT_TOKEN_PREFIX}${this.#minted.size + 1}`;
    this.#minted.add(token);
    return token;
  }

  /** `clienttoken.spotify.com/v1/clienttoken`'s answer: a new client token, good for two weeks. */
  clientTokenAnswer(): FakeAnswer {
    return json(200, {
      response_type: 'RESPONSE_GRANTED_TOKEN_RESPONSE',
      granted_token: {
        token: this.mintClientToken(),
        expires_after_seconds: 1_209_600,
        refresh_after_seconds: 1_209_000,
      },
    });
  }

  isClientToken(value: string | undefined): boolean {
    return value !== undefined && this.#minted.has(value);
  }

  /** A file of the build on its CDN, as the settings say (missing, hanging, slow). @internal */
  async serve(url: URL): Promise<FakeAnswer | 'hang'> {
    const file = url.pathname.split('/').at(-1) ?? '';
    if (file === this.bundleFile && this.settings.bundle !== 'ok')
      return this.settings.bundle === 'hang' ? 'hang' : { status: 404, body: 'Not Found' };
    if (file === this.bundleFile && this.settings.bundleDelayMs > 0)
      await new Promise((resolve) => setTimeout(resolve, this.settings.bundleDelayMs));
    const code = this.file(file);
    return code === undefined
      ? { status: 404, body: 'Not Found' }
      : { status: 200, headers: { 'content-type': 'text/javascript' }, body: code };
  }

  /** The edge's 403 challenge page for a plain HTTP request (pages; with `challengeApis` the API hosts too), when the settings say so. @internal */
  edgeAnswer(host: string, path: string, secFetchMode: string | undefined): FakeAnswer | undefined {
    const api = host !== 'open.spotify.com' || path.startsWith('/api/');
    const refused = api
      ? this.settings.challengeApis && host.endsWith('spotify.com') && secFetchMode === undefined
      : this.settings.challengePlainHttp && secFetchMode !== 'navigate';
    if (!refused) return undefined;
    return html(
      403,
      '<!DOCTYPE html><html><head><title>Just a moment…</title></head><body>Checking your browser</body></html>',
    );
  }

  /** The answer of an endpoint the settings close (v1 gone or behind an edge 403, v2 gone), else undefined. @internal */
  endpointAnswer(endpoint: 'v1' | 'v2'): FakeAnswer | undefined {
    if (endpoint === 'v1' && this.settings.v1 === 'gone') return json(404, { error: 'Not Found' });
    if (endpoint === 'v1' && this.settings.v1 === 'edge-403') return html(403, '<html><body>Forbidden</body></html>');
    if (endpoint === 'v2' && this.settings.v2 === 'gone') return json(404, { error: 'Not Found' });
    return undefined;
  }

  /** The pathfinder's refusal of a query (a client token v2 asks for, a hash it does not accept), else undefined. @internal */
  refusal(query: Query, clientToken: string | undefined): FakeAnswer | undefined {
    if (query.endpoint === 'v2' && this.settings.requireClientToken && !this.isClientToken(clientToken))
      return json(400, { error: { message: 'Invalid client token' } }, { 'client-token-error': 'INVALID_CLIENTTOKEN' });
    if (query.name !== null && query.hash !== null && this.accepts(query.name, query.hash)) return undefined;
    const refused = {
      errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }],
    };
    return query.endpoint === 'v1' ? json(200, refused) : json(412, { errors: [{ message: 'Invalid query hash' }] });
  }

  /** The page of open.spotify.com/: a desktop browser gets the bundle with the queries, a phone another. */
  page(userAgent: string): string {
    const mobile = /Mobile|Android|iPhone/i.test(userAgent);
    const config = Buffer.from(JSON.stringify({ clientVersion: this.settings.clientVersion, market: 'US' })).toString(
      'base64',
    );
    const bundle = mobile ? 'mobile-web-player.0a1b2c3d.js' : this.bundleFile;
    return [
      '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Spotify - Web Player</title>',
      `<script id="appServerConfig" type="text/plain">${config}</script>`,
      `<link rel="stylesheet" href="https://open.spotifycdn.com/cdn/build/web-player/web-player.${fakeHash('css').slice(0, 8)}.css">`,
      `<script src="https://open.spotifycdn.com/cdn/build/web-player/vendor~web-player.${fakeHash('vendor').slice(0, 8)}.js"></script>`,
      `<script src="https://open.spotifycdn.com/cdn/build/web-player/${bundle}"></script>`,
      '</head><body><div id="main"></div></body></html>',
    ].join('\n');
  }

  /**
   * A file of the build (`web-player.<hex>.js`, a route chunk, the vendor bundle), or undefined. Its
   * definitions sit under different minified constructors, beside decoys a scan must not take.
   */
  file(name: string): string | undefined {
    if (name === this.bundleFile) return this.#mainBundle();
    if (name.startsWith('vendor~web-player.')) return '/* vendor code: no operations here */ var a=1;';
    for (const [chunkName, chunk] of this.#chunks) {
      if (name === `${chunkName}.${chunk.hash}.js`) return definitions(chunk.operations, 3);
    }
    return undefined;
  }

  #mainBundle(): string {
    const chunks = [...this.#chunks.entries()];
    const names = `{${chunks.map(([name, chunk]) => `${chunk.id}:"${name}"`).join(',')}${chunks.length > 0 ? ',' : ''}9999:"xpui-routes-nofile"}`;
    const hashes = `{${chunks.map(([, chunk]) => `${chunk.id}:"${chunk.hash}"`).join(',')}}`;
    const cssHashes = `{${chunks.map(([, chunk]) => `${chunk.id}:"${fakeHash(`css-${chunk.hash}`).slice(0, 8)}"`).join(',')}}`;
    const js = this.settings.mapsReversed
      ? `o.u=e=>{const t=${hashes},n=${names};return"/cdn/build/web-player/"+(n[e]||e)+"."+t[e]+".js"}`
      : `o.u=e=>"/cdn/build/web-player/"+(${names}[e]||e)+"."+${hashes}[e]+".js"`;
    return [
      '"use strict";(self.webpackChunkopen=self.webpackChunkopen||[]).push([[1234],{',
      // A CSS map with other hashes: a decoy.
      `o.miniCssF=e=>"/cdn/build/web-player/"+(${names}[e]||e)+"."+${cssHashes}[e]+".css";`,
      `${js};`,
      // Decoys: not a hex hash, not an argument list of a definition.
      'const notADefinition=new l.l("fetchPlaylist","query","not-a-hash-at-all",null);',
      'const alsoNot="fetchPlaylist","query";',
      definitions(this.#main, 0),
      ...(this.#totpSecrets.length === 0 ? [] : [totpTable(this.#totpSecrets)]),
      '}]);',
    ].join('\n');
  }
}

/** `let eD=[{secret:'…',version:61},…].map(…)` as the bundle writes it (backslashes and quotes escaped). */
function totpTable(secrets: ReadonlyArray<{ version: number; secret: string }>): string {
  const entries = secrets.map(
    ({ version, secret }) => `{secret:'${secret.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}',version:${version}}`,
  );
  return `let eD=[${entries.join(',')}].map(e=>e);`;
}

const CONSTRUCTORS = ['l.l', '_.l', '$a.Q', 'c.$e'];

/** `const x=new l.l("name","query","<hash>",null);` for each definition, the constructor varying. */
function definitions(operations: ReadonlyMap<string, readonly string[]>, offset: number): string {
  let index = offset;
  const lines: string[] = [];
  for (const [name, hashes] of operations) {
    for (const hash of hashes) {
      const constructor = CONSTRUCTORS[index % CONSTRUCTORS.length] as string;
      const kind = name.startsWith('add') || name.startsWith('remove') ? 'mutation' : 'query';
      lines.push(`const q${index}=new ${constructor}("${name}","${kind}","${hash}",null);`);
      index += 1;
    }
  }
  return lines.join('\n');
}
