import type { ServerResponse } from 'node:http';
import { AsyncSpotifyClient, type ClientOptions } from '../../src/index.js';
import { sendHtml, startLoopback, type Loopback, type SeenRequest } from './loopback.js';

export type Route = (request: SeenRequest, res: ServerResponse) => void | Promise<void>;

/** A loopback server answering embed paths from a table; anything else is a 404 page. */
export async function startFakeSpotify(pages: Record<string, string | Route>): Promise<Loopback> {
  return startLoopback(async (request, res) => {
    const page = pages[request.path];
    if (typeof page === 'function') return page(request, res);
    if (page === undefined) return sendHtml(res, 'not here', 404);
    return sendHtml(res, page);
  });
}

/** A client wired to a loopback server, with no rate limit and no retries unless asked. */
export function clientFor(server: Loopback, options: ClientOptions = {}): AsyncSpotifyClient {
  return new AsyncSpotifyClient({
    dispatcher: server.dispatcher,
    rateLimit: false,
    retry: false,
    partnerApi: false,
    ...options,
  });
}
