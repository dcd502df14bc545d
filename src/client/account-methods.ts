import type { Account, Canvas, Credits, Lyrics, Transcript, UserProfile } from '../models/index.js';
import * as account from './account.js';
import type { BatchResult } from './batch.js';
import { OPTION_NAMES, type BatchOptions, type CallOptions, type SignalOptions } from './call-options.js';
import { stateOf } from './core.js';
import { DiscoveryMethods } from './discovery-methods.js';

/** The account features of the `cookies` option (SPEC §10), and the batch helpers of the extras. */
export class AccountMethods extends DiscoveryMethods {
  /**
   * A track's lyrics, with their timing when Spotify syncs them (needs `cookies`; a free account gets a
   * short unsynced preview, `preview: true`). `toLrc` writes them as LRC.
   * @throws {AuthenticationError} no `cookies` (before any request), a rejected cookie, stale TOTP secrets
   * @throws {NotFoundError} Spotify has no lyrics for the track
   */
  getLyrics(trackValue: string, options?: CallOptions): Promise<Lyrics> {
    return stateOf(this).calls.run('getLyrics', OPTION_NAMES.call, options, (o, signal) =>
      account.getLyrics(stateOf(this).context, trackValue, { ...o, signal }),
    );
  }

  /**
   * A podcast episode's transcript: chapter titles, sentences and fallbacks ("[Music]"), each with its
   * start (needs `cookies`).
   * @throws {AuthenticationError} no `cookies` (before any request), a rejected cookie, stale TOTP secrets
   * @throws {NotFoundError} the episode has no transcript
   */
  getTranscript(episodeValue: string, options?: CallOptions): Promise<Transcript> {
    return stateOf(this).calls.run('getTranscript', OPTION_NAMES.call, options, (o, signal) =>
      account.getTranscript(stateOf(this).context, episodeValue, { ...o, signal }),
    );
  }

  /**
   * A user's public profile: name, picture, followers and public playlists (needs `cookies`).
   * @param userValue `spotify:user:<id>`, `https://open.spotify.com/user/<id>` or a bare user id (`spotify`, `smedjan`)
   * @throws {AuthenticationError} no `cookies` (before any request), a rejected cookie, stale TOTP secrets
   * @throws {NotFoundError} Spotify has no such user
   */
  getUser(userValue: string, options?: CallOptions): Promise<UserProfile> {
    return stateOf(this).calls.run('getUser', OPTION_NAMES.call, options, (o, signal) =>
      account.getUser(stateOf(this).context, userValue, { ...o, signal }),
    );
  }

  /**
   * The state of the cookie's account: product (premium, free, …), country, ads. Never cached.
   * @throws {AuthenticationError} no `cookies` (before any request), a rejected cookie, stale TOTP secrets
   */
  getAccount(options?: SignalOptions): Promise<Account> {
    return stateOf(this).calls.run('getAccount', OPTION_NAMES.signal, options, (o, signal) =>
      account.getAccount(stateOf(this).context, { ...o, signal }),
    );
  }

  /** Lyrics for many tracks, as `getTracks`. */
  getLyricsMany(values: readonly string[], options?: BatchOptions): Promise<Array<BatchResult<Lyrics>>> {
    return stateOf(this).calls.batch('getLyricsMany', OPTION_NAMES.batch, values, options, (v, o) =>
      this.getLyrics(v, o),
    );
  }

  /** Credits for many tracks, as `getTracks`. */
  getCreditsMany(values: readonly string[], options?: BatchOptions): Promise<Array<BatchResult<Credits>>> {
    return stateOf(this).calls.batch('getCreditsMany', OPTION_NAMES.batch, values, options, (v, o) =>
      this.getCredits(v, o),
    );
  }

  /** Canvases for many tracks (null for a track without one), as `getTracks`. */
  getCanvasMany(values: readonly string[], options?: BatchOptions): Promise<Array<BatchResult<Canvas | null>>> {
    return stateOf(this).calls.batch('getCanvasMany', OPTION_NAMES.batch, values, options, (v, o) =>
      this.getCanvas(v, o),
    );
  }

  /** Transcripts for many episodes, as `getTracks`. */
  getTranscriptMany(values: readonly string[], options?: BatchOptions): Promise<Array<BatchResult<Transcript>>> {
    return stateOf(this).calls.batch('getTranscriptMany', OPTION_NAMES.batch, values, options, (v, o) =>
      this.getTranscript(v, o),
    );
  }

  /** Profiles for many users, as `getTracks`. */
  getUserMany(values: readonly string[], options?: BatchOptions): Promise<Array<BatchResult<UserProfile>>> {
    return stateOf(this).calls.batch('getUserMany', OPTION_NAMES.batch, values, options, (v, o) => this.getUser(v, o));
  }
}
