import type { DoctorReport } from '../index.js';
import type { CommandSpec } from './command-spec.js';

/** `spotify-scraper doctor`: the live check, as a table (or `--json`), exit code 0 / 1 / 2. */
export const doctorCommand: CommandSpec = {
  name: 'doctor',
  args: '',
  summary:
    'check, layer by layer, what the library depends on at Spotify (about 20 paced requests and one per operation); exit 0 all well, 1 healed or stale, 2 broken',
  input: 'none',
  uses: ['network', 'pace', 'cache'],
  options: (command) => command.option('--json', 'print the report as JSON'),
  prepare: () => () => Promise.resolve(undefined),
  whole: async ({ flags, options, io }) => {
    const { dispatcher, proxy, browser, rateLimit, timeout, locale, cache } = options;
    const { doctor } = await import('../index.js');
    const report = await doctor({
      dispatcher,
      proxy,
      browser,
      rateLimit,
      timeout,
      locale,
      cache: typeof cache === 'object' ? cache : undefined,
    });
    io.stdout.write(flags['json'] === true ? `${JSON.stringify(report, null, 2)}\n` : table(report));
    return report.exitCode;
  },
};

const MARK: Record<string, string> = {
  ok: 'ok',
  healed: 'HEALED',
  stale: 'STALE',
  failed: 'FAILED',
  skipped: 'skipped',
};

/**
 * Text from the network (a client version, a track's name, a server's words) as a table cell: control
 * characters and terminal escapes shown escaped (`\u001b`), never interpreted, so no answer can forge
 * a line of the report or restyle the terminal.
 */
export function cell(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function table(report: DoctorReport): string {
  const rows = report.checks.map((check) => [
    cell(check.layer),
    cell(check.name),
    MARK[check.status] ?? check.status,
    cell(check.detail),
  ]);
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => (row[column] as string).length), 5));
  const line = (row: string[]) =>
    row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column] as number) : cell)).join('  ');
  const verdict = [
    'all well: every operation answers with its built-in hash',
    'works, but only thanks to healing, or a layer is stale or down',
    'broken: a getter or search cannot get its data',
  ][report.exitCode];
  const out = [
    line(['layer', 'check', 'status', 'detail']),
    ...rows.map(line),
    '',
    `${report.requests} requests. ${verdict}.`,
  ];
  if (report.stoppedAt) out.push(`Stopped early: ${cell(report.stoppedAt)}.`);
  if (report.operations)
    out.push(
      '',
      'The built-in table is stale. Until a release has the new hashes, pass:',
      `  new AsyncSpotifyClient({ ${cell(report.operations)} })`,
    );
  out.push(
    '',
    'Report a change of Spotify with this output (spotify-scraper doctor --json) and a capture (spotify-scraper capture).',
  );
  return `${out.join('\n')}\n`;
}
