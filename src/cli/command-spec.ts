import type { AsyncSpotifyClient, ClientOptions } from '../index.js';
import type { Command } from 'commander';
import type { OptionGroup } from './option-groups.js';
import type { Io } from './output.js';
import type { Note } from './run.js';

/** What a command does with one value, once the client exists. */
export type ValueTask = (
  client: AsyncSpotifyClient,
  value: string,
  signal: AbortSignal,
  note: Note,
) => Promise<unknown>;

/** The parsed flags a command reads (commander's camel-cased names). */
export type Flags = Record<string, unknown>;

export interface CommandSpec {
  name: string;
  /** Commander's argument syntax. */
  args: string;
  summary: string;
  /** The command's own options. */
  options?: (command: Command) => void;
  /** The shared option groups it takes (`--quiet` is every command's): those, and no other. */
  uses: readonly OptionGroup[];
  /** The flag the first argument goes into (`download <what>`, `crawl <action>`); the rest are the values. */
  firstArgument?: string | undefined;
  /** Options it does not know are left to it (capture: another command's options follow it). */
  passThrough?: boolean | undefined;
  /** `query`: the arguments are one search query; `values`: arguments, `--input` or stdin; `none`: no values. */
  input: 'values' | 'query' | 'none';
  /** Reads and checks the flags (bad ones are InvalidInputErrors, before any request) and returns the task. */
  prepare: (flags: Flags) => ValueTask;
  /** A command that is not a task per value (doctor, capture): the whole run, resolving to the exit code. */
  whole?: ((run: WholeRun) => Promise<number>) | undefined;
  /**
   * Whether the command uses the account cookie (`--cookies FILE` or SPOTIFY_SP_DC): `required` refuses
   * to start without one, `optional` uses it when given.
   */
  account?: 'required' | 'optional' | undefined;
  /** How many values' tasks run at once, when the flags gather values into list requests (`track --summary`). */
  tasksAtOnce?: ((flags: Flags) => number | undefined) | undefined;
  /** `--stream`: the items of each value as NDJSON lines as their pages arrive, instead of one document per value. */
  stream?: ((flags: Flags) => StreamOpener | undefined) | undefined;
}

/** What `--stream` iterates for one value. */
export type StreamOpener = (client: AsyncSpotifyClient, value: string, signal: AbortSignal) => AsyncIterable<unknown>;

/** Makes a client of `options`, runs `run` with it, closes it: the CLI's, or capture's recording one. */
export type WithClient = <T>(options: ClientOptions, run: (client: AsyncSpotifyClient) => Promise<T>) => Promise<T>;

/** What a whole-run command gets: its flags and arguments, the client options the flags make, the streams. */
export interface WholeRun {
  flags: Flags;
  args: readonly string[];
  options: ClientOptions;
  io: Io;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  version: string;
  /** Runs `run` with a client of those options (closed after it). */
  withClient: <T>(run: (client: AsyncSpotifyClient) => Promise<T>) => Promise<T>;
  /** The names of every command. */
  commands: readonly string[];
  /** Runs another command line of the program (capture), with these streams and way to make its client. */
  rerun: (argv: string[], io: Io, withClient: WithClient) => Promise<number>;
}
