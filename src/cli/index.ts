#!/usr/bin/env node
import packageJson from '../../package.json' with { type: 'json' };
import { runCli } from './program.js';

// A reader that went away (`| head -1`) ends the run quietly; the runner cancels the remaining work.
process.stdout.on('error', () => undefined);
process.exitCode = await runCli(
  process.argv.slice(2),
  packageJson.version,
  { stdout: process.stdout, stderr: process.stderr },
  process.stdin,
);
