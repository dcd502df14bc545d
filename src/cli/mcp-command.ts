import { InvalidInputError } from '../errors.js';
import type { CommandSpec } from './command-spec.js';
import { wholeNumber } from './client-options.js';
import { EXIT } from './messages.js';

/**
 * `spotify-scraper mcp`: the library as an MCP server (SPEC §13) over stdio, or Streamable HTTP with
 * `--http` (127.0.0.1 unless told, and then only with `--token`). One client serves every tool call
 * of every session: its rate limit holds across all of them.
 */
export const mcpCommand: CommandSpec = {
  name: 'mcp',
  args: '',
  summary:
    'serve the library to assistants over MCP (stdio; --http for Streamable HTTP); needs @modelcontextprotocol/sdk',
  input: 'none',
  account: 'optional',
  uses: ['network', 'pace', 'retries', 'cache', 'fleet'],
  options: (command) =>
    command
      .option('--http', 'serve Streamable HTTP at http://HOST:PORT/mcp instead of stdio')
      .option('--host <address>', 'with --http: the address to listen on (default 127.0.0.1; another needs --token)')
      .option('--port <n>', 'with --http: the port (default a free one, printed on stderr)')
      .option('--token <token>', 'with --http: a bearer token every request must carry')
      .option('--downloads <dir>', 'offer download_cover and download_preview, writing only into this folder'),
  prepare: (flags) => {
    if (
      flags['http'] !== true &&
      (flags['host'] !== undefined || flags['port'] !== undefined || flags['token'] !== undefined)
    )
      throw new InvalidInputError('mcp takes --host, --port and --token only with --http');
    if (flags['port'] !== undefined) wholeNumber('--port', String(flags['port']), 0);
    return () => Promise.resolve(undefined);
  },
  whole: async (run) => {
    const { createMcpServer } = await import('../mcp/server.js');
    const { loadMcpSdk } = await import('../mcp/load-sdk.js');
    const { StdioServerTransport } = await loadMcpSdk();
    const { AsyncSpotifyClient } = await import('../index.js');
    const downloads = run.flags['downloads'] as string | undefined;
    await using client = new AsyncSpotifyClient(run.options);
    const serverOptions = { downloads, account: run.options.cookies !== undefined, version: run.version };
    const stopped = new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    if (run.flags['http'] === true) {
      const { serveMcpHttp } = await import('../mcp/http.js');
      const http = await serveMcpHttp({
        host: run.flags['host'] as string | undefined,
        port: run.flags['port'] === undefined ? undefined : Number(run.flags['port']),
        token: run.flags['token'] as string | undefined,
        build: () => createMcpServer(client, serverOptions),
      });
      run.io.stderr.write(`spotify-scraper mcp: Streamable HTTP at ${http.url}; Ctrl-C stops it.\n`);
      await stopped;
      await http.close();
      return EXIT.ok;
    }
    const server = await createMcpServer(client, serverOptions);
    const transport = new StdioServerTransport(run.stdin as never, run.io.stdout as never);
    const closed = new Promise<void>((resolve) => (transport.onclose = resolve));
    run.stdin.once('end', () => void server.close());
    await server.connect(transport);
    await Promise.race([closed, stopped]);
    await server.close();
    return EXIT.ok;
  },
};
