import type { AsyncSpotifyClient, ClientOptions } from '../index.js';
import type { Command } from 'commander';
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
  /** The command's own options (shared ones are added to every command). */
  options?: (command: Command) => void;
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
}

/** What a whole-run command gets: its flags and arguments, the client options the flags make, the streams. */
export interface WholeRun {
  flags: Flags;
  args: readonly string[];
  options: ClientOptions;
  io: Io;
  /** A client of those options, made at the first call and closed after the run. */
  client: () => AsyncSpotifyClient;
}
