import type { AsyncSpotifyClient } from './library.js';
import { ValueGatherer } from '../client/value-gatherer.js';
import type { JobData } from './job-data.js';

/** How a crawl reads its tracks and episodes: whole, or as the summaries list requests carry (SPEC §11). */
export type CrawlDetail = 'full' | 'summary';

/** What one job gives: the entity to store, and the jobs its items become. */
export interface Fetched {
  uri: string;
  entity: unknown;
  children: JobData[];
}

/**
 * Fetches the entity of one job with a worker's client, and lists what it expands to: a playlist's
 * tracks and episodes, an album's tracks, an artist's releases (as albums that expand to their tracks),
 * a show's episodes. With `detail: 'summary'` tracks and episodes are gathered into list requests.
 */
export class JobFetcher {
  readonly #client: AsyncSpotifyClient;
  readonly #detail: CrawlDetail;
  readonly #tracks: ValueGatherer<unknown>;
  readonly #episodes: ValueGatherer<unknown>;

  constructor(client: AsyncSpotifyClient, detail: CrawlDetail) {
    this.#client = client;
    this.#detail = detail;
    // Jobs come one by one: a group goes at 100 values, or when none came for 20 ms.
    this.#tracks = new ValueGatherer<unknown>((ids, signal) => client.getTracks(ids, { detail, signal }), 100, 20);
    this.#episodes = new ValueGatherer<unknown>((ids, signal) => client.getEpisodes(ids, { detail, signal }), 100, 20);
  }

  async fetch({ type, id, expand }: JobData, signal: AbortSignal | undefined): Promise<Fetched> {
    const client = this.#client;
    const uri = `spotify:${type}:${id}`;
    const leaf = (entity: unknown): Fetched => ({ uri, entity, children: [] });
    switch (type) {
      case 'track':
        return leaf(
          this.#detail === 'summary' ? await this.#tracks.load(id, signal) : await client.getTrack(id, { signal }),
        );
      case 'episode':
        return leaf(
          this.#detail === 'summary' ? await this.#episodes.load(id, signal) : await client.getEpisode(id, { signal }),
        );
      case 'album': {
        const album = await client.getAlbum(id, { signal });
        return { uri, entity: album, children: expand ? album.tracks.map((track) => child('track', track.id)) : [] };
      }
      case 'playlist': {
        const playlist = await client.getPlaylist(id, { signal, maxTracks: Infinity });
        const children = expand
          ? playlist.tracks.map((item) => child(item.track.type === 'episode' ? 'episode' : 'track', item.track.id))
          : [];
        return { uri, entity: playlist, children };
      }
      case 'show': {
        const show = await client.getShow(id, { signal, maxEpisodes: Infinity });
        return {
          uri,
          entity: show,
          children: expand ? show.episodes.map((episode) => child('episode', episode.id)) : [],
        };
      }
      case 'artist': {
        const artist = await client.getArtist(id, { signal });
        if (!expand) return leaf(artist);
        const releases = await client.getArtistDiscography(id, { signal, maxReleases: Infinity });
        return {
          uri,
          entity: artist,
          children: releases.map((release) => ({ type: 'album', id: release.id, expand: true })),
        };
      }
    }
  }
}

function child(type: 'track' | 'episode', id: string): JobData {
  return { type, id, expand: false };
}
