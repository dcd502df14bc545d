/**
 * The list operations' readers (SPEC §11) over ../shared/fixtures/batch (when that folder exists).
 * Values are asserted only from the real capture; shape and trimmed files are read for their paths:
 * the reader finds each field where the file puts it, whatever made-up value is there.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EpisodeSummarySchema, TrackSummarySchema } from '../src/index.js';
import { OPERATIONS } from '../src/partner/operations.js';
import type { Raw } from '../src/parse/raw.js';

const FOLDER = join(import.meta.dirname, '..', '..', 'shared', 'fixtures', 'batch');
const present = existsSync(FOLDER);
if (!present) console.warn(`conformance (batch): skipped, ${FOLDER} is absent`);

type Json = Record<string, any>;

function fixture(name: string): { uris: string[]; data: Json } {
  const file = JSON.parse(readFileSync(join(FOLDER, name), 'utf8')) as Json;
  const body = file['response']?.body ?? file['response'];
  return { uris: file['request']?.body?.variables?.uris ?? file['request']?.variables?.uris ?? [], data: body.data };
}

/** `data.<root>` as the client hands it to a row's reader (a list root as `{ items }`). */
function rootOf(data: Json, root: string): Raw {
  const value = data[root];
  return Array.isArray(value) ? { items: value } : value;
}

/** A shape file's `<id>` placeholders as ids, so that its paths can be read (its other values stay made up). */
function withIds(text: string): string {
  let n = 0;
  return text.replace(/<id>/g, () => `Shape${String((n += 1)).padStart(17, '0')}`);
}

/** Files of the folder that the library does not read, and why. */
const NOT_READ: Readonly<Record<string, string>> = {
  'areEntitiesInLibrary.trimmed.swift-test.json': 'library state of an account: not a catalogue operation',
  'feedBaselineLookup.shape.json': 'the home feed: not a catalogue operation',
  'fetchEntitiesForRecentlyPlayed.shape.json': "an account's recently played",
  'lookupChildEntities.shape.json': 'visual identity traits only',
  'queryTrackArtists.shape.json': "one track's artists: decorateContextTracks carries them for 50",
};

