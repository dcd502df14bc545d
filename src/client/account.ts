import { AuthenticationError, NotFoundError, ParseError } from '../errors.js';
import { authorizedRequest } from '../http/authorized.js';
import { readText } from '../http/transport.js';
import { parseUserValue } from '../input.js';
import { AccountSchema, type Account } from '../models/account.js';
import { LyricsSchema, type Lyrics } from '../models/lyrics.js';
import { TranscriptSchema, type Transcript } from '../models/transcript.js';
import { UserProfileSchema, type UserProfile } from '../models/user-profile.js';
import { validateModel } from '../parse/validate.js';
import type { AccountToken } from '../spclient/account-token.js';
import { SPCLIENT, SPCLIENT_FAMILY } from '../spclient/family.js';
import { readAccount, readLyrics, readTranscript, readUserProfile } from '../spclient/readers.js';
import type { CallOptions, SignalOptions } from './call-options.js';
import type { ClientContext } from './context.js';
import { resolveId } from './short-link.js';

/** The account features (SPEC §10): spclient with the account token, one function per client method. */

/** The account token, or the error of a client without cookies (before any request). */
export function accountToken(context: ClientContext, method: string): AccountToken {
  if (context.accountToken) return context.accountToken;
  throw new AuthenticationError(
    `${method} needs a Spotify account: give the sp_dc cookie with the cookies option (the value, { sp_dc } or { file: 'cookies.txt' })`,
  );
}

/** One GET of spclient with the account token (a 401 re-exchanges once); its JSON. */
export async function spclient(
  context: ClientContext,
  tokens: AccountToken,
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

export async function getLyrics(context: ClientContext, value: string, options: CallOptions): Promise<Lyrics> {
  const tokens = accountToken(context, 'getLyrics');
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

export async function getTranscript(context: ClientContext, value: string, options: CallOptions): Promise<Transcript> {
  const tokens = accountToken(context, 'getTranscript');
  const id = await resolveId(context.http, 'episode', value, options.signal);
  return context.remember(['transcript', id], TranscriptSchema, options, async (signal) => {
    const json = await spclient(context, tokens, `/transcript-read-along/v2/episode/${id}?format=json`, signal);
    const transcript = validateModel(TranscriptSchema, readTranscript(json, id), 'spclient transcript-read-along');
    if (!transcript.cues.some((cue) => cue.kind === 'sentence'))
      throw new NotFoundError(`Episode ${id} has no transcript (spclient answered no sentence)`, { status: 404 });
    return transcript;
  });
}

export async function getUser(context: ClientContext, value: string, options: CallOptions): Promise<UserProfile> {
  const tokens = accountToken(context, 'getUser');
  const id = parseUserValue(value);
  return context.remember(['user', id], UserProfileSchema, options, async (signal) => {
    const path = `/user-profile-view/v3/profile/${encodeURIComponent(id)}?playlist_limit=10&artist_limit=10&episode_limit=0`;
    const json = await spclient(context, tokens, path, signal);
    return validateModel(UserProfileSchema, readUserProfile(json, id), 'spclient user-profile-view');
  });
}

/** The account's state: never cached (it is about the cookie, and it changes). */
export async function getAccount(context: ClientContext, options: SignalOptions): Promise<Account> {
  const tokens = accountToken(context, 'getAccount');
  const json = await spclient(context, tokens, '/melody/v1/product_state', options.signal);
  return validateModel(AccountSchema, readAccount(json), 'spclient product_state');
}
