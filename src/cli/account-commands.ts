import { Option } from 'commander';
import type { Lyrics, Transcript } from '../index.js';
import { CHARTS } from '../client/charts.js';
import { NotFoundError } from '../errors.js';
import { toLrc } from '../spclient/lrc.js';
import type { CommandSpec } from './command-spec.js';
import { limitFlag } from './client-options.js';
import { FETCH_MANY, PARTNER_MANY } from './option-groups.js';
import { TextOutput } from './output.js';

/**
 * The commands of SPEC §10. The cookie comes from `--cookies FILE` or the SPOTIFY_SP_DC environment
 * variable, never from a flag's value (it would land in the shell's history).
 */

const format = (formats: string[]) =>
  new Option('--format <format>', `what to print: ${formats.join(', ')}`).choices(formats).default('json');

/** `[mm:ss]` of ms. */
function clock(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return `[${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}]`;
}

function lyricsText(lyrics: Lyrics): string {
  return lyrics.lines.map((line) => line.text).join('\n');
}

/** A transcript as text: a title on its own line after a blank one, each sentence with its start. */
function transcriptText(transcript: Transcript): string {
  return transcript.cues
    .map((cue) => (cue.kind === 'title' ? `\n${cue.text}` : `${clock(cue.startMs)} ${cue.text}`))
    .join('\n')
    .trimStart();
}

const lyrics: CommandSpec = {
  name: 'lyrics',
  args: '[tracks...]',
  summary: 'print the lyrics of each track (needs an account cookie): JSON, LRC or plain text',
  input: 'values',
  account: 'required',
  uses: PARTNER_MANY,
  options: (command) => command.addOption(format(['json', 'lrc', 'text'])),
  prepare: (flags) => {
    const chosen = String(flags['format'] ?? 'json');
    return async (client, value, signal) => {
      if (chosen === 'json') return client.getLyrics(value, { signal });
      if (chosen === 'text') return new TextOutput(lyricsText(await client.getLyrics(value, { signal })));
      // LRC names the song in its header: the track's title, artists and album (when it can be had).
      const [found, track] = await Promise.all([
        client.getLyrics(value, { signal }),
        client.getTrack(value, { signal }).catch(() => undefined),
      ]);
      return new TextOutput(
        toLrc(found, {
          title: track?.name,
          artist: track?.artists.map((artist) => artist.name).join(', '),
          album: track?.album?.name,
        }).trimEnd(),
      );
    };
  },
};

const transcript: CommandSpec = {
  name: 'transcript',
  args: '[episodes...]',
  summary: 'print the transcript of each podcast episode (needs an account cookie): JSON or text',
  input: 'values',
  account: 'required',
  uses: PARTNER_MANY,
  options: (command) => command.addOption(format(['json', 'text'])),
  prepare: (flags) => {
    const text = flags['format'] === 'text';
    return async (client, value, signal) => {
      const found = await client.getTranscript(value, { signal });
      return text ? new TextOutput(transcriptText(found)) : found;
    };
  },
};

const canvas: CommandSpec = {
  name: 'canvas',
  args: '[tracks...]',
  summary: 'print the Canvas (looping video) of each track, or null; --download saves the mp4 and prints {"path"}',
  input: 'values',
  account: 'optional',
  uses: PARTNER_MANY,
  options: (command) =>
    command
      .option('--download <dir>', 'save each Canvas as an mp4 into this directory (created if missing)')
      .option('--overwrite', 'replace a file of the same name (default: take a free name)'),
  prepare: (flags) => {
    const dest = flags['download'] as string | undefined;
    const overwrite = flags['overwrite'] === true;
    return async (client, value, signal) => {
      const found = await client.getCanvas(value, { signal });
      if (dest === undefined) return found;
      if (found === null) throw new NotFoundError(`The track ${value} has no Canvas`);
      return { path: await client.downloadCanvas(found, dest, { signal, overwrite }) };
    };
  },
};

const chart: CommandSpec = {
  name: 'chart',
  args: '[keys...]',
  summary: `print a chart playlist as JSON (keys: ${CHARTS.map((entry) => entry.key).join(', ')})`,
  input: 'values',
  uses: FETCH_MANY,
  options: (command) => command.option('--max-tracks <n>', 'items to return, or "all" (default 100)'),
  prepare: (flags) => {
    const maxTracks = limitFlag('--max-tracks', flags['maxTracks'] as string | undefined);
    return (client, key, signal) => client.getChart(key, { signal, maxTracks });
  },
};

export const ACCOUNT_COMMANDS: readonly CommandSpec[] = [
  lyrics,
  {
    name: 'credits',
    args: '[tracks...]',
    summary:
      'print the credits of each track (keyless; with an account cookie spclient answers when the partner API does not)',
    input: 'values',
    account: 'optional',
    uses: PARTNER_MANY,
    prepare: () => (client, value, signal) => client.getCredits(value, { signal }),
  },
  canvas,
  transcript,
  {
    name: 'user',
    args: '[users...]',
    summary:
      'print the public profile of each user (spotify:user:…, open.spotify.com/user/… or an id; needs an account cookie)',
    input: 'values',
    account: 'required',
    uses: PARTNER_MANY,
    prepare: () => (client, value, signal) => client.getUser(value, { signal }),
  },
  {
    name: 'account',
    args: '',
    summary: "print the state of the cookie's account: product (premium, free), country, ads",
    input: 'none',
    account: 'required',
    uses: ['output', 'network', 'pace', 'retries', 'fleet'],
    prepare: () => () => Promise.resolve(undefined),
    whole: async ({ io, flags, withClient }) => {
      const state = await withClient((client) => client.getAccount());
      io.stdout.write(`${JSON.stringify(state, null, flags['pretty'] === true ? 2 : undefined)}\n`);
      return 0;
    },
  },
  chart,
  {
    name: 'charts',
    args: '',
    summary: 'list the chart keys `chart` takes, with their names and playlist ids',
    input: 'none',
    uses: ['output'],
    prepare: () => () => Promise.resolve(undefined),
    whole: ({ io, flags }) => {
      io.stdout.write(`${JSON.stringify(CHARTS, null, flags['pretty'] === true ? 2 : undefined)}\n`);
      return Promise.resolve(0);
    },
  },
];
