import type { Command } from 'commander';
import { DEFAULTS } from '../defaults.js';

/**
 * The options shared by several commands, in groups: a command takes the groups it uses and no other
 * (its `--help` lists only those; one it does not take is a usage error naming the command).
 */
export type OptionGroup =
  /** Values from a file or stdin. */
  | 'input'
  /** JSON printed on stdout. */
  | 'output'
  /** Requests to Spotify: where they go and how long one may take. */
  | 'network'
  /** The pace of requests: rate and burst. */
  | 'pace'
  /** Retries after a failed attempt. */
  | 'retries'
  /** The partner API after the embed page. */
  | 'partner'
  /** Several values at once, with a progress bar. */
  | 'batch'
  /** Results shared through Redis. */
  | 'cache'
  /** One rate-limit budget for several processes. */
  | 'fleet';

const GROUPS: Readonly<Record<OptionGroup, (command: Command) => void>> = {
  input: (command) => command.option('--input <file>', 'read values from a file, one per line ("-" for stdin)'),
  output: (command) => command.option('--pretty', 'indent the JSON (several values: one JSON array)'),
  network: (command) =>
    command
      .option('--proxy <url>', 'http(s) proxy, user:pass@ allowed (default: HTTPS_PROXY / HTTP_PROXY)')
      .option('--timeout <ms>', `per-attempt timeout in ms (default ${DEFAULTS.timeout})`)
      .option('--locale <tag>', 'BCP-47 locale sent as Accept-Language')
      .option(
        '--browser [path]',
        'fetch pages through Chromium (playwright-core; the system chromium, or PATH) for networks whose edge refuses plain HTTP',
      )
      .option(
        '--browser-fallback',
        'plain HTTP until a host answers a 403 challenge page, then Chromium for it (with --browser PATH: that Chromium)',
      )
      .option(
        '--origin <url>',
        'send every request to this server instead of Spotify (a replay or test server); the host meant goes in the x-spotify-scraper-host header',
      ),
  pace: (command) =>
    command
      .option('--rate <perSecond>', `requests per second per host (default ${DEFAULTS.rateLimit.perSecond})`)
      .option('--burst <n>', `requests at once per host (default ${DEFAULTS.rateLimit.burst})`),
  retries: (command) =>
    command.option('--retries <n>', `retries after the first attempt (default ${DEFAULTS.retry.maxAttempts - 1})`),
  partner: (command) =>
    command.option('--no-partner-api', 'embed pages only: one request per value, playlists capped at 100'),
  batch: (command) =>
    command
      .option('--concurrency <n>', `values fetched at once (default ${DEFAULTS.maxConcurrency})`)
      .option('--no-progress', 'no progress bar'),
  cache: (command) =>
    command.option(
      '--cache <url>',
      'share results through Redis across runs and machines (redis://host:port; needs keyv and @keyv/redis)',
    ),
  fleet: (command) =>
    command
      .option(
        '--fleet-redis <url>',
        'share the rate limit with every process naming this Redis (redis://host:port; needs ioredis)',
      )
      .option('--fleet-key <key>', `namespace of the shared budget in Redis (default ${DEFAULTS.fleet.key})`)
      .option(
        '--fleet-workers <n>',
        `processes sharing the budget: each falls back to rate / n when Redis is away (default ${DEFAULTS.fleet.workers})`,
      ),
};

/** What a command that fetches entities, many at a time, takes. */
export const FETCH_MANY: readonly OptionGroup[] = [
  'input',
  'output',
  'network',
  'pace',
  'retries',
  'partner',
  'batch',
  'cache',
  'fleet',
];
/** A command that asks the partner API only (discovery, the extras): no `--no-partner-api`. */
export const PARTNER_MANY: readonly OptionGroup[] = FETCH_MANY.filter((group) => group !== 'partner');

/** Adds the options of `groups` to `command`, and `--quiet`, which every command takes. */
export function addOptionGroups(command: Command, groups: readonly OptionGroup[]): void {
  for (const group of groups) GROUPS[group](command);
  command.option('-q, --quiet', 'no warnings, notes or progress bar on stderr (errors still)');
}