describe.skipIf(!present)('conformance with the list operations (batch/*.json)', () => {
  const READ = [
    'decorateContextTracks.real.2026-01-27.json',
    'decorateContextTracks.shape.pithaya-type.json',
    'decorateContextTracks.trimmed.flutify-test.json',
    'decorateContextEpisodesOrChapters.shape.json',
    'trackPreview.shape.spicetify-2026-07-22.json',
    'trackPreview.trimmed.hosted-scraper-test.json',
  ];

  it('every file of the folder is read here, or listed with why the library does not read it', () => {
    const files = present ? readdirSync(FOLDER).filter((name) => name.endsWith('.json')) : [];
    expect(files.filter((name) => !READ.includes(name) && !(name in NOT_READ))).toEqual([]);
  });

  it('decorateContextTracks, the real answer: every asked track as a valid summary, values as Spotify sent them', () => {
    const { uris, data } = fixture('decorateContextTracks.real.2026-01-27.json');
    const raw = data['tracks'] as Json[];
    expect(uris).toHaveLength(3);
    const read = OPERATIONS.decorateTracks.read(rootOf(data, 'tracks'), { uris });
    expect([...read.keys()]).toEqual(uris);
    for (const entry of raw) {
      const summary = read.get(entry['uri'])!;
      expect(() => TrackSummarySchema.parse(summary)).not.toThrow();
      expect(summary).toMatchObject({
        uri: entry['uri'],
        name: entry['name'],
        durationMs: entry['duration'].totalMilliseconds,
        playable: entry['playability'].playable,
        // The real answer carries no content rating and no preview.
        explicit: null,
        previewUrl: null,
        album: { uri: entry['albumOfTrack'].uri, name: entry['albumOfTrack'].name },
      });
      expect(summary.artists.map((artist) => [artist.uri, artist.name])).toEqual(
        entry['artists'].items.map((artist: Json) => [artist['uri'], artist['profile'].name]),
      );
      expect(summary.images.map((image) => image.url).sort()).toEqual(
        entry['albumOfTrack'].coverArt.sources.map((source: Json) => source['url']).sort(),
      );
    }
    expect(read.get('spotify:track:655RseUuyYprKIoC0mrNSF')).toMatchObject({
      name: 'Cyanide Sisters',
      durationMs: 183_609,
      artists: [{ name: 'Com Truise' }],
    });
  });

  it('decorateContextTracks, matched by uri: the real answer reversed reads the same; an entry not asked for is left out', () => {
    const { uris, data } = fixture('decorateContextTracks.real.2026-01-27.json');
    const reversed = { tracks: [...(data['tracks'] as Json[])].reverse() };
    const read = OPERATIONS.decorateTracks.read(rootOf(reversed, 'tracks'), { uris });
    expect(read).toEqual(OPERATIONS.decorateTracks.read(rootOf(data, 'tracks'), { uris }));
    const fewer = OPERATIONS.decorateTracks.read(rootOf(data, 'tracks'), { uris: uris.slice(1) });
    expect([...fewer.keys()]).toEqual(uris.slice(1));
  });

  it('decorateContextTracks, the shape and the trimmed stub: paths read, nulls and malformed uris left to fall back', () => {
    const shape = JSON.parse(
      withIds(readFileSync(join(FOLDER, 'decorateContextTracks.shape.pithaya-type.json'), 'utf8')),
    );
    const entry = (shape.response.body ?? shape.response).data.tracks[0];
    const read = OPERATIONS.decorateTracks.read(rootOf((shape.response.body ?? shape.response).data, 'tracks'), {
      uris: [entry.uri],
    });
    expect(read.get(entry.uri)).toMatchObject({
      name: entry.name,
      album: { uri: entry.albumOfTrack.uri, name: entry.albumOfTrack.name },
      artists: [{ uri: entry.artists.items[0].uri, name: entry.artists.items[0].profile.name }],
      explicit: entry.contentRating.label === 'EXPLICIT',
    });
    // The stub's uris (`spotify:track:t1`) are not Spotify ids and one entry is null: nothing is a result.
    const stub = fixture('decorateContextTracks.trimmed.flutify-test.json');
    const uris = (stub.data['tracks'] as Array<Json | null>).flatMap((track) => (track ? [track['uri']] : []));
    expect(OPERATIONS.decorateTracks.read(rootOf(stub.data, 'tracks'), { uris }).size).toBe(0);
  });

  it('decorateContextEpisodesOrChapters, the shape: name and show read from where it puts them', () => {
    const shape = JSON.parse(
      withIds(readFileSync(join(FOLDER, 'decorateContextEpisodesOrChapters.shape.json'), 'utf8')),
    );
    const entry = (shape.response.body ?? shape.response).data.episodes[0];
    const read = OPERATIONS.decorateEpisodes.read(rootOf((shape.response.body ?? shape.response).data, 'episodes'), {
      uris: [entry.uri],
    });
    const summary = read.get(entry.uri);
    expect(summary).toMatchObject({
      name: entry.name,
      show: { uri: entry.podcastV2.data.uri, publisher: entry.podcastV2.data.publisher.name },
    });
    expect(() => EpisodeSummarySchema.parse(summary)).not.toThrow();
  });

  it('trackPreview: an entry that names its uri, and one aligned with the input; only preview-host URLs', () => {
    const trimmed = fixture('trackPreview.trimmed.hosted-scraper-test.json');
    const named = OPERATIONS.trackPreview.read(rootOf(trimmed.data, 'lookup'), { uris: trimmed.uris });
    // Its URL is a placeholder (`…/mp3-preview/abc`), not a preview: read from its path, refused as a URL.
    expect([...named]).toEqual([[trimmed.uris[0], null]]);
    const shape = fixture('trackPreview.shape.spicetify-2026-07-22.json');
    const asked = shape.uris.length > 0 ? shape.uris : ['spotify:track:4iV5W9uYEdYUVa79Axb7Rh'];
    const aligned = OPERATIONS.trackPreview.read(rootOf(shape.data, 'lookup'), { uris: asked });
    expect(aligned.get(asked[0]!)).toBe(shape.data['lookup'][0].data.previews.audioPreviewsV2.items[0].url);
    // A list longer than the input: the extra entries are ignored.
    const longer = OPERATIONS.trackPreview.read(
      rootOf({ lookup: [...shape.data['lookup'], ...shape.data['lookup']] }, 'lookup'),
      { uris: asked.slice(0, 1) },
    );
    expect(longer.size).toBe(1);
  });
});

it.runIf(!present)('says it skipped the batch conformance', () => {
  console.warn('conformance (batch): SKIPPED — ../shared/fixtures is not beside the checkout');
});
