import { InvalidInputError } from '../errors.js';
import type { CommandSpec } from './command-spec.js';
import { wholeNumber } from './client-options.js';

/**
 * `spotify-scraper fake-spotify [--port N] [--replay FILE]`: the testing kit's fake Spotify as a
 * server of its own, with the built-in catalogue or a capture; prints its origin on stdout (for
 * `--origin` and `routeTo`) and runs until Ctrl-C (SIGINT) or SIGTERM.
 */
export const fakeSpotifyCommand: CommandSpec = {
  name: 'fake-spotify',
  args: '',
  summary:
    'serve a fake Spotify on 127.0.0.1 (a built-in catalogue, or --replay a capture) for --origin; prints its origin, stops on Ctrl-C',
  input: 'none',
  uses: [],
  options: (command) =>
    command
      .option('--port <n>', 'the port on 127.0.0.1 (default: a free one)')
      .option('--replay <file>', 'serve this capture (spotify-scraper capture … --out FILE) instead of the catalogue'),
  prepare: () => () => Promise.resolve(undefined),
  whole: async ({ flags, io }) => {
    const port = flags['port'] === undefined ? undefined : wholeNumber('--port', String(flags['port']), 0);
    if (port !== undefined && port > 65_535) throw new InvalidInputError(`--port must be 0-65535, got ${port}`);
    const replay = flags['replay'] as string | undefined;
    // The kit is loaded only by this command.
    const { startFakeSpotify, addCatalogue, CATALOGUE } = await import('../testing/index.js');
    const spotify = await startFakeSpotify({ port, replay });
    if (replay === undefined) addCatalogue(spotify);
    io.stdout.write(`${spotify.origin}\n`);
    io.stderr.write(
      replay === undefined
        ? `fake Spotify on ${spotify.origin} with the built-in catalogue; try:\n` +
            `  spotify-scraper track ${CATALOGUE.track} --origin ${spotify.origin}\n` +
            `  spotify-scraper search ${CATALOGUE.query} --origin ${spotify.origin}\n` +
            `  SPOTIFY_SP_DC=fake-sp-dc-cookie-value spotify-scraper lyrics ${CATALOGUE.track} --origin ${spotify.origin}\n` +
            'Ctrl-C stops it.\n'
        : `fake Spotify on ${spotify.origin} serving ${replay}; Ctrl-C stops it.\n`,
    );
    await new Promise<void>((resolve) => {
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await spotify.close();
    return 0;
  },
};
