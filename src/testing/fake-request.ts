/** How the fake Spotify reads what a client sent: headers, bodies and persisted queries (v1 and v2). */
import type { IncomingMessage } from 'node:http';

/** A persisted query as the pathfinder received it, from a v1 GET or a v2 POST. */
export interface Query {
  endpoint: 'v1' | 'v2';
  name: string | null;
  hash: string | null;
  variables: Record<string, unknown>;
}

export function headerOf(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A persisted query: v1 from the query string, v2 from the JSON body. */
export function readQuery(url: URL, body: string): Query | undefined {
  const parse = (text: string | null): unknown => {
    try {
      return text === null ? undefined : JSON.parse(text);
    } catch {
      return undefined;
    }
  };
  let source: { operationName?: unknown; variables?: unknown; extensions?: unknown } | undefined;
  let endpoint: 'v1' | 'v2';
  if (url.pathname === '/pathfinder/v1/query') {
    endpoint = 'v1';
    source = {
      operationName: url.searchParams.get('operationName'),
      variables: parse(url.searchParams.get('variables')),
      extensions: parse(url.searchParams.get('extensions')),
    };
  } else if (url.pathname === '/pathfinder/v2/query') {
    endpoint = 'v2';
    source = parse(body) as typeof source;
  } else {
    return undefined;
  }
  const hash = (source?.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery
    ?.sha256Hash;
  return {
    endpoint,
    name: typeof source?.operationName === 'string' ? source.operationName : null,
    hash: typeof hash === 'string' ? hash : null,
    variables:
      typeof source?.variables === 'object' && source.variables !== null
        ? (source.variables as Record<string, unknown>)
        : {},
  };
}
