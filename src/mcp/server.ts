import type { McpServer as McpServerType } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { AsyncSpotifyClient } from '../client.js';
import { InvalidInputError, SpotifyScraperError } from '../errors.js';
import { isEntityType } from '../models/entities.js';
import { clip } from '../redact.js';
import { loadMcpSdk } from './load-sdk.js';
import { TOOLS, type ToolSpec } from './tools.js';

/** What the server offers besides the keyless tools. */
export interface McpServerOptions {
  /** The folder `download_cover` / `download_preview` write into; without it they are not offered. */
  downloads?: string | undefined;
  /** Whether the client has an account cookie: the account tools are offered only then. */
  account: boolean;
  version: string;
}

/** The tools the server offers with these options. */
export function offeredTools(options: McpServerOptions): ToolSpec[] {
  return TOOLS.filter(
    (tool) =>
      tool.needs === undefined ||
      (tool.needs === 'downloads' && options.downloads !== undefined) ||
      (tool.needs === 'account' && options.account),
  );
}

/**
 * An MCP server over one client (SPEC §13): a tool per public getter and discovery method (and the
 * batch helpers, downloads and account tools when they apply), and the resource template
 * `spotify://{type}/{id}`. Every tool answers structured content and a short text; a failure is a
 * tool error with the error's code and message, never a crash of the server.
 */
export async function createMcpServer(client: AsyncSpotifyClient, options: McpServerOptions): Promise<McpServerType> {
  const { McpServer, ResourceTemplate } = await loadMcpSdk();
  const server = new McpServer(
    { name: 'spotify-scraper', version: options.version },
    { instructions: 'Public Spotify metadata without an API key. Values are URLs, spotify: URIs or ids.' },
  );
  for (const tool of offeredTools(options)) {
    server.registerTool(tool.name, { description: tool.description, inputSchema: tool.input }, (async (
      args: Record<string, unknown>,
      extra: { signal: AbortSignal },
    ) => {
      try {
        const result = await tool.run(client, args ?? {}, { signal: extra.signal, downloads: options.downloads });
        return {
          content: [{ type: 'text' as const, text: summary(tool.name, result, args ?? {}) }],
          structuredContent: structured(result),
        };
      } catch (error) {
        return failure(error);
      }
    }) as never);
  }
  server.registerResource(
    'entity',
    new ResourceTemplate('spotify://{type}/{id}', { list: undefined }),
    {
      description:
        'A Spotify entity as JSON: spotify://track/ID, spotify://album/ID, … (artist, playlist, episode, show)',
      mimeType: 'application/json',
    },
    async (uri, variables) => {
      const type = String(variables['type']);
      if (!isEntityType(type))
        throw new InvalidInputError(`Unknown entity type ${JSON.stringify(clip(type, 20))} in ${clip(uri.href, 80)}`);
      const entity = await client.get(type, String(variables['id']));
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(entity) }] };
    },
  );
  return server;
}

/** Structured content is an object: a list is `{ items }`, a batch `{ results }`, nothing `{ result: null }`. */
function structured(result: unknown): Record<string, unknown> {
  if (Array.isArray(result)) {
    const isBatch = result.every(
      (entry) => typeof entry === 'object' && entry !== null && 'ok' in entry && 'value' in entry,
    );
    if (isBatch && result.length > 0)
      return {
        results: result.map((entry: { ok: boolean; error?: unknown }) =>
          entry.ok ? entry : { ...entry, error: errorOf(entry.error) },
        ),
      };
    return { items: result };
  }
  if (result === null || typeof result !== 'object') return { result: result ?? null };
  return result as Record<string, unknown>;
}

function errorOf(error: unknown): { name: string; code: string; message: string } {
  if (error instanceof SpotifyScraperError) return { name: error.name, code: error.code, message: error.message };
  return { name: 'Error', code: 'ERR_SPOTIFY_SCRAPER', message: clip(String(error), 300) };
}

function failure(error: unknown) {
  const { name, code, message } = errorOf(error);
  return {
    isError: true,
    content: [{ type: 'text' as const, text: `${code}: ${message}` }],
    structuredContent: { error: { name, code, message } },
  };
}

/** A line a person (or a model) reads first: what came back, and how it was cut. */
function summary(tool: string, result: unknown, args: Record<string, unknown>): string {
  if (Array.isArray(result)) {
    const failed = result.filter((entry) => (entry as { ok?: boolean }).ok === false).length;
    return `${tool}: ${result.length} ${result.length === 1 ? 'entry' : 'entries'}${failed > 0 ? ` (${failed} failed)` : ''}`;
  }
  if (result === null || typeof result !== 'object') return `${tool}: ${JSON.stringify(result)}`;
  const entity = result as {
    type?: string;
    name?: string;
    id?: string;
    tracks?: unknown[];
    totalTracks?: number | null;
    episodes?: unknown[];
    totalEpisodes?: number | null;
    path?: string;
  };
  if (entity.path) return `${tool}: wrote ${entity.path}`;
  const head = entity.type && entity.name ? `${entity.type} "${clip(entity.name, 80)}" (${entity.id})` : tool;
  const cut = (shown: number, total: number | null | undefined, option: string, fallback: number) =>
    total !== null && total !== undefined && shown < total
      ? `: ${shown} of ${total} items (${option} ${num(args[option]) ?? fallback}; pass a larger ${option} for more)`
      : '';
  if (entity.tracks && entity.type === 'playlist')
    return head + cut(entity.tracks.length, entity.totalTracks, 'maxTracks', 100);
  if (entity.episodes && entity.type === 'show')
    return head + cut(entity.episodes.length, entity.totalEpisodes, 'maxEpisodes', 50);
  return head;
}

const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
