import { InvalidInputError } from '../errors.js';

/** What the MCP server needs installed beside the library. */
export const MCP_INSTALL = 'npm install @modelcontextprotocol/sdk@1';

/** The parts of the MCP SDK the server uses, loaded by the first server (an optional peer dependency). */
export async function loadMcpSdk() {
  try {
    const [mcp, stdio, http] = await Promise.all([
      import('@modelcontextprotocol/sdk/server/mcp.js'),
      import('@modelcontextprotocol/sdk/server/stdio.js'),
      import('@modelcontextprotocol/sdk/server/streamableHttp.js'),
    ]);
    return {
      McpServer: mcp.McpServer,
      ResourceTemplate: mcp.ResourceTemplate,
      StdioServerTransport: stdio.StdioServerTransport,
      StreamableHTTPServerTransport: http.StreamableHTTPServerTransport,
    };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') throw error;
    throw new InvalidInputError(
      `spotify-scraper mcp needs the package @modelcontextprotocol/sdk, which is not installed: ${MCP_INSTALL}`,
    );
  }
}
