import { AuthenticationError, HttpError, NotFoundError, ParseError, SpotifyScraperError } from '../errors.js';
import { authorizedRequest } from '../http/authorized.js';
import { readText } from '../http/transport.js';
import { parseUserValue } from '../input.js';
import { AccountSchema, type Account } from '../models/account.js';
import { CanvasSchema, type Canvas } from '../models/canvas.js';
import { CreditsSchema, type Credits } from '../models/credits.js';
import { entityUri } from '../models/entities.js';
import { LyricsSchema, type Lyrics } from '../models/lyrics.js';
import { TranscriptSchema, type Transcript } from '../models/transcript.js';
import { UserProfileSchema, type UserProfile } from '../models/user-profile.js';
import { validateModel } from '../parse/validate.js';
import { readCanvas } from '../partner/canvas.js';
import { readPartnerCredits } from '../partner/credits.js';
import { runQuery } from '../partner/query.js';
import type { AccountTokens } from '../spclient/account-token.js';
import { SPCLIENT, SPCLIENT_FAMILY } from '../spclient/family.js';
import { readAccount, readLyrics, readSpclientCredits, readTranscript, readUserProfile } from '../spclient/readers.js';
import type { z } from 'zod';
import type { CallOptions, SignalOptions } from './call-options.js';
import { queryContext, type LoaderContext } from './context.js';
import { resolveId } from './short-link.js';

/** The account features and the keyless extras (SPEC §10), one function per client method. */

/** The account token, or the error of a client without cookies (before any request). */
function accountTokens(context: LoaderContext, method: string): AccountTokens {
  if (context.accountTokens) return context.accountTokens;
  throw new AuthenticationError(
    `${method} needs a Spotify account: give the sp_dc cookie with the cookies option (the value, { sp_dc } or { file: 'cookies.txt' })`,
  );
}

/** One GET of spclient with the account token (a 401 re-exchanges once); its JSON. */
async function spclient(
  context: LoaderContext,
  tokens: AccountTokens,
  path: string,
  signal: AbortSignal | undefined,
): Promise<unknown> {
  const url = `${SPCLIENT}${path}`;
  const { value } = await authorizedRequest(context.http, SPCLIENT_FAMILY, tokens, {
    url,
    signal,
    consume: (response) => readText(response, context.options.maxPageBytes),
  });
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw new ParseError(`spclient answered ${url.split('?')[0]} with something that is not JSON`, { url });
  }
}

export async function getLyrics(context: LoaderContext, value: string, options: CallOptions): Promise<Lyrics> {
  const tokens = accountTokens(context, 'getLyrics');
  const id = await resolveId(context.http, 'track', value, options.signal);
  return context.remember(['lyrics', id], LyricsSchema, options, async (signal) => {
    const json = await spclient(
      context,
      tokens,
      `/color-lyrics/v2/track/${id}?format=json&vocalRemoval=false&market=from_token`,
      signal,
    );
    return validateModel(LyricsSchema, readLyrics(json, id), 'spclient color-lyrics');
  });
}

export async function getTranscript(context: LoaderContext, value: string, options: CallOptions): Promise<Transcript> {
  const tokens = accountTokens(context, 'getTranscript');
  const id = await resolveId(context.http, 'episode', value, options.signal);
  return context.remember(['transcript', id], TranscriptSchema, options, async (signal) => {
    const json = await spclient(context, tokens, `/transcript-read-along/v2/episode/${id}?format=json`, signal);
    const transcript = validateModel(TranscriptSchema, readTranscript(json, id), 'spclient transcript-read-along');
    if (!transcript.cues.some((cue) => cue.kind === 'sentence'))
      throw new NotFoundError(`Episode ${id} has no transcript (spclient answered no sentence)`, { status: 404 });
    return transcript;
  });
}

export async function getUser(context: LoaderContext, value: string, options: CallOptions): Promise<UserProfile> {
  const tokens = accountTokens(context, 'getUser');
  const id = parseUserValue(value);
  return context.remember(['user', id], UserProfileSchema, options, async (signal) => {
    const path = `/user-profile-view/v3/profile/${encodeURIComponent(id)}?playlist_limit=10&artist_limit=10&episode_limit=0`;
    const json = await spclient(context, tokens, path, signal);
    return validateModel(UserProfileSchema, readUserProfile(json, id), 'spclient user-profile-view');
  });
}

/** The account's state: never cached (it is about the cookie, and it changes). */
export async function getAccount(context: LoaderContext, options: SignalOptions): Promise<Account> {
  const tokens = accountTokens(context, 'getAccount');
  const json = await spclient(context, tokens, '/melody/v1/product_state', options.signal);
  return validateModel(AccountSchema, readAccount(json), 'spclient product_state');
}

/**
 * Credits: keyless first (the partner API's grouped credits, then the older operation), and spclient
 * with the account token only when those fail and the client has cookies.
 */
export async function getCredits(context: LoaderContext, value: string, options: CallOptions): Promise<Credits> {
  const id = await resolveId(context.http, 'track', value, options.signal);
  return context.remember(['credits', id], CreditsSchema, options, async (signal) => {
    const query = queryContext(context, signal);
    const variables = { trackUri: entityUri('track', id), contributorsLimit: 100, contributorsOffset: 0 };
    let failure: unknown;
    for (const kind of ['credits', 'creditsModal'] as const) {
      try {
        const credits = readPartnerCredits(await runQuery(query, kind, variables), id);
        if (credits.roles.length > 0) return validateModel(CreditsSchema, credits, `the partner API's ${kind} answer`);
        failure ??= new ParseError(`The partner API's ${kind} answer lists no credits for track ${id}`);
      } catch (error) {
        if (signal?.aborted || error instanceof NotFoundError) throw error;
        failure ??= error;
      }
    }
    if (!context.accountTokens) throw failure;
    context.options.onWarning?.(
      `Credits of track ${id} from the partner API failed (${messageOf(failure)}); asking spclient with the account token`,
    );
    const json = await spclient(
      context,
      context.accountTokens,
      `/track-credits-view/v0/experimental/${id}/credits`,
      signal,
    );
    return validateModel(CreditsSchema, readSpclientCredits(json, id), 'spclient track-credits-view');
  });
}

const NullableCanvas = CanvasSchema.nullable();

/** The Canvas, or null when the track has none; the account token when the client has cookies, else the anonymous one. */
export async function getCanvas(context: LoaderContext, value: string, options: CallOptions): Promise<Canvas | null> {
  const id = await resolveId(context.http, 'track', value, options.signal);
  return context.remember(['canvas', id], NullableCanvas as z.ZodType<Canvas | null>, options, async (signal) => {
    const query = queryContext(context, signal, undefined, context.accountTokens ?? context.tokens);
    try {
      const root = await runQuery(query, 'canvas', { trackUri: entityUri('track', id) });
      return validateModel(NullableCanvas, readCanvas(root, id), "the partner API's canvas answer") as Canvas | null;
    } catch (error) {
      if (!context.accountTokens && error instanceof HttpError && (error.status === 401 || error.status === 403))
        throw new AuthenticationError(
          `The partner API refused the anonymous token for Canvas (HTTP ${error.status}): give the sp_dc cookie with the cookies option`,
          { status: error.status, cause: error },
        );
      throw error;
    }
  });
}

function messageOf(error: unknown): string {
  return error instanceof SpotifyScraperError || error instanceof Error ? error.message : String(error);
}
