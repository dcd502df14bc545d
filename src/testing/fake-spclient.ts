import type { Canvas } from '../models/canvas.js';
import type { Credits } from '../models/credits.js';
import type { Lyrics } from '../models/lyrics.js';
import type { Transcript } from '../models/transcript.js';
import type { UserProfile } from '../models/user-profile.js';
import { idOfGid } from '../spclient/metadata.js';
import { FAKE_TOKEN } from './embed-pages.js';
import { fakeIsrc } from './list-answers.js';
import { json, text, type FakeAnswer } from './fake-answer.js';
import type { FakeAuth } from './fake-auth.js';
import {
  lyricsAnswer,
  productStateAnswer,
  spclientCreditsAnswer,
  transcriptAnswer,
  userProfileAnswer,
} from './spclient-answers.js';

/**
 * The fake Spotify's account side (SPEC §10): what was added for it (lyrics, credits, Canvases,
 * transcripts, users, by id) and what spclient and `/api/server-time` answer.
 */
export class FakeSpclient {
  readonly lyrics = new Map<string, Lyrics>();
  readonly credits = new Map<string, Credits>();
  /** A track's Canvas; `null`: the track has none. */
  readonly canvases = new Map<string, Canvas | null>();
  readonly transcripts = new Map<string, Transcript>();
  readonly users = new Map<string, UserProfile>();
  /** A track's ISRC as set (`null`: it has none); an added track without one has one made from its id. */
  readonly isrcs = new Map<string, string | null>();
  readonly #auth: FakeAuth;
  readonly #isTrack: (id: string) => boolean;

  constructor(auth: FakeAuth, isTrack: (id: string) => boolean) {
    this.#auth = auth;
    this.#isTrack = isTrack;
  }

  /** `metadata/4/track/{gid}`, which the anonymous token may read: the track's gid, name-less, and its ISRC. */
  #trackMetadata(gid: string): FakeAnswer {
    const id = idOfGid(gid);
    if (!this.#isTrack(id)) return text(404, '');
    const isrc = this.isrcs.has(id) ? this.isrcs.get(id) : fakeIsrc(id);
    return json(200, { gid, external_id: isrc === null || isrc === undefined ? [] : [{ type: 'isrc', id: isrc }] });
  }

  /** `/api/server-time`, its Date header from the fake's clock (a client falls back to it). */
  serverTime(): FakeAnswer {
    const date = { date: this.#auth.serverDate?.() ?? new Date(this.#auth.now()).toUTCString() };
    const body = this.#auth.serverTimeBody();
    if (body) return json(200, body, date);
    const answer = this.#auth.serverTime === 'missing' ? text(404, 'Not Found') : text(500, 'Internal Server Error');
    return { ...answer, headers: { ...answer.headers, ...date } };
  }

  /** spclient: plain-text errors; an account token it minted, else 401 (none, expired) or 403 (anonymous). */
  spclient(url: URL, authorization: string | undefined): FakeAnswer {
    if (authorization === undefined) return text(401, 'No token provided');
    if (this.#auth.rbac) return text(403, 'rbac: access denied');
    // Fake ids may pass 2^128 (a gid of more than 32 digits): Spotify's never do.
    const metadata = /^\/metadata\/4\/track\/([0-9a-f]{32,40})$/.exec(url.pathname);
    if (metadata && (authorization === `Bearer ${FAKE_TOKEN}` || this.#auth.isAccountToken(authorization)))
      return this.#trackMetadata(metadata[1] as string);
    if (!this.#auth.isAccountToken(authorization))
      return authorization === `Bearer ${FAKE_TOKEN}` ? text(403, 'rbac: access denied') : text(401, 'Invalid token');
    const path = url.pathname;
    const found = (value: Record<string, unknown> | undefined): FakeAnswer =>
      value === undefined ? text(404, '') : json(200, value);
    let match: RegExpExecArray | null;
    if ((match = /^\/color-lyrics\/v2\/track\/([0-9A-Za-z]{22})$/.exec(path))) {
      const lyrics = this.lyrics.get(match[1] as string);
      return found(lyrics && lyricsAnswer(lyrics));
    }
    if ((match = /^\/track-credits-view\/v0\/experimental\/([0-9A-Za-z]{22})\/credits$/.exec(path))) {
      const credits = this.credits.get(match[1] as string);
      return found(credits && spclientCreditsAnswer(credits));
    }
    if ((match = /^\/transcript-read-along\/v2\/episode\/([0-9A-Za-z]{22})$/.exec(path))) {
      const transcript = this.transcripts.get(match[1] as string);
      return found(transcript && transcriptAnswer(transcript));
    }
    if ((match = /^\/user-profile-view\/v3\/profile\/([^/]+)$/.exec(path))) {
      const user = this.users.get(decodeURIComponent(match[1] as string));
      return found(user && userProfileAnswer(user));
    }
    if (path === '/melody/v1/product_state') return json(200, productStateAnswer(this.#auth.account));
    return text(404, '');
  }
}
